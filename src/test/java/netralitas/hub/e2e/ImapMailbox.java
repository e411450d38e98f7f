package netralitas.hub.e2e;

import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.MimeMessage;

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
        Properties properties = new Properties();
        properties.setProperty("mail.imap.connectiontimeout", "5000");
        properties.setProperty("mail.imap.timeout", "5000");
        Session session = Session.getInstance(properties);
        Store store = session.getStore("imap");
        store.connect(host, port, address, address);
        try {
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            List<MimeMessage> copies = new ArrayList<>();
            for (Message message : inbox.getMessages()) {
                copies.add(new MimeMessage((MimeMessage) message));
            }
            inbox.close(false);
            return copies;
        } finally {
            store.close();
        }
    }
}
