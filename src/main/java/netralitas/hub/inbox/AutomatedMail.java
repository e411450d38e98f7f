package netralitas.hub.inbox;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Recognises mail written by machines rather than reporters (SPEC §3.2): auto-replies, delivery reports and the
 * hub's own messages coming back. Looks at headers only, so a bounce with a mangled body is still recognised.
 * Answering such a message would start a mail loop, forwarding it would send noise to a regional office.
 */
final class AutomatedMail {

    static final String CASE_ID_HEADER = "X-Netralitas-Case-Id";

    private static final Set<String> BULK_PRECEDENCE = Set.of("auto_reply", "bulk", "junk", "list");
    private static final Set<String> NO_REPLY_PRECEDENCE = Set.of("bulk", "junk", "list");
    private static final String[] LIST_HEADERS = {"List-Id", "List-Post", "List-Unsubscribe"};
    private static final Set<String> SYSTEM_MAILBOXES = Set.of("mailer-daemon", "postmaster");
    private static final Pattern NULL_RETURN_PATH = Pattern.compile("\\s*<\\s*>\\s*");
    private static final int MAX_QUOTED = 60;
    /**
     * The subject prefixes out-of-office responders write (Outlook, Exchange, Gmail, Zimbra in Indonesian, English,
     * German, French) when they send none of the RFC 3834 headers. Only at the subject's start and with its colon, so
     * a report that merely mentions "otomatis" is still read.
     */
    private static final Pattern AUTO_REPLY_SUBJECT = Pattern.compile(
            "^\\s*(balasan otomatis|jawaban otomatis|di luar kantor|automatic reply|auto[- ]?reply|auto[- ]?response"
                    + "|out of (the )?office( reply)?|abwesenheitsnotiz|r\u00e9ponse automatique)[\\s\u00a0\u202f]*:",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    private AutomatedMail() {
    }

    /** The Indonesian reason this message is not a report, or null when it may be one. */
    static String reason(MimeMessage message, String fromAddress) throws MessagingException {
        if (header(message, CASE_ID_HEADER) != null) {
            return "pesan dari hub sendiri (" + CASE_ID_HEADER + ")";
        }
        if (isMultipartReport(message)) {
            return "laporan status pengiriman (bounce, multipart/report)";
        }
        if (hasNullReturnPath(message)) {
            return "laporan status pengiriman (bounce, Return-Path: <>)";
        }
        String systemMailbox = systemMailbox(fromAddress);
        if (systemMailbox != null) {
            return "laporan status pengiriman (pengirim " + systemMailbox.toUpperCase(Locale.ROOT) + ")";
        }
        String autoSubmitted = header(message, "Auto-Submitted");
        if (autoSubmitted != null && !firstToken(autoSubmitted).equals("no")) {
            return "balasan otomatis (Auto-Submitted: " + quoted(autoSubmitted) + ")";
        }
        for (String name : new String[] {"X-Autoreply", "X-Autorespond"}) {
            String value = header(message, name);
            if (value != null && !firstToken(value).equals("no")) {
                return "balasan otomatis (" + name + ")";
            }
        }
        String precedence = header(message, "Precedence");
        if (precedence != null && BULK_PRECEDENCE.contains(firstToken(precedence))) {
            return "pesan massal atau balasan otomatis (Precedence: " + quoted(precedence) + ")";
        }
        String autoReplySubject = autoReplySubject(message);
        if (autoReplySubject != null) {
            return "balasan otomatis (Subject: " + quoted(autoReplySubject) + ")";
        }
        return null;
    }

    /** The decoded subject when it starts with an out-of-office prefix, else null. */
    private static String autoReplySubject(MimeMessage message) {
        String subject;
        try {
            subject = message.getSubject();
        } catch (MessagingException | RuntimeException e) {
            // A subject that cannot be decoded is the reader's to report, not a sign of a machine.
            return null;
        }
        return subject != null && AUTO_REPLY_SUBJECT.matcher(subject).find() ? subject : null;
    }

    /**
     * Why no automatic answer may go to this message even when it holds a report (RFC 3834 §2, SPEC §3.3), or null:
     * mail that came through a mailing list, bulk mail, and mail whose envelope sender (Return-Path) is a machine's.
     * A report forwarded by a list is still a report; answering it would write to the list, or to whoever it claims.
     */
    static String noReplyReason(MimeMessage message) throws MessagingException {
        for (String name : LIST_HEADERS) {
            if (header(message, name) != null) {
                return "pesan milis (" + name + ")";
            }
        }
        String precedence = header(message, "Precedence");
        if (precedence != null && NO_REPLY_PRECEDENCE.contains(firstToken(precedence))) {
            return "pesan massal (Precedence: " + firstToken(precedence) + ")";
        }
        String returnPath = header(message, "Return-Path");
        if (returnPath != null && AutomatedAddresses.looksAutomated(returnPath.strip().replaceAll("^<|>$", ""))) {
            return "alamat balik otomatis (Return-Path)";
        }
        return null;
    }

    static boolean isMultipartReport(MimeMessage message) throws MessagingException {
        String contentType = header(message, "Content-Type");
        return contentType != null && MimeTypes.baseType(contentType).equals("multipart/report");
    }

    /** The null envelope sender of RFC 5321 §4.5.5, which mail systems give their delivery reports. */
    static boolean hasNullReturnPath(MimeMessage message) throws MessagingException {
        String returnPath = header(message, "Return-Path");
        return returnPath != null && NULL_RETURN_PATH.matcher(returnPath).matches();
    }

    /** "mailer-daemon" or "postmaster" when From is a mail system's own mailbox, else null. */
    static String systemMailbox(String fromAddress) {
        String localPart = fromAddress == null ? "" : fromAddress.substring(0, Math.max(0, fromAddress.indexOf('@')));
        return SYSTEM_MAILBOXES.contains(localPart) ? localPart : null;
    }

    /** The header's first value, or null when absent or blank. */
    private static String header(MimeMessage message, String name) throws MessagingException {
        String[] values = message.getHeader(name);
        if (values == null || values.length == 0 || values[0] == null || values[0].isBlank()) {
            return null;
        }
        return values[0];
    }

    /** "auto-replied; comment" → "auto-replied". */
    private static String firstToken(String value) {
        String token = value.strip().toLowerCase(Locale.ROOT);
        int end = 0;
        while (end < token.length() && (Character.isLetterOrDigit(token.charAt(end)) || "-_.".indexOf(token.charAt(end)) >= 0)) {
            end++;
        }
        return token.substring(0, end);
    }

    private static String quoted(String value) {
        return SingleLine.of(value, MAX_QUOTED);
    }
}
