package netralitas.hub.camel;

import netralitas.hub.cases.ViolationCase;
import netralitas.hub.classify.Severity;
import netralitas.hub.mail.CaseEmailRenderer;
import netralitas.hub.mail.MailPurpose;
import netralitas.hub.mail.RenderedEmail;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/** Route {@code deliver}: renders one case for the recipients the router chose (SPEC §7). */
public final class CaseMailComposer {

    private final CaseEmailRenderer renderer;
    private final String from;
    private final String mailDomain;

    public CaseMailComposer(CaseEmailRenderer renderer, String from, String mailDomain) {
        this.renderer = renderer;
        this.from = from;
        this.mailDomain = mailDomain;
    }

    public void compose(Exchange exchange) {
        Message message = exchange.getMessage();
        ViolationCase violationCase = message.getBody(ViolationCase.class);
        MailPurpose purpose = MailPurpose.valueOf(exchange.getProperty(HubProperties.PURPOSE, String.class));
        String to = exchange.getProperty(HubProperties.TO, String.class);
        String cc = exchange.getProperty(HubProperties.CC, String.class);
        // SPEC §7: every BERAT mail is urgent to whoever receives it (triage, a central agency, Bawaslu too).
        boolean high = violationCase.getClassification().severity() == Severity.BERAT;

        RenderedEmail mail = renderer.renderCase(violationCase, purpose);
        OutgoingMail.apply(message, mail, from, to, cc, "<" + violationCase.getCaseId() + "@" + mailDomain + ">");
        OutgoingMail.header(message, "X-Netralitas-Case-Id", violationCase.getCaseId());
        OutgoingMail.header(message, "X-Netralitas-Severity", violationCase.getClassification().severity().name());
        var region = violationCase.getRegionResolution().region();
        if (region != null) {
            OutgoingMail.header(message, "X-Netralitas-Region", region.code());
        }
        OutgoingMail.attach(exchange, violationCase.getEvidenceFiles());
        if (high) {
            message.setHeader("X-Priority", "1");
        }
    }
}
