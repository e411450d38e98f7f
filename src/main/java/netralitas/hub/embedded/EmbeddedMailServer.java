package netralitas.hub.embedded;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.Managers;
import com.icegreen.greenmail.imap.ImapHandler;
import com.icegreen.greenmail.server.AbstractServer;
import com.icegreen.greenmail.server.ProtocolHandler;
import com.icegreen.greenmail.smtp.SmtpServer;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

import java.util.ArrayList;
import java.util.HashSet;
import java.io.ByteArrayInputStream;
import java.net.Socket;
import java.net.SocketException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;

/**
 * A real SMTP + IMAP server (GreenMail) on loopback, standing in for the Bawaslu mailbox and the regional inboxes.
 * Every recipient gets a mailbox on first delivery; its IMAP login and password are its address.
 */
public final class EmbeddedMailServer implements AutoCloseable {

    private static final String LOOPBACK = "127.0.0.1";

    private final NoDelayGreenMail greenMail;

    public EmbeddedMailServer(int smtpPort, int imapPort) {
        ServerSetup smtp = new ServerSetup(smtpPort, LOOPBACK, ServerSetup.PROTOCOL_SMTP);
        ServerSetup imap = new ServerSetup(imapPort, LOOPBACK, ServerSetup.PROTOCOL_IMAP);
        this.greenMail = new NoDelayGreenMail(new ServerSetup[] {
                smtpPort == 0 ? smtp.dynamicPort() : smtp, imapPort == 0 ? imap.dynamicPort() : imap});
        greenMail.withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
    }

    public EmbeddedMailServer start() {
        greenMail.start();
        return this;
    }

    public void addUser(String address, String login, String password) {
        greenMail.setUser(address, login, password);
    }

    /** Puts a raw RFC 5322 message into {@code address}'s INBOX as it is, like a delivery from outside. */
    public void deliver(String address, byte[] raw) {
        try {
            MimeMessage message = new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(raw));
            greenMail.getUserManager().getUserByEmail(address).deliver(message);
        } catch (MessagingException e) {
            throw new IllegalArgumentException("Not a mail message: " + e.getMessage(), e);
        }
    }

    /** Message count of each of {@code folders} in {@code address}'s mailbox (0 for a folder not created yet). */
    public Map<String, Integer> folderSizes(String address, List<String> folders) {
        var user = greenMail.getUserManager().getUserByEmail(address);
        var imap = greenMail.getManagers().getImapHostManager();
        Map<String, Integer> sizes = new java.util.LinkedHashMap<>();
        for (String name : folders) {
            var folder = imap.getFolder(user, name);
            sizes.put(name, folder == null ? 0 : folder.getMessageCount());
        }
        return sizes;
    }

    public String host() {
        return LOOPBACK;
    }

    public int smtpPort() {
        return greenMail.getSmtp().getPort();
    }

    public int imapPort() {
        return greenMail.imapPort();
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

    /**
     * GreenMail with TCP_NODELAY on every connection it accepts. Without it each IMAP command of a client waits for a
     * delayed ACK (about 40 ms here), which made reading one message cost four of them.
     */
    private static final class NoDelayGreenMail extends GreenMail {

        NoDelayGreenMail(ServerSetup[] config) {
            super(config);
        }

        @Override
        protected Map<String, AbstractServer> createServices(ServerSetup[] config, Managers managers) {
            Map<String, AbstractServer> services = new HashMap<>();
            for (ServerSetup setup : config) {
                if (setup.getProtocol().startsWith(ServerSetup.PROTOCOL_SMTP)) {
                    services.put(setup.getProtocol(), new SmtpServer(setup, managers) {
                        @Override
                        protected ProtocolHandler createProtocolHandler(Socket clientSocket) {
                            return super.createProtocolHandler(noDelay(clientSocket));
                        }
                    });
                } else if (setup.getProtocol().startsWith(ServerSetup.PROTOCOL_IMAP)) {
                    // GreenMail's ImapServer is final: the same handler, served by a server that sets the option.
                    services.put(setup.getProtocol(), new AbstractServer(setup, managers) {
                        @Override
                        protected ProtocolHandler createProtocolHandler(Socket clientSocket) {
                            return new ImapHandler(managers.getUserManager(), managers.getImapHostManager(),
                                    noDelay(clientSocket));
                        }
                    });
                }
            }
            return services;
        }

        /** GreenMail's getImap() casts to its own ImapServer class, which this server is not. */
        int imapPort() {
            return services.get(ServerSetup.PROTOCOL_IMAP).getPort();
        }

        private static Socket noDelay(Socket socket) {
            try {
                socket.setTcpNoDelay(true);
            } catch (SocketException e) {
                // The connection is already gone; its handler will notice.
            }
            return socket;
        }
    }
}
