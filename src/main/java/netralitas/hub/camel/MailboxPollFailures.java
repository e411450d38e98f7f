package netralitas.hub.camel;

import netralitas.hub.text.FailureText;
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
                FailureText.chain(exception, FailureCause.MAX_CHARS));
    }

    @Override
    public void handleException(String message, Exchange exchange, Throwable exception) {
        handleException(message, exception);
    }

}
