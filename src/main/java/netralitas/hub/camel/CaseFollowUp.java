package netralitas.hub.camel;

import netralitas.hub.cases.RoutingDecision;
import netralitas.hub.cases.ViolationCase;
import netralitas.hub.classify.Severity;
import netralitas.hub.followup.FollowUpCase;
import netralitas.hub.followup.FollowUpDeadlines;
import netralitas.hub.followup.FollowUpEntry;
import netralitas.hub.followup.SubjectKey;
import netralitas.hub.mail.CaseSummaries;
import netralitas.hub.mail.MailPurpose;
import netralitas.hub.state.FollowUpTable;
import org.apache.camel.Body;
import org.apache.camel.ExchangeProperty;
import org.apache.camel.Header;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Routes deliver and digest-send (SPEC §12): the deadline a case gets, computed once before its mail is rendered
 * (property hubDeadline: the mail states it, DELIVERED/DIGEST_SENT record it, the follow-up row keeps it); the open case
 * about the same person a new case is related to (property hubRelatedCase; for a digest, hubRelatedCases); and, once
 * the mail server accepted the mail, the follow-up row of every forwarded case (a case mail's with the case's record in
 * the ledger) and the LINKED steps of its history.
 */
public final class CaseFollowUp {

    private final FollowUpTable table;
    private final CaseLedger ledger;
    private final FollowUpDeadlines deadlines;
    private final int relatedDays;
    private final Function<ViolationCase, String> trailSource;
    private final Clock clock;

    /**
     * @param relatedDays hub.followup.related-days: how far apart two incidents about one person may be to be related
     * @param trailSource what the audit trail records as a case's source, kept for its REMINDED and ESCALATED events
     */
    public CaseFollowUp(FollowUpTable table, CaseLedger ledger, FollowUpDeadlines deadlines, int relatedDays,
                        Function<ViolationCase, String> trailSource, Clock clock) {
        this.table = table;
        this.ledger = ledger;
        this.deadlines = deadlines;
        this.relatedDays = relatedDays;
        this.trailSource = trailSource;
        this.clock = clock;
    }

    /** The deadline of a case mailed now: by its severity, or Bawaslu's own for village officials and triage. */
    public Instant deadline(@Body ViolationCase violationCase) {
        RoutingDecision decision = violationCase.getRoutingDecision();
        boolean bawaslu = decision != null && decision.purpose() != null
                && MailPurpose.valueOf(decision.purpose()).followedUpByBawaslu();
        return deadlines.dueAt(now(), violationCase.getClassification().severity(), bawaslu);
    }

    /** The deadline of a RINGAN digest sent now: the clock of its cases starts when it is sent. */
    public Instant digestDeadline() {
        return deadlines.dueAt(now(), Severity.RINGAN, false);
    }

    /**
     * Whole seconds: the mail, the trail and the store (which keeps microseconds, rounded) then hold the same instant,
     * and no office is given a deadline finer than the minute the mail states anyway.
     */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.SECONDS);
    }

    /**
     * The first open case about the same person (same NIP, else same name and region) whose incident is within
     * hub.followup.related-days of this one's; null when there is none.
     */
    public FollowUpCase relatedCase(@Body ViolationCase violationCase) throws SQLException {
        return table.firstOpenAbout(SubjectKey.of(violationCase), violationCase.getReport().incidentDate(), relatedDays)
                .filter(first -> !first.caseId().equals(violationCase.getCaseId()))
                .orElse(null);
    }

    /**
     * For a digest: each of its cases that is related to an open case, with that first case (as {@link #relatedCase});
     * a digest cannot be threaded to each case's first, so it names the first beside the case instead.
     */
    public Map<String, FollowUpCase> relatedCases(@Body List<ViolationCase> cases) throws SQLException {
        Map<String, FollowUpCase> related = new LinkedHashMap<>();
        for (ViolationCase violationCase : cases) {
            FollowUpCase first = relatedCase(violationCase);
            if (first != null) {
                related.put(violationCase.getCaseId(), first);
            }
        }
        return related;
    }

    /**
     * The case mail was accepted: its follow-up starts, with the deadline the mail stated, and the case is recorded as
     * handled in the same transaction (one commit, where the row and the record took two).
     */
    public void openAndRecord(@Body ViolationCase violationCase,
                              @ExchangeProperty(HubProperties.FOLLOW_UP_DEADLINE) Instant deadline,
                              @Header("Message-ID") String messageId, @Header("To") String to, @Header("Cc") String cc)
            throws SQLException {
        ledger.recordWith(violationCase.getCaseId(),
                FollowUpTable.opening(followUp(violationCase, messageId, recipients(to, cc), deadline)));
    }

    /** The digest was accepted: the follow-up of each of its cases starts, all with the digest's deadline. */
    public void openDigest(@Body List<ViolationCase> cases,
                           @ExchangeProperty(HubProperties.FOLLOW_UP_DEADLINE) Instant deadline,
                           @Header("Message-ID") String messageId, @Header("To") String to, @Header("Cc") String cc)
            throws SQLException {
        List<String> recipients = recipients(to, cc);
        for (ViolationCase violationCase : cases) {
            table.open(followUp(violationCase, messageId, recipients, deadline));
        }
    }

    /** Both cases' histories say they are related: the first names the new one, the new one the first. */
    public void linked(@Body ViolationCase violationCase, @ExchangeProperty(HubProperties.RELATED_CASE) FollowUpCase first)
            throws SQLException {
        Instant now = clock.instant();
        table.addHistory(first.caseId(), new FollowUpEntry(now, "LINKED", null, violationCase.getCaseId()));
        table.addHistory(violationCase.getCaseId(), new FollowUpEntry(now, "LINKED", null, first.caseId()));
    }

    /** The digest was accepted: the histories of its related cases and of their first cases say so. */
    public void linkedInDigest(@Body List<ViolationCase> cases,
                               @ExchangeProperty(HubProperties.RELATED_CASES) Map<String, FollowUpCase> related)
            throws SQLException {
        for (ViolationCase violationCase : cases) {
            FollowUpCase first = related.get(violationCase.getCaseId());
            if (first != null) {
                linked(violationCase, first);
            }
        }
    }

    private FollowUpCase followUp(ViolationCase violationCase, String messageId, List<String> recipients,
                                  Instant deadline) {
        var region = violationCase.getRegionResolution() == null ? null : violationCase.getRegionResolution().region();
        return FollowUpCase.forwarded(violationCase.getCaseId(), messageId, region == null ? null : region.code(),
                violationCase.getClassification().severity().name(), SubjectKey.of(violationCase),
                violationCase.getReport().incidentDate(), recipients, clock.instant(), deadline,
                CaseSummaries.of(violationCase, trailSource.apply(violationCase)));
    }

    /** To and Cc as the mail carried them ("a, b"), each address once. */
    private static List<String> recipients(String to, String cc) {
        Set<String> addresses = new LinkedHashSet<>();
        for (String list : Arrays.asList(to, cc)) {
            if (list != null) {
                Arrays.stream(list.split(",")).map(String::strip).filter(a -> !a.isEmpty()).forEach(addresses::add);
            }
        }
        return new ArrayList<>(addresses);
    }
}
