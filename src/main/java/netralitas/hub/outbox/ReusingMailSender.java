package netralitas.hub.outbox;

import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import netralitas.hub.mail.OutgoingHeaders;
import org.apache.camel.component.mail.DefaultJavaMailSender;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.concurrent.BlockingDeque;
import java.util.concurrent.LinkedBlockingDeque;

/**
 * Camel's mail sender connects, sends and disconnects for every message; a connection to an SMTP server costs more than
 * a message sent over it. This one keeps connections open and reuses them, within bounds a mail server accepts
 * (messages per connection, idle time). A reused connection that turns out dead is replaced once, at once; any
 * other failure goes back to the route's retries. Every mail of the hub leaves through here, so here it is cut down to
 * the headers the hub may send ({@link OutgoingHeaders}).
 */
public final class ReusingMailSender extends DefaultJavaMailSender implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ReusingMailSender.class);

    private record Connection(Transport transport, Instant lastUsed, int sent) {
    }

    private final BlockingDeque<Connection> idle = new LinkedBlockingDeque<>();
    private final int maxMessagesPerConnection;
    private final Duration maxIdle;
    private final Clock clock;

    public ReusingMailSender(int maxMessagesPerConnection, Duration maxIdle, Clock clock) {
        this.maxMessagesPerConnection = maxMessagesPerConnection;
        this.maxIdle = maxIdle;
        this.clock = clock;
    }

    @Override
    public void send(MimeMessage message) throws MessagingException {
        prepare(message);
        Connection reused = takeIdle();
        if (reused != null) {
            try {
                release(sendOver(reused, message));
                return;
            } catch (SendFailedException rejected) {
                close(reused);
                throw SmtpRefusals.classify(rejected);
            } catch (MessagingException deadConnection) {
                LOG.debug("Reused SMTP connection failed ({}); sending over a new one", deadConnection.getMessage());
                close(reused);
            }
        }
        Connection fresh = connect();
        try {
            release(sendOver(fresh, message));
        } catch (MessagingException e) {
            close(fresh);
            throw SmtpRefusals.classify(e);
        }
    }

    /**
     * What Camel's sender does before sending — a date, and the Message-ID kept across saveChanges — and then only the
     * allowed headers are kept (Camel's mail binding copies every exchange header into the mail).
     */
    private static void prepare(MimeMessage message) throws MessagingException {
        if (message.getSentDate() == null) {
            message.setSentDate(new Date());
        }
        String messageId = message.getMessageID();
        message.saveChanges();
        if (messageId != null) {
            message.setHeader("Message-ID", messageId);
        }
        List<String> removed = OutgoingHeaders.strip(message);
        if (!removed.isEmpty()) {
            LOG.debug("Headers left out of an outgoing mail: {}", removed);
        }
    }

    private Connection takeIdle() {
        Connection connection;
        while ((connection = idle.pollFirst()) != null) {
            if (Duration.between(connection.lastUsed(), clock.instant()).compareTo(maxIdle) < 0) {
                return connection;
            }
            close(connection);
        }
        return null;
    }

    private Connection connect() throws MessagingException {
        Transport transport = getTransport(getSession());
        var credentials = getPasswordAuthentication();
        transport.connect(getHost(), getPort(), credentials.getUserName(), credentials.getPassword());
        return new Connection(transport, clock.instant(), 0);
    }

    private Connection sendOver(Connection connection, MimeMessage message) throws MessagingException {
        connection.transport().sendMessage(message, message.getAllRecipients());
        return new Connection(connection.transport(), clock.instant(), connection.sent() + 1);
    }

    private void release(Connection connection) {
        if (connection.sent() >= maxMessagesPerConnection) {
            close(connection);
        } else {
            idle.offerFirst(connection);
        }
    }

    private static void close(Connection connection) {
        try {
            connection.transport().close();
        } catch (MessagingException e) {
            LOG.debug("Closing an SMTP connection failed: {}", e.getMessage());
        }
    }

    @Override
    public void close() {
        Connection connection;
        while ((connection = idle.pollFirst()) != null) {
            close(connection);
        }
    }
}
