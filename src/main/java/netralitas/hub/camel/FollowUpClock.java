package netralitas.hub.camel;

import netralitas.hub.followup.CaseSummary;
import netralitas.hub.followup.DueFollowUp;
import netralitas.hub.followup.FollowUpCase;
import netralitas.hub.followup.ReminderSchedule;
import netralitas.hub.mail.CaseEmailRenderer;
import netralitas.hub.mail.RenderedEmail;
import netralitas.hub.region.Kanreg;
import netralitas.hub.region.Region;
import netralitas.hub.region.RegionDirectory;
import netralitas.hub.state.ClusterNode;
import netralitas.hub.state.FollowUpTable;
import org.apache.camel.Body;
import org.apache.camel.ExchangeProperty;
import org.apache.camel.Header;
import org.apache.camel.Message;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Route {@code followup-clock} (SPEC §12): finds the forwarded cases past their deadline or their last reminder, claims
 * each for this node (one node of a cluster acts on a due case), writes its reminder — to the case mail's own To and
 * Cc, threaded to it — or its escalation to the region's Bawaslu and the Kanreg BKN, and marks the row once the mail
 * server accepted the mail. Time comes from the clock given, so that tests control it.
 */
public final class FollowUpClock {

    private final FollowUpTable table;
    private final ReminderSchedule schedule;
    private final ClusterNode node;
    private final CaseEmailRenderer renderer;
    private final RegionDirectory regions;
    private final String from;
    private final String mailDomain;
    private final String replyAddress;
    private final String triageInbox;
    private final int batchSize;
    private final Clock clock;

    /**
     * @param replyAddress hub.followup.address: the Reply-To of every reminder and escalation
     * @param triageInbox  hub.routing.triage-inbox: where a case without a region is escalated
     * @param batchSize    hub.followup.batch-size: due cases looked at per check
     */
    public FollowUpClock(FollowUpTable table, ReminderSchedule schedule, ClusterNode node, CaseEmailRenderer renderer,
                         RegionDirectory regions, String from, String mailDomain, String replyAddress,
                         String triageInbox, int batchSize, Clock clock) {
        this.table = table;
        this.schedule = schedule;
        this.node = node;
        this.renderer = renderer;
        this.regions = regions;
        this.from = from;
        this.mailDomain = mailDomain;
        this.replyAddress = replyAddress;
        this.triageInbox = triageInbox;
        this.batchSize = batchSize;
        this.clock = clock;
    }

    /** The cases due now that no node holds, the longest due first. */
    public List<FollowUpCase> due() throws SQLException {
        return table.due(clock.instant(), batchSize);
    }

    /**
     * Claims a due case for this node and decides its step; null when another node won it, or it is no longer due
     * (answered or claimed meanwhile).
     */
    public DueFollowUp claim(@Body FollowUpCase candidate) throws SQLException {
        Instant now = clock.instant();
        Optional<FollowUpCase> claimed = table.claim(candidate.caseId(), now, node);
        return claimed.map(followUp -> new DueFollowUp(followUp, schedule.next(followUp, now))).orElse(null);
    }

    /**
     * The reminder, to the recipients of the case mail (To and Cc as the router decided them), threaded to it
     * (In-Reply-To and References: the Message-ID of the case mail or of its digest), answered at hub.followup.address.
     */
    public void composeReminder(@ExchangeProperty(HubProperties.FOLLOW_UP) DueFollowUp due, Message message) {
        FollowUpCase followUp = due.followUp();
        CaseSummary summary = followUp.summary();
        RenderedEmail mail = renderer.renderReminder(followUp, due.step().reminder(),
                schedule.maxReminders(), clock.instant(), clock.getZone(), replyAddress);
        String to = summary.to() == null ? String.join(",", followUp.recipients()) : summary.to();
        String cc = summary.cc();
        OutgoingMail.apply(message, mail, from, to, cc, "<reminder-" + due.step().reminder() + "-"
                + followUp.caseId() + "@" + mailDomain + ">");
        threadAndLabel(message, due);
    }

    /**
     * The escalation, to the region's Bawaslu inbox and the Kanreg BKN's (the employee's, else the province's); a case
     * without a region to hub.routing.triage-inbox.
     */
    public void composeEscalation(@ExchangeProperty(HubProperties.FOLLOW_UP) DueFollowUp due, Message message)
            throws SQLException {
        FollowUpCase followUp = due.followUp();
        List<String> to = escalationRecipients(due);
        RenderedEmail mail = renderer.renderEscalation(followUp, table.history(followUp.caseId()),
                to, to.equals(List.of(triageInbox)), clock.instant(), clock.getZone(), replyAddress);
        OutgoingMail.apply(message, mail, from, String.join(",", to), null,
                "<escalation-" + followUp.caseId() + "@" + mailDomain + ">");
        threadAndLabel(message, due);
    }

    /**
     * Where an escalation of this case goes, each address once: the Bawaslu inbox of its region and the inbox of the
     * Kanreg BKN it was routed with, else of its province's, as the region directory says now.
     */
    List<String> escalationRecipients(DueFollowUp due) {
        String regionCode = due.followUp().regionCode();
        Region region = regionCode == null ? null : regions.byCode(regionCode).orElse(null);
        if (region == null) {
            return List.of(triageInbox);
        }
        Set<String> to = new LinkedHashSet<>();
        to.add(region.bawasluInbox());
        String kanreg = regions.kanreg(due.summary().kanregId())
                .or(() -> regions.kanregForProvince(region.code()))
                .map(Kanreg::inbox).orElse(null);
        if (kanreg != null && !kanreg.isBlank()) {
            to.add(kanreg);
        }
        return new ArrayList<>(to);
    }

    private void threadAndLabel(Message message, DueFollowUp due) {
        FollowUpCase followUp = due.followUp();
        OutgoingMail.header(message, "In-Reply-To", followUp.messageId());
        OutgoingMail.header(message, "References", followUp.messageId());
        OutgoingMail.header(message, "Reply-To", replyAddress);
        OutgoingMail.header(message, "X-Netralitas-Case-Id", followUp.caseId());
        OutgoingMail.header(message, "X-Netralitas-Severity", followUp.severity());
        if (followUp.regionCode() != null) {
            OutgoingMail.header(message, "X-Netralitas-Region", followUp.regionCode());
        }
    }

    /** The mail server accepted the reminder: counted, and the clock looks again after the reminder interval. */
    public void reminded(@ExchangeProperty(HubProperties.FOLLOW_UP) DueFollowUp due, @Header("To") String to,
                         @Header("Cc") String cc) throws SQLException {
        table.reminded(due.caseId(), due.step().reminder(), clock.instant(), due.step().nextCheckAt(),
                cc == null ? to : to + ", " + cc);
    }

    /** The mail server accepted the escalation: the clock stops for this case. */
    public void escalated(@ExchangeProperty(HubProperties.FOLLOW_UP) DueFollowUp due, @Header("To") String to)
            throws SQLException {
        table.escalated(due.caseId(), clock.instant(), to);
    }

    /** Done with the case, sent or not: the claim goes, so a case whose mail failed is tried at the next check. */
    public void release(@ExchangeProperty(HubProperties.FOLLOW_UP) DueFollowUp due) throws SQLException {
        table.release(due.caseId(), node);
    }
}
