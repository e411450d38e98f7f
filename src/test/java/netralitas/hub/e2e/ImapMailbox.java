package netralitas.hub.e2e;

import jakarta.mail.FetchProfile;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.MimeMessage;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

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

    /** The Message-IDs in one folder (null for a message without one), fetched from the envelopes only. */
    List<String> messageIds(String address, String folderName) throws MessagingException {
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

    /** Puts a raw RFC 5322 message into a folder with IMAP APPEND, byte for byte, as a mail server would store it. */
    void append(String address, String folderName, byte[] raw) throws MessagingException {
        Store store = connect(address);
        try {
            Folder folder = store.getFolder(folderName);
            MimeMessage message = new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(raw));
            folder.appendMessages(new Message[] {message});
        } finally {
            store.close();
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
