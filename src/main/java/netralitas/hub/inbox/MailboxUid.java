package netralitas.hub.inbox;

import java.util.Objects;

/**
 * A message of an IMAP folder, as the folder itself names it for good: a UID is unique within the folder only as long as
 * the folder's UIDVALIDITY stays the same (RFC 3501 §2.3.1.1), so the two are kept together. Written as
 * {@code INBOX;UIDVALIDITY=385759045;UID=20}, the form of an IMAP URL (RFC 5092), which is how it appears in the log and
 * the audit trail.
 *
 * <p>The hub reads up to two mailboxes (SPEC §12), whose folders may have the same name and whose UIDs are counted
 * apart: {@code mailbox} names which one ({@value #REPORT} or {@value #FOLLOW_UP}). A message of the follow-up mailbox
 * is written with {@code ;MAILBOX=followup} after its UID (a suffix: a folder name may hold any character, a UID only
 * digits); a message of the report mailbox is written as before there was a second one.
 */
public record MailboxUid(String mailbox, String folder, long uidValidity, long uid) {

    /** The Bawaslu report mailbox, hub.imap.* (SPEC §3.2). */
    public static final String REPORT = "report";

    /** The dedicated mailbox the offices reply to, hub.followup.imap.* (SPEC §12). */
    public static final String FOLLOW_UP = "followup";

    private static final String VALIDITY = ";UIDVALIDITY=";
    private static final String UID = ";UID=";
    private static final String MAILBOX = ";MAILBOX=";

    public MailboxUid {
        Objects.requireNonNull(mailbox, "mailbox");
        Objects.requireNonNull(folder, "folder");
        if (!mailbox.equals(REPORT) && !mailbox.equals(FOLLOW_UP)) {
            throw new IllegalArgumentException("unknown mailbox " + mailbox + " (" + REPORT + " or " + FOLLOW_UP + ")");
        }
    }

    /** A message of the report mailbox. */
    public MailboxUid(String folder, long uidValidity, long uid) {
        this(REPORT, folder, uidValidity, uid);
    }

    /** The inverse of {@link #toString()}. */
    public static MailboxUid parse(String text) {
        int validity = text.lastIndexOf(VALIDITY);
        int uid = text.lastIndexOf(UID);
        if (validity < 0 || uid < validity) {
            throw new IllegalArgumentException("not a mailbox UID (folder;UIDVALIDITY=n;UID=n): " + text);
        }
        String uidAndMailbox = text.substring(uid + UID.length());
        int mailbox = uidAndMailbox.indexOf(MAILBOX);
        String name = mailbox < 0 ? REPORT : uidAndMailbox.substring(mailbox + MAILBOX.length());
        return new MailboxUid(name, text.substring(0, validity),
                Long.parseLong(text.substring(validity + VALIDITY.length(), uid)),
                Long.parseLong(mailbox < 0 ? uidAndMailbox : uidAndMailbox.substring(0, mailbox)));
    }

    @Override
    public String toString() {
        return folder + VALIDITY + uidValidity + UID + uid + (mailbox.equals(REPORT) ? "" : MAILBOX + mailbox);
    }
}
