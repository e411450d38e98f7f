package netralitas.hub.camel;

import netralitas.hub.cases.ViolationCase;
import netralitas.hub.inbox.InboundMail;
import netralitas.hub.inbox.InboundMailReader;
import netralitas.hub.inbox.MailReadFailures;
import netralitas.hub.inbox.MailRejection;
import netralitas.hub.inbox.MailReportExtractor;
import netralitas.hub.inbox.UnloadableMail;
import netralitas.hub.report.CaseIds;
import netralitas.hub.report.ParseResult;
import netralitas.hub.report.ReportParser;
import netralitas.hub.report.ReportSource;
import netralitas.hub.text.HeaderValues;
import jakarta.mail.Header;
import jakarta.mail.MessagingException;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.apache.camel.component.mail.MailMessage;

import java.io.IOException;
import java.util.Collections;
import java.util.List;

/**
 * Route {@code ingest-mail}: reads the raw message the IMAP consumer fetched and turns it into a case or a rejection.
 * The consumer runs with {@code mapMailMessage=false}, so Camel never parses the MIME itself: one malformed message must
 * not fail the poll for the others (CAMEL-NOTES), and the hub's own reader returns every message as something.
 */
public final class MailIntake {

    private static final int MAX_REASON_CHARS = 300;

    /** Why a message of the follow-up mailbox that answers no case is quarantined (read by Bawaslu staff). */
    static final String NOT_A_REPLY = "bukan tanggapan atas kasus yang diteruskan: tidak merujuk surel kasus"
            + " (In-Reply-To/References) dan subjeknya tidak memuat nomor kasus yang dipantau";

    private final InboundMailReader reader;
    private final MailReportExtractor extractor;
    private final ReportParser parser;

    public MailIntake(InboundMailReader reader, MailReportExtractor extractor, ReportParser parser) {
        this.reader = reader;
        this.extractor = extractor;
        this.parser = parser;
    }

    /**
     * Fetches the message's bytes, no more than hub.mail.max-message-bytes of them. A failure here is the mail server's
     * (connection lost, or it cannot serve this message): the message stays where it is and is read again later, at
     * most hub.imap.max-read-failures times.
     */
    public InboundMail read(Exchange exchange) throws MessagingException, IOException {
        return reader.fetch(exchange.getIn(MailMessage.class).getOriginalMessage());
    }

    /** A raw RFC 5322 message, as the mailbox holds it. */
    public InboundMail read(byte[] raw) {
        return reader.read(raw);
    }

    /**
     * A {@link ViolationCase} carrying the message's evidence files, or a {@link MailRejection} with the reason.
     *
     * @param trailSource what the audit trail records as the message's source ({@link MailTrailSource})
     */
    public Object toCase(InboundMail mail, String trailSource) {
        String caseId = CaseIds.forEmail(mail.sourceId(), mail.sentDate());
        ParseResult result = parser.parse(extractor.fields(mail), ReportSource.email(mail.sourceId(), trailSource));
        if (!result.isAccepted()) {
            return rejection(mail, trailSource, result.reason());
        }
        ViolationCase violationCase = new ViolationCase(caseId, result.report());
        violationCase.attachEvidence(mail.attachments(), mail.attachmentsLeftOut());
        return violationCase;
    }

    /** Whether the message has any sign of a report, even one the row rules reject (SPEC §3.3). */
    public boolean looksLikeAReport(InboundMail mail) {
        return extractor.looksLikeAReport(mail);
    }

    /**
     * A message of the dedicated follow-up mailbox (SPEC §12) that answers no forwarded case: not a report either, it
     * is quarantined there with this reason and never acknowledged.
     */
    public MailRejection notAReply(InboundMail mail, String trailSource) {
        return rejection(mail, trailSource, NOT_A_REPLY);
    }

    /** A message the reader could not make sense of (malformed MIME …), with the reader's reason. */
    public MailRejection unreadable(InboundMail mail, String trailSource) {
        return rejection(mail, trailSource, mail.kindReason());
    }

    /** A message that failed inside the hub for a reason that waiting will not cure. */
    public MailRejection failed(InboundMail mail, String trailSource, Exception cause) {
        // An exception's message may quote the input: one line, bounded, like every other reason.
        return rejection(mail, trailSource, HeaderValues.sanitize("kesalahan di hub (" + cause.getClass().getSimpleName()
                + "): " + cause.getMessage(), MAX_REASON_CHARS));
    }

    private static MailRejection rejection(InboundMail mail, String trailSource, String reason) {
        return new MailRejection(CaseIds.forEmail(mail.sourceId(), mail.sentDate()), trailSource, reason);
    }

    /**
     * A message that failed hub.imap.max-read-failures times, to be quarantined unread: its failures, and the header
     * fields the server can still give (none when even they cannot be fetched: the error is then all there is).
     */
    public UnloadableMail unloadable(@ExchangeProperty(HubProperties.MAIL_MESSAGE) jakarta.mail.Message message,
                                     @ExchangeProperty(HubProperties.MAIL_READ_FAILURE) MailReadFailures.Failure failure) {
        List<Header> headers;
        try {
            headers = Collections.list(message.getAllHeaders());
        } catch (MessagingException | RuntimeException e) {
            headers = List.of();
        }
        return UnloadableMail.of(failure, headers);
    }
}
