package netralitas.hub.camel;

import netralitas.hub.text.HeaderValues;
import org.apache.camel.Exchange;
import org.apache.camel.spi.ExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A mailbox the hub cannot poll (the IMAP server is down, refuses the login, or drops the connection): one line per
 * failed poll, the cause and not the stack trace, and without the endpoint's URI. Camel's own line carried a stack
 * trace of some 40 frames on every poll while the server was away. The polls themselves are skipped for a while after
 * {@code hub.imap.backoff-after-failed-polls} failures in a row (the consumers' {@code backoffErrorThreshold}).
 */
public final class MailboxPollFailures implements ExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(MailboxPollFailures.class);
    private static final int MAX_CAUSE_CHARS = 300;

    private final String mailbox;

    /** @param mailbox how the log names the mailbox: the report mailbox or the follow-up mailbox, with its server */
    public MailboxPollFailures(String mailbox) {
        this.mailbox = mailbox;
    }

    @Override
    public void handleException(Throwable exception) {
        handleException(null, exception);
    }

    @Override
    public void handleException(String message, Throwable exception) {
        LOG.warn("Mailbox {} could not be polled: {}; polled again later, less often while it fails", mailbox,
                cause(exception));
    }

    @Override
    public void handleException(String message, Exchange exchange, Throwable exception) {
        handleException(message, exception);
    }

    /** "MailConnectException: Couldn't connect to host, port: …", the deepest cause that says something. */
    static String cause(Throwable exception) {
        Throwable said = exception;
        for (Throwable t = exception; t != null && t.getCause() != t; t = t.getCause()) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                said = t;
            }
        }
        return said == null ? "unknown" : HeaderValues.sanitize(said.getClass().getSimpleName()
                + (said.getMessage() == null ? "" : ": " + said.getMessage()), MAX_CAUSE_CHARS);
    }
}
