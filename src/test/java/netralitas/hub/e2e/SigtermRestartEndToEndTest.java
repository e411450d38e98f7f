package netralitas.hub.e2e;

import jakarta.mail.internet.MimeMessage;
import netralitas.hub.audit.AuditEvent;
import netralitas.hub.audit.AuditLog;
import netralitas.hub.bench.GeneratedEmployees;
import netralitas.hub.embedded.BknSimulator;
import netralitas.hub.embedded.EmbeddedMailServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A hub process is stopped with SIGTERM (what Ctrl+C and systemd send) and started again, many times, with new CSV rows
 * and emails arriving before each start: every start must start, the case ledger must hold every case handled before
 * each stop, and in the end every report reached its office exactly once. Every other stop lands while the reports
 * of its cycle are still being handled. (H2's compaction on close used to drop the ledger on about half the stops,
 * and the next start then refused: "State database … is behind the audit trail".)
 */
class SigtermRestartEndToEndTest {

    private static final int CYCLES = 6;
    private static final int ROWS_PER_CYCLE = 5;
    private static final int EMAILS_PER_CYCLE = 3;
    /** The events that close a case, each written to the ledger when its case is done. */
    private static final Set<String> HANDLED = Set.of("DELIVERED", "CLOSED", "DIGEST_QUEUED");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @Test
    void everyRestartStartsAndTheLedgerKeepsEveryCaseHandledBeforeTheStop(@TempDir Path work) throws Exception {
        try (EmbeddedMailServer mail = new EmbeddedMailServer(0, 0).start();
             BknSimulator bkn = GeneratedEmployees.simulator(TestHub.PROJECT.resolve("config"), TestHub.CONSUMER_KEY,
                     TestHub.CONSUMER_SECRET)) {
            bkn.start();
            // Slow enough that a stop right after the first delivery finds the rest of its cycle in flight or waiting.
            bkn.faults().setLatency(Duration.ofMillis(100));
            Map<String, String> settings = TestHub.settings(work, mail, bkn, mail.smtpPort());
            settings.put("hub.bkn.cache-ttl", "0");
            ImapMailbox imap = new ImapMailbox(mail.host(), mail.imapPort());
            Path drop = work.resolve("drop");
            Files.createDirectories(drop);
            Path log = work.resolve("hub.log");
            URI ready = URI.create("http://127.0.0.1:" + settings.get("hub.management.port") + "/observe/health/ready");
            Set<String> messageIds = new HashSet<>();
            int repeats = 0;
            int stopsWithWorkLeft = 0;

            // One start more than there are cycles of new reports: the last run finishes what the last stop left.
            // Odd cycles stop at their first delivery, with the rest of their reports in flight or still waiting.
            for (int cycle = 0; cycle <= CYCLES; cycle++) {
                if (cycle < CYCLES) {
                    repeats += arrive(cycle, work, drop, imap, messageIds);
                }
                boolean stopInFlight = cycle % 2 == 1;
                long deliveredBefore = RawTrail.lines(work.resolve("data/audit"), "DELIVERED");
                try (HubProcess hub = HubProcess.start(settings, log)) {
                    awaitWhileRunning(hub, log, "cycle " + cycle + ": ready", () -> status(ready) == 200, () -> "");
                    if (stopInFlight) {
                        awaitWhileRunning(hub, log, "cycle " + cycle + ": a delivery",
                                () -> RawTrail.lines(work.resolve("data/audit"), "DELIVERED") > deliveredBefore, () -> "");
                    } else {
                        awaitWhileRunning(hub, log, "cycle " + cycle + ": every report handled",
                                () -> csvFilesIn(drop) == 0 && imap.messageIds(TestHub.REPORT_MAILBOX, "INBOX").isEmpty(),
                                () -> "left: " + csvNamesIn(drop) + " in the drop folder, "
                                        + imap.messageIds(TestHub.REPORT_MAILBOX, "INBOX") + " in INBOX");
                    }
                    assertTrue(hub.terminate(45), "cycle " + cycle + ": the hub did not stop within 45 s of SIGTERM");
                }
                if (csvFilesIn(drop) > 0 || !imap.messageIds(TestHub.REPORT_MAILBOX, "INBOX").isEmpty()) {
                    stopsWithWorkLeft++;
                }
                Set<String> ledger = ledger(work);
                Set<String> handled = events(work).stream().filter(e -> HANDLED.contains(e.event().name()))
                        .map(AuditEvent::caseId).collect(Collectors.toSet());
                Set<String> forgotten = new HashSet<>(handled);
                forgotten.removeAll(ledger);
                assertTrue(forgotten.isEmpty(), "cycle " + cycle + ": the ledger lost " + forgotten.size() + " of "
                        + handled.size() + " cases handled before the stop: " + forgotten);
            }

            assertTrue(stopsWithWorkLeft > 0, "no stop came while reports were still waiting");

            List<AuditEvent> trail = events(work);
            Map<String, Long> deliveries = trail.stream().filter(e -> "DELIVERED".equals(e.event().name()))
                    .collect(Collectors.groupingBy(AuditEvent::caseId, Collectors.counting()));
            deliveries.forEach((caseId, count) -> assertEquals(1L, count, caseId + " delivered once"));
            assertEquals(CYCLES * (ROWS_PER_CYCLE + EMAILS_PER_CYCLE), deliveries.size(), "every report delivered");
            assertTrue(trail.stream().noneMatch(e -> "DEAD_LETTERED".equals(e.event().name())), "nothing parked");
            assertTrue(trail.stream().filter(e -> "DUPLICATE".equals(e.event().name())).count() >= repeats,
                    "each report sent again after a stop is recognised as a DUPLICATE");
            assertEquals(messageIds, new HashSet<>(imap.messageIds(TestHub.REPORT_MAILBOX, "Processed")),
                    "every email filed in Processed");
            assertEachOfficeReceivedEachCaseOnce(mail, imap, deliveries.keySet());
        }
    }

