package netralitas.hub.inbox;

import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetHeaders;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a bounce: which mail came back (the Message-IDs of its headers) and to whom it failed. Mail servers write them
 * in two ways: an RFC 3464 report (multipart/report; report-type=delivery-status: a text, a message/delivery-status
 * part with a block per recipient, and the returned mail or its headers), which Postfix, Exchange, Gmail and Exim
 * write today; and a plain text with the returned mail's headers quoted in it (qmail, older MTAs). A delay warning
 * (every recipient "Action: delayed") is no failure: the server still tries. A read receipt
 * (report-type=disposition-notification) is no bounce.
 *
 * <p>Only a message {@link AutomatedMail} already took for a machine's is asked, and what is read is bounded: the
 * parts walked, their depth, the text scanned for quoted headers.
 */
final class ReturnedMailReader {

    private static final int MAX_DEPTH = 4;
    private static final int MAX_PARTS = 50;
    private static final int MAX_SCANNED_BYTES = 64 * 1024;
    private static final int MAX_RECIPIENTS = 20;
    private static final int MAX_ADDRESS_CHARS = 254;
    private static final int MAX_STATUS_CHARS = 20;
    private static final int MAX_DIAGNOSTIC_CHARS = 300;
    private static final int MAX_MESSAGE_ID_CHARS = 250;
    /** Message-IDs kept of those the returned mail answered: In-Reply-To's and the nearest of References. */
    private static final int MAX_ANSWERED_IDS = 20;

    private static final Set<String> STATUS_TYPES = Set.of("message/delivery-status", "message/global-delivery-status");
    private static final Set<String> RETURNED_MESSAGE_TYPES = Set.of("message/rfc822", "message/global");
    private static final Set<String> RETURNED_HEADER_TYPES = Set.of("text/rfc822-headers", "message/rfc822-headers",
            "message/global-headers");
    /** A Message-ID or In-Reply-To header line quoted in a bounce's text (maybe indented, maybe quoted with ">"). */
    private static final Pattern QUOTED_ID_LINE = Pattern.compile(
            "(?im)^[ \\t>]*(message-id|in-reply-to)[ \\t]*:[ \\t]*(<[^<>\\s]{1," + MAX_MESSAGE_ID_CHARS + "}>)");

    private ReturnedMailReader() {
    }

    /** The bounce's returned mail and failed recipients; null when the message is no bounce, or returns nothing known. */
    static ReturnedMail read(MimeMessage message, String fromAddress) {
        try {
            if (!isDeliveryReport(message) && !AutomatedMail.hasNullReturnPath(message)
                    && AutomatedMail.systemMailbox(fromAddress) == null) {
                return null;
            }
            Walk walk = new Walk();
            walk.part(message, 0);
            if (walk.recipientBlocks > 0 && walk.failed.isEmpty()) {
                return null;
            }
            Returned returned = walk.returned != null ? walk.returned : quotedHeaders(walk.text);
            return returned == null ? null : new ReturnedMail(returned.messageId(), returned.answered(), walk.failed);
        } catch (MessagingException | IOException | RuntimeException e) {
            // A bounce too broken to read stays what AutomatedMail made of it: not a report, filed.
            return null;
        }
    }

    /** An RFC 3464 report: multipart/report of a delivery status (not a read receipt's disposition). */
    private static boolean isDeliveryReport(MimeMessage message) throws MessagingException {
        if (!AutomatedMail.isMultipartReport(message)) {
            return false;
        }
        String reportType = MimeTypes.typeParameter(header(message, "Content-Type"), "report-type");
        return reportType == null || reportType.strip().toLowerCase(Locale.ROOT).endsWith("delivery-status");
    }

    /** What one walk over the bounce's parts found. */
    private static final class Walk {
        private Returned returned;
        private final List<FailedRecipient> failed = new ArrayList<>();
        private final StringBuilder text = new StringBuilder();
        private int recipientBlocks;
        private int parts;

        void part(Part part, int depth) throws MessagingException, IOException {
            if (++parts > MAX_PARTS || depth > MAX_DEPTH) {
                return;
            }
            String type = MimeTypes.baseType(header(part, "Content-Type"));
            if (type.startsWith("multipart/")) {
                Object content = part.getContent();
                if (content instanceof Multipart multipart) {
                    for (int i = 0; i < multipart.getCount(); i++) {
                        part(multipart.getBodyPart(i), depth + 1);
                    }
                }
            } else if (STATUS_TYPES.contains(type)) {
                statusBlocks(part);
            } else if (RETURNED_MESSAGE_TYPES.contains(type) || RETURNED_HEADER_TYPES.contains(type)) {
                if (returned == null) {
                    try (InputStream in = part.getInputStream()) {
                        returned = returnedOf(new InternetHeaders(in));
                    }
                }
            } else if (type.startsWith("text/") && text.length() < MAX_SCANNED_BYTES) {
                try (InputStream in = part.getInputStream()) {
                    byte[] bytes = in.readNBytes(MAX_SCANNED_BYTES - text.length());
                    // Only ASCII header names and Message-IDs are looked for: no charset needed.
                    text.append(new String(bytes, StandardCharsets.ISO_8859_1)).append('\n');
                }
            }
        }

