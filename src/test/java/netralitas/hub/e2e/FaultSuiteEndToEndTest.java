package netralitas.hub.e2e;

import jakarta.mail.internet.MimeMessage;
import netralitas.hub.app.ReplayCommand;
import netralitas.hub.state.ParkedCaseTable;
import netralitas.hub.audit.AuditEvent;
import netralitas.hub.bench.GeneratedEmployees;
import netralitas.hub.embedded.BknSimulator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The fault suite of issue 4: real GreenMail, a real HTTP BKN simulator whose faults the test switches on and off, and
 * an SMTP proxy that refuses connections or recipients. Each test checks, in the mailboxes over IMAP and in the audit
 * trail, that every expected case was delivered exactly once and that the others are visibly deferred, dead-lettered
 * or rejected — never lost, never twice.
 */
class FaultSuiteEndToEndTest {

    private static final String HEADER = "nomor_laporan;tanggal_kejadian;nip_terlapor;kode_wilayah;jenis_pelanggaran;uraian\n";

    private TestHub hub;

    @AfterEach
    void stop() {
        if (hub != null) {
            hub.close();
        }
    }

    @Test
    void bknDownForTheWholeRunThenBack(@TempDir Path work) throws Exception {
        hub = generatedEmployees(work, false).start();
        hub.bkn.setDown(true);
        hub.dropAndAwait("laporan.csv", csv(30, 0));
        assertEquals(0, count("DELIVERED"), "nothing delivered while BKN is down");
        assertEquals(30, casesWith("ENRICH_DEFERRED").size(), "every case deferred, none skipped without enrichment");
        assertEquals(0, count("ENRICHED"));

        hub.bkn.setDown(false);
        hub.awaitEvent("DELIVERED", 30);
        assertDeliveredExactlyOnce(30);
        assertEquals(0, count("DEAD_LETTERED"));
    }

    @Test
    void bknFailingThirtyPercentOfCalls(@TempDir Path work) throws Exception {
        hub = generatedEmployees(work, false).start();
        hub.bkn.setFailureRatio(0.3, 500);
        hub.dropAndAwait("laporan.csv", csv(30, 100));
        hub.awaitEvent("DELIVERED", 30);
        assertDeliveredExactlyOnce(30);
        assertEquals(0, count("DEAD_LETTERED"));
    }

    @Test
    void bknSlowerThanTheTimeout(@TempDir Path work) throws Exception {
        hub = generatedEmployees(work, false);
        hub.settings.put("hub.bkn.response-timeout-ms", "300");
        hub.settings.put("hub.bkn.max-redeliveries", "1");
        hub.start();
        hub.bkn.setLatency(Duration.ofMillis(1_000));
        hub.dropAndAwait("laporan.csv", csv(10, 200));
        assertEquals(10, casesWith("ENRICH_DEFERRED").size());
        assertEquals(0, count("DELIVERED"));

        hub.bkn.setLatency(Duration.ZERO);
        hub.awaitEvent("DELIVERED", 10);
        assertDeliveredExactlyOnce(10);
    }

    @Test
    void smtpRefusingConnectionsThenRecovering(@TempDir Path work) throws Exception {
        hub = generatedEmployees(work, true);
        hub.settings.put("hub.smtp.max-redeliveries", "1");
        hub.start();
        hub.smtp.refuseConnections();
        hub.dropAndAwait("laporan.csv", csv(10, 300));
        assertEquals(10, casesWith("DELIVERY_DEFERRED").size(), "held, never marked delivered");
        assertEquals(0, count("DELIVERED"));

        hub.smtp.acceptConnections();
        hub.awaitEvent("DELIVERED", 10);
        assertDeliveredExactlyOnce(10);
    }

