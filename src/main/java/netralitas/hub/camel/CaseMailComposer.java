package netralitas.hub.camel;

import netralitas.hub.cases.ViolationCase;
import netralitas.hub.cases.RoutingDecision;
import netralitas.hub.followup.FollowUpCase;
import netralitas.hub.inbox.EvidenceFile;
import netralitas.hub.mail.CaseEmailRenderer;
import netralitas.hub.mail.FollowUpRequest;
import netralitas.hub.mail.MailPurpose;
import netralitas.hub.mail.MailSizeLimit;
import netralitas.hub.mail.RenderedEmail;
import org.apache.camel.Body;
import org.apache.camel.ExchangeProperty;
import org.apache.camel.Message;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/**
 * Route {@code deliver}: renders one case for the recipients the router chose, its RoutingDecision (SPEC §7), with its
 * deadline and Reply-To the follow-up address; a case related to an open one is threaded to that case's mail (§12).
 * Evidence files that would make the mail larger than the SMTP server takes stay out of it (§9, {@link MailSizeLimit}):
 * the case keeps them withheld, so that the acknowledgement, the trail and a mail composed again say the same.
 */
public final class CaseMailComposer {

    private final CaseEmailRenderer renderer;
    private final String from;
    private final String mailDomain;
    private final String replyTo;
    private final ZoneId zone;
    private final MailSizeLimit sizeLimit;

    /**
     * @param replyTo   the follow-up address offices reply to (hub.followup.address, else the report address), or null
     * @param zone      the zone the deadline is written in
     * @param sizeLimit the largest mail the SMTP server takes (hub.smtp.max-message-bytes)
     */
    public CaseMailComposer(CaseEmailRenderer renderer, String from, String mailDomain, String replyTo, ZoneId zone,
                            MailSizeLimit sizeLimit) {
        this.renderer = renderer;
        this.from = from;
        this.mailDomain = mailDomain;
        this.replyTo = replyTo;
        this.zone = zone;
        this.sizeLimit = sizeLimit;
    }

    public void compose(@Body ViolationCase violationCase,
                        @ExchangeProperty(HubProperties.FOLLOW_UP_DEADLINE) Instant deadline,
                        @ExchangeProperty(HubProperties.RELATED_CASE) FollowUpCase related, Message message) {
        RoutingDecision decision = violationCase.getRoutingDecision();
        FollowUpRequest followUp = new FollowUpRequest(deadline, zone, related == null ? null : related.caseId());
        RenderedEmail mail = renderer.renderCase(violationCase, MailPurpose.valueOf(decision.purpose()), followUp);
        List<EvidenceFile> files = violationCase.getEvidenceFiles();
        List<EvidenceFile> fitted = sizeLimit.fit(mail.text(), mail.html(), files);
        while (fitted != files) { // each file withheld makes the texts longer: measured again until the mail fits
            int forMail = MailSizeLimit.withheld(fitted) - violationCase.getEvidenceLeftOut().withheld();
            violationCase.attachEvidence(fitted, violationCase.getEvidenceLeftOut()
                    .withFilesWithheldForMail(forMail, sizeLimit.maxBytes()));
            mail = renderer.renderCase(violationCase, MailPurpose.valueOf(decision.purpose()), followUp);
            files = violationCase.getEvidenceFiles();
            fitted = sizeLimit.fit(mail.text(), mail.html(), files);
        }
        OutgoingMail.apply(message, mail, from, decision.to(), decision.cc(),
                "<" + violationCase.getCaseId() + "@" + mailDomain + ">");
        OutgoingMail.replyTo(message, replyTo);
        if (related != null) {
            // Threaded to the first case's mail (for a RINGAN case, its digest), where the office keeps its answer.
            OutgoingMail.header(message, "In-Reply-To", related.messageId());
            OutgoingMail.header(message, "References", related.messageId());
        }
        OutgoingMail.header(message, "X-Netralitas-Case-Id", violationCase.getCaseId());
        OutgoingMail.header(message, "X-Netralitas-Severity", violationCase.getClassification().severity().name());
        var region = violationCase.getRegionResolution().region();
        if (region != null) {
            OutgoingMail.header(message, "X-Netralitas-Region", region.code());
        }
        OutgoingMail.attach(message.getExchange(), violationCase.getEvidenceFiles());
        if (decision.priority() == RoutingDecision.Priority.HIGH) {
            message.setHeader("X-Priority", "1");
        }
    }
}
