package netralitas.hub.camel;

import netralitas.hub.cases.ViolationCase;
import netralitas.hub.cases.RoutingDecision;
import netralitas.hub.mail.CaseEmailRenderer;
import netralitas.hub.mail.MailPurpose;
import netralitas.hub.mail.RenderedEmail;
import org.apache.camel.Body;
import org.apache.camel.Message;

/** Route {@code deliver}: renders one case for the recipients the router chose, its RoutingDecision (SPEC §7). */
public final class CaseMailComposer {

    private final CaseEmailRenderer renderer;
    private final String from;
    private final String mailDomain;

    public CaseMailComposer(CaseEmailRenderer renderer, String from, String mailDomain) {
        this.renderer = renderer;
        this.from = from;
        this.mailDomain = mailDomain;
    }

    public void compose(@Body ViolationCase violationCase, Message message) {
        RoutingDecision decision = violationCase.getRoutingDecision();
        RenderedEmail mail = renderer.renderCase(violationCase, MailPurpose.valueOf(decision.purpose()));
        OutgoingMail.apply(message, mail, from, decision.to(), decision.cc(),
                "<" + violationCase.getCaseId() + "@" + mailDomain + ">");
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