    @Test
    void smtpRejectingOneRecipientForGoodDeadLettersItsCasesWithTheAnswerUntilReplayed(@TempDir Path work) throws Exception {
        hub = new TestHub(work, BknSimulator.withRecords(TestHub.PROJECT.resolve("config/dev/bkn-records.json"), 0,
                TestHub.CONSUMER_KEY, TestHub.CONSUMER_SECRET), true).start();
        hub.smtp.rejectRecipient("bkpsdm.kab-lebong@pemda.example",
                "550 5.1.1 <bkpsdm.kab-lebong@pemda.example>: Recipient address rejected: User unknown");
        hub.dropAndAwait("laporan.csv", HEADER
                + "R-1;2024-10-01;197803122003121004;17.08;PARTISAN_ACTIVITY;Mengajak memilih paslon di kantor\n"
                + "R-2;2024-10-02;198505172010012007;17.07;PARTISAN_ACTIVITY;Mengajak memilih paslon di puskesmas\n"
                + "R-3;2024-10-03;199003222015031002;36.72;PARTISAN_ACTIVITY;Mengajak memilih paslon di kantor dinas\n");

        assertDeliveredExactlyOnce(2);
        AuditEvent parked = hub.audit().stream().filter(e -> "DEAD_LETTERED".equals(e.event().name())).findFirst()
                .orElseThrow();
        String reason = String.valueOf(parked.alasan());
        assertTrue(reason.contains("550 5.1.1 <bkpsdm.kab-lebong@pemda.example>"), "the server's answer: " + reason);
        assertEquals(1, count("DEAD_LETTERED"), "rejected once, not retried");
        assertEquals("dead letter " + parked.caseId(), parked.detail().get("parkedAs"));
        List<ParkedCaseTable.ParkedCase> deadLetters = hub.parkedCases().list(ParkedCaseTable.Kind.DEAD_LETTER);
        assertEquals(List.of(parked.caseId()), deadLetters.stream().map(ParkedCaseTable.ParkedCase::caseId).toList());
        assertTrue(deadLetters.get(0).reason().contains("550 5.1.1"), deadLetters.get(0).reason());

        // The directory is fixed (here: the server accepts the address again) and the operator replays the case.
        hub.smtp.clearFaults();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exit = new ReplayCommand().run(List.of("--all"), hub.parkedCases(), "the hub's state store",
                new PrintStream(out, true, StandardCharsets.UTF_8), System.err);
        assertEquals(0, exit, out.toString(StandardCharsets.UTF_8));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("queued " + parked.caseId()), out.toString(StandardCharsets.UTF_8));
        hub.awaitEvent("DELIVERED", 3);
        assertDeliveredExactlyOnce(3);
        hub.awaitParked(ParkedCaseTable.Kind.DEAD_LETTER, List.of());
        List<String> trail = hub.audit().stream().filter(e -> parked.caseId().equals(e.caseId()))
                .map(e -> e.event().name()).toList();
        assertEquals(List.of("RECEIVED", "ENRICHED", "CLASSIFIED", "ROUTED", "DEAD_LETTERED", "REPLAYED", "RECEIVED",
                "ENRICHED", "CLASSIFIED", "ROUTED", "DELIVERED"), trail);
    }

    // --- helpers -------------------------------------------------------------------------------------------------

    private static TestHub generatedEmployees(Path work, boolean smtpFaults) throws Exception {
        return new TestHub(work, GeneratedEmployees.simulator(TestHub.PROJECT.resolve("config"), TestHub.CONSUMER_KEY,
                TestHub.CONSUMER_SECRET), smtpFaults);
    }

    /** {@code rows} BERAT reports, each about another employee: each is a case forwarded at once. */
    private static String csv(int rows, long firstNip) {
        StringBuilder csv = new StringBuilder(HEADER);
        for (int i = 0; i < rows; i++) {
            csv.append("F-").append(firstNip + i).append(";2024-10-0").append(1 + i % 9).append(';')
                    .append(GeneratedEmployees.nip(firstNip + i)).append(";;PARTISAN_ACTIVITY;")
                    .append("Mengajak bawahan memilih pasangan calon, laporan nomor ").append(firstNip + i).append('\n');
        }
        return csv.toString();
    }

    private long count(String event) throws Exception {
        return hub.audit().stream().filter(e -> event.equals(e.event().name())).count();
    }

    private Set<String> casesWith(String event) throws Exception {
        return hub.audit().stream().filter(e -> event.equals(e.event().name())).map(AuditEvent::caseId)
                .collect(Collectors.toSet());
    }

    /**
     * The trail has exactly one DELIVERED per delivered case, and the mailboxes agree: every delivered case id is in
     * the inboxes it went to, no mailbox holds a case twice, and no other case reached any office.
     */
    private void assertDeliveredExactlyOnce(int expected) throws Exception {
        Map<String, Long> delivered = hub.audit().stream().filter(e -> "DELIVERED".equals(e.event().name()))
                .collect(Collectors.groupingBy(AuditEvent::caseId, Collectors.counting()));
        assertEquals(expected, delivered.size(), "distinct cases delivered");
        delivered.forEach((caseId, times) -> assertEquals(1L, times, caseId + " DELIVERED once"));

        Map<String, List<String>> casesPerMailbox = new HashMap<>();
        for (String recipient : hub.mail.subjectsByRecipient().keySet()) {
            List<String> ids = new ArrayList<>();
            for (MimeMessage message : hub.imap().messages(recipient)) {
                ids.add(message.getHeader("X-Netralitas-Case-Id", null));
            }
            casesPerMailbox.put(recipient, ids);
        }
        Set<String> received = new HashSet<>();
        casesPerMailbox.forEach((recipient, ids) -> {
            assertEquals(new HashSet<>(ids).size(), ids.size(), recipient + " received a case twice: " + ids);
            received.addAll(ids);
        });
        assertEquals(delivered.keySet(), received, "what the offices received is what the trail says was delivered");
    }
}
