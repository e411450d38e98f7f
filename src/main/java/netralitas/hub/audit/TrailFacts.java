package netralitas.hub.audit;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What one pass over the trail learned for the audit report: events by kind, the period they cover, cases by region
 * ({@link CaseTally}), the first cases' timelines ({@link CaseTimelines}) and the first rejected reports. Events
 * outside {@code from..to} (local dates, inclusive, as {@code audit export}) are skipped.
 */
final class TrailFacts {

    /** A rejected report; {@code caseId} is null for a CSV row or mail that never became a case. */
    record Rejection(OffsetDateTime at, String caseId, String source, Map<String, Object> detail) {

        /** Why it was rejected ({@code alasan}, or {@code reason} in a trail of an earlier release); may be null. */
        String reason() {
            Object value = AuditEvent.currentKeys(detail).get(AuditEvent.ALASAN);
            return value == null ? null : value.toString();
        }
    }

    private final LocalDate from;
    private final LocalDate to;
    private final CaseTally tally = new CaseTally();
    private final FollowUpTally followUps = new FollowUpTally();
    private final CaseTimelines timelines;
    private final int maxRejections;
    private final Map<AuditEventType, Long> byEvent = new EnumMap<>(AuditEventType.class);
    private final List<Rejection> rejections = new ArrayList<>();
    private long rejectionsTotal;
    private long events;
    private OffsetDateTime first;
    private OffsetDateTime last;

    TrailFacts(LocalDate from, LocalDate to, int timelineCases, int timelineEventsPerCase, int maxRejections) {
        this.from = from;
        this.to = to;
        this.timelines = new CaseTimelines(timelineCases, timelineEventsPerCase);
        this.maxRejections = maxRejections;
    }

    void add(AuditEvent event) {
        LocalDate date = event.at().toLocalDate();
        if ((from != null && date.isBefore(from)) || (to != null && date.isAfter(to))) {
            return;
        }
        events++;
        byEvent.merge(event.event(), 1L, Long::sum);
        if (first == null) {
            first = event.at();
        }
        last = event.at();
        if (tally.add(event)) {
            timelines.add(event);
        }
        followUps.add(event);
        if (event.event() == AuditEventType.REJECTED) {
            rejectionsTotal++;
            if (rejections.size() < maxRejections) {
                rejections.add(new Rejection(event.at(), event.caseId(), event.source(), event.detail()));
            }
        }
    }

    long events() {
        return events;
    }

    /** Null when no event was read. */
    OffsetDateTime first() {
        return first;
    }

    OffsetDateTime last() {
        return last;
    }

    Map<AuditEventType, Long> byEvent() {
        return Collections.unmodifiableMap(byEvent);
    }

    CaseTally tally() {
        return tally;
    }

    /** The follow-up of forwarded cases (SPEC §12). */
    FollowUpTally followUps() {
        return followUps;
    }

    CaseTimelines timelines() {
        return timelines;
    }

    /** The first rejected reports, up to the cap; {@link #rejectionsTotal()} counts them all. */
    List<Rejection> rejections() {
        return Collections.unmodifiableList(rejections);
    }

    long rejectionsTotal() {
        return rejectionsTotal;
    }

    LocalDate from() {
        return from;
    }

    LocalDate to() {
        return to;
    }
}
