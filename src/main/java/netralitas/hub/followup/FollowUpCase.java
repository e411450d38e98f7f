package netralitas.hub.followup;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The follow-up of one forwarded case (SPEC §12), as kept in table FOLLOW_UP.
 *
 * @param caseId       the case
 * @param messageId    the Message-ID of the mail that forwarded it (the case mail, or the digest), with its angle
 *                     brackets: replies point at it
 * @param regionCode   the region's code, or null for a case without one (triage, central agency)
 * @param severity     the case's severity name
 * @param subjectKey   who the case is about, for related reports: {@code nip:<NIP>}, else
 *                     {@code name:<normalised name>|<region code>}; null when the report named neither
 * @param incidentDate the date the report gives for the incident, or null
 * @param recipients   the addresses the case went to (To and Cc): a reply from elsewhere changes nothing
 * @param forwardedAt  when the mail server accepted the mail
 * @param dueAt        the deadline
 * @param status       where the case stands
 * @param answeredAt   the first reply's arrival, or null
 * @param reminders    reminders sent so far
 * @param nextCheckAt  when the clock looks at the case next, or null once it stopped (closed or escalated)
 * @param escalatedAt  when it was escalated, or null
 * @param closedAt     when a final status arrived, or null
 * @param summary      what the reminder and escalation mails say about the case, and whom they go to
 */
public record FollowUpCase(String caseId, String messageId, String regionCode, String severity, String subjectKey,
                           LocalDate incidentDate, List<String> recipients, Instant forwardedAt, Instant dueAt,
                           FollowUpStatus status, Instant answeredAt, int reminders, Instant nextCheckAt,
                           Instant escalatedAt, Instant closedAt, CaseSummary summary) {

    public FollowUpCase {
        recipients = List.copyOf(recipients);
    }

    /** A case just forwarded: nobody answered, the clock looks at it at its deadline. */
    public static FollowUpCase forwarded(String caseId, String messageId, String regionCode, String severity,
                                         String subjectKey, LocalDate incidentDate, List<String> recipients,
                                         Instant forwardedAt, Instant dueAt, CaseSummary summary) {
        return new FollowUpCase(caseId, messageId, regionCode, severity, subjectKey, incidentDate, recipients,
                forwardedAt, dueAt, FollowUpStatus.TERKIRIM, null, 0, dueAt, null, null, summary);
    }

    public boolean closed() {
        return closedAt != null;
    }
}
