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
 * or every delivery after the start. It sends and changes nothing: an SMTP session is reset after MAIL FROM, before any
 * recipient; an IMAP folder is opened read-only.
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
     * Why the SMTP login failed, or the server refused {@code envelopeSender} as MAIL FROM (a relay that lets a login
     * send only as its own addresses); null when both worked.
     *
     * @param protocol smtp or smtps
     */
    String smtpProblem(String protocol, String host, int port, boolean startTls, String username, String password,
                       String envelopeSender) {
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
                return senderProblem(transport, envelopeSender);
            } catch (AuthenticationFailedException e) {
                return refused(e);
            } finally {
                transport.close();
            }
        } catch (MessagingException e) {
            return "the login failed: " + ProbeMessages.detail(e);
        }
    }

    private static String senderProblem(Transport transport, String envelopeSender) {
        if (!(transport instanceof SMTPTransport smtp)) {
            return null;
        }
        try {
            smtp.issueCommand("MAIL FROM:<" + envelopeSender + ">", 250);
        } catch (MessagingException e) {
            String answer = smtp.getLastServerResponse();
            return "logged in, but the server refuses " + envelopeSender + " as envelope sender (MAIL FROM), so it would"
                    + " refuse every mail: " + (answer == null || answer.isBlank() ? ProbeMessages.detail(e)
                    : ConfigFilesCheck.oneLine(answer)) + "; set hub.mail.bounce-address (or hub.mail.from) to an address"
                    + " this login may send as";
        }
        try {
            smtp.issueCommand("RSET", 250);
        } catch (MessagingException e) {
            // The session ends here anyway: nothing was sent.
        }
        return null;
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
