package netralitas.hub.audit;

import netralitas.hub.testing.MutableClock;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A realistic trail over three days, shaped as the routes record it (camel/AuditRecorder): cases delivered, sent in a
 * digest, waiting for the digest, closed, triaged, for a central agency, deferred, dead-lettered, a duplicate report
 * and a rejected CSV row. Every person, NIP and address is invented.
 */
final class ReportFixture {

    static final Map<String, String> REGION_NAMES = Map.of(
            "17.08", "Kabupaten Kepahiang",
            "17.07", "Kabupaten Lebong",
            "17.71", "Kota Bengkulu",
            "36.72", "Kota Cilegon",
            "15.08", "Kabupaten Bungo");

    /** Cases in the trail, in the order they first appear. */
    static final List<String> CASES = List.of("NTR-2024-1101", "NTR-2024-1102", "NTR-2024-1103", "NTR-2024-1104",
            "NTR-2024-1105", "NTR-2024-1106", "NTR-2024-1107", "NTR-2024-1108", "NTR-2024-1109", "NTR-2024-1110");

    private final AuditTrail trail;
    private final MutableClock clock;

    private ReportFixture(AuditTrail trail, MutableClock clock) {
        this.trail = trail;
        this.clock = clock;
    }

    /**
     * Writes the trail, keyed, as the hub does: days start at 09:00 WIB (the clock must start at 2024-11-27 09:00 WIB),
     * events 41 s apart; the last event is at 2024-11-29 09:00 WIB and the clock ends at 16:00 WIB that day.
     *
     * @return the chain key and the head recorded while writing, to verify the trail with
     */
    static TrailAccess write(Path dir, MutableClock clock) {
        MemoryChainHeads heads = new MemoryChainHeads();
        try (AuditTrail trail = heads.open(dir, clock)) {
            new ReportFixture(trail, clock).writeAll();
        }
        return heads.access();
    }

    private void writeAll() {
        // Day 1, 2024-11-27 from 09:00 WIB: the morning's CSV drop.
        immediate("NTR-2024-1101", "laporan-bengkulu.csv:2", "198702142010011003", "PARTISAN_ACTIVITY", "SEDANG",
                "BERAT", List.of("Jabatan senior: Kepala Bagian"), "17.08", "BKN",
                "bkpsdm.kab-kepahiang@pemda.example", "inspektorat.kab-kepahiang@pemda.example,kanreg7@bkn.example");
        immediate("NTR-2024-1102", "<CAF1x2@mail.bawaslu.example>", "199003032015031002", "SOCMED_ENGAGE", "SEDANG",
                "SEDANG", List.of(), "17.07", "REPORT_CODE", "bkpsdm.kab-lebong@pemda.example", null);
        event("NTR-2024-1102", AuditEventType.ACKNOWLEDGED, "<CAF1x2@mail.bawaslu.example>", "ingest-mail",
                Map.of("messageId", "<ack-1102@hub.example>", "reporter", "9f2c4e1a7b3d5f6e8a0b1c2d3e4f5a6b"));
        digest("NTR-2024-1103", "laporan-bengkulu.csv:4", "36.72", "bkpsdm.kota-cilegon@pemda.example");
        digest("NTR-2024-1104", "laporan-bengkulu.csv:5", "15.08", "bkpsdm.kab-bungo@pemda.example");
        immediate("NTR-2024-1105", "laporan-bengkulu.csv:6", "198511202010011004", "CANDIDATE_NO_RESIGN", "BERAT",
                "BERAT", List.of(), "17.71", "BKN", "bkpsdm.kota-bengkulu@pemda.example",
                "inspektorat.kota-bengkulu@pemda.example,kanreg7@bkn.example");
        received("NTR-2024-1106", "laporan-bengkulu.csv:7", "199201012019032005");
        event("NTR-2024-1106", AuditEventType.ENRICHED, "laporan-bengkulu.csv:7", "enrich",
                Map.of("nip", "199201012019032005", "instansiKerjaNama", "Pemerintah Kota Bengkulu"));
        classified("NTR-2024-1106", "laporan-bengkulu.csv:7", "PASSIVE_ATTENDANCE", "BUKAN_PELANGGARAN",
                "BUKAN_PELANGGARAN", List.of());
        event("NTR-2024-1106", AuditEventType.ROUTED, "laporan-bengkulu.csv:7", "route",
                routing("CLOSED", "17.71", "BKN", null, null));
        event("NTR-2024-1106", AuditEventType.CLOSED, "laporan-bengkulu.csv:7", "close",
                routing("CLOSED", "17.71", "BKN", null, null));
        event(null, AuditEventType.REJECTED, "laporan-bengkulu.csv:8", "reject-row",
                Map.of("alasan", "NIP tidak valid: tanggal lahir 19801332 tidak ada"));
        received("NTR-2024-1107", "laporan-bengkulu.csv:9", "198807072012121001");
        event("NTR-2024-1107", AuditEventType.ENRICH_DEFERRED, "laporan-bengkulu.csv:9", "enrich",
                Map.of("reason", "BknUnavailableException: HTTP 503 dari BKN", "parkedAs", "deferred/NTR-2024-1107.json"));

        // Day 2: a report without a usable region, a central agency, a re-drop, an SMTP refusal.
        clock.set(Instant.parse("2024-11-28T02:00:00Z"));
        received("NTR-2024-1108", "<x77@mail.bawaslu.example>", null);
        classified("NTR-2024-1108", "<x77@mail.bawaslu.example>", "OTHER", "SEDANG", "SEDANG", List.of());
        Map<String, Object> triage = routing("TRIAGE", null, "NONE", "triase@bawaslu.example", null);
        triage.put("notes", List.of("Wilayah \"Bengkulu\" cocok dengan lebih dari satu wilayah"));
        event("NTR-2024-1108", AuditEventType.ROUTED, "<x77@mail.bawaslu.example>", "route", triage);
        delivered("NTR-2024-1108", "<x77@mail.bawaslu.example>", "triase@bawaslu.example", null);
        immediate("NTR-2024-1109", "laporan-lebong.csv:2", "197901012005011001", "SOCMED_CAMPAIGN", "BERAT", "BERAT",
                List.of(), null, "CENTRAL_AGENCY", "pusat@bawaslu.example", null);
        received("NTR-2024-1101", "laporan-bengkulu-ulang.csv:2", "198702142010011003");
        event("NTR-2024-1101", AuditEventType.DUPLICATE, "laporan-bengkulu-ulang.csv:2", "intake", Map.of());
        received("NTR-2024-1110", "laporan-lebong.csv:3", "199505052020012001");
        classified("NTR-2024-1110", "laporan-lebong.csv:3", "APPROACH_PARTY", "SEDANG", "SEDANG", List.of());
        event("NTR-2024-1110", AuditEventType.ROUTED, "laporan-lebong.csv:3", "route",
                routing("IMMEDIATE", "17.08", "REPORT_CODE", "bkpsdm.kab-kepahiang@pemda.example", null));
        event("NTR-2024-1110", AuditEventType.DEAD_LETTERED, "laporan-lebong.csv:3", "dead-letter",
                Map.of("reason", "SmtpRejectedException: 550 5.1.1 mailbox unknown", "parkedAs",
                        "dead-letter/NTR-2024-1110.json"));

        // Day 3: the digest for Cilegon goes out; Bungo's is still waiting.
        clock.set(Instant.parse("2024-11-29T02:00:00Z"));
        event("NTR-2024-1103", AuditEventType.DIGEST_SENT, "laporan-bengkulu.csv:4", "digest",
                Map.of("cases", 1, "to", "bkpsdm.kota-cilegon@pemda.example", "messageId", "<digest-3672@hub.example>"));
        clock.set(Instant.parse("2024-11-29T09:00:00Z"));
    }

