package netralitas.hub.e2e;

import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import netralitas.hub.audit.AuditEvent;
import netralitas.hub.bench.GeneratedEmployees;
import netralitas.hub.embedded.BknSimulator;
import netralitas.hub.embedded.EmbeddedMailServer;
import netralitas.hub.state.LeaseTable;
import netralitas.hub.state.PostgresServer;
import netralitas.hub.state.StateStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Three hub processes on one PostgreSQL, one mailbox and one drop folder (SPEC §11): a CSV of a few thousand rows and a
 * hundred report emails; the node reading the file is killed with SIGKILL in the middle of it and started again later.
 * Every case reaches each of its recipients exactly once, or is parked as "delivery uncertain"; BKN never sees more
 * requests in a second than its limit, summed over the nodes; the nodes' one audit trail in the store verifies.
 */
class ClusterEndToEndTest {

    private static final int NODES = 3;
    private static final int ROWS = 2_000;
    private static final int MAILS = 100;
    private static final int WORKERS = 4;
    private static final int BKN_LIMIT = 100;

    @Test
    void threeNodesOneKilledWhileReadingTheFile(@TempDir Path work) throws Exception {
        String stateUrl = PostgresServer.newDatabase();
        try (EmbeddedMailServer mail = new EmbeddedMailServer(0, 0).start();
             BknSimulator bkn = GeneratedEmployees.simulator(TestHub.PROJECT.resolve("config"), TestHub.CONSUMER_KEY,
                     TestHub.CONSUMER_SECRET);
             StateStore store = StateStore.postgresql(stateUrl, PostgresServer.USER, null, 2)) {
            bkn.start();
            bkn.setRateLimitPerSecond(BKN_LIMIT);
            Map<String, String> shared = TestHub.settings(work, mail, bkn, mail.smtpPort());
            shared.put("hub.state.url", stateUrl);
            shared.put("hub.state.username", PostgresServer.USER);
            shared.put("hub.cluster.takeover-seconds", "3");
            shared.put("hub.pipeline.workers", String.valueOf(WORKERS));
            shared.put("hub.bkn.rate-limit-per-second", String.valueOf(BKN_LIMIT));
            Files.createDirectories(work.resolve("drop"));

            List<HubProcess> nodes = new ArrayList<>();
            try {
                for (int i = 1; i <= NODES; i++) {
                    nodes.add(HubProcess.start(ClusterNodes.settings(shared, work, i), ClusterNodes.log(work, i)));
                }
                LeaseTable leases = new LeaseTable(store.dataSource(), Clock.systemUTC());
                String csvReader = await(() -> holder(leases, "csv-drop-folder"), "a node leads the drop folder", work);

                ImapMailbox imap = new ImapMailbox(mail.host(), mail.imapPort());
                for (int i = 0; i < MAILS; i++) {
                    imap.append(TestHub.REPORT_MAILBOX, "INBOX", reportMail(i));
                }
                Path csv = work.resolve("laporan.csv");
                Files.writeString(csv, SedangReports.csv(ROWS), StandardCharsets.UTF_8);
                Files.move(csv, work.resolve("drop/laporan.csv"), StandardCopyOption.ATOMIC_MOVE);

                await(() -> DeliveredCopies.caseMails(mail).size() >= ROWS / 4 ? Optional.of(true) : Optional.empty(),
                        "a quarter of the file delivered", work);
                int killed = Integer.parseInt(csvReader.substring("node-".length()));
                nodes.get(killed - 1).kill();
                assertTrue(Files.exists(work.resolve("drop/laporan.csv")), "the kill came too late");

                await(() -> Files.exists(work.resolve("drop/laporan.csv")) ? Optional.empty() : Optional.of(true),
                        "another node finished the file", work);
                AtomicReference<String> inbox = new AtomicReference<>("not read yet");
                await(() -> inboxEmpty(imap, inbox) ? Optional.of(true) : Optional.empty(),
                        () -> "every report email filed (INBOX: " + inbox.get() + ")", work);
                nodes.set(killed - 1, HubProcess.start(ClusterNodes.settings(shared, work, killed), ClusterNodes.log(work, killed)));
                awaitQuiet(mail, work);
            } finally {
                for (HubProcess node : nodes) {
                    node.close();
                }
            }

            assertEquals(0, bkn.tooManyRequestsSent(), "BKN answered 429");
            assertTrue(bkn.worstSecond() <= BKN_LIMIT, "BKN counted " + bkn.worstSecond() + " requests in one second");

            List<AuditEvent> delivered = ClusterNodes.events(store, "DELIVERED");
            Map<String, Long> perCase = delivered.stream()
                    .collect(Collectors.groupingBy(AuditEvent::caseId, Collectors.counting()));
            perCase.forEach((caseId, times) -> assertEquals(1L, times, caseId + " delivered once across the nodes"));
            Set<String> uncertain = ClusterNodes.events(store, "DEAD_LETTERED").stream()
                    .filter(e -> String.valueOf(e.alasan()).startsWith("delivery uncertain"))
                    .map(AuditEvent::caseId).collect(Collectors.toSet());
            assertTrue(uncertain.size() <= WORKERS, "at most one uncertain case per worker of the killed node: " + uncertain);
            Set<String> accounted = new HashSet<>(perCase.keySet());
            accounted.addAll(uncertain);
            assertEquals(ROWS + MAILS, accounted.size(), "every case delivered, or parked as uncertain");
            DeliveredCopies.assertEachCaseReachedEachOfItsRecipientsOnce(DeliveredCopies.caseMails(mail), perCase.keySet(),
                    uncertain);
            HubProcess.Output verify = HubProcess.command(ClusterNodes.settings(shared, work, 1), work.resolve("verify.txt"), "audit",
                    "verify");
            assertEquals(0, verify.exit(), verify.out());
            assertTrue(verify.out().contains("chain intact (table AUDIT_EVENT"), verify.out());
            System.out.printf("Cluster run: %d cases delivered by node (%s), %d uncertain, %d DUPLICATE, BKN worst"
                    + " second %d of %d, %d case mails%n", perCase.size(), deliveredPerNode(work), uncertain.size(),
                    ClusterNodes.events(store, "DUPLICATE").size(), bkn.worstSecond(), BKN_LIMIT, DeliveredCopies.caseMails(mail).size());
        }
    }

