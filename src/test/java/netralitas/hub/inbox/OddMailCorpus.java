package netralitas.hub.inbox;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The odd messages of src/test/resources/odd-mail (see its README): what a public mailbox receives besides reports —
 * delivery reports, receipts, auto-replies, list mail, signed and encrypted mail, calendar invitations — and messages
 * whose structure or headers are broken. None of them is a report, nor looks like one.
 */
public final class OddMailCorpus {

    /** Every file of src/test/resources/odd-mail, in order; {@link #TEN_MEGABYTE_LINE} is completed by {@link #bytes}. */
    public static final List<String> ALL = List.of(
            "01-dsn-full-original.eml", "02-dsn-delayed-no-auto-headers.eml", "03-dsn-unclosed-boundary.eml",
            "04-multipart-unclosed-boundary.eml", "05-boundary-never-appears.eml", "06-no-content-type.eml",
            "07-raw-8bit-headers.eml", "08-nul-byte.eml", "09-ten-megabyte-line-template.eml",
            "10-nested-rfc822-200-levels.eml", "11-smime-signed.eml", "12-smime-encrypted.eml", "13-pgp-mime-signed.eml",
            "14-pgp-inline-signed.eml", "15-pgp-encrypted.eml", "16-tnef-winmail.eml", "17-calendar-invitation.eml",
            "18-calendar-only-cancel.eml", "19-empty.eml", "20-headers-only.eml", "21-read-receipt-mdn.eml",
            "22-read-receipt-outlook-plain.eml", "23-out-of-office-exchange.eml", "24-vacation-x-autoreply.eml",
            "25-precedence-auto-reply.eml", "26-mailing-list-list-id.eml", "27-newsletter-precedence-bulk.eml",
            "28-list-digest.eml", "29-from-escaped-quote.eml", "30-from-bare-quote-phrase.eml",
            "31-from-encoded-crlf.eml", "32-from-unparseable.eml", "33-content-description-quote.eml",
            "34-multipart-no-parts.eml", "35-broken-base64.eml", "36-unknown-charset.eml",
            "37-broken-quoted-printable.eml", "38-mixed-line-endings.eml", "39-long-subject.eml",
            "40-thousand-received-headers.eml", "41-uuencoded-inline.eml", "42-invalid-date-no-message-id.eml",
            "43-duplicate-content-type.eml", "44-forwarded-bounce.eml", "45-rfc2231-broken-filename.eml",
            "46-utf8-address.eml");

    public static final String TEN_MEGABYTE_LINE = "09-ten-megabyte-line-template.eml";
    private static final String LINE_PLACEHOLDER = "%%LINE%%";
    private static final int LINE_BYTES = 10 * 1024 * 1024;

    private OddMailCorpus() {
    }

    /** The raw message; the template's placeholder becomes one line of 10 MB without a break. */
    public static byte[] bytes(String fileName) {
        byte[] raw = resource(fileName);
        if (!fileName.equals(TEN_MEGABYTE_LINE)) {
            return raw;
        }
        String template = new String(raw, StandardCharsets.US_ASCII);
        int at = template.indexOf(LINE_PLACEHOLDER);
        if (at < 0) {
            throw new IllegalStateException(fileName + " has no " + LINE_PLACEHOLDER + " line");
        }
        byte[] word = "teks-tanpa-jeda-".getBytes(StandardCharsets.US_ASCII);
        ByteArrayOutputStream out = new ByteArrayOutputStream(LINE_BYTES + template.length());
        out.writeBytes(template.substring(0, at).getBytes(StandardCharsets.US_ASCII));
        for (int written = 0; written < LINE_BYTES; written += word.length) {
            out.write(word, 0, Math.min(word.length, LINE_BYTES - written));
        }
        out.writeBytes(template.substring(at + LINE_PLACEHOLDER.length()).getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }

    private static byte[] resource(String fileName) {
        try (InputStream in = OddMailCorpus.class.getResourceAsStream("/odd-mail/" + fileName)) {
            if (in == null) {
                throw new IllegalArgumentException("no odd message " + fileName);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
