package netralitas.hub.camel;

import netralitas.hub.cases.ViolationCase;
import netralitas.hub.classify.Classification;
import netralitas.hub.inbox.AttachmentsLeftOut;
import netralitas.hub.inbox.InboundMail;
import netralitas.hub.inbox.MailRejection;
import netralitas.hub.mail.Acknowledgement.Outcome;
import netralitas.hub.mail.Acknowledgement;
import netralitas.hub.mail.CaseEmailRenderer;
import netralitas.hub.mail.RenderedEmail;
import netralitas.hub.outbox.SmtpRejectedException;
import netralitas.hub.report.CaseIds;
import jakarta.mail.internet.AddressException;
import org.apache.camel.Body;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.apache.camel.Message;
import org.apache.camel.component.mail.MailConstants;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Route {@code acknowledge}: the reply that tells a reporter what became of their email (SPEC §3.3), with the case id.
 * One recipient, the message's From; plain text, no attachment; marked {@code Auto-Submitted: auto-replied} so that
 * well-behaved responders do not answer it. Whether it is sent at all is {@code AcknowledgementPolicy}'s decision.
 */
public final class AcknowledgementComposer {

    private static final Pattern PERMANENT_REPLY_CODE = Pattern.compile("\\b5\\d\\d\\b");
    /** A Message-ID the hub may repeat in In-Reply-To: one token in angle brackets, of a sane length. */
    private static final Pattern MESSAGE_ID = Pattern.compile("<[\\x21-\\x3B\\x3D\\x3F-\\x7E]{1,200}@[\\x21-\\x3B\\x3D\\x3F-\\x7E]{1,200}>");
    private static final int MAX_MESSAGE_ID_CHARS = 250;

    private final CaseEmailRenderer renderer;
    private final String from;
    private final String mailDomain;
    private final String reportAddress;

    /** @param reportAddress where reporters send reports, named in the text (null when unknown) */
    public AcknowledgementComposer(CaseEmailRenderer renderer, String from, String mailDomain, String reportAddress) {
        this.renderer = renderer;
        this.from = from;
        this.mailDomain = mailDomain;
        this.reportAddress = reportAddress;
    }

    /**
     * What became of the report, as the reporter is told it. {@code outcome} is the case after route intake, the
     * {@code MailRejection} of a quarantined message, or the list of {@code CsvFileOutcome}s of its CSV attachments.
     */
    public Acknowledgement outcome(@Body Object outcome, @ExchangeProperty(HubProperties.MAIL) InboundMail mail,
                                   @ExchangeProperty(HubProperties.DECISION) String decision,
                                   @ExchangeProperty(Exchange.DUPLICATE_MESSAGE) Boolean duplicate,
                                   @ExchangeProperty(HubProperties.PARKED_AS) Object parkedAs) {
        // A case's own: its mail may have withheld more files than the message's reading did (MailSizeLimit).
        AttachmentsLeftOut leftOut = outcome instanceof ViolationCase violationCase
                ? violationCase.getEvidenceLeftOut() : mail.attachmentsLeftOut();
        return acknowledgement(outcome, mail, decision, duplicate, parkedAs)
                .withAttachmentsLeftOut(leftOut.acknowledgementNote());
    }

    @SuppressWarnings("unchecked")
    private Acknowledgement acknowledgement(Object outcome, InboundMail mail, String decision, Boolean duplicate,
                                            Object parkedAs) {
        if (outcome instanceof ViolationCase violationCase) {
            Outcome what = caseOutcome(decision, Boolean.TRUE.equals(duplicate), parkedAs != null);
            Classification classification = violationCase.getClassification();
            boolean closed = what == Outcome.CLOSED && classification != null;
            return Acknowledgement.ofCase(what, violationCase.getCaseId(), mail.subject(), mail.sentDate(),
                    closed ? classification.category().code() : null, closed ? classification.category().label() : null,
                    reportAddress);
        }
        if (outcome instanceof MailRejection rejection) {
            return Acknowledgement.notProcessed(rejection.caseId(), mail.subject(), mail.sentDate(), rejection.reason(),
                    reportAddress);
        }
        if (outcome instanceof List<?> files) {
            return Acknowledgement.csvBatch(mail.subject(), mail.sentDate(), (List<Acknowledgement.CsvFileOutcome>) files,
                    reportAddress);
        }
        throw new IllegalArgumentException("No acknowledgement for an outcome of type "
                + (outcome == null ? "null" : outcome.getClass().getName()));
    }

    private static Outcome caseOutcome(String decision, boolean duplicate, boolean parked) {
        // Dead-lettered: an operator looks at it. Asked before the duplicate: a case whose mail may have gone out when
        // the hub stopped is a duplicate to the case ledger (route park-uncertain), yet it was never answered.
        if (parked) {
            return Outcome.REVIEW;
        }
        if (duplicate) {
            return Outcome.DUPLICATE;
        }
        if (decision == null) {
            // Stopped before routing: Bawaslu staff have it.
            return Outcome.REVIEW;
        }
        return switch (decision) {
            case "IMMEDIATE" -> Outcome.FORWARDED;
            case "DIGEST" -> Outcome.DIGEST;
            case "CLOSED" -> Outcome.CLOSED;
            default -> Outcome.REVIEW;
        };
    }

    /** Replaces the exchange's message with the acknowledgement, addressed to the one address in the report's From. */
    public void compose(@Body Acknowledgement ack, @ExchangeProperty(HubProperties.MAIL) InboundMail mail, Message message) {
        RenderedEmail rendered = renderer.renderAcknowledgement(ack);
        // The message's own id: the case id for a single report, and one stable reference for a CSV batch.
        String reference = CaseIds.forEmail(mail.sourceId(), mail.sentDate());
        OutgoingMail.apply(message, rendered, from, mail.fromAddress(), null, "<ack." + reference + "@" + mailDomain + ">");
        message.setBody(rendered.text());
        message.removeHeader(MailConstants.MAIL_ALTERNATIVE_BODY);
        // Read by route smtp-send (OutgoingMimeMessage) for the body's type; never a header of the mail.
        message.setHeader(MailConstants.MAIL_CONTENT_TYPE, "text/plain; charset=UTF-8");
        message.setHeader("Auto-Submitted", "auto-replied");
        OutgoingMail.header(message, "X-Netralitas-Case-Id", reference);
        String inReplyTo = mail.messageId();
        if (inReplyTo != null && inReplyTo.length() <= MAX_MESSAGE_ID_CHARS && MESSAGE_ID.matcher(inReplyTo).matches()) {
            message.setHeader("In-Reply-To", inReplyTo);
            message.setHeader("References", inReplyTo);
        }
    }

    /**
     * Why an acknowledgement did not go out and will not be tried again (a refusal, or a failure that is not the mail
     * server's), for the trail and the log: the SMTP reply code, never the server's text, which names the address. A
     * transient failure is {@code AcknowledgementRetries}'.
     */
    public String failure(@ExchangeProperty(Exchange.EXCEPTION_CAUGHT) Exception failure) {
        if (failure instanceof SmtpRejectedException) {
            Matcher code = PERMANENT_REPLY_CODE.matcher(String.valueOf(failure.getMessage()));
            return "ditolak server SMTP" + (code.find() ? " (" + code.group() + ")" : "") + ", tidak dikirim ulang";
        }
        if (failure instanceof AddressException) {
            return "alamat pengirim tidak dapat dipakai untuk membalas (AddressException), tidak dikirim";
        }
        return "tidak terkirim (" + (failure == null ? "?" : failure.getClass().getSimpleName()) + ")";
    }
}