    /** Which node delivered how many cases: the route's node is not in the trail, but each node logs its deliveries. */
    private static String deliveredPerNode(Path work) throws IOException {
        List<String> counts = new ArrayList<>();
        for (int i = 1; i <= NODES; i++) {
            try (Stream<String> lines = Files.lines(ClusterNodes.log(work, i))) {
                counts.add("node-" + i + ": " + lines.filter(line -> line.contains(" DELIVERED")).count());
            }
        }
        return String.join(", ", counts);
    }

    private static Optional<String> holder(LeaseTable leases, String namespace) {
        try {
            return leases.holder(namespace);
        } catch (java.sql.SQLException e) {
            return Optional.empty();
        }
    }

    /** Whether INBOX is empty; {@code seen} says what it held or why it could not be read, for a failure message. */
    private static boolean inboxEmpty(ImapMailbox imap, AtomicReference<String> seen) {
        try {
            List<String> left = imap.headerValues(TestHub.REPORT_MAILBOX, "INBOX", "Message-ID");
            seen.set(left.size() + " message(s) " + left);
            return left.isEmpty();
        } catch (jakarta.mail.MessagingException e) {
            seen.set("not readable: " + e);
            return false;
        }
    }

    /** Until no case mail arrived for five seconds: the restarted node has nothing left to send. */
    private static void awaitQuiet(EmbeddedMailServer mail, Path work) throws Exception {
        int seen = -1;
        long quietSince = System.nanoTime();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() - quietSince < TimeUnit.SECONDS.toNanos(5)) {
            int now = mail.greenMail().getReceivedMessages().length;
            if (now != seen) {
                seen = now;
                quietSince = System.nanoTime();
            }
            assertTrue(System.nanoTime() < deadline, "mail kept arriving\n" + ClusterNodes.tails(work, NODES));
            Thread.sleep(200);
        }
    }

    private static <T> T await(java.util.function.Supplier<Optional<T>> condition, String what, Path work)
            throws Exception {
        return await(condition, () -> what, work);
    }

    private static <T> T await(java.util.function.Supplier<Optional<T>> condition,
                               java.util.function.Supplier<String> what, Path work) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(240);
        while (true) {
            Optional<T> value = condition.get();
            if (value.isPresent()) {
                return value.get();
            }
            if (System.nanoTime() >= deadline) {
                fail("timed out waiting until " + what.get() + "\n" + ClusterNodes.tails(work, NODES));
            }
            Thread.sleep(200);
        }
    }

    private static byte[] reportMail(int i) {
        return ("From: Pelapor " + i + " <pelapor-" + i + "@pelapor.example>\r\n"
                + "To: " + TestHub.REPORT_MAILBOX + "\r\n"
                + "Subject: Laporan dugaan pelanggaran netralitas ASN " + i + "\r\n"
                + "Date: Tue, 08 Oct 2024 14:05:12 +0700\r\n"
                + "Message-ID: <cluster-" + i + "@pelapor.example>\r\n"
                + "MIME-Version: 1.0\r\n"
                + "Content-Type: text/plain; charset=UTF-8\r\n"
                + "\r\n"
                + "Nomor Laporan: M-" + i + "\r\n"
                + "Tanggal Kejadian: 05/10/2024\r\n"
                + "NIP Terlapor: " + GeneratedEmployees.nip(50_000 + i) + "\r\n"
                + "Jenis Pelanggaran: Mendaftar sebagai bakal calon di partai politik\r\n"
                + "Uraian: Terlapor mendaftar penjaringan bakal calon kepala daerah di partai, laporan surel " + i
                + ".\r\n").getBytes(StandardCharsets.US_ASCII);
    }
}
