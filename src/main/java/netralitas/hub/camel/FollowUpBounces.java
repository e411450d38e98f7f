package netralitas.hub.camel;

import netralitas.hub.followup.BounceMatcher;
import netralitas.hub.followup.BouncedMail;
import netralitas.hub.followup.FollowUpCase;
import netralitas.hub.followup.FollowUpEntry;
import netralitas.hub.inbox.InboundMail;
import netralitas.hub.mail.BounceLocation;
import netralitas.hub.mail.CaseEmailRenderer;
import netralitas.hub.mail.RenderedEmail;
import netralitas.hub.state.FollowUpTable;
import org.apache.camel.ExchangeProperty;
import org.apache.camel.Message;

import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Routes ingest-mail and followup-bounce: whether a message of a mailbox the hub reads is a bounce of one of its
 * follow-up mails, the notice that tells Bawaslu staff, and the step in each case's history.
 */
public final class FollowUpBounces {

    private final BounceMatcher matcher;
    private final FollowUpTable table;
    private final CaseEmailRenderer renderer;
    private final String from;
    private final String mailDomain;
    private final String triageInbox;
    private final String reportMailbox;
    private final String followUpMailbox;
    private final Clock clock;

    /**
     * @param triageInbox     hub.routing.triage-inbox: the Bawaslu staff who are told
     * @param reportMailbox   the report mailbox's address, or null when not known: staff find the bounce there
     * @param followUpMailbox the dedicated reply mailbox's address (hub.followup.imap.username), or null
     */
    public FollowUpBounces(BounceMatcher matcher, FollowUpTable table, CaseEmailRenderer renderer, String from,
                           String mailDomain, String triageInbox, String reportMailbox, String followUpMailbox,
                           Clock clock) {
        this.matcher = matcher;
        this.table = table;
        this.renderer = renderer;
        this.from = from;
        this.mailDomain = mailDomain;
        this.triageInbox = triageInbox;
        this.reportMailbox = reportMailbox;
        this.followUpMailbox = followUpMailbox;
        this.clock = clock;
    }

    /**
     * The follow-up mail the message returns as undeliverable, with the cases whose history does not have this bounce
     * yet; null for any other message, and for the same bounce read again (the hub stopped between recording it and
     * moving it), which is then filed like any other delivery report.
     */
    public BouncedMail match(@ExchangeProperty(HubProperties.MAIL) InboundMail mail) throws Exception {
        if (mail.returnedMail() == null) {
            return null;
        }
        Optional<BouncedMail> bounce = matcher.match(mail.returnedMail());
        return bounce.isEmpty() ? null : unrecorded(bounce.get());
    }

    private BouncedMail unrecorded(BouncedMail bounce) throws SQLException {
        String detail = bounce.historyDetail();
        List<FollowUpCase> fresh = new ArrayList<>();
        for (FollowUpCase followUp : bounce.cases()) {
            boolean known = table.history(followUp.caseId()).stream()
                    .anyMatch(entry -> BouncedMail.HISTORY_KIND.equals(entry.kind()) && detail.equals(entry.detail()));
            if (!known) {
                fresh.add(followUp);
            }
        }
        return fresh.isEmpty() ? null : bounce.about(fresh);
    }

    /**
     * The notice to the triage inbox. It carries the first case's id in X-Netralitas-Case-Id, so that it is never taken
     * for a report should it reach a mailbox the hub reads, and it answers no case mail: its own bounce changes no case.
     */
    public void composeNotice(@ExchangeProperty(HubProperties.BOUNCE) BouncedMail bounce,
                              @ExchangeProperty(HubProperties.MAIL) InboundMail mail,
                              @ExchangeProperty(HubProperties.MAILBOX) String mailbox,
                              @ExchangeProperty(HubProperties.MAIL_PROCESSED_FOLDER) String folder,
                              Message message) {
        boolean followUp = "followup".equals(mailbox);
        String address = followUp ? followUpMailbox : reportMailbox;
        String mailboxName = (followUp ? "kotak surat tindak lanjut" : "kotak surat laporan")
                + (address == null ? "" : " (" + address + ")");
        BounceLocation location = new BounceLocation(mailboxName, folder, mail.fromAddress(), mail.subject());
        RenderedEmail notice = renderer.renderBounceNotice(bounce, location, clock.instant(), clock.getZone());
        String firstCase = bounce.cases().get(0).caseId();
        OutgoingMail.apply(message, notice, from, triageInbox, null,
                "<undelivered-" + firstCase + "-" + clock.millis() + "@" + mailDomain + ">");
        OutgoingMail.header(message, "X-Netralitas-Case-Id", firstCase);
    }

    /** The notice went out: each case's history gets the step, which the escalation mail lists. */
    public void record(@ExchangeProperty(HubProperties.BOUNCE) BouncedMail bounce) throws SQLException {
        FollowUpEntry entry = bounce.historyEntry(clock.instant());
        for (FollowUpCase followUp : bounce.cases()) {
            table.addHistory(followUp.caseId(), entry);
        }
    }
}
