package netralitas.hub.mail;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import java.util.Objects;

/**
 * What a case mail or digest asks of the office about the follow-up (SPEC §12): the deadline, and for a related report
 * the first case about the same person that this mail is threaded to.
 *
 * @param dueAt         the deadline
 * @param zone          the zone the deadline is written in (the hub's)
 * @param relatedCaseId the first case's id, or null when the case is not related to an open one
 */
public record FollowUpRequest(Instant dueAt, ZoneId zone, String relatedCaseId) {

    public FollowUpRequest {
        Objects.requireNonNull(dueAt, "dueAt");
        Objects.requireNonNull(zone, "zone");
    }

    /** The template keys: {@code deadline} ("Senin, 28 Oktober 2024 pukul 10.00 WIB"), {@code related} (an id or "-"). */
    Map<String, Object> model() {
        return Map.of("deadline", IndonesianDates.formatMoment(dueAt, zone),
                "related", relatedCaseId == null ? CaseView.ABSENT : relatedCaseId);
    }
}
