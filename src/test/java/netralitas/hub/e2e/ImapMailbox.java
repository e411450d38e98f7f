package netralitas.hub.e2e;

import jakarta.mail.FetchProfile;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.MimeMessage;
import netralitas.hub.testing.RawMessage;

import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Reads a mailbox of the test mail server over real IMAP, as a regional office's mail client would. */
final class ImapMailbox {

    private final String host;
    private final int port;

    ImapMailbox(String host, int port) {
        this.host = host;
        this.port = port;
    }

    /** All messages of {@code address}'s INBOX, fully loaded (safe to read after the connection closes). */
    List<MimeMessage> messages(String address) throws MessagingException {
        return messages(address, "INBOX");
    }

    /** All messages of one folder of {@code address}'s mailbox (none when the folder does not exist yet). */
    List<MimeMessage> messages(String address, String folderName) throws MessagingException {
        return read(address, folderName, messages -> {
            List<MimeMessage> copies = new ArrayList<>();
            for (Message message : messages) {
                copies.add(new MimeMessage((MimeMessage) message));
            }
            return copies;
        });
    }

    /** The one copy of a case the inbox holds; fails when it holds none or more than one. */
    MimeMessage onlyCopy(String inbox, String caseId) throws MessagingException {
        List<MimeMessage> matching = new ArrayList<>();
        for (MimeMessage message : messages(inbox)) {
            if (caseId.equals(message.getHeader("X-Netralitas-Case-Id", null))) {
                matching.add(message);
            }
        }
        assertEquals(1, matching.size(), caseId + " delivered once to " + inbox);
        return matching.get(0);
    }

    /**
     * The Message-IDs in the folder. Read while the hub moves messages out of it, a message listed may be gone when
     * its envelope is fetched (the server answers nothing for it): the folder is then read again, at most three times.
     */
    List<String> messageIds(String address, String folderName) throws MessagingException {
        for (int attempt = 1; ; attempt++) {
            try {
                return messageIdsOnce(address, folderName);
            } catch (MessagingException e) {
                if (attempt == 3) {
                    throw e;
                }
            }
        }
    }

    private List<String> messageIdsOnce(String address, String folderName) throws MessagingException {
        return read(address, folderName, messages -> {
            FetchProfile envelopes = new FetchProfile();
            envelopes.add(FetchProfile.Item.ENVELOPE);
            messages[0].getFolder().fetch(messages, envelopes);
            List<String> ids = new ArrayList<>();
            for (Message message : messages) {
                ids.add(((MimeMessage) message).getMessageID());
            }
            return ids;
        });
    }

    private interface FolderReader<T> {
        List<T> read(Message[] messages) throws MessagingException;
    }

    private <T> List<T> read(String address, String folderName, FolderReader<T> reader) throws MessagingException {
        Store store = connect(address);
        try {
            Folder folder = store.getFolder(folderName);
            if (!folder.exists()) {
                return List.of();
            }
            folder.open(Folder.READ_ONLY);
            Message[] messages = folder.getMessages();
            List<T> result = messages.length == 0 ? List.of() : reader.read(messages);
            folder.close(false);
            return result;
        } finally {
            store.close();
        }
    }

    /** Puts a raw RFC 5322 message into a folder with IMAP APPEND, byte for byte ({@link RawMessage}). */
    void append(String address, String folderName, byte[] raw) throws MessagingException {
        append(address, folderName, raw, new Flags());
    }

    /** The same, with these flags set on the message (\Seen: someone has read it in a mail client). */
    void append(String address, String folderName, byte[] raw, Flags flags) throws MessagingException {
        Store store = connect(address);
        try {
            Folder folder = store.getFolder(folderName);
            RawMessage message = new RawMessage(raw);
            message.setFlags(flags, true);
            folder.appendMessages(new Message[] {message});
        } finally {
            store.close();
        }
    }

    /**
     * The first value of one header of each message in a folder (null where it has none), fetched as header text: never
     * from the ENVELOPE the server builds, which a test mail server may get wrong for odd messages.
     */
    List<String> headerValues(String address, String folderName, String header) throws MessagingException {
        return read(address, folderName, messages -> {
            List<String> values = new ArrayList<>();
            for (Message message : messages) {
                String[] found = message.getHeader(header);
                values.add(found == null || found.length == 0 ? null : found[0]);
            }
            return values;
        });
    }

    /**
     * Waits until the folder holds no message, or fails at {@code deadlineNanos} ({@link System#nanoTime}). The hub's
     * IMAP consumer moves a message by a copy, then the original's deletion, expunged only when its poll closes the
     * folder: the copy may be seen in the target folder a moment before the original has left this one.
     */
    void awaitEmpty(String address, String folderName, long deadlineNanos) throws Exception {
        List<String> left;
        while (!(left = headerValues(address, folderName, "Message-ID")).isEmpty()) {
            assertTrue(System.nanoTime() < deadlineNanos, "still in " + address + " " + folderName + ": " + left);
            Thread.sleep(100);
        }
    }

    private Store connect(String address) throws MessagingException {
        Properties properties = new Properties();
        properties.setProperty("mail.imap.connectiontimeout", "5000");
        properties.setProperty("mail.imap.timeout", "5000");
        Store store = Session.getInstance(properties).getStore("imap");
        store.connect(host, port, address, address);
        return store;
    }
}
