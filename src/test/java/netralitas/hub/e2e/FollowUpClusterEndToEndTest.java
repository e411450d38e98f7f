package netralitas.hub.e2e;

import jakarta.mail.internet.MimeMessage;
import netralitas.hub.audit.AuditEvent;
import netralitas.hub.audit.AuditLog;
import netralitas.hub.audit.TrailLines;
import netralitas.hub.cases.CaseJson;
import netralitas.hub.cases.RoutingDecision;
import netralitas.hub.cases.ViolationCase;
import netralitas.hub.classify.Category;
import netralitas.hub.classify.Classification;
import netralitas.hub.classify.Severity;
import netralitas.hub.embedded.BknSimulator;
import netralitas.hub.embedded.EmbeddedMailServer;
import netralitas.hub.followup.FollowUpCase;
import netralitas.hub.region.RegionDirectory;
import netralitas.hub.region.RegionResolution;
import netralitas.hub.region.RegionSource;
import netralitas.hub.report.Report;
import netralitas.hub.report.ReportSource;
import netralitas.hub.report.SubjectType;
import netralitas.hub.state.FollowUpTable;
import netralitas.hub.state.PostgresServer;
import netralitas.hub.state.StateStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The follow-up clock on three hub processes sharing one PostgreSQL (SPEC §11, §12): every node looks every second,
 * and still each due case gets one reminder and one escalation, not three.
 */
class FollowUpClusterEndToEndTest {

    private static final int NODES = 3;
    private static final int CASES = 12;
    private static final RegionDirectory REGIONS = RegionDirectory.inConfig(TestHub.PROJECT.resolve("config"));
    private static final String TO = "bkpsdm.kab-kepahiang@pemda.example";
    private static final String CC = "inspektorat.kab-kepahiang@pemda.example,kanreg-vii.palembang@bkn.example";

    @Test
    void threeNodesSendOneReminderAndOneEscalationPerDueCase(@TempDir Path work) throws Exception {
        String stateUrl = PostgresServer.newDatabase();
        try (EmbeddedMailServer mail = new EmbeddedMailServer(0, 0).start();
             BknSimulator bkn = BknSimulator.withRecords(TestHub.PROJECT.resolve("config/dev/bkn-records.json"), 0,
                     TestHub.CONSUMER_KEY, TestHub.CONSUMER_SECRET);
             StateStore store = StateStore.postgresql(stateUrl, PostgresServer.USER, null, 2)) {
            bkn.start();
            Map<String, String> shared = TestHub.settings(work, mail, bkn, mail.smtpPort());
            shared.put("hub.state.url", stateUrl);
            shared.put("hub.state.username", PostgresServer.USER);
            shared.put("hub.cluster.takeover-seconds", "5");
            shared.put("hub.followup.check-interval", "PT1S");
            shared.put("hub.followup.reminder-interval", "PT2S");
            shared.put("hub.followup.max-reminders", "1");
            shared.put("hub.followup.business-days", "false");
            shared.put("hub.followup.address", "tindak-lanjut@bawaslu.example");
            Files.createDirectories(work.resolve("drop"));
            FollowUpTable followUps = new FollowUpTable(store.dataSource());
            List<HubProcess> nodes = new ArrayList<>();
            try {
                List<Integer> ports = new ArrayList<>();
                for (int i = 1; i <= NODES; i++) {
                    Map<String, String> settings = node(shared, work, i);
                    ports.add(Integer.parseInt(settings.get("hub.management.port")));
                    nodes.add(HubProcess.start(settings, log(work, i)));
                }
                for (int port : ports) {
                    await(() -> ready(port), "node on management port " + port + " ready", work);
                }
                // Cases forwarded a while ago, falling due one after the other while all nodes look: what delivery
                // leaves in FOLLOW_UP once it opens the rows.
                Instant forwarded = Instant.now().minusSeconds(60);
                Instant firstDue = Instant.now();
                for (int i = 0; i < CASES; i++) {
                    ViolationCase c = berat("NH-20241012-CLUS%04d".formatted(i), i);
                    followUps.open(FollowUpCase.forwarded(c.getCaseId(), "<" + c.getCaseId() + "@hub.example>", "17.08",
                            "BERAT", null, c.getReport().incidentDate(), List.of(TO), forwarded,
                            firstDue.plusMillis(300L * i), CaseJson.write(c)));
                }

                await(() -> events(store, "ESCALATED").size() >= CASES, "every case escalated", work);
                awaitQuiet(mail, work);
            } finally {
                for (HubProcess node : nodes) {
                    node.close();
                }
            }

            Map<String, Long> reminded = perCase(events(store, "REMINDED"));
            Map<String, Long> escalated = perCase(events(store, "ESCALATED"));
            assertEquals(CASES, reminded.size());
            reminded.forEach((caseId, times) -> assertEquals(1L, times, caseId + " reminded once across the nodes"));
            escalated.forEach((caseId, times) -> assertEquals(1L, times, caseId + " escalated once across the nodes"));
            List<String> subjects = new ArrayList<>();
            for (MimeMessage message : mail.greenMail().getReceivedMessages()) {
                subjects.add(message.getSubject());
            }
            assertEquals(CASES * 3, subjects.stream().filter(s -> s.startsWith("[PENGINGAT]")).count(),
                    "one reminder per case, one copy for each of its three recipients");
            assertEquals(CASES * 2, subjects.stream().filter(s -> s.startsWith("[ESKALASI]")).count(),
                    "one escalation per case, to Bawaslu and the Kanreg");
            for (int i = 0; i < CASES; i++) {
                FollowUpCase row = followUps.find("NH-20241012-CLUS%04d".formatted(i)).orElseThrow();
                assertEquals(1, row.reminders());
                assertTrue(row.escalatedAt() != null && row.nextCheckAt() == null, row.toString());
            }
            System.out.printf("Follow-up cluster run: reminders sent by node (%s)%n", stepsPerNode(work, ": REMINDED ("));
            System.out.printf("Follow-up cluster run: escalations sent by node (%s)%n", stepsPerNode(work, ": ESCALATED to"));
        }
    }

