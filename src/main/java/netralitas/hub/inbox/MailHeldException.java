package netralitas.hub.inbox;

/**
 * Fails the exchange of a report message on purpose, so that the IMAP consumer leaves the message in its folder for a
 * later poll. An expected outcome, already explained by a log line of the route that holds the message back (hold-mail
 * for BKN or SMTP down, poll-mailbox for a failed attempt): it carries no stack trace.
 */
public final class MailHeldException extends RuntimeException {

    public MailHeldException(String message) {
        super(message, null, false, false);
    }
}
