package netralitas.hub.inbox;

import java.util.Objects;

/**
 * A message of an IMAP folder, as the folder itself names it for good: a UID is unique within the folder only as long as
 * the folder's UIDVALIDITY stays the same (RFC 3501 §2.3.1.1), so the two are kept together. Written as
 * {@code INBOX;UIDVALIDITY=385759045;UID=20}, the form of an IMAP URL (RFC 5092), which is how it appears in the log and
 * the audit trail.
 */
public record MailboxUid(String folder, long uidValidity, long uid) {

    private static final String VALIDITY = ";UIDVALIDITY=";
    private static final String UID = ";UID=";

    public MailboxUid {
        Objects.requireNonNull(folder, "folder");
    }

    /** The inverse of {@link #toString()}. */
    public static MailboxUid parse(String text) {
        int validity = text.lastIndexOf(VALIDITY);
        int uid = text.lastIndexOf(UID);
        if (validity < 0 || uid < validity) {
            throw new IllegalArgumentException("not a mailbox UID (folder;UIDVALIDITY=n;UID=n): " + text);
        }
        return new MailboxUid(text.substring(0, validity),
                Long.parseLong(text.substring(validity + VALIDITY.length(), uid)),
                Long.parseLong(text.substring(uid + UID.length())));
    }

    @Override
    public String toString() {
        return folder + VALIDITY + uidValidity + UID + uid;
    }
}
