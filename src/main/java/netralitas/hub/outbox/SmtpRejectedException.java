package netralitas.hub.outbox;

import jakarta.mail.MessagingException;

/**
 * The SMTP server refused the email for good (a 5xx reply, such as an unknown recipient): retrying cannot help, so
 * hub-failures dead-letters the case with the server's answer. It carries no cause on purpose: Camel matches
 * onException from the deepest cause up, and Jakarta Mail's own exceptions would match the transient SMTP policy.
 */
public final class SmtpRejectedException extends MessagingException {

    public SmtpRejectedException(String serverAnswer) {
        super(serverAnswer);
    }
}
