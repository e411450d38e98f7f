package netralitas.hub.camel;

import jakarta.mail.FetchProfile;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.UIDFolder;
import jakarta.mail.search.SearchTerm;
import netralitas.hub.inbox.MailReadFailures;
import netralitas.hub.inbox.MailRetrySchedule;
import netralitas.hub.inbox.MailboxUid;
import netralitas.hub.inbox.PendingMoves;

import java.sql.SQLException;
import java.util.HashSet;
import java.util.Set;

/**
 * The IMAP consumer's search: the messages of the folder, read or not, that are not held back, neither by the retry
 * schedule (BKN or SMTP down) nor by their own failures (MailReadFailures: the message failed and its delay has not
 * passed) nor by a move out of the folder that failed (PendingMoves). Held messages
 * do not take the places of {@code maxMessagesPerPoll}, so a backlog of failing messages never blocks the ones behind
 * it, and a message that always fails is not fetched again before its delay.
 * IMAP cannot evaluate this term on the server; Jakarta Mail falls back to matching it here, message by message, from
 * the first message of the folder on. The flags, UIDs and sizes of the whole folder are therefore fetched in one
 * command when the first message is matched: one round trip per poll instead of two per message. That is also when the
 * failures of messages no longer in the folder are forgotten.
 * One instance per consumer: the report mailbox and the follow-up mailbox (SPEC §12) each search with their own.
 */
public final class DueMessages extends SearchTerm {

    private final String mailbox;
    private final transient MailRetrySchedule schedule;
    private final transient MailReadFailures failures;
    private final transient PendingMoves moves;

    /** @param mailbox {@link netralitas.hub.inbox.MailboxUid#REPORT} or {@code FOLLOW_UP}: whose messages it matches */
    public DueMessages(String mailbox, MailRetrySchedule schedule, MailReadFailures failures, PendingMoves moves) {
        this.mailbox = mailbox;
        this.schedule = schedule;
        this.failures = failures;
        this.moves = moves;
    }

    @Override
    public boolean match(Message message) {
        try {
            if (message.getMessageNumber() == 1) {
                prefetch(message.getFolder());
            }
            // Deleted: moved by a hub already, until its folder is expunged. Not \Seen: a person reading the shared
            // mailbox before the hub marks a report read, and a hub killed between Camel's \Seen and its move leaves
            // one read in the folder; the hub files every message it handles, so \Seen tells it nothing.
            if (message.getFlags().contains(Flags.Flag.DELETED)) {
                return false;
            }
            MailboxUid key = MailboxUids.of(mailbox, message);
            // First: a message handed back to be moved and still here is a failed move, held in the schedule.
            moves.seen(key);
            return schedule.isDue(key) && failures.isDue(key);
        } catch (MessagingException e) {
            // Unreadable flags: let the consumer try the message; its own handling decides.
            return true;
        }
    }

    private void prefetch(Folder folder) throws MessagingException {
        FetchProfile profile = new FetchProfile();
        profile.add(FetchProfile.Item.FLAGS);
        profile.add(UIDFolder.FetchProfileItem.UID);
        // The size the server announces: MailIntake tells a refused fetch from an empty message by it.
        profile.add(FetchProfile.Item.SIZE);
        Message[] messages = folder.getMessages();
        folder.fetch(messages, profile);
        UIDFolder uidFolder = (UIDFolder) folder;
        Set<Long> present = new HashSet<>();
        for (Message message : messages) {
            present.add(uidFolder.getUID(message));
        }
        moves.retainPresent(mailbox, folder.getFullName(), uidFolder.getUIDValidity(), present);
        try {
            failures.retainPresent(mailbox, folder.getFullName(), uidFolder.getUIDValidity(), present);
        } catch (SQLException e) {
            throw new MessagingException("cannot forget the failures of messages no longer in " + folder.getFullName(), e);
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof DueMessages due && due.mailbox.equals(mailbox) && due.schedule == schedule
                && due.failures == failures;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(schedule);
    }
}
