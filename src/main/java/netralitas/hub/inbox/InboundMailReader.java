package netralitas.hub.inbox;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import jakarta.mail.util.SharedByteArrayInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Properties;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads one raw RFC 5322 message from the report mailbox (SPEC §3.2) into an {@link InboundMail}. Never throws
 * for bad input: whatever cannot be understood, or is past one of the {@link MailLimits} (SPEC §9), comes back as
 * {@link MailKind#UNREADABLE} with the reason, so one malformed message never stops the mailbox from being read.
 */
public final class InboundMailReader {

    static final int MAX_TEXT_CHARS = 20_000;
    static final int MAX_SUBJECT_CHARS = 200;
    private static final int MAX_NAME_CHARS = 200;
    private static final int MAX_ADDRESS_CHARS = 254;
    private static final int MAX_MESSAGE_ID_CHARS = 250;
    private static final int SHA_HEX_CHARS = 32;
    /** What is kept of a message past hub.mail.max-message-bytes, for its headers (the server sends one fetch of it). */
    static final int OVERSIZE_PREFIX_BYTES = 64 * 1024;

    /** A bare address the hub may write to: no spaces, brackets or line breaks, one @ with text on both sides. */
    private static final Pattern PLAIN_ADDRESS = Pattern.compile("[^\\s<>()\\[\\],;:\"@]+@[^\\s<>()\\[\\],;:\"@]+");
    private static final Pattern LAST_BRACKETED = Pattern.compile("<([^<>]*)>\\s*$");
    private static final Pattern TRAILING_SPACE = Pattern.compile("[ \\t\\u00A0]+(?=\n|$)");
    private static final Pattern MANY_BLANK_LINES = Pattern.compile("\n{4,}");
    private static final Pattern CONTROL = Pattern.compile("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F]");
    /** One Message-ID of In-Reply-To or References, as mail clients write them. */
    private static final Pattern THREAD_ID = Pattern.compile("<[^<>\\s]{1," + MAX_MESSAGE_ID_CHARS + "}>");
    /** Message-IDs kept of References: a long thread keeps its first and its last ones, where a case mail is. */
    static final int MAX_THREAD_IDS = 20;
    /** How far a sender's clock may run ahead before its Date header is taken for a wrong one. */
    static final Duration MAX_CLOCK_SKEW = Duration.ofMinutes(15);

    private final MailLimits limits;
    private final Clock clock;
    private final Session session;

    /** @param clock now and the hub's zone: the day a message was sent, and whether its Date lies in the future */
    public InboundMailReader(MailLimits limits, Clock clock) {
        this.limits = Objects.requireNonNull(limits, "limits");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.session = Session.getInstance(sessionProperties());
    }

    public InboundMailReader(MailLimits limits, ZoneId zone) {
        this(limits, Clock.system(zone));
    }

    /** With the default {@link MailLimits} but the attachment size. */
    public InboundMailReader(long maxAttachmentBytes, ZoneId zone) {
        this(MailLimits.DEFAULTS.withMaxAttachmentBytes(maxAttachmentBytes), zone);
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

    /**
     * Fetches and reads a message as the mail server serves it, fetching no more of it than hub.mail.max-message-bytes: a larger
     * one (by its declared size, or found while fetching) is judged by its first bytes' headers only.
     *
     * @throws MessagingException, IOException when the server does not deliver the message's bytes (connection lost)
     */
    public InboundMail fetch(Message message) throws MessagingException, IOException {
        int declared = message.getSize();
        // Asked of the server only for a message without a Date header, or with one in the future.
        Supplier<Date> received = () -> {
            try {
                return message.getReceivedDate();
            } catch (MessagingException e) {
                return null;
            }
        };
        if (declared > limits.maxMessageBytes()) {
            return outOfBounds(fetchCapped(message, OVERSIZE_PREFIX_BYTES, -1).bytes(),
                    MailBoundExceeded.messageSize(declared, limits), received);
        }
        CappedBuffer raw = fetchCapped(message, limits.maxMessageBytes(), declared);
        // Jakarta Mail takes a server's NO to the fetch (Dovecot's "[SERVERBUG]" for a message it cannot parse) for
        // empty content: nothing at all of a message the server says is not empty is a failed fetch, not an empty message.
        if (raw.bytes().length == 0 && declared > 0) {
            throw new IOException("the mail server sent no content for this message of " + declared + " bytes");
        }
        if (raw.overflowed()) {
            return outOfBounds(prefix(raw.bytes()), MailBoundExceeded.messageSize(-1, limits), received);
        }
        return read(raw.bytes(), received);
    }

    private static byte[] prefix(byte[] raw) {
        return raw.length <= OVERSIZE_PREFIX_BYTES ? raw : Arrays.copyOf(raw, OVERSIZE_PREFIX_BYTES);
    }

    private static CappedBuffer fetchCapped(Message message, long limit, int declared) throws MessagingException, IOException {
        CappedBuffer buffer = new CappedBuffer(limit, declared);
        try {
            message.writeTo(buffer);
        } catch (IOException | MessagingException e) {
            if (!buffer.overflowed()) {
                throw e;
            }
        }
        return buffer;
    }

    public InboundMail read(byte[] rawMessage) {
        return read(rawMessage, () -> null);
    }

    /**
     * @param received when the mailbox received the message (IMAP's INTERNALDATE; null when unknown), asked only when
     *                 it has no Date header or one in the future, so that its case id, and the incident date it
     *                 implies, still carry a date
     */
    public InboundMail read(byte[] rawMessage, Supplier<Date> received) {
        if (rawMessage == null || rawMessage.length == 0) {
            return unreadable(null, sha256Id(new byte[0]), "pesan kosong");
        }
        if (rawMessage.length > limits.maxMessageBytes()) {
            return outOfBounds(prefix(rawMessage), MailBoundExceeded.messageSize(rawMessage.length, limits), received);
        }
        String fallbackId = sha256Id(rawMessage);
        long headerBytes;
        try {
            headerBytes = MimeScan.headerBytes(new ByteArrayInputStream(rawMessage), limits.maxHeaderBytes());
        } catch (IOException e) {
            throw new IllegalStateException("a byte array cannot fail to be read", e);
        }
        if (headerBytes > limits.maxHeaderBytes()) {
            return outOfBounds(prefix(rawMessage), MailBoundExceeded.headerBytes(limits), received);
        }
        MimeMessage message;
        Headers headers;
        try {
            message = new MimeMessage(session, new SharedByteArrayInputStream(rawMessage));
            headers = headers(message, fallbackId, received);
        } catch (MessagingException | RuntimeException e) {
            return unreadable(null, fallbackId, "header pesan tidak dapat dibaca: " + PartWalker.detail(e));
        }
        if (!looksLikeAMessage(message)) {
            return headers.toMail(MailKind.UNREADABLE, "bukan pesan email (tanpa header From, Date, Subject dan Message-ID)", "", null);
        }
        try {
            String automated = AutomatedMail.reason(message, headers.fromAddress());
            if (automated != null) {
                return headers.notAReport(automated, ReturnedMailReader.read(message, headers.fromAddress()));
            }
        } catch (MessagingException | RuntimeException e) {
            return headers.toMail(MailKind.UNREADABLE, "header pesan tidak dapat dibaca: " + PartWalker.detail(e), "", null);
        }
        if (headers.subjectChars() > limits.maxSubjectChars()) {
            return headers.toMail(MailKind.UNREADABLE, MailBoundExceeded.subjectChars(limits).getMessage(), "", null);
        }
        PartWalker walker = new PartWalker(session, limits, headerBytes);
        try {
            walker.walk(message);
        } catch (MailBoundExceeded e) {
            return headers.toMail(MailKind.UNREADABLE, e.getMessage(), "", null);
        } catch (MessagingException e) {
            return headers.toMail(MailKind.UNREADABLE, "struktur MIME rusak: " + PartWalker.detail(e), "", null);
        } catch (java.io.IOException | RuntimeException e) {
            return headers.toMail(MailKind.UNREADABLE, "isi pesan tidak dapat dibaca: " + PartWalker.detail(e), "", null);
        }
        String text = normaliseText(walker.text());
        String ownText = walker.ownText();
        return headers.toMail(MailKind.REPORT, null, text, walker,
                ownText.equals(walker.text()) ? text : normaliseText(ownText));
    }

    /**
     * A message past a bound of its size or headers, known by the headers in its first bytes: a machine's message is
     * still recognised as not a report; anything else is quarantined with the bound as its reason.
     */
    private InboundMail outOfBounds(byte[] prefix, MailBoundExceeded bound, Supplier<Date> received) {
        String fallbackId = sha256Id(prefix);
        try {
            MimeMessage head = new MimeMessage(session, new SharedByteArrayInputStream(prefix));
            Headers headers = headers(head, fallbackId, received);
            String automated = AutomatedMail.reason(head, headers.fromAddress());
            return automated != null
                    ? headers.notAReport(automated, null)
                    : headers.toMail(MailKind.UNREADABLE, bound.getMessage(), "", null);
        } catch (MessagingException | RuntimeException e) {
            return unreadable(null, fallbackId, bound.getMessage());
        }
    }

    /** What the headers say, read once and already made safe; {@code subjectChars} is the length as sent. */
    private record Headers(String messageId, String sourceId, LocalDate sentDate, String fromAddress, String fromName,
                           String subject, int subjectChars, String noReplyReason, List<String> inReplyTo,
                           List<String> references) {

        InboundMail toMail(MailKind kind, String reason, String text, PartWalker walker) {
            return toMail(kind, reason, text, walker, text);
        }

        InboundMail toMail(MailKind kind, String reason, String text, PartWalker walker, String ownText) {
            return new InboundMail(messageId, sourceId, sentDate, fromAddress, fromName, subject, kind, reason,
                    noReplyReason, text,
                    walker == null ? List.of() : walker.evidence(),
                    walker == null ? List.of() : walker.csv(),
                    walker == null ? List.of() : walker.notes(),
                    walker == null ? AttachmentsLeftOut.NONE : walker.leftOut(),
                    inReplyTo, references, ownText, null);
        }

        /** A machine's message; a bounce says which mail came back ({@code returned}, else null). */
        InboundMail notAReport(String reason, ReturnedMail returned) {
            return new InboundMail(messageId, sourceId, sentDate, fromAddress, fromName, subject, MailKind.NOT_A_REPORT,
                    reason, noReplyReason, "", List.of(), List.of(), List.of(), AttachmentsLeftOut.NONE,
                    inReplyTo, references, "", returned);
        }
    }

    /**
     * Keeps what is written to it up to a limit, then refuses: a message's bytes are fetched from the server only as
     * far as the hub will read them. Sized from the server's declared size when there is one, so that size costs one
     * array, not a growing copy of it.
     */
    private static final class CappedBuffer extends OutputStream {
        private final long limit;
        private byte[] bytes;
        private int count;
        private boolean overflowed;

        CappedBuffer(long limit, int declared) {
            this.limit = limit;
            this.bytes = new byte[(int) Math.min(limit, declared > 0 ? declared : 64 * 1024)];
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            if (count + (long) len > limit) {
                int room = (int) (limit - count);
                append(b, off, room);
                overflowed = true;
                throw new IOException("more than " + limit + " bytes");
            }
            append(b, off, len);
        }

        private void append(byte[] b, int off, int len) {
            if (count + len > bytes.length) {
                bytes = Arrays.copyOf(bytes, (int) Math.min(limit, Math.max(count + (long) len, 2L * bytes.length)));
            }
            System.arraycopy(b, off, bytes, count, len);
            count += len;
        }

        boolean overflowed() {
            return overflowed;
        }

        byte[] bytes() {
            return count == bytes.length ? bytes : Arrays.copyOf(bytes, count);
        }
    }

    private Headers headers(MimeMessage message, String fallbackId, Supplier<Date> received) throws MessagingException {
        String messageId = messageId(message.getHeader("Message-ID", null));
        InternetAddress from = firstAddress(message.getHeader("From", ","));
        String fromAddress = bareAddress(from);
        String fromName = from == null ? null : SingleLine.of(from.getPersonal(), MAX_NAME_CHARS);
        String subject = decodedSubject(message);
        return new Headers(messageId, messageId != null ? messageId : fallbackId, sentDate(message, received),
                fromAddress, fromName, SingleLine.of(subject, MAX_SUBJECT_CHARS), subject == null ? 0 : subject.length(),
                AutomatedMail.noReplyReason(message), threadIds(message.getHeader("In-Reply-To", " ")),
                threadIds(message.getHeader("References", " ")));
    }

    /**
     * The Message-IDs of In-Reply-To or References (SPEC §12: a reply names the case mail there), at most
     * {@link #MAX_THREAD_IDS}: of more, the first and the last half, since a thread's first message and the one
     * answered are the ones a reply is matched by.
     */
    static List<String> threadIds(String header) {
        if (header == null || header.isBlank()) {
            return List.of();
        }
        List<String> ids = new java.util.ArrayList<>();
        Matcher id = THREAD_ID.matcher(MimeUtility.unfold(header));
        while (id.find()) {
            ids.add(id.group());
        }
        if (ids.size() <= MAX_THREAD_IDS) {
            return ids;
        }
        List<String> bounded = new java.util.ArrayList<>(ids.subList(0, MAX_THREAD_IDS / 2));
        bounded.addAll(ids.subList(ids.size() - MAX_THREAD_IDS / 2, ids.size()));
        return bounded;
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
                List.of(), List.of(), List.of(), AttachmentsLeftOut.NONE, List.of(), List.of(), "", null);
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

    /**
     * The Date header's day, else the day the mailbox received it (many scripts and test messages send no Date). A
     * Date past {@link #MAX_CLOCK_SKEW} ahead is a sender's wrong clock, not when the report was written: the day the
     * mailbox received it then, or when unknown the day it is read, so that a report is not refused as from the future.
     */
    private LocalDate sentDate(MimeMessage message, Supplier<Date> received) {
        Date date;
        try {
            date = message.getSentDate();
        } catch (MessagingException | RuntimeException e) {
            date = null;
        }
        boolean inTheFuture = date != null && date.toInstant().isAfter(clock.instant().plus(MAX_CLOCK_SKEW));
        if (date == null || inTheFuture) {
            Date receivedDate = received.get();
            date = receivedDate != null ? receivedDate : inTheFuture ? Date.from(clock.instant()) : null;
        }
        return date == null ? null : date.toInstant().atZone(clock.getZone()).toLocalDate();
    }

    private static String decodedSubject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (MessagingException | RuntimeException e) {
            return null;
        }
    }

    /**
     * The first mailbox of an address header, read leniently: reporters' clients are not always RFC-clean. When the
     * header cannot be parsed (a stray quote, or a ':' in an encoded display name read as a group), the address in
     * its last angle brackets, without a display name.
     */
    private static InternetAddress firstAddress(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        String unfolded = MimeUtility.unfold(header);
        try {
            for (InternetAddress address : InternetAddress.parseHeader(unfolded, false)) {
                if (!address.isGroup() && address.getAddress() != null && !address.getAddress().isBlank()
                        && PLAIN_ADDRESS.matcher(address.getAddress().strip()).matches()) {
                    return address;
                }
            }
        } catch (MessagingException | RuntimeException e) {
            // the fallback below
        }
        Matcher bracketed = LAST_BRACKETED.matcher(unfolded);
        if (bracketed.find() && PLAIN_ADDRESS.matcher(bracketed.group(1)).matches()) {
            InternetAddress address = new InternetAddress();
            address.setAddress(bracketed.group(1));
            return address;
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
