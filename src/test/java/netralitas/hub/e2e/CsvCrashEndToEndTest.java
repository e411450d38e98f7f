package netralitas.hub.e2e;

import netralitas.hub.audit.AuditEvent;
import netralitas.hub.audit.AuditLog;
import netralitas.hub.bench.GeneratedEmployees;
import netralitas.hub.embedded.BknSimulator;
import netralitas.hub.embedded.EmbeddedMailServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A 5,000-row CSV is in flight when the hub process is stopped — by SIGKILL, or by SIGTERM — and started again: the file
 * is read again from the start, what was delivered before is recognised (DUPLICATE) and not sent again, and in the end
 * every case reached its offices exactly once.
 */
class CsvCrashEndToEndTest {

    private static final int ROWS = 2_000;
    private static final int WORKERS = 4;

    @Test
    void killMinusNineInTheMiddleOfAFile(@TempDir Path work) throws Exception {
        stopInTheMiddle(work, true);
    }

    @Test
    void gracefulStopInTheMiddleOfAFile(@TempDir Path work) throws Exception {
        stopInTheMiddle(work, false);
    }

    private static void stopInTheMiddle(Path work, boolean kill) throws Exception {
        try (EmbeddedMailServer mail = new EmbeddedMailServer(0, 0).start();
             BknSimulator bkn = GeneratedEmployees.simulator(TestHub.PROJECT.resolve("config"), TestHub.CONSUMER_KEY,
                     TestHub.CONSUMER_SECRET)) {
            bkn.start();
            Map<String, String> settings = TestHub.settings(work, mail, bkn, mail.smtpPort());
            // Each worker has at most one email on its way to the SMTP server when the hub dies.
            settings.put("hub.pipeline.workers", String.valueOf(WORKERS));
            Path drop = work.resolve("drop");
            Path log = work.resolve("hub.log");
            Files.createDirectories(drop);
            Path csv = work.resolve("laporan.csv");
            Files.writeString(csv, SedangReports.csv(ROWS), StandardCharsets.UTF_8);

            try (HubProcess first = HubProcess.start(settings, log)) {
                Files.move(csv, drop.resolve("laporan.csv"), StandardCopyOption.ATOMIC_MOVE);
                awaitDelivered(work, ROWS / 5, log);
                if (kill) {
                    first.kill();
                } else {
                    long stopping = System.nanoTime();
                    // camel.main.shutdown-timeout is 30 s: the hub finishes or hands back its work within it.
                    assertTrue(first.terminate(45), "the hub did not stop within 45 s of SIGTERM");
                    assertTrue(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - stopping) <= 45);
                }
            }
            long deliveredBefore = events(work, "DELIVERED").size();
            boolean unfinished = Files.exists(drop.resolve("laporan.csv"));
            if (kill) {
                assertTrue(unfinished && deliveredBefore < ROWS, "the kill came too late: " + deliveredBefore);
            }

            try (HubProcess second = HubProcess.start(settings, log)) {
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
                while (Files.exists(drop.resolve("laporan.csv"))) {
                    assertTrue(System.nanoTime() < deadline, "the file was not finished after the restart:\n" + RawTrail.logTail(log, 40));
                    Thread.sleep(500);
                }
            }

            List<AuditEvent> delivered = events(work, "DELIVERED");
            Map<String, Long> perCase = delivered.stream()
                    .collect(Collectors.groupingBy(AuditEvent::caseId, Collectors.counting()));
            perCase.forEach((caseId, times) -> assertEquals(1L, times, caseId + " delivered once"));
            // A case whose email was being sent at the kill may have arrived or not: it is parked, never sent twice.
            Set<String> uncertain = events(work, "DEAD_LETTERED").stream()
                    .filter(e -> String.valueOf(e.alasan()).startsWith("delivery uncertain"))
                    .map(AuditEvent::caseId).collect(Collectors.toSet());
            assertEquals(events(work, "DEAD_LETTERED").size(), uncertain.size(), "no other dead letter");
            assertTrue(uncertain.size() <= WORKERS, "at most one per worker: " + uncertain);
            // (An uncertain case may also have its DELIVERED: the kill fell between that record and the ledger's.)
            Set<String> accounted = new HashSet<>(perCase.keySet());
            accounted.addAll(uncertain);
            assertEquals(ROWS, accounted.size(), "every case delivered, or parked as uncertain");
            if (unfinished) {
                assertTrue(events(work, "DUPLICATE").size() >= deliveredBefore - uncertain.size(),
                        "what was delivered before the stop is recognised, not sent again");
            }
            DeliveredCopies.assertEachCaseReachedEachOfItsRecipientsOnce(
                    List.of(mail.greenMail().getReceivedMessages()), perCase.keySet(), uncertain);
        }
    }

    private static List<AuditEvent> events(Path work, String event) throws IOException {
        Path audit = work.resolve("data/audit");
        if (!Files.isDirectory(audit)) {
            return List.of();
        }
        try (Stream<AuditEvent> events = new AuditLog(audit).events()) {
            return events.filter(e -> event.equals(e.event().name())).toList();
        }
    }

    /** Counted from the raw lines (no JSON parsing): it is polled while the hub is busy on the same two cores. */
    private static void awaitDelivered(Path work, int count, Path log) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (RawTrail.lines(work.resolve("data/audit"), "DELIVERED") < count) {
            assertTrue(System.nanoTime() < deadline, "fewer than " + count + " delivered:\n" + RawTrail.logTail(log, 40));
            Thread.sleep(500);
        }
    }
}