    /**
     * New reports of one cycle: a CSV file of new rows that repeats one row of the previous cycle's file, and new emails
     * plus one earlier email again (its Message-ID, hence its case id, unchanged). Returns how many were repeats.
     */
    private static int arrive(int cycle, Path work, Path drop, ImapMailbox imap, Set<String> messageIds) throws Exception {
        StringBuilder csv = new StringBuilder("nomor_laporan;tanggal_kejadian;nip_terlapor;jenis_pelanggaran;uraian\n");
        for (int row = cycle * ROWS_PER_CYCLE; row < (cycle + 1) * ROWS_PER_CYCLE; row++) {
            csv.append(row(row));
        }
        if (cycle > 0) {
            csv.append(row((cycle - 1) * ROWS_PER_CYCLE));
        }
        Path written = work.resolve("laporan-" + cycle + ".csv");
        Files.writeString(written, csv, StandardCharsets.UTF_8);
        Files.move(written, drop.resolve(written.getFileName()), StandardCopyOption.ATOMIC_MOVE);

        for (int i = cycle * EMAILS_PER_CYCLE; i < (cycle + 1) * EMAILS_PER_CYCLE; i++) {
            messageIds.add(messageId(i));
            imap.append(TestHub.REPORT_MAILBOX, "INBOX", email(i).getBytes(StandardCharsets.UTF_8));
        }
        if (cycle > 0) {
            imap.append(TestHub.REPORT_MAILBOX, "INBOX", email((cycle - 1) * EMAILS_PER_CYCLE).getBytes(StandardCharsets.UTF_8));
        }
        return cycle > 0 ? 2 : 0;
    }

    /** A SEDANG report: one email, to the BKPSDM of the employee's region. */
    private static String row(int i) {
        return "R-" + i + ";2024-10-" + String.format("%02d", 1 + i % 28) + ";" + GeneratedEmployees.nip(20_000 + i)
                + ";APPROACH_PARTY;Mendaftar penjaringan bakal calon di partai, laporan " + i + "\n";
    }

