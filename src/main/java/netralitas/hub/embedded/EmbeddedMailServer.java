package netralitas.hub.embedded;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A real SMTP + IMAP server (GreenMail) on loopback, standing in for the Bawaslu mailbox and the regional inboxes.
 * Every recipient gets a mailbox on first delivery; its IMAP login and password are its address.
 */
public final class EmbeddedMailServer implements AutoCloseable {

    private static final String LOOPBACK = "127.0.0.1";

    private final GreenMail greenMail;

    public EmbeddedMailServer(int smtpPort, int imapPort) {
        ServerSetup smtp = new ServerSetup(smtpPort, LOOPBACK, ServerSetup.PROTOCOL_SMTP);
        ServerSetup imap = new ServerSetup(imapPort, LOOPBACK, ServerSetup.PROTOCOL_IMAP);
        this.greenMail = new GreenMail(new ServerSetup[] {
                smtpPort == 0 ? smtp.dynamicPort() : smtp, imapPort == 0 ? imap.dynamicPort() : imap})
                .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
    }

    public EmbeddedMailServer start() {
        greenMail.start();
        return this;
    }

    public void addUser(String address, String login, String password) {
        greenMail.setUser(address, login, password);
    }

    public String host() {
        return LOOPBACK;
    }

    public int smtpPort() {
        return greenMail.getSmtp().getPort();
    }

    public int imapPort() {
        return greenMail.getImap().getPort();
    }

    public GreenMail greenMail() {
        return greenMail;
    }

    /** Recipient address → subjects of the messages it received, for the "where did each report go" summary. */
    public Map<String, List<String>> subjectsByRecipient() {
        Map<String, List<String>> byRecipient = new TreeMap<>();
        // GreenMail keeps one copy per recipient mailbox: count each message once.
        Set<String> seen = new HashSet<>();
        try {
            for (MimeMessage message : greenMail.getReceivedMessages()) {
                if (!seen.add(message.getMessageID())) {
                    continue;
                }
                Address[] recipients = message.getAllRecipients();
                if (recipients == null) {
                    continue;
                }
                for (Address recipient : recipients) {
                    byRecipient.computeIfAbsent(recipient.toString(), k -> new ArrayList<>()).add(message.getSubject());
                }
            }
        } catch (MessagingException e) {
            throw new IllegalStateException("Cannot read the embedded mailboxes", e);
        }
        return byRecipient;
    }

    @Override
    public void close() {
        greenMail.stop();
    }
}
