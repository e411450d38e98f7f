package netralitas.hub.audit;

import netralitas.hub.progress.Progress;
import netralitas.hub.testing.MutableClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * {@code audit export --incident-from/--incident-to}: the README's example of October's incidents exports the cases
 * reported in November, which {@code --from/--to} (processing time) would miss.
 */
class AuditExportIncidentTest {

    @TempDir
    Path dir;

    private final MutableClock clock = MutableClock.jakarta("2024-11-27T02:00:00Z");

    @Test
    void selectsTheEventsOfTheCasesWhoseIncidentIsInTheRange() throws IOException {
        try (AuditTrail trail = AuditTrail.open(dir, clock)) {
            case_(trail, "OCT-1", "2024-10-08");
            case_(trail, "SEP-1", "2024-09-30");
            case_(trail, "OCT-2", "2024-10-31");
            trail.append("OLD-1", AuditEventType.RECEIVED, "c.csv:9", "intake", Map.of("channel", "CSV"));
            trail.append("OLD-1", AuditEventType.DELIVERED, "c.csv:9", "deliver", Map.of("to", "a@b.example"));
            trail.append(null, AuditEventType.NOTE, null, "hub", Map.of("alasan", "start"));
            clock.set(Instant.parse("2024-11-28T02:00:00Z"));
            trail.append("OCT-1", AuditEventType.DUPLICATE, "d.csv:2", "intake", Map.of());
        }
        assertEquals(List.of("OCT-1", "OCT-1", "OCT-2", "OCT-2", "OCT-1"),
                caseIds(LocalDate.parse("2024-10-01"), LocalDate.parse("2024-10-31"), null, null));
        assertEquals(List.of(), caseIds(LocalDate.parse("2024-10-01"), LocalDate.parse("2024-10-31"),
                LocalDate.parse("2024-10-01"), LocalDate.parse("2024-10-31")), "processed in November, not October");
        assertEquals(List.of("OCT-1"), caseIds(LocalDate.parse("2024-10-01"), LocalDate.parse("2024-10-31"),
                LocalDate.parse("2024-11-28"), null), "both ranges hold");
        assertEquals(List.of("SEP-1", "SEP-1"), caseIds(null, LocalDate.parse("2024-09-30"), null, null));
    }

    private List<String> caseIds(LocalDate incidentFrom, LocalDate incidentTo, LocalDate from, LocalDate to)
            throws IOException {
        StringBuilder out = new StringBuilder();
        new AuditExport().export(new AuditLog(dir), from, to, new AuditExport.IncidentRange(incidentFrom, incidentTo),
                AuditExport.Format.JSON, out, Progress.silent());
        return out.toString().lines().map(AuditEvent::fromJsonLine).map(AuditEvent::caseId).toList();
    }

    private static void case_(AuditTrail trail, String caseId, String incidentDate) {
        Map<String, Object> received = new LinkedHashMap<>();
        received.put("channel", "CSV");
        received.put("incidentDate", incidentDate);
        trail.append(caseId, AuditEventType.RECEIVED, "c.csv:2", "intake", received);
        trail.append(caseId, AuditEventType.DELIVERED, "c.csv:2", "deliver", Map.of("to", "a@b.example"));
    }
}
