package netralitas.hub.inbox;

import jakarta.mail.internet.ContentDisposition;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.MimeUtility;
import jakarta.mail.internet.ParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads Content-Type and Content-Disposition values leniently: a header jakarta.mail cannot parse still yields
 * its type and parameters when they are recognisable, instead of failing the whole message.
 */
final class MimeTypes {

    static final String OCTET_STREAM = "application/octet-stream";
    private static final Pattern TYPE = Pattern.compile("\\s*([a-zA-Z0-9!#$&^_.+-]+/[a-zA-Z0-9!#$&^_.+-]+)");

    private MimeTypes() {
    }

    /** "Text/HTML; charset=x" → "text/html"; unparseable → application/octet-stream. */
    static String baseType(String contentType) {
        if (contentType == null || contentType.isBlank()) {
            return "text/plain";
        }
        try {
            return new ContentType(contentType).getBaseType().toLowerCase(Locale.ROOT);
        } catch (ParseException | RuntimeException e) {
            Matcher m = TYPE.matcher(contentType);
            return m.lookingAt() ? m.group(1).toLowerCase(Locale.ROOT) : OCTET_STREAM;
        }
    }

    /** A parameter of Content-Type (RFC 2231 decoded), or null. */
    static String typeParameter(String contentType, String name) {
        if (contentType == null) {
            return null;
        }
        try {
            return new ContentType(contentType).getParameter(name);
        } catch (ParseException | RuntimeException e) {
            return looseParameter(contentType, name);
        }
    }

    /** "attachment" or "inline" (lower-case), or null when absent or unreadable. */
    static String disposition(String contentDisposition) {
        if (contentDisposition == null || contentDisposition.isBlank()) {
            return null;
        }
        try {
            String value = new ContentDisposition(contentDisposition).getDisposition();
            return value == null ? null : value.toLowerCase(Locale.ROOT);
        } catch (ParseException | RuntimeException e) {
            String head = contentDisposition.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
            return head.isEmpty() ? null : head;
        }
    }

    /** A parameter of Content-Disposition (RFC 2231 decoded), or null. */
    static String dispositionParameter(String contentDisposition, String name) {
        if (contentDisposition == null) {
            return null;
        }
        try {
            return new ContentDisposition(contentDisposition).getParameter(name);
        } catch (ParseException | RuntimeException e) {
            return looseParameter(contentDisposition, name);
        }
    }

    /** Decodes RFC 2047 words that some clients put into file names although the RFC forbids it. */
    static String decodeWords(String text) {
        if (text == null || !text.contains("=?")) {
            return text;
        }
        try {
            return MimeUtility.decodeText(text);
        } catch (java.io.UnsupportedEncodingException | RuntimeException e) {
            return text;
        }
    }

    private static String looseParameter(String header, String name) {
        Matcher m = Pattern.compile("(?i)(?:^|;)\\s*" + Pattern.quote(name) + "\\s*=\\s*(\"([^\"]*)\"|[^;\\s]+)").matcher(header);
        if (!m.find()) {
            return null;
        }
        return m.group(2) != null ? m.group(2) : m.group(1);
    }
}
