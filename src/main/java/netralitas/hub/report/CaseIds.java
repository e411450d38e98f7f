package netralitas.hub.report;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Derives the case id from what a report says, never from where it arrived, so that the same report
 * dropped again in another file (or at another line, or by email) gets the same id and the dedupe
 * step can recognise it.
 *
 * <p>Format: {@code NH-<incident date yyyyMMdd>-<8 Crockford base32 chars>}, e.g. {@code NH-20241005-3QF8K0ZD}.
 * The 8 characters are the first 40 bits of SHA-256 over this UTF-8 text, one line per field, each
 * line ending in {@code \n}:
 * <pre>
 * registerNumber=&lt;v&gt;
 * nip=&lt;v&gt;
 * name=&lt;v&gt;
 * regionCode=&lt;v&gt;
 * regionName=&lt;v&gt;
 * categoryText=&lt;v&gt;
 * incidentDate=&lt;yyyy-MM-dd&gt;
 * description=&lt;v&gt;
 * </pre>
 * where every text value is stripped, runs of whitespace collapsed to one space and lower-cased
 * (Locale.ROOT), and an absent value is the empty string. Changing this rendering changes every id:
 * treat it as a stored format.
 *
 * <p>A report sent by email is one message: its id is {@code NH-<date the message was sent>-<8 chars>} over the text
 * {@code messageId=<Message-ID, or the message's own hash when it has none>\n} (see {@link #forEmail}), so the same
 * message read again — after a crash, or from another poll — is recognised whatever its body says.
 */
public final class CaseIds {

    private static final char[] CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    private static final DateTimeFormatter ID_DATE = DateTimeFormatter.BASIC_ISO_DATE;
    /** Used when a report has no incident date, which the parsers never produce but a caller might. */
    private static final String NO_DATE = "00000000";

    private CaseIds() {
    }

    public static String forReport(Report r) {
        String date = r.incidentDate() == null ? NO_DATE : r.incidentDate().format(ID_DATE);
        return "NH-" + date + "-" + base32Prefix(sha256(canonical(r)));
    }

    /**
     * @param sourceId the message's Message-ID, or a hash of its bytes when it has none
     * @param sentDate the date in its Date header, or null
     */
    public static String forEmail(String sourceId, java.time.LocalDate sentDate) {
        String date = sentDate == null ? NO_DATE : sentDate.format(ID_DATE);
        return "NH-" + date + "-" + base32Prefix(sha256("messageId=" + sourceId.strip() + "\n"));
    }

    /** The exact text that is hashed; package-visible so tests can pin the format. */
    static String canonical(Report r) {
        return "registerNumber=" + text(r.registerNumber()) + "\n"
                + "nip=" + text(r.nip()) + "\n"
                + "name=" + text(r.name()) + "\n"
                + "regionCode=" + text(r.regionCode()) + "\n"
                + "regionName=" + text(r.regionName()) + "\n"
                + "categoryText=" + text(r.categoryText()) + "\n"
                + "incidentDate=" + (r.incidentDate() == null ? "" : r.incidentDate().toString()) + "\n"
                + "description=" + text(r.description()) + "\n";
    }

    private static String text(String value) {
        if (value == null) {
            return "";
        }
        return WHITESPACE.matcher(value.strip()).replaceAll(" ").toLowerCase(Locale.ROOT);
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java runtime", e);
        }
    }

    /** First 40 bits (5 bytes) as 8 base32 digits, most significant first. */
    private static String base32Prefix(byte[] hash) {
        long bits = 0;
        for (int i = 0; i < 5; i++) {
            bits = (bits << 8) | (hash[i] & 0xFF);
        }
        char[] out = new char[8];
        for (int i = 7; i >= 0; i--) {
            out[i] = CROCKFORD[(int) (bits & 0x1F)];
            bits >>>= 5;
        }
        return new String(out);
    }
}
