package netralitas.hub.camel;

import jakarta.activation.DataHandler;
import jakarta.activation.FileDataSource;
import netralitas.hub.cases.ViolationCase;
import netralitas.hub.inbox.InboundMail;
import netralitas.hub.mail.Acknowledgement;
import netralitas.hub.mail.AutomatedAddresses;
import netralitas.hub.mail.CaseEmailRenderer;
import netralitas.hub.mail.RenderedEmail;
import netralitas.hub.report.CaseIds;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.attachment.AttachmentMessage;
import org.apache.camel.component.mail.MailConstants;

import java.nio.file.Path;
import java.util.List;

/**
 * Route {@code acknowledge}: the reply that tells a reporter their email arrived, with the case id (or why it could not
 * be processed, or the rejects of their CSV). Marked {@code Auto-Submitted: auto-replied} so that well-behaved
 * responders do not answer it, and never sent to an address that looks automated.
 */
public final class AcknowledgementComposer {

    private final CaseEmailRenderer renderer;
    private final String from;
    private final String mailDomain;
    private final boolean enabled;

    public AcknowledgementComposer(CaseEmailRenderer renderer, String from, String mailDomain, boolean enabled) {
        this.renderer = renderer;
        this.from = from;
        this.mailDomain = mailDomain;
        this.enabled = enabled;
    }

    public boolean wanted(InboundMail mail) {
        return enabled && !AutomatedAddresses.looksAutomated(mail.replyAddress());
    }

    /** Replaces the exchange's message with the acknowledgement of the outcome in its body. */
    public void compose(Exchange exchange) {
        InboundMail mail = exchange.getProperty(HubProperties.MAIL, InboundMail.class);
        Acknowledgement ack = acknowledgement(exchange.getMessage().getBody(), mail)
                .withAttachmentsLeftOut(mail.attachmentsLeftOut().acknowledgementNote());
        RenderedEmail rendered = renderer.renderAcknowledgement(ack);
        Message message = exchange.getMessage();
        // The message's own id: the case id for a single report, and one stable reference for a CSV batch.
        String reference = CaseIds.forEmail(mail.sourceId(), mail.sentDate());
        OutgoingMail.apply(message, rendered, from, mail.replyAddress(), null, "<ack." + reference + "@" + mailDomain + ">");
        message.setBody(rendered.text());
        message.removeHeader(MailConstants.MAIL_ALTERNATIVE_BODY);
        message.setHeader(MailConstants.MAIL_CONTENT_TYPE, "text/plain; charset=UTF-8");
        message.setHeader("Auto-Submitted", "auto-replied");
        OutgoingMail.header(message, "X-Netralitas-Case-Id", reference);
        if (mail.messageId() != null) {
            OutgoingMail.header(message, "In-Reply-To", mail.messageId());
            OutgoingMail.header(message, "References", mail.messageId());
        }
        for (Acknowledgement.CsvFileOutcome file : ack.csvFiles()) {
            if (file.rejectsFile() != null) {
                Path rejects = Path.of(file.rejectsFile());
                exchange.getMessage(AttachmentMessage.class).addAttachment(rejects.getFileName().toString(),
                        new DataHandler(new FileDataSource(rejects.toFile())));
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static Acknowledgement acknowledgement(Object outcome, InboundMail mail) {
        if (outcome instanceof ViolationCase violationCase) {
            return new Acknowledgement(Acknowledgement.Outcome.ACCEPTED, violationCase.getCaseId(), mail.subject(),
                    mail.sentDate(), null, null);
        }
        if (outcome instanceof MailRejection rejection) {
            return new Acknowledgement(Acknowledgement.Outcome.NOT_PROCESSED, rejection.caseId(), mail.subject(),
                    mail.sentDate(), rejection.reason(), null);
        }
        if (outcome instanceof List<?> files) {
            return new Acknowledgement(Acknowledgement.Outcome.CSV_BATCH, null, mail.subject(), mail.sentDate(), null,
                    (List<Acknowledgement.CsvFileOutcome>) files);
        }
        throw new IllegalArgumentException("No acknowledgement for an outcome of type "
                + (outcome == null ? "null" : outcome.getClass().getName()));
    }
}