    /** BERAT in Kepahiang, routed to its BKPSDM with its Inspektorat and Kanreg VII in copy. */
    private static ViolationCase berat(String caseId, int row) {
        Report report = new Report(ReportSource.csv("laporan.csv", row + 2), null, LocalDate.of(2024, 10, 12),
                "197803122003121004", "Arif Wicaksono", "Kepala Bagian", "Pemerintah Kab. Kepahiang", SubjectType.ASN,
                "17.08", "Kab. Kepahiang", null, "Mengajak memilih paslon di kantor, laporan " + row, "Kantor bupati",
                List.of(), null, null);
        ViolationCase c = new ViolationCase(caseId, report);
        c.setRegionResolution(new RegionResolution(REGIONS.byCode("17.08").orElseThrow(), RegionSource.REPORT_CODE,
                null, REGIONS.kanreg("VII").orElseThrow(), List.of()));
        c.setClassification(new Classification(new Category("PARTISAN_ACTIVITY", "Kegiatan keberpihakan",
                Severity.BERAT, "SKB 2022", List.of(), false, "PP 94/2021"), Severity.BERAT, Severity.BERAT, List.of()));
        c.setRoutingDecision(new RoutingDecision("IMMEDIATE", TO, CC, "BKPSDM_ACTION", RoutingDecision.Priority.HIGH));
        return c;
    }

    private static boolean ready(int port) {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + "/observe/health/ready")).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static Map<String, Long> perCase(List<AuditEvent> events) {
        return events.stream().collect(Collectors.groupingBy(AuditEvent::caseId, Collectors.counting()));
    }

    private static List<AuditEvent> events(StateStore store, String event) {
        try (Stream<AuditEvent> events = new AuditLog(TrailLines.inStore(store.dataSource(), store.location(), () -> { }),
                unreadable -> { throw new IllegalStateException("unreadable trail line: " + unreadable); }).events()) {
            return events.filter(e -> event.equals(e.event().name())).toList();
        }
    }

    private static String stepsPerNode(Path work, String step) throws IOException {
        List<String> counts = new ArrayList<>();
        for (int i = 1; i <= NODES; i++) {
            try (Stream<String> lines = Files.lines(log(work, i))) {
                counts.add("node-" + i + ": " + lines.filter(line -> line.contains(step)).count());
            }
        }
        return String.join(", ", counts);
    }

    private static Map<String, String> node(Map<String, String> shared, Path work, int i) throws IOException {
        Map<String, String> settings = new HashMap<>(shared);
        settings.put("hub.node-id", "node-" + i);
        settings.put("hub.data-dir", work.resolve("node-" + i + "/data").toString());
        settings.put("hub.management.port", String.valueOf(TestHub.freePort()));
        return settings;
    }

    private static Path log(Path work, int i) {
        return work.resolve("node-" + i + ".log");
    }

    /** Until no mail arrived for four check intervals: nothing is left to remind or escalate. */
    private static void awaitQuiet(EmbeddedMailServer mail, Path work) throws Exception {
        int seen = -1;
        long quietSince = System.nanoTime();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() - quietSince < TimeUnit.SECONDS.toNanos(4)) {
            int now = mail.greenMail().getReceivedMessages().length;
            if (now != seen) {
                seen = now;
                quietSince = System.nanoTime();
            }
            assertTrue(System.nanoTime() < deadline, "mail kept arriving\n" + tails(work));
            Thread.sleep(200);
        }
    }

    private static void await(java.util.function.BooleanSupplier condition, String what, Path work) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "timed out waiting until " + what + "\n" + tails(work));
            Thread.sleep(250);
        }
    }

    private static String tails(Path work) throws IOException {
        StringBuilder tails = new StringBuilder();
        for (int i = 1; i <= NODES; i++) {
            tails.append("--- node-").append(i).append('\n').append(RawTrail.logTail(log(work, i), 15));
        }
        return tails.toString();
    }
}
