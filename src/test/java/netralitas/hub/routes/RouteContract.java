package netralitas.hub.routes;

import netralitas.hub.camel.HubProperties;
import netralitas.hub.inbox.InboundMail;
import netralitas.hub.inbox.MailboxUid;
import org.apache.camel.Exchange;

import java.util.concurrent.atomic.AtomicLong;

/**
 * What the route tests read from, or put on, an exchange, in one place: the routes' contract with the Java side. When
 * that contract changes (a property renamed, the decision moved onto the case), only this class follows.
 */
final class RouteContract {

    private RouteContract() {
    }

    /** IMMEDIATE, DIGEST, CLOSED or TRIAGE, as route {@code route} decided. */
    static String decision(Exchange exchange) {
        return exchange.getProperty(HubProperties.DECISION, String.class);
    }

    /** The recipients route {@code route} chose, comma-separated. */
    static String to(Exchange exchange) {
        return exchange.getProperty(HubProperties.TO, String.class);
    }

    static String cc(Exchange exchange) {
        return exchange.getProperty(HubProperties.CC, String.class);
    }

    /** A {@code MailPurpose} name: what the receiving office is asked to do. */
    static String purpose(Exchange exchange) {
        return exchange.getProperty(HubProperties.PURPOSE, String.class);
    }

    /** What route intake leaves for route acknowledge: the decision it carried out. */
    static void decided(Exchange exchange, String decision) {
        exchange.setProperty(HubProperties.DECISION, decision);
    }

    /** What route dead-letter or park-uncertain leaves when it parked the case: the name of its row. */
    static void parked(Exchange exchange, String parkedAs) {
        exchange.setProperty(HubProperties.PARKED_AS, parkedAs);
    }

    /**
     * The report message being read ({@code InboundMail}) and what the trail names it by, as route ingest-mail sets
     * them before acknowledge.
     */
    static void mail(Exchange exchange, InboundMail inboundMail) {
        exchange.setProperty(HubProperties.MAIL, inboundMail);
        exchange.setProperty(HubProperties.MAIL_SOURCE, trailSource(inboundMail));
    }

    /**
     * What a mailbox's consumer route (poll-mailbox, poll-followup-mailbox) and route read-mail put on the exchange
     * before route ingest-mail: which mailbox, its folders, and the message's key. Processed and quarantine folders of
     * the follow-up mailbox are named apart ("Selesai", "Karantina") so a test sees which mailbox's were used.
     */
    static void readFrom(Exchange exchange, String mailbox) {
        boolean report = MailboxUid.REPORT.equals(mailbox);
        exchange.setProperty(HubProperties.MAILBOX, mailbox);
        exchange.setProperty(HubProperties.MAIL_INBOX, "INBOX");
        exchange.setProperty(HubProperties.MAIL_PROCESSED_FOLDER, report ? "Processed" : "Selesai");
        exchange.setProperty(HubProperties.MAIL_QUARANTINE_FOLDER, report ? "Quarantine" : "Karantina");
        exchange.setProperty(HubProperties.MAIL_KEY, new MailboxUid(mailbox, "INBOX", 1, UIDS.incrementAndGet()).toString());
    }

    private static final AtomicLong UIDS = new AtomicLong();

    /** A source of the hub's form (folder, UID, pseudonym), one per message; the hub's MailTrailSource is not needed. */
    static String trailSource(InboundMail mail) {
        return "INBOX;uid=" + Integer.toUnsignedString(mail.sourceId().hashCode()) + ";mid=test";
    }

    /** Why route acknowledge did not send, or null. */
    static String ackWithheld(Exchange exchange) {
        return exchange.getProperty(HubProperties.ACK_WITHHELD, String.class);
    }
}
