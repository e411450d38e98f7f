package netralitas.hub.camel;

import netralitas.hub.audit.AuditEventType;
import netralitas.hub.audit.AuditTrail;
import netralitas.hub.audit.ChainHead;
import netralitas.hub.mail.AnchorMail;
import netralitas.hub.mail.CaseEmailRenderer;
import netralitas.hub.mail.RenderedEmail;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.component.mail.MailConstants;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Route {@code audit-anchor-send}: the daily mail of the chain head to hub.audit.anchor-inbox (SPEC §8), a mailbox
 * outside the hub's control. The head mailed is left in exchange property {@value HubProperties#ANCHOR} for the event
 * that records it.
 */
public final class AnchorMailComposer {

    private final CaseEmailRenderer renderer;
    private final AuditTrail trail;
    private final String from;
    private final String inbox;
    private final String mailDomain;
    private final Clock clock;

    public AnchorMailComposer(CaseEmailRenderer renderer, AuditTrail trail, String from, String inbox,
                              String mailDomain, Clock clock) {
        this.renderer = renderer;
        this.trail = trail;
        this.from = from;
        this.inbox = inbox;
        this.mailDomain = mailDomain;
        this.clock = clock;
    }

    public void compose(Exchange exchange) {
        OffsetDateTime at = OffsetDateTime.now(clock);
        ChainHead head = trail.head();
        boolean keyed = trail.endsKeyed();
        Map<String, Long> counts = new LinkedHashMap<>();
        // The head is taken first: events counted after it are of the same day and do not change what it pins.
        trail.countsOn(at.toLocalDate())
                .forEach((AuditEventType type, Long count) -> counts.put(type.name(), count));
        RenderedEmail mail = renderer.renderAnchor(new AnchorMail(at, head.seq(), head.hash(), keyed, counts));
        Message message = exchange.getMessage();
        OutgoingMail.apply(message, mail, from, inbox, null,
                "<anchor-" + at.toLocalDate() + "-" + head.seq() + "@" + mailDomain + ">");
        message.setBody(mail.text());
        message.removeHeader(MailConstants.MAIL_ALTERNATIVE_BODY);
        message.setHeader(MailConstants.MAIL_CONTENT_TYPE, "text/plain; charset=UTF-8");
        exchange.setProperty(HubProperties.ANCHOR, head);
    }
}