        /** The per-message block, then one block per recipient (RFC 3464 §2.1); the failed ones are kept. */
        private void statusBlocks(Part part) throws MessagingException, IOException {
            byte[] bytes;
            try (InputStream in = part.getInputStream()) {
                bytes = in.readNBytes(MAX_SCANNED_BYTES);
            }
            InputStream blocks = new ByteArrayInputStream(bytes);
            new InternetHeaders(blocks);
            while (blocks.available() > 0 && failed.size() < MAX_RECIPIENTS) {
                InternetHeaders block = new InternetHeaders(blocks);
                String recipient = typedValue(block, "Final-Recipient");
                if (recipient == null) {
                    recipient = typedValue(block, "Original-Recipient");
                }
                String action = value(block, "Action");
                String status = value(block, "Status");
                if (recipient == null && action == null) {
                    continue;
                }
                recipientBlocks++;
                boolean failure = action != null
                        ? action.toLowerCase(Locale.ROOT).startsWith("failed")
                        : status != null && status.startsWith("5");
                if (failure && recipient != null) {
                    failed.add(new FailedRecipient(
                            address(recipient),
                            status == null ? null : SingleLine.of(status.split("\\s", 2)[0], MAX_STATUS_CHARS),
                            SingleLine.of(typedValue(block, "Diagnostic-Code"), MAX_DIAGNOSTIC_CHARS)));
                }
            }
        }
    }

    /** The returned mail's own Message-ID and those it answered. */
    private record Returned(String messageId, List<String> answered) {
    }

    /** Of the returned mail's headers, read as a message's own are: null when they carry no Message-ID. */
    private static Returned returnedOf(InternetHeaders headers) {
        String own = InboundMailReader.messageId(headers.getHeader("Message-ID", null));
        if (own == null) {
            return null;
        }
        Set<String> answered = new LinkedHashSet<>(InboundMailReader.threadIds(headers.getHeader("In-Reply-To", " ")));
        List<String> references = new ArrayList<>(InboundMailReader.threadIds(headers.getHeader("References", " ")));
        Collections.reverse(references);
        answered.addAll(references);
        return new Returned(own, bounded(answered));
    }

    /** The Message-ID and In-Reply-To lines quoted in the text of a bounce that is no RFC 3464 report. */
    private static Returned quotedHeaders(CharSequence text) {
        String messageId = null;
        Set<String> answered = new LinkedHashSet<>();
        Matcher line = QUOTED_ID_LINE.matcher(text);
        while (line.find()) {
            if (line.group(1).equalsIgnoreCase("message-id")) {
                messageId = messageId == null ? line.group(2) : messageId;
            } else {
                answered.add(line.group(2));
            }
        }
        return messageId == null ? null : new Returned(messageId, bounded(answered));
    }

    private static List<String> bounded(Set<String> ids) {
        return ids.stream().limit(MAX_ANSWERED_IDS).toList();
    }

    /** "rfc822; Someone@Example" → "someone@example" (an address type before the semicolon, RFC 3464 §2.3.2). */
    private static String address(String typed) {
        String bare = typed.strip();
        if (bare.startsWith("<") && bare.endsWith(">")) {
            bare = bare.substring(1, bare.length() - 1);
        }
        String clean = SingleLine.of(bare, MAX_ADDRESS_CHARS);
        return clean == null ? "?" : clean.toLowerCase(Locale.ROOT);
    }

    /** The value after the type: "smtp; 550 5.1.1 …" → "550 5.1.1 …". */
    private static String typedValue(InternetHeaders block, String name) {
        String value = value(block, name);
        if (value == null) {
            return null;
        }
        int semicolon = value.indexOf(';');
        String typed = semicolon < 0 ? value : value.substring(semicolon + 1);
        return typed.isBlank() ? null : typed.strip();
    }

    private static String value(InternetHeaders block, String name) {
        String value = block.getHeader(name, " ");
        return value == null || value.isBlank() ? null : MimeUtility.unfold(value).strip();
    }

    private static String header(Part part, String name) throws MessagingException {
        String[] values = part.getHeader(name);
        return values == null || values.length == 0 ? null : values[0];
    }
}
