package netralitas.hub.mail;

import jakarta.activation.DataHandler;
import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimePart;
import jakarta.mail.internet.MimeUtility;
import jakarta.mail.internet.PreencodedMimeBodyPart;
import jakarta.mail.util.ByteArrayDataSource;
import netralitas.hub.inbox.AttachmentNames;
import netralitas.hub.inbox.EvidenceFile;
import netralitas.hub.text.HeaderValues;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The MIME structure of every mail the hub sends (SPEC §7, §9). The body is {@code multipart/alternative} of the plain
 * text and the HTML (an acknowledgement has plain text only); with evidence files it is the first part of a top-level {@code multipart/mixed} and each file
 * follows it, so a reader that shows either alternative sees the files.
 *
 * <p>Every file travels as base64 over its exact bytes, a text file too: {@code 7bit} or quoted-printable text is
 * line-oriented, and the sending side and the reader both rewrite its line endings to CRLF (a PDF of 463 bytes with
 * LF line endings arrived as 473), so only base64 keeps evidence byte-identical. This holds as long as the SMTP session
 * leaves {@code mail.smtp.allow8bitmime} off: with it on, Jakarta Mail re-encodes 8-bit text parts as {@code 8bit}.
 */
public final class MimeMail {

    private static final String CHARSET = StandardCharsets.UTF_8.name();
    private static final String BASE64 = "base64";
    private static final String QUOTED_PRINTABLE = "quoted-printable";
    private static final Pattern MIME_TYPE = Pattern.compile("[a-z0-9][a-z0-9!#$&^_.+-]*/[a-z0-9][a-z0-9!#$&^_.+-]*");
    private static final String OCTET_STREAM = "application/octet-stream";
    private static final int MAX_HEADER_LENGTH = 1000;
    /** Base64 lines as Jakarta Mail writes them: 76 characters and CRLF. */
    private static final int BASE64_LINE = 76;
    /**
     * A part's boundary line and headers, at most: a file's name (100 characters, which RFC 2231 may encode at 9 bytes
     * each) is written twice, as the type's {@code name} and the disposition's {@code filename}.
     */
    static final int PART_ALLOWANCE = 2048;
    /** Headers the caller gives that are set from the parts, or by the sender (Date), never copied. */
    private static final Set<String> STRUCTURAL = Set.of("mime-version", "content-type", "content-transfer-encoding", "date");

    private MimeMail() {
    }

    /**
     * @param headers header name to value; From, To, Cc, Reply-To are address lists, Subject is encoded as UTF-8, every other
     *                header in {@link OutgoingHeaders#ALLOWED} is copied with its value made header-safe, the rest
     *                is left out
     * @param text    the plain text, or null for an HTML-only mail
     * @param html    the HTML, or null for a plain-text-only mail (an acknowledgement)
     * @param files   the evidence files to attach; withheld ones (no content) are not attached
     */
    public static MimeMessage build(Session session, Map<String, ?> headers, String text, String html,
                                    List<EvidenceFile> files) throws MessagingException {
        MimeMessage message = new MimeMessage(session);
        for (Map.Entry<String, ?> header : headers.entrySet()) {
            String name = header.getKey().toLowerCase(Locale.ROOT);
            if (header.getValue() == null || !OutgoingHeaders.ALLOWED.contains(name) || STRUCTURAL.contains(name)) {
                continue;
            }
            String value = String.valueOf(header.getValue());
            switch (name) {
                case "from" -> message.setFrom(addresses(value)[0]);
                case "to" -> message.setRecipients(MimeMessage.RecipientType.TO, addresses(value));
                case "cc" -> message.setRecipients(MimeMessage.RecipientType.CC, addresses(value));
                case "reply-to" -> message.setReplyTo(addresses(value));
                case "subject" -> message.setSubject(HeaderValues.sanitize(value, MAX_HEADER_LENGTH), CHARSET);
                default -> message.setHeader(header.getKey(), HeaderValues.sanitize(value, MAX_HEADER_LENGTH));
            }
        }
        List<EvidenceFile> attached = files == null ? List.of() : files.stream().filter(f -> !f.withheld()).toList();
        if (attached.isEmpty()) {
            fill(message, text, html);
            return message;
        }
        MimeMultipart mixed = new MimeMultipart("mixed");
        MimeBodyPart body = new MimeBodyPart();
        fill(body, text, html);
        mixed.addBodyPart(body);
        int index = 0;
        for (EvidenceFile file : attached) {
            mixed.addBodyPart(filePart(file, ++index));
        }
        message.setContent(mixed);
        return message;
    }