    private void immediate(String caseId, String source, String nip, String category, String base, String severity,
                           List<String> escalation, String region, String regionSource, String to, String cc) {
        received(caseId, source, nip);
        event(caseId, AuditEventType.ENRICHED, source, "enrich", Map.of("nip", nip, "instansiKerjaNama",
                region == null ? "Kementerian Contoh" : "Pemerintah " + REGION_NAMES.get(region)));
        classified(caseId, source, category, base, severity, escalation);
        event(caseId, AuditEventType.ROUTED, source, "route", routing("IMMEDIATE", region, regionSource, to, cc));
        delivered(caseId, source, to, cc);
    }

    private void digest(String caseId, String source, String region, String to) {
        received(caseId, source, null);
        classified(caseId, source, "CAMPAIGN_EVENT", "RINGAN", "RINGAN", List.of());
        event(caseId, AuditEventType.ROUTED, source, "route", routing("DIGEST", region, "REPORT_NAME", to, null));
        event(caseId, AuditEventType.DIGEST_QUEUED, source, "digest-queue", routing("DIGEST", region, "REPORT_NAME", to, null));
    }

    private void received(String caseId, String source, String nip) {
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("channel", source.startsWith("<") ? "EMAIL" : "CSV");
        detail.put("nip", nip);
        detail.put("reporter", "5e0c9a1f3b7d2e4a6c8b0d1f2a3c4e5f");
        event(caseId, AuditEventType.RECEIVED, source, "intake", detail);
    }

    private void classified(String caseId, String source, String category, String base, String severity,
                            List<String> escalation) {
        event(caseId, AuditEventType.CLASSIFIED, source, "classify", Map.of("category", category, "baseSeverity", base,
                "severity", severity, "escalation", escalation));
    }

    private void delivered(String caseId, String source, String to, String cc) {
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("to", to);
        detail.put("cc", cc);
        detail.put("messageId", "<" + caseId + "@hub.example>");
        event(caseId, AuditEventType.DELIVERED, source, "deliver", detail);
    }

    private static Map<String, Object> routing(String decision, String region, String regionSource, String to,
                                               String cc) {
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("decision", decision);
        detail.put("region", region);
        detail.put("regionSource", regionSource);
        detail.put("to", to);
        detail.put("cc", cc);
        detail.put("notes", List.of());
        return detail;
    }

    private void event(String caseId, AuditEventType type, String source, String route, Map<String, ?> detail) {
        trail.append(caseId, type, source, route, detail);
        clock.advance(Duration.ofSeconds(41));
    }
}
