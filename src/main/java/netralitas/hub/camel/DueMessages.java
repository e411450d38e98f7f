package netralitas.hub.camel;

import jakarta.mail.FetchProfile;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.UIDFolder;
import jakarta.mail.search.SearchTerm;
import netralitas.hub.inbox.MailRetrySchedule;

/**
 * The IMAP consumer's search: unread messages that are not held back by the retry schedule. Held messages do not take
 * the places of {@code maxMessagesPerPoll}, so a backlog of failing messages never blocks the ones behind it.
 * IMAP cannot evaluate this term on the server; Jakarta Mail falls back to matching it here, message by message, from
 * the first message of the folder on. The flags and UIDs of the whole folder are therefore fetched in one command when
 * the first message is matched: one round trip per poll instead of two per message.
 */
public final class DueMessages extends SearchTerm {

    private final transient MailRetrySchedule schedule;

    public DueMessages(MailRetrySchedule schedule) {
        this.schedule = schedule;
    }

    @Override
    public boolean match(Message message) {
        try {
            if (message.getMessageNumber() == 1) {
                prefetch(message.getFolder());
            }
            Flags flags = message.getFlags();
            return !flags.contains(Flags.Flag.SEEN) && !flags.contains(Flags.Flag.DELETED)
                    && schedule.isDue(MailIntake.uid(message));
        } catch (MessagingException e) {
            // Unreadable flags: let the consumer try the message; its own handling decides.
            return true;
        }
    }

    private static void prefetch(Folder folder) throws MessagingException {
        FetchProfile profile = new FetchProfile();
        profile.add(FetchProfile.Item.FLAGS);
        profile.add(UIDFolder.FetchProfileItem.UID);
        folder.fetch(folder.getMessages(), profile);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof DueMessages due && due.schedule == schedule;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(schedule);
    }
}
