package netralitas.hub.inbox;

import jakarta.mail.internet.MimeUtility;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Decodes body text in the charset a part declares, and survives the charsets mail clients get wrong:
 * an unknown or missing charset is tried as UTF-8 and, when that does not fit, as windows-1252.
 */
final class TextCharsets {

    /** Browsers read ISO-8859-1 as its superset windows-1252 (WHATWG); mail clients send curly quotes that way too. */
    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private TextCharsets() {
    }

    static String decode(byte[] bytes, String declaredCharset) {
        Charset charset = lookup(declaredCharset);
        if (charset != null && !charset.equals(StandardCharsets.UTF_8)) {
            return new String(bytes, charset);
        }
        // Declared UTF-8 that is not valid UTF-8 was written in a legacy charset by a client that lied about it.
        try {
            return strictUtf8(bytes);
        } catch (CharacterCodingException e) {
            return new String(bytes, WINDOWS_1252);
        }
    }

    /**
     * A header value Jakarta Mail read one byte to one character, as ISO-8859-1: it reads a body part's headers so
     * whatever the session's mail.mime.allowutf8. Raw UTF-8 there (RFC 6532, as phone clients write file names) is
     * decoded as UTF-8; bytes that are not valid UTF-8, as old Latin-1 mail has them, stay as they were read.
     */
    static String rawHeaderValue(String value) {
        if (value == null || value.chars().allMatch(c -> c < 0x80) || value.chars().anyMatch(c -> c > 0xFF)) {
            return value;
        }
        try {
            return strictUtf8(value.getBytes(StandardCharsets.ISO_8859_1));
        } catch (CharacterCodingException e) {
            return value;
        }
    }

    private static String strictUtf8(byte[] bytes) throws CharacterCodingException {
        return StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(bytes))
                .toString();
    }

    /** The charset to trust, or null to guess: unknown names, and US-ASCII, which often hides UTF-8 bytes. */
    private static Charset lookup(String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        String clean = name.strip().replace("\"", "");
        Charset charset = forName(clean);
        if (charset == null) {
            // MIME names Java does not know directly; note jakarta maps US-ASCII to ISO-8859-1, hence asked second.
            charset = forName(MimeUtility.javaCharset(clean));
        }
        if (charset == null || charset.equals(StandardCharsets.US_ASCII)) {
            return null;
        }
        return charset.equals(StandardCharsets.ISO_8859_1) ? WINDOWS_1252 : charset;
    }

    private static Charset forName(String name) {
        try {
            return Charset.forName(name);
        } catch (IllegalArgumentException e) {
            // IllegalCharsetNameException and UnsupportedCharsetException both extend it.
            return null;
        }
    }
}
