package netralitas.hub.audit;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The events of the first cases of a trail, in chain order, for the report's timelines. Bounded on both counts — so
 * many cases, so many events a case — because a report must not hold a trail of millions of events in memory; the
 * rest is a command away ({@code audit show}).
 */
final class CaseTimelines {

    /** One event as the timeline shows it. */
    record Entry(long seq, OffsetDateTime at, AuditEventType event, String route, String source,
                 Map<String, Object> detail) {
    }

    /**
     * A case's events kept: the first ones and, past the cap, the latest ({@code tail}) so the outcome stays visible;
     * {@code omittedEvents} were read in between but not kept.
     */
    static final class Timeline {
        private final String caseId;
        private final List<Entry> entries = new ArrayList<>();
        private Entry tail;
        private long omittedEvents;

        Timeline(String caseId) {
            this.caseId = caseId;
        }

        String caseId() {
            return caseId;
        }

        List<Entry> entries() {
            return entries;
        }

        /** The latest event when the case had more than the cap, else null. */
        Entry tail() {
            return tail;
        }

        long omittedEvents() {
            return omittedEvents;
        }
    }

    private final int maxCases;
    private final int maxEventsPerCase;
    private final Map<String, Timeline> timelines = new LinkedHashMap<>();

    CaseTimelines(int maxCases, int maxEventsPerCase) {
        if (maxCases < 0 || maxEventsPerCase < 1) {
            throw new IllegalArgumentException("maxCases >= 0 and maxEventsPerCase >= 1, were "
                    + maxCases + " and " + maxEventsPerCase);
        }
        this.maxCases = maxCases;
        this.maxEventsPerCase = maxEventsPerCase;
    }

    /** Keeps the event when its case is among the first {@code maxCases} seen; events without a case are ignored. */
    void add(AuditEvent event) {
        String caseId = event.caseId();
        if (caseId == null) {
            return;
        }
        Timeline timeline = timelines.get(caseId);
        if (timeline == null) {
            if (timelines.size() >= maxCases) {
                return;
            }
            timeline = new Timeline(caseId);
            timelines.put(caseId, timeline);
        }
        Entry entry = new Entry(event.seq(), event.at(), event.event(), event.route(), event.source(), event.detail());
        if (timeline.entries.size() < maxEventsPerCase) {
            timeline.entries.add(entry);
            return;
        }
        if (timeline.tail != null) {
            timeline.omittedEvents++;
        }
        timeline.tail = entry;
    }

    /** In the order their cases first appeared. */
    Collection<Timeline> timelines() {
        return timelines.values();
    }

    int size() {
        return timelines.size();
    }

    int maxCases() {
        return maxCases;
    }
}
