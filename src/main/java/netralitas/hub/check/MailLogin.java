package netralitas.hub.check;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.Folder;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.Transport;

import java.time.Duration;
import java.util.Properties;

/**
 * Logs in to a mail server as the hub will, with Jakarta Mail: a wrong password or a mailbox folder that does not exist
 * would otherwise pass {@code check} and fail every poll or every delivery after the start. It sends and changes
 * nothing: an SMTP session ends before MAIL FROM, an IMAP folder is opened read-only.
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
     * Why the SMTP login failed, or null when it worked.
     *
     * @param protocol smtp or smtps
     */
    String smtpProblem(String protocol, String host, int port, boolean startTls, String username, String password) {
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
            } catch (AuthenticationFailedException e) {
                return refused(e);
            } finally {
                transport.close();
            }
            return null;
        } catch (MessagingException e) {
            return "the login failed: " + ProbeMessages.detail(e);
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