    /**
     * The bytes {@link #build} makes of these texts and files, the message's own headers aside: each text as
     * quoted-printable and each attached file as base64, exactly, and {@link #PART_ALLOWANCE} for each part's boundary
     * and headers. Never less than those parts take when sent.
     */
    public static long partsSize(String text, String html, List<EvidenceFile> files) {
        long size = 0;
        for (String content : new String[] {text, html}) {
            if (content != null) {
                size += PART_ALLOWANCE + quotedPrintableLength(content);
            }
        }
        if (files != null) {
            for (EvidenceFile file : files) {
                if (!file.withheld()) {
                    size += PART_ALLOWANCE + base64Length(file.size());
                }
            }
        }
        return size;
    }

    /** The base64 of {@code bytes} bytes in lines of {@link #BASE64_LINE} characters, each ended by CRLF. */
    static long base64Length(long bytes) {
        long characters = 4 * ((bytes + 2) / 3);
        return characters + 2 * ((characters + BASE64_LINE - 1) / BASE64_LINE);
    }

    private static long quotedPrintableLength(String content) {
        long[] length = {0};
        try (OutputStream encoder = MimeUtility.encode(new OutputStream() {
            @Override
            public void write(int b) {
                length[0]++;
            }
        }, QUOTED_PRINTABLE)) {
            encoder.write(content.getBytes(StandardCharsets.UTF_8));
        } catch (IOException | MessagingException e) {
            throw new IllegalStateException("Cannot measure a text as quoted-printable", e);
        }
        return length[0];
    }

    /** Both texts: multipart/alternative; one of them (an acknowledgement is plain text only): that one alone. */
    private static void fill(MimePart part, String text, String html) throws MessagingException {
        if (html == null) {
            part.setText(text == null ? "" : text, CHARSET, "plain");
        } else if (text == null) {
            part.setText(html, CHARSET, "html");
        } else {
            MimeMultipart alternative = new MimeMultipart("alternative");
            alternative.addBodyPart(quotedPrintable(text, "plain"));
            alternative.addBodyPart(quotedPrintable(html, "html"));
            part.setContent(alternative);
        }
    }

    /**
     * A text alternative, quoted-printable as Jakarta Mail would choose it for these texts, encoded here once. Left to
     * Jakarta Mail, the text was written out twice per send (once to choose the encoding, once to the server) and
     * encoded a byte at a time through the SMTP stream: about a tenth of the hub's CPU (docs/benchmarks.md).
     */
    private static MimeBodyPart quotedPrintable(String content, String subtype) throws MessagingException {
        EncodedBytes encoded = new EncodedBytes(2 * content.length() + 64);
        try (OutputStream encoder = MimeUtility.encode(encoded, QUOTED_PRINTABLE)) {
            encoder.write(content.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new MessagingException("Cannot encode the " + subtype + " text", e);
        }
        MimeBodyPart part = new PreencodedMimeBodyPart(QUOTED_PRINTABLE);
        part.setDataHandler(new DataHandler(new ByteArrayDataSource(encoded.bytes(),
                "text/" + subtype + "; charset=" + CHARSET)));
        return part;
    }

    /** The exact bytes, base64; a content type only when it is a plain type/subtype, a name without path or controls. */
    static MimeBodyPart filePart(EvidenceFile file, int index) throws MessagingException {
        String type = file.contentType() == null ? "" : file.contentType().strip().toLowerCase(Locale.ROOT);
        MimeBodyPart part = new MimeBodyPart();
        part.setDataHandler(new DataHandler(new ByteArrayDataSource(file.content(), MIME_TYPE.matcher(type).matches() ? type : OCTET_STREAM)));
        part.setFileName(AttachmentNames.sanitise(file.name(), index, type));
        part.setDisposition(Part.ATTACHMENT);
        // Set here, so that Jakarta Mail does not choose 7bit or quoted-printable from the content (see above).
        part.setHeader("Content-Transfer-Encoding", BASE64);
        return part;
    }

    private static InternetAddress[] addresses(String list) throws AddressException {
        InternetAddress[] parsed = InternetAddress.parse(HeaderValues.sanitize(list, MAX_HEADER_LENGTH), false);
        for (InternetAddress address : parsed) {
            if (address.getPersonal() != null) {
                try {
                    address.setPersonal(address.getPersonal(), CHARSET);
                } catch (UnsupportedEncodingException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        if (parsed.length == 0) {
            throw new AddressException("no address", list);
        }
        return parsed;
    }

    /** The encoder's output: a plain growing array, as the encoder writes a byte at a time (ByteArrayOutputStream locks each). */
    private static final class EncodedBytes extends OutputStream {
        private byte[] bytes;
        private int length;

        EncodedBytes(int capacity) {
            bytes = new byte[capacity];
        }

        @Override
        public void write(int b) {
            if (length == bytes.length) {
                bytes = Arrays.copyOf(bytes, 2 * length);
            }
            bytes[length++] = (byte) b;
        }

        byte[] bytes() {
            return Arrays.copyOf(bytes, length);
        }
    }
}