    private static String messageId(int i) {
        return "<restart-" + i + "@pelapor.example>";
    }

    private static String email(int i) {
        return "From: Pelapor " + i + " <pelapor" + i + "@pelapor.example>\n"
                + "To: " + TestHub.REPORT_MAILBOX + "\n"
                + "Subject: Laporan netralitas ASN nomor " + i + "\n"
                + "Date: Mon, 21 Oct 2024 10:" + String.format("%02d", i % 60) + ":00 +0700\n"
                + "Message-ID: " + messageId(i) + "\n"
                + "MIME-Version: 1.0\n"
                + "Content-Type: text/plain; charset=UTF-8\n\n"
                + "NIP Terlapor: " + GeneratedEmployees.nip(40_000 + i) + "\n"
                + "Tanggal Kejadian: 2024-10-0" + (1 + i % 9) + "\n"
                + "Jenis Pelanggaran: PARTISAN_ACTIVITY\n"
                + "Uraian: Terlapor mengajak warga memilih pasangan calon nomor " + (1 + i % 3)
                + " dalam pertemuan ke-" + i + ".\n";
    }

    /** The case ids in the stopped hub's ledger, read as they are on disk (read-only: the file is left as it is). */
    private static Set<String> ledger(Path work) throws SQLException {
        String url = "jdbc:h2:file:" + work.resolve("data/state/hub").toAbsolutePath() + ";ACCESS_MODE_DATA=r";
        Set<String> caseIds = new HashSet<>();
        try (Connection connection = DriverManager.getConnection(url, "hub", "");
             Statement sql = connection.createStatement();
             ResultSet rows = sql.executeQuery("SELECT messageId FROM CAMEL_MESSAGEPROCESSED")) {
            while (rows.next()) {
                caseIds.add(rows.getString(1));
            }
        }
        return caseIds;
    }

    /** What the offices' mailboxes hold, read over IMAP: each delivered case once in each mailbox it went to. */
    private static void assertEachOfficeReceivedEachCaseOnce(EmbeddedMailServer mail, ImapMailbox imap,
                                                             Set<String> delivered) throws Exception {
        Set<String> received = new HashSet<>();
        for (String recipient : mail.subjectsByRecipient().keySet()) {
            if (recipient.endsWith("@pelapor.example")) {
                continue;
            }
            List<String> caseIds = new ArrayList<>();
            for (MimeMessage message : imap.messages(recipient)) {
                caseIds.add(message.getHeader("X-Netralitas-Case-Id", null));
            }
            assertEquals(new HashSet<>(caseIds).size(), caseIds.size(), recipient + " received a case twice: " + caseIds);
            received.addAll(caseIds);
        }
        assertEquals(delivered, received, "the cases in the offices' mailboxes are the delivered ones");
    }

    private static void awaitWhileRunning(HubProcess hub, Path log, String what, Callable<Boolean> done,
                                          Callable<String> state) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (!done.call()) {
            assertTrue(hub.isAlive(), what + ": the hub exited; its log:\n" + RawTrail.logTail(log, 40));
            assertTrue(System.nanoTime() < deadline, what + ": not within 90 s; " + state.call() + "; the hub's log:\n"
                    + RawTrail.logTail(log, 40));
            Thread.sleep(100);
        }
    }

    /** The status code, or -1 while nothing listens yet. */
    private static int status(URI url) {
        try {
            return HTTP.send(HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(2)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private static List<String> csvNamesIn(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(f -> f.getFileName().toString()).filter(name -> name.endsWith(".csv")).sorted().toList();
        }
    }

    private static long csvFilesIn(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.toString().endsWith(".csv")).count();
        }
    }

    private static List<AuditEvent> events(Path work) throws IOException {
        try (Stream<AuditEvent> events = new AuditLog(work.resolve("data/audit")).events()) {
            return events.toList();
        }
    }
}
