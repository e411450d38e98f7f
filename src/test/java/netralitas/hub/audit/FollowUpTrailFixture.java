package netralitas.hub.audit;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A trail with the follow-up events of SPEC §12, relative to a moment, for {@code audit followup} and the report. */
final class FollowUpTrailFixture {

    static final String KEPAHIANG = "17.08";

    private FollowUpTrailFixture() {
    }

    /**
     * A: Kepahiang, SEDANG, 12 days overdue, its case mail and its first reminder bounced (one bounced case), a spoofed
     * reply, reminded twice, escalated. B: Kepahiang, BERAT, answered
     * DIPROSES then SELESAI, closed. C: Kepahiang, RINGAN by digest, answered, deadline still ahead. D: no region
     * (triage), 3 days overdue. E: delivered by a release without deadlines: not followed up. F: not a violation.
     */
    static void writeCases(AuditTrail trail, Instant now) {
        routed(trail, "NH-A", KEPAHIANG, "SEDANG");
        trail.append("NH-A", AuditEventType.DELIVERED, "laporan.csv:2", "deliver", forwarded(now.minus(Duration.ofDays(12))));
        trail.append("NH-A", AuditEventType.BOUNCED, "INBOX;uid=9", "followup-bounce", detail("mail", "CASE",
                "failed", List.of(Map.of("address", "bkpsdm@pemda.example", "status", "5.1.1"))));
        trail.append("NH-A", AuditEventType.FOLLOW_UP, null, "follow-up", detail("status", "SELESAI", "spoofed", true,
                "from", "penyusup@evil.example"));
        trail.append("NH-A", AuditEventType.REMINDED, null, "followup-remind", detail("reminder", 1, "to", "bkpsdm@pemda.example"));
        trail.append("NH-A", AuditEventType.BOUNCED, "INBOX;uid=12", "followup-bounce", detail("mail", "REMINDER",
                "reminder", 1, "failed", List.of(Map.of("address", "bkpsdm@pemda.example", "status", "5.1.1"))));
        trail.append("NH-A", AuditEventType.REMINDED, null, "followup-remind", detail("reminder", 2, "to", "bkpsdm@pemda.example"));
        trail.append("NH-A", AuditEventType.ESCALATED, null, "followup-escalate", detail("to", "bawaslu@kab.example"));

        routed(trail, "NH-B", KEPAHIANG, "BERAT");
        trail.append("NH-B", AuditEventType.DELIVERED, "laporan.csv:3", "deliver", forwarded(now.minus(Duration.ofDays(20))));
        trail.append("NH-B", AuditEventType.FOLLOW_UP, null, "follow-up", detail("status", "DIPROSES", "spoofed", false));
        trail.append("NH-B", AuditEventType.FOLLOW_UP, null, "follow-up", detail("status", "SELESAI", "spoofed", false,
                "sanction", "Teguran tertulis"));
        trail.append("NH-B", AuditEventType.FOLLOW_UP_CLOSED, null, "follow-up", detail("status", "SELESAI"));

        routed(trail, "NH-C", KEPAHIANG, "RINGAN");
        trail.append("NH-C", AuditEventType.DIGEST_SENT, "laporan.csv:4", "digest-send", forwarded(now.plus(Duration.ofDays(5))));
        trail.append("NH-C", AuditEventType.FOLLOW_UP, null, "follow-up", detail("status", "DITERIMA", "spoofed", false));

        routed(trail, "NH-D", null, "SEDANG");
        trail.append("NH-D", AuditEventType.DELIVERED, "laporan.csv:5", "deliver", forwarded(now.minus(Duration.ofDays(3))));

        routed(trail, "NH-E", "17.01", "SEDANG");
        trail.append("NH-E", AuditEventType.DELIVERED, "laporan.csv:6", "deliver", detail("to", "bkd@pemda.example"));
        trail.append("NH-F", AuditEventType.CLOSED, "laporan.csv:7", "close", detail("region", "17.71"));
    }

    private static void routed(AuditTrail trail, String caseId, String region, String severity) {
        trail.append(caseId, AuditEventType.CLASSIFIED, "laporan.csv", "classify", detail("severity", severity));
        Map<String, Object> routed = new LinkedHashMap<>();
        routed.put("decision", region == null ? "TRIAGE" : "IMMEDIATE");
        routed.put("region", region);
        trail.append(caseId, AuditEventType.ROUTED, "laporan.csv", "route", routed);
    }

    private static Map<String, Object> forwarded(Instant deadline) {
        return detail("to", "bkpsdm@pemda.example", "messageId", "<x@hub.example>", "deadline", deadline.toString());
    }

    private static Map<String, Object> detail(Object... keysAndValues) {
        Map<String, Object> detail = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            detail.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return detail;
    }

}
