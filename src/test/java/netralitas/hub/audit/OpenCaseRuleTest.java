package netralitas.hub.audit;

import netralitas.hub.progress.Progress;
import netralitas.hub.testing.MutableClock;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One rule for open and done (docs/specification.md §8), the same in {@code audit stats} and {@code audit report};
 * the delivery check; the old {@code reason} key read as {@code alasan}.
 */
class OpenCaseRuleTest {

    @TempDir
    Path dir;

    private final MutableClock clock = MutableClock.jakarta("2024-11-27T02:00:00Z");

    private Path audit() {
        return dir.resolve("audit");
    }

    @Test
    void statsAndReportCountTheSameFixtureTheSameWay() throws IOException {
        TrailAccess access = ReportFixture.write(audit(), clock);
        AuditStats stats;
        try (Stream<AuditEvent> events = new AuditLog(audit()).events()) {
            stats = AuditStats.of(events);
        }
        Document doc = report(access);

        Map<CaseStatus.Stage, Long> stages = stats.stages();
        // Done: 1101, 1102, 1105 delivered, 1103 in the digest, 1106 closed, 1109 to the central agency.
        assertEquals(6, stages.get(CaseStatus.Stage.DONE));
        assertEquals(0, stages.get(CaseStatus.Stage.ENDED));
        // Open: 1104 waits for the digest, 1107 deferred, 1108 at triage, 1110 dead-lettered.
        assertEquals(4, stages.get(CaseStatus.Stage.OPEN));
        for (CaseStatus.Stage stage : CaseStatus.Stage.values()) {
            assertEquals(String.valueOf(stages.get(stage)),
                    doc.selectFirst("#posisi-kasus [data-stage=" + stage.name() + "] strong").text(), stage.name());
        }
        assertEquals(stats.open().stream().map(CaseTally.Open::caseId).toList(),
                doc.select("#belum-selesai table.waiting tbody tr").eachAttr("data-case"));
        assertFalse(doc.text().contains("Semua kasus sudah selesai"));

        String printed = print(stats);
        assertTrue(printed.contains("Cases: 6 done, 0 rejected (quarantined), 4 open"), printed);
        assertTrue(printed.contains("Cases not finished: 4"), printed);
        assertTrue(printed.contains("NTR-2024-1108") && printed.contains("(TRIAGE)"), printed);
    }

    @Test
    void triageIsOpenAndARejectedCaseEndedButNotDone() {
        CaseTally tally = new CaseTally();
        tally.add(event("T", AuditEventType.RECEIVED, Map.of()));
        tally.add(event("T", AuditEventType.ROUTED, routed("TRIAGE", null, "triase@bawaslu.example")));
        tally.add(event("T", AuditEventType.DELIVERED, Map.of("to", "triase@bawaslu.example")));
        tally.add(event("Q", AuditEventType.RECEIVED, Map.of()));
        tally.add(event("Q", AuditEventType.REJECTED, Map.of("alasan", "uraian kosong")));

        assertEquals(CaseStatus.TRIAGE, tally.statusOf("T"));
        assertEquals(CaseStatus.Stage.OPEN, tally.statusOf("T").stage());
        assertNotNull(tally.open("T"), "handed to Bawaslu staff, not done");
        assertEquals(CaseStatus.Stage.ENDED, tally.statusOf("Q").stage());
        assertNull(tally.open("Q"));
        assertFalse(CaseStatus.REJECTED.label().contains("Selesai"));
    }

    @Test
    void aCaseDeliveredTwiceOrToOthersThanItsDecisionNamedIsFlagged() {
        CaseTally tally = new CaseTally();
        for (String id : List.of("OK", "TWICE", "ELSEWHERE")) {
            tally.add(event(id, AuditEventType.RECEIVED, Map.of()));
            tally.add(event(id, AuditEventType.ROUTED,
                    routed("IMMEDIATE", "17.08", "bkpsdm@pemda.example")));
        }
        tally.add(event("OK", AuditEventType.DELIVERED, Map.of("to", "BKPSDM <BKPSDM@pemda.example>")));
        tally.add(event("TWICE", AuditEventType.DELIVERED, Map.of("to", "bkpsdm@pemda.example")));
        tally.add(event("TWICE", AuditEventType.DELIVERED, Map.of("to", "bkpsdm@pemda.example")));
        tally.add(event("ELSEWHERE", AuditEventType.DELIVERED, Map.of("to", "someone.else@evil.example")));

        assertEquals(2, tally.deliveryProblemCount());
        List<String> flagged = tally.deliveryProblems().stream().map(CaseTally.DeliveryProblem::caseId).toList();
        assertEquals(List.of("TWICE", "ELSEWHERE"), flagged);
        assertTrue(tally.deliveryProblems().get(0).problem().contains("lebih dari sekali"));
        assertTrue(tally.deliveryProblems().get(1).problem().contains("someone.else@evil.example"));
    }

    @Test
    void theReportShowsTheDeliveryCheck() throws IOException {
        TrailAccess access = ReportFixture.write(audit(), clock);
        Document doc = report(access);
        assertNotNull(doc.getElementById("pengiriman-cocok"), doc.select("#pengiriman").text());
    }

    @Test
    void theOldReasonKeyIsReadAsAlasan() throws IOException {
        AuditEvent old = event("C", AuditEventType.DEAD_LETTERED, Map.of("reason", "SMTP 550"));
        assertEquals("SMTP 550", old.alasan());
        assertEquals(Map.of("alasan", "SMTP 550"), old.currentDetail());
        assertEquals("baru", event("C", AuditEventType.NOTE, Map.of("alasan", "baru")).alasan());

        // The fixture writes ENRICH_DEFERRED and DEAD_LETTERED with "reason", as trails of earlier releases did.
        TrailAccess access = ReportFixture.write(audit(), clock);
        Document doc = report(access);
        String detail = doc.selectFirst("article.case[data-case=NTR-2024-1107] tr[data-event=ENRICH_DEFERRED] td.detail")
                .text();
        assertTrue(detail.contains("Alasan: BknUnavailableException: HTTP 503 dari BKN"), detail);
        assertFalse(detail.contains("reason"), detail);
    }

    private Document report(TrailAccess access) throws IOException {
        Path file = dir.resolve("report.html");
        new AuditHtmlReport(clock, ReportFixture.REGION_NAMES::get, access).write(audit(), null, null, file,
                Progress.silent());
        return Jsoup.parse(Files.readString(file, StandardCharsets.UTF_8));
    }

    private String print(AuditStats stats) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        stats.print(new PrintStream(bytes, true, StandardCharsets.UTF_8), clock);
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static Map<String, Object> routed(String decision, String region, String to) {
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("decision", decision);
        detail.put("region", region);
        detail.put("to", to);
        return detail;
    }

    private long seq;

    private AuditEvent event(String caseId, AuditEventType type, Map<String, Object> detail) {
        seq++;
        return AuditEvent.chained(seq, Instant.parse("2024-11-27T02:00:00Z").plusSeconds(seq)
                .atOffset(java.time.ZoneOffset.ofHours(7)), caseId, type, "x.csv:" + seq, "test", detail,
                AuditEvent.GENESIS);
    }
}
