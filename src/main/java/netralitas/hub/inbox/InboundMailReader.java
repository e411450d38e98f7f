package netralitas.hub.inbox;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import jakarta.mail.util.SharedByteArrayInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * Reads one raw RFC 5322 message from the report mailbox (SPEC §3.2) into an {@link InboundMail}. Never throws
 * for bad input: whatever cannot be understood comes back as {@link MailKind#UNREADABLE} with the reason, so one
 * malformed message never stops the mailbox from being read.
 */
public final class InboundMailReader {

    static final int MAX_TEXT_CHARS = 20_000;
    static final int MAX_SUBJECT_CHARS = 200;
    private static final int MAX_NAME_CHARS = 200;
    private static final int MAX_ADDRESS_CHARS = 254;
    private static final int MAX_MESSAGE_ID_CHARS = 250;
    private static final int SHA_HEX_CHARS = 32;

    /** A bare address the hub may write to: no spaces, brackets or line breaks, one @ with text on both sides. */
    private static final Pattern PLAIN_ADDRESS = Pattern.compile("[^\\s<>()\\[\\],;:\"@]+@[^\\s<>()\\[\\],;:\"@]+");
    private static final Pattern TRAILING_SPACE = Pattern.compile("[ \\t\\u00A0]+(?=\n|$)");
    private static final Pattern MANY_BLANK_LINES = Pattern.compile("\n{4,}");
    private static final Pattern CONTROL = Pattern.compile("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F]");

    private final long maxAttachmentBytes;
    private final ZoneId zone;
    private final Session session;

    public InboundMailReader(long maxAttachmentBytes, ZoneId zone) {
        if (maxAttachmentBytes < 0) {
            throw new IllegalArgumentException("maxAttachmentBytes must not be negative: " + maxAttachmentBytes);
        }
        this.maxAttachmentBytes = maxAttachmentBytes;
        this.zone = Objects.requireNonNull(zone, "zone");
        this.session = Session.getInstance(sessionProperties());
    }

    private static Properties sessionProperties() {
        Properties props = new Properties();
        // A truncated message still has its beginning; a missing start boundary is caught as "struktur MIME rusak".
        props.setProperty("mail.mime.multipart.ignoremissingendboundary", "true");
        props.setProperty("mail.mime.decodefilename", "true");
        props.setProperty("mail.mime.decodeparameters", "true");
        // Phone clients send raw UTF-8 in headers (RFC 6532).
        props.setProperty("mail.mime.allowutf8", "true");
        return props;
    }

    public InboundMail read(byte[] rawMessage) {
        if (rawMessage == null || rawMessage.length == 0) {
            return unreadable(null, sha256Id(new byte[0]), "pesan kosong");
        }
        String fallbackId = sha256Id(rawMessage);
        MimeMessage message;
        Headers headers;
        try {
            message = new MimeMessage(session, new SharedByteArrayInputStream(rawMessage));
            headers = headers(message, fallbackId);
        } catch (MessagingException | RuntimeException e) {
            return unreadable(null, fallbackId, "header pesan tidak dapat dibaca: " + PartWalker.detail(e));
        }
        if (!looksLikeAMessage(message)) {
            return headers.toMail(MailKind.UNREADABLE, "bukan pesan email (tanpa header From, Date, Subject dan Message-ID)", "", null);
        }
        try {
            String automated = AutomatedMail.reason(message, headers.fromAddress());
            if (automated != null) {
                return headers.toMail(MailKind.NOT_A_REPORT, automated, "", null);
            }
        } catch (MessagingException | RuntimeException e) {
            return headers.toMail(MailKind.UNREADABLE, "header pesan tidak dapat dibaca: " + PartWalker.detail(e), "", null);
        }
        PartWalker walker = new PartWalker(session, maxAttachmentBytes);
        try {
            walker.walk(message);
        } catch (MessagingException e) {
            return headers.toMail(MailKind.UNREADABLE, "struktur MIME rusak: " + PartWalker.detail(e), "", null);
        } catch (java.io.IOException | RuntimeException e) {
            return headers.toMail(MailKind.UNREADABLE, "isi pesan tidak dapat dibaca: " + PartWalker.detail(e), "", null);
        }
        return headers.toMail(MailKind.REPORT, null, normaliseText(walker.text()), walker);
    }

    /** What the headers say, read once and already made safe. */
    private record Headers(String messageId, String sourceId, LocalDate sentDate, String fromAddress, String fromName,
                           String subject, String noReplyReason) {

        InboundMail toMail(MailKind kind, String reason, String text, PartWalker walker) {
            return new InboundMail(messageId, sourceId, sentDate, fromAddress, fromName, subject, kind, reason,
                    noReplyReason, text,
                    walker == null ? List.of() : walker.evidence(),
                    walker == null ? List.of() : walker.csv(),
                    walker == null ? List.of() : walker.notes());
        }
    }

    private Headers headers(MimeMessage message, String fallbackId) throws MessagingException {
        String messageId = messageId(message.getHeader("Message-ID", null));
        InternetAddress from = firstAddress(message.getHeader("From", ","));
        String fromAddress = bareAddress(from);
        String fromName = from == null ? null : SingleLine.of(from.getPersonal(), MAX_NAME_CHARS);
        return new Headers(messageId, messageId != null ? messageId : fallbackId, sentDate(message), fromAddress, fromName,
                subject(message), AutomatedMail.noReplyReason(message));
    }

    /** Bytes that are not mail still "parse": without any of the basic headers there is nothing to trust. */
    private static boolean looksLikeAMessage(MimeMessage message) {
        try {
            for (String name : new String[] {"From", "Date", "Subject", "Message-ID"}) {
                if (message.getHeader(name) != null) {
                    return true;
                }
            }
            return false;
        } catch (MessagingException e) {
            return false;
        }
    }

    private static InboundMail unreadable(String messageId, String sourceId, String reason) {
        return new InboundMail(messageId, sourceId, null, null, null, null, MailKind.UNREADABLE, reason, null, "",
                List.of(), List.of(), List.of());
    }

    static String messageId(String header) {
        String id = SingleLine.of(header == null ? null : MimeUtility.unfold(header), MAX_MESSAGE_ID_CHARS);
        if (id == null) {
            return null;
        }
        id = id.replace(" ", "");
        if (id.equals("<>")) {
            return null;
        }
        return id.startsWith("<") && id.endsWith(">") ? id : "<" + id.replace("<", "").replace(">", "") + ">";
    }

    private static String sha256Id(byte[] raw) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(raw);
            return "sha256:" + HexFormat.of().formatHex(digest).substring(0, SHA_HEX_CHARS);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    private LocalDate sentDate(MimeMessage message) {
        try {
            java.util.Date date = message.getSentDate();
            return date == null ? null : date.toInstant().atZone(zone).toLocalDate();
        } catch (MessagingException | RuntimeException e) {
            return null;
        }
    }

    private static String subject(MimeMessage message) {
        try {
            return SingleLine.of(message.getSubject(), MAX_SUBJECT_CHARS);
        } catch (MessagingException | RuntimeException e) {
            return null;
        }
    }

    /** The first mailbox of an address header, read leniently: reporters' clients are not always RFC-clean. */
    private static InternetAddress firstAddress(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        try {
            for (InternetAddress address : InternetAddress.parseHeader(MimeUtility.unfold(header), false)) {
                if (!address.isGroup() && address.getAddress() != null && !address.getAddress().isBlank()) {
                    return address;
                }
            }
        } catch (MessagingException | RuntimeException e) {
            return null;
        }
        return null;
    }

    private static String bareAddress(InternetAddress address) {
        if (address == null) {
            return null;
        }
        String value = address.getAddress().strip().toLowerCase(Locale.ROOT);
        return value.length() <= MAX_ADDRESS_CHARS && PLAIN_ADDRESS.matcher(value).matches() ? value : null;
    }

    /** LF line ends, no trailing spaces or stray control characters, at most {@link #MAX_TEXT_CHARS}. */
    static String normaliseText(String text) {
        String lf = text.replace("\r\n", "\n").replace('\r', '\n');
        lf = CONTROL.matcher(lf).replaceAll("");
        lf = TRAILING_SPACE.matcher(lf).replaceAll("");
        lf = MANY_BLANK_LINES.matcher(lf).replaceAll("\n\n\n");
        lf = lf.strip();
        if (lf.length() > MAX_TEXT_CHARS) {
            int cut = MAX_TEXT_CHARS;
            if (Character.isHighSurrogate(lf.charAt(cut - 1))) {
                cut--;
            }
            lf = lf.substring(0, cut);
        }
        return lf;
    }
}
