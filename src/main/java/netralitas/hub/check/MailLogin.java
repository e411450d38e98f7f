package netralitas.hub.check;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.Folder;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.Transport;
import org.eclipse.angus.mail.smtp.SMTPTransport;

import java.time.Duration;
import java.util.Properties;

/**
 * Logs in to a mail server as the hub will, with Jakarta Mail: a wrong password, a mailbox folder that does not exist
 * or an envelope sender the relay does not let this login use would otherwise pass {@code check} and fail every poll
 * or every delivery after the start. It sends and changes nothing: an SMTP session is reset after MAIL FROM and RCPT
 * TO, before DATA; an IMAP folder is opened read-only.
 */
final class MailLogin {

    private final Duration timeout;

    MailLogin(Duration timeout) {
        this.timeout = timeout;
    }

    /**
     * Why the IMAP login or the opening of {@code folder} failed, or null when both worked.
     *
     * @param protocol imap or imaps
     */
    String imapProblem(String protocol, String host, int port, String username, String password, String folder) {
        Session session = Session.getInstance(timeouts(protocol));
        try {
            Store store = session.getStore(protocol);
            try {
                store.connect(host, port, username, password);
            } catch (AuthenticationFailedException e) {
                return refused(e);
            }
            try {
                Folder inbox = store.getFolder(folder);
                if (!inbox.exists()) {
                    return "logged in, but the mailbox has no folder " + CheckProblem.quoted(folder);
                }
                inbox.open(Folder.READ_ONLY);
                inbox.close(false);
                return null;
            } finally {
                store.close();
            }
        } catch (MessagingException e) {
            return "the login failed: " + ProbeMessages.detail(e);
        }
    }

    /**
     * Why the SMTP login failed, or the server refused a mail from {@code envelopeSender} to {@code recipient} (a relay
     * that lets a login send only as its own addresses); null when both worked.
     *
     * @param protocol smtp or smtps
     */
    String smtpProblem(String protocol, String host, int port, boolean startTls, String username, String password,
                       String envelopeSender, String recipient) {
        Properties properties = timeouts(protocol);
        properties.setProperty("mail." + protocol + ".auth", "true");
        if (startTls) {
            properties.setProperty("mail.smtp.starttls.enable", "true");
            properties.setProperty("mail.smtp.starttls.required", "true");
        }
        try {
            Transport transport = Session.getInstance(properties).getTransport(protocol);
            try {
                transport.connect(host, port, username, password);
                return senderProblem(transport, envelopeSender, recipient);
            } catch (AuthenticationFailedException e) {
                return refused(e);
            } finally {
                transport.close();
            }
        } catch (MessagingException e) {
            return "the login failed: " + ProbeMessages.detail(e);
        }
    }

    /**
     * MAIL FROM with the envelope sender, then RCPT TO one of the hub's recipients, then RSET: nothing is sent. Postfix
     * (and Zimbra over it) answers a sender its login may not use only at RCPT TO ({@code smtpd_delay_reject}).
     */
    private static String senderProblem(Transport transport, String envelopeSender, String recipient) {
        if (!(transport instanceof SMTPTransport smtp) || envelopeSender.isBlank() || recipient.isBlank()) {
            return null; // a missing address is ConfigurationCheck's to report
        }
        try {
            int mailFrom = smtp.simpleCommand("MAIL FROM:<" + envelopeSender + ">");
            int rcptTo = mailFrom == 250 ? smtp.simpleCommand("RCPT TO:<" + recipient + ">") : mailFrom;
            String answer = smtp.getLastServerResponse();
            smtp.simpleCommand("RSET");
            if (mailFrom == 250 && (rcptTo == 250 || rcptTo == 251)) {
                return null;
            }
            return "logged in, but the server refuses a mail from " + envelopeSender + " (MAIL FROM:"
                    + " hub.mail.bounce-address, else hub.mail.from) to " + recipient + " (hub.routing.triage-inbox), so"
                    + " it would refuse the hub's mails: " + ConfigFilesCheck.oneLine(String.valueOf(answer))
                    + "; a relay that lets a login send only as its own addresses wants hub.mail.bounce-address (or"
                    + " hub.mail.from) to be one of them";
        } catch (MessagingException e) {
            return "logged in, but the server did not answer MAIL FROM: " + ProbeMessages.detail(e);
        }
    }

    private Properties timeouts(String protocol) {
        String millis = String.valueOf(Math.max(1, timeout.toMillis()));
        Properties properties = new Properties();
        properties.setProperty("mail." + protocol + ".connectiontimeout", millis);
        properties.setProperty("mail." + protocol + ".timeout", millis);
        return properties;
    }

    /** The server's own words (never the password, which it does not know to repeat). */
    private static String refused(AuthenticationFailedException e) {
        String answer = e.getMessage() == null || e.getMessage().isBlank() ? "no reason given"
                : ConfigFilesCheck.oneLine(e.getMessage());
        return "the server refused the login: " + answer;
    }
}
