package netralitas.hub.camel;

import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.UIDFolder;
import netralitas.hub.inbox.MailboxUid;
import org.apache.camel.component.mail.MailEndpoint;
import org.apache.camel.component.mail.MailUidGenerator;

/**
 * The key of each message of a mailbox the hub reads (endpoint option {@code mailUidGenerator}): its mailbox, folder,
 * UIDVALIDITY and UID, as {@code INBOX;UIDVALIDITY=n;UID=n} in the report mailbox and
 * {@code INBOX;UIDVALIDITY=n;UID=n;MAILBOX=followup} in the follow-up mailbox (MailboxUid): one instance per consumer.
 * Camel's default key is the Message-ID header, fetched from the server for every message of every poll (and a hash of
 * all headers when there is none); the UID comes with the flags the search term fetched for the whole folder in one
 * command. The consumer puts the key in the exchange property
 * {@code CamelMailMessageId}; {@code MailReadFailures} counts failures by it.
 */
public final class MailboxUids implements MailUidGenerator {

    private final String mailbox;

    /** @param mailbox {@link MailboxUid#REPORT} or {@link MailboxUid#FOLLOW_UP} */
    public MailboxUids(String mailbox) {
        this.mailbox = mailbox;
    }

    @Override
    public String generateUuid(MailEndpoint endpoint, Message message) {
        try {
            return of(mailbox, message).toString();
        } catch (MessagingException e) {
            throw new IllegalStateException("Cannot read the UID of message " + message.getMessageNumber() + ": "
                    + e.getMessage(), e);
        }
    }

    /** The message's key; the folder must be an IMAP folder (a UIDFolder), which is all the hub reads. */
    static MailboxUid of(String mailbox, Message message) throws MessagingException {
        Folder folder = message.getFolder();
        if (!(folder instanceof UIDFolder uidFolder)) {
            throw new MessagingException("folder " + folder.getFullName() + " has no UIDs (IMAP only)");
        }
        return new MailboxUid(mailbox, folder.getFullName(), uidFolder.getUIDValidity(), uidFolder.getUID(message));
    }
}
