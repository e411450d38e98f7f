package netralitas.hub.audit;

import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * {@code audit stats}: what the trail says in numbers, for an auditor — events by kind, cases by severity and by region,
 * the cases still open with how long they have waited, and deliveries that do not match their routing decision. Open
 * and done are {@link CaseTally}'s, the rule the HTML report uses too, so both say the same of the same trail. Read in
 * one pass; only open cases are kept with their first and last event.
 */
public final class AuditStats {

    private long events;
    private final Map<AuditEventType, Long> byEvent = new EnumMap<>(AuditEventType.class);
    private final Map<String, Long> bySeverity = new TreeMap<>();
    private final Map<String, Long> byRegion = new TreeMap<>();
    private final CaseTally tally = new CaseTally();

    public static AuditStats of(Stream<AuditEvent> trail) {
        AuditStats stats = new AuditStats();
        trail.forEach(stats::add);
        return stats;
    }

    private void add(AuditEvent event) {
        events++;
        byEvent.merge(event.event(), 1L, Long::sum);
        if (event.event() == AuditEventType.CLASSIFIED) {
            bySeverity.merge(String.valueOf(event.detail().get("severity")), 1L, Long::sum);
        } else if (event.event() == AuditEventType.ROUTED) {
            Object region = event.detail().get("region");
            byRegion.merge(region == null ? "(tanpa wilayah: triase/pusat)" : region.toString(), 1L, Long::sum);
        }
        tally.add(event);
    }

    public void print(PrintStream out, Clock clock) {
        out.println("Events: " + events);
        byEvent.forEach((type, count) -> out.printf("  %-18s %,d%n", type, count));
        out.println("Cases by severity (CLASSIFIED):");
        bySeverity.forEach((severity, count) -> out.printf("  %-18s %,d%n", severity, count));
        out.println("Cases by region (ROUTED):");
        byRegion.forEach((region, count) -> out.printf("  %-18s %,d%n", region, count));
        Map<CaseStatus.Stage, Long> stages = stages();
        out.printf("Cases: %,d done, %,d rejected (quarantined), %,d open%n", stages.get(CaseStatus.Stage.DONE),
                stages.get(CaseStatus.Stage.ENDED), stages.get(CaseStatus.Stage.OPEN));
        List<CaseTally.Open> open = tally.notFinished();
        out.println("Cases not finished: " + open.size() + (open.isEmpty() ? "" : " (oldest first)"));
        Instant now = clock.instant();
        for (CaseTally.Open o : open) {
            out.printf("  %-22s waiting %-10s last %s (%s)%n", o.caseId(), age(Duration.between(o.since().toInstant(), now)),
                    o.last(), tally.statusOf(o.caseId()));
        }
        out.println("Deliveries not as routed: " + tally.deliveryProblemCount());
        for (CaseTally.DeliveryProblem problem : tally.deliveryProblems()) {
            out.printf("  %-22s %s%n", problem.caseId(), problem.problem());
        }
    }

    /** Cases by {@link CaseStatus.Stage}, every stage present. */
    Map<CaseStatus.Stage, Long> stages() {
        Map<CaseStatus.Stage, Long> stages = new EnumMap<>(CaseStatus.Stage.class);
        for (CaseStatus.Stage stage : CaseStatus.Stage.values()) {
            stages.put(stage, 0L);
        }
        for (CaseTally.RegionRow row : tally.rows()) {
            for (CaseStatus status : CaseStatus.values()) {
                stages.merge(status.stage(), row.status(status), Long::sum);
            }
        }
        return stages;
    }

    /** The open cases, the longest waiting first. */
    List<CaseTally.Open> open() {
        return tally.notFinished();
    }

    /** "3d 4h", "2h 5m", "7m", "12s". */
    static String age(Duration duration) {
        long seconds = Math.max(0, duration.getSeconds());
        if (seconds >= 86_400) {
            return seconds / 86_400 + "d " + seconds % 86_400 / 3_600 + "h";
        }
        if (seconds >= 3_600) {
            return seconds / 3_600 + "h " + seconds % 3_600 / 60 + "m";
        }
        return seconds >= 60 ? seconds / 60 + "m" : seconds + "s";
    }
}
