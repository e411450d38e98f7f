package netralitas.hub.audit;

import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * {@code audit stats}: what the trail says in numbers, for an auditor — events by kind, cases by severity and by region,
 * and the cases that are not finished (not delivered, queued-and-sent, closed or a duplicate of a handled one) with
 * how long they have waited. Read in one pass; only unfinished cases are kept with their first and last event.
 */
final class AuditStats {

    /** After one of these a case needs nothing more from the hub. */
    private static final Set<AuditEventType> FINISHED = EnumSet.of(AuditEventType.DELIVERED, AuditEventType.DIGEST_SENT,
            AuditEventType.CLOSED, AuditEventType.DUPLICATE);

    private record Open(Instant since, AuditEventType last) {
    }

    private long events;
    private final Map<AuditEventType, Long> byEvent = new EnumMap<>(AuditEventType.class);
    private final Map<String, Long> bySeverity = new TreeMap<>();
    private final Map<String, Long> byRegion = new TreeMap<>();
    private final Map<String, Open> open = new HashMap<>();

    static AuditStats of(Stream<AuditEvent> trail) {
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
        String caseId = event.caseId();
        if (caseId == null) {
            return;
        }
        if (FINISHED.contains(event.event())) {
            open.remove(caseId);
        } else {
            Instant at = event.at().toInstant();
            open.merge(caseId, new Open(at, event.event()), (before, now) -> new Open(before.since(), now.last()));
        }
    }

    void print(PrintStream out, Clock clock) {
        out.println("Events: " + events);
        byEvent.forEach((type, count) -> out.printf("  %-18s %,d%n", type, count));
        out.println("Cases by severity (CLASSIFIED):");
        bySeverity.forEach((severity, count) -> out.printf("  %-18s %,d%n", severity, count));
        out.println("Cases by region (ROUTED):");
        byRegion.forEach((region, count) -> out.printf("  %-18s %,d%n", region, count));
        out.println("Cases not finished: " + open.size() + (open.isEmpty() ? "" : " (oldest first)"));
        Instant now = clock.instant();
        open.entrySet().stream()
                .sorted(Comparator.comparing((Map.Entry<String, Open> e) -> e.getValue().since()).thenComparing(Map.Entry::getKey))
                .forEach(e -> out.printf("  %-22s waiting %-10s last %s%n", e.getKey(),
                        age(Duration.between(e.getValue().since(), now)), e.getValue().last()));
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
