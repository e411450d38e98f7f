package netralitas.hub.camel;

import netralitas.hub.inbox.InboundMail;
import netralitas.hub.mail.Acknowledgement;
import netralitas.hub.outbox.SmtpRefusals;
import netralitas.hub.state.PendingAcknowledgementTable;
import netralitas.hub.state.PendingAcknowledgementTable.PendingAcknowledgement;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.apache.camel.Message;
import org.apache.camel.component.mail.MailConstants;

import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Routes keep-acknowledgement and resend-acknowledgements: an acknowledgement the SMTP server could not take for a
 * transient reason (no connection, a 4xx reply) is kept in the state store as it was composed, and sent again until the
 * server takes it or the time to give up has passed (SPEC §3.3). The mail is kept whole, so that the reporter gets
 * what they would have got, however the hub's texts change in between.
 */
public final class AcknowledgementRetries {

    /** What route acknowledge's composer puts on the message, and all that route smtp-send reads of it. */
    private static final List<String> MAIL_HEADERS = List.of("From", "To", "Subject", "Message-ID", "Auto-Submitted",
            "X-Netralitas-Case-Id", "In-Reply-To", "References", MailConstants.MAIL_CONTENT_TYPE);
    /** With the offset: the trail is read by auditors wherever they are, and the hub runs in its own zone. */
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss XXX");

    private final PendingAcknowledgementTable pending;
    private final ZoneId zone;

    public AcknowledgementRetries(PendingAcknowledgementTable pending, ZoneId zone) {
        this.pending = pending;
        this.zone = zone;
    }

    /**
     * Keeps the acknowledgement on the message, which the server did not take, to be sent again. Returns the reason
     * for the trail and the log, with when the next try is due (it names no address).
     */
    public String keep(Message message, @ExchangeProperty(HubProperties.MAIL) InboundMail mail,
                       @ExchangeProperty(HubProperties.MAIL_SOURCE) String mailSource,
                       @ExchangeProperty(HubProperties.ACKNOWLEDGEMENT) Acknowledgement ack,
                       @ExchangeProperty(Exchange.EXCEPTION_CAUGHT) Exception failure) throws SQLException {
        Map<String, String> headers = new LinkedHashMap<>();
        for (String name : MAIL_HEADERS) {
            String value = message.getHeader(name, String.class);
            if (value != null) {
                headers.put(name, value);
            }
        }
        String reason = transientFailure(failure);
        Instant due = pending.keep(headers.get("Message-ID"), ack.caseId(), mailSource, headers,
                message.getBody(String.class), mail.fromName(), mail.fromAddress(), reason);
        return reason + ", dikirim ulang mulai " + WHEN.format(due.atZone(zone));
    }

    /** Puts the kept acknowledgement back on the message, as route acknowledge had composed it, for route smtp-send. */
    public void restore(@ExchangeProperty(HubProperties.PENDING_ACK) PendingAcknowledgement acknowledgement,
                        Message message) {
        message.removeHeaders("*");
        acknowledgement.headers().forEach(message::setHeader);
        message.setBody(acknowledgement.text());
    }

    /**
     * A further try failed for a transient reason. Returns the reason, with when the next try is due, or null when
     * the time to give up has passed since the first failure: then the acknowledgement is no longer kept.
     */
    public String failedAgain(@ExchangeProperty(HubProperties.PENDING_ACK) PendingAcknowledgement acknowledgement,
                              @ExchangeProperty(Exchange.EXCEPTION_CAUGHT) Exception failure) throws SQLException {
        String reason = transientFailure(failure);
        Instant due = pending.failedAgain(acknowledgement, reason);
        return due == null ? null : reason + ", dikirim ulang mulai " + WHEN.format(due.atZone(zone));
    }

    /** Why an acknowledgement that {@link #failedAgain} no longer keeps is given up, for the trail and the log. */
    public String givenUp(@ExchangeProperty(HubProperties.PENDING_ACK) PendingAcknowledgement acknowledgement,
                          @ExchangeProperty(Exchange.EXCEPTION_CAUGHT) Exception failure) {
        return transientFailure(failure) + "; tidak terkirim dalam " + (acknowledgement.attempts() + 1)
                + " percobaan sejak " + WHEN.format(acknowledgement.firstFailedAt().atZone(zone))
                + ", tidak dikirim ulang";
    }

    /**
     * Whether the acknowledgement whose send just failed may go through when it is sent again later: the mail server
     * was not reached, or answered 4xx. An address that cannot be written would fail every try.
     */
    public boolean isTransient(@ExchangeProperty(Exchange.EXCEPTION_CAUGHT) Exception failure) {
        return SmtpRefusals.isTransient(failure);
    }

    /**
     * The SMTP reply code when the server gave one, and the kind of failure; never the server's text, which may name
     * the address.
     */
    private static String transientFailure(Exception failure) {
        int code = SmtpRefusals.transientReplyCode(failure);
        return "server SMTP tidak dapat dihubungi atau menolak sementara (" + (code < 0 ? "" : code + ", ")
                + (failure == null ? "?" : failure.getClass().getSimpleName()) + ")";
    }
}
