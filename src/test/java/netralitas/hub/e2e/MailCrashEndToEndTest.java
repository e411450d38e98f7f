package netralitas.hub.e2e;

import jakarta.mail.internet.MimeMessage;
import netralitas.hub.audit.AuditEvent;
import netralitas.hub.audit.AuditLog;
import netralitas.hub.embedded.BknSimulator;
import netralitas.hub.embedded.EmbeddedMailServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The hub is killed (SIGKILL) while it works through a mailbox, then started again: every message must end up handled
 * exactly once — each case delivered once to its office, none missing, none forwarded twice.
 */
class MailCrashEndToEndTest {

    private static final int MESSAGES = 30;
    /** Known to the BKN simulator; each is forwarded at once (BERAT) to its own region's office. */
    private static final List<String> NIPS = List.of("197803122003121004", "198505172010012007", "199003222015031002",
            "198208092006041003", "197406151998031005", "198712052011011003");

    @Test
    void aHardStopInTheMiddleOfTheMailboxLosesAndRepeatsNothing(@TempDir Path work) throws Exception {
        try (EmbeddedMailServer mail = new EmbeddedMailServer(0, 0).start();
             BknSimulator bkn = BknSimulator.withRecords(TestHub.PROJECT.resolve("config/dev/bkn-records.json"), 0,
                     TestHub.CONSUMER_KEY, TestHub.CONSUMER_SECRET)) {
            bkn.start();
            // Slow enough that the kill lands in the middle of the mailbox.
            bkn.faults().setLatency(Duration.ofMillis(100));
            Map<String, String> settings = TestHub.settings(work, mail, bkn, mail.smtpPort());
            // Every message asks BKN, so every message takes the simulator's latency.
            settings.put("hub.bkn.cache-ttl", "0");
            ImapMailbox imap = new ImapMailbox(mail.host(), mail.imapPort());
            Set<String> messageIds = new HashSet<>();
            for (int i = 0; i < MESSAGES; i++) {
                String messageId = "<crash-" + i + "@pelapor.example>";
                messageIds.add(messageId);
                imap.append(TestHub.REPORT_MAILBOX, "INBOX", report(i, messageId).getBytes(StandardCharsets.UTF_8));
            }

            Path log = work.resolve("hub.log");
            try (HubProcess first = HubProcess.start(settings, log)) {
                awaitProcessed(imap, MESSAGES / 4, log);
                first.kill();
            }
            int handledBeforeKill = processedIds(imap).size();
            assertTrue(handledBeforeKill < MESSAGES, "the kill came too late to test anything: " + handledBeforeKill);

            try (HubProcess second = HubProcess.start(settings, log)) {
                awaitProcessed(imap, MESSAGES, log);
            }

            assertEquals(messageIds, processedIds(imap), "every message filed in Processed");
            String hubLog = Files.readString(log);
            for (String secret : List.of(TestHub.CONSUMER_SECRET, "test-reporter-key")) {
                assertFalse(hubLog.contains(secret), "a secret in the hub's log: " + secret);
            }
            assertTrue(imap.messages(TestHub.REPORT_MAILBOX, "Quarantine").isEmpty(), "nothing quarantined");

            List<AuditEvent> trail;
            try (Stream<AuditEvent> events = new AuditLog(work.resolve("data/audit")).events()) {
                trail = events.toList();
            }
            // The trail names a message by its Message-ID's pseudonym (SPEC §8).
            Map<String, Long> deliveredPerMessage = trail.stream().filter(e -> "DELIVERED".equals(e.event().name()))
                    .collect(Collectors.groupingBy(e -> TestHub.midOf(e.source()), Collectors.counting()));
            deliveredPerMessage.forEach((source, count) -> assertEquals(1L, count, source + " delivered once"));
            // A case whose email was being sent at the kill may have arrived or not: it is parked, never sent twice.
            Set<String> accounted = new HashSet<>(deliveredPerMessage.keySet());
            trail.stream().filter(e -> "DEAD_LETTERED".equals(e.event().name())
                            && String.valueOf(e.alasan()).startsWith("delivery uncertain"))
                    .forEach(e -> accounted.add(TestHub.midOf(e.source())));
            assertEquals(messageIds.stream().map(TestHub::mid).collect(Collectors.toSet()), accounted,
                    "every report delivered, or parked as uncertain");

            // What the offices actually received: each case once in each mailbox it went to.
            Map<String, List<String>> caseIdsPerMailbox = new HashMap<>();
            for (String recipient : mail.subjectsByRecipient().keySet()) {
                if (recipient.endsWith("@pelapor.example")) {
                    continue;
                }
                for (MimeMessage message : imap.messages(recipient)) {
                    caseIdsPerMailbox.computeIfAbsent(recipient, r -> new java.util.ArrayList<>())
                            .add(message.getHeader("X-Netralitas-Case-Id", null));
                }
            }
            Set<String> distinctCases = new HashSet<>();
            caseIdsPerMailbox.forEach((recipient, ids) -> {
                assertEquals(new HashSet<>(ids).size(), ids.size(), recipient + " received a case twice: " + ids);
                distinctCases.addAll(ids);
            });
            assertTrue(distinctCases.size() >= deliveredPerMessage.size() && distinctCases.size() <= MESSAGES,
                    "distinct cases in the offices: " + distinctCases.size());
        }
    }

    private static String report(int i, String messageId) {
        return "From: Pelapor " + i + " <pelapor" + i + "@pelapor.example>\n"
                + "To: " + TestHub.REPORT_MAILBOX + "\n"
                + "Subject: Laporan netralitas ASN nomor " + i + "\n"
                + "Date: Mon, 21 Oct 2024 10:" + String.format("%02d", i % 60) + ":00 +0700\n"
                + "Message-ID: " + messageId + "\n"
                + "MIME-Version: 1.0\n"
                + "Content-Type: text/plain; charset=UTF-8\n\n"
                + "NIP Terlapor: " + NIPS.get(i % NIPS.size()) + "\n"
                + "Tanggal Kejadian: 2024-10-0" + (1 + i % 9) + "\n"
                + "Jenis Pelanggaran: PARTISAN_ACTIVITY\n"
                + "Uraian: Terlapor mengajak warga memilih pasangan calon nomor " + (1 + i % 3)
                + " dalam pertemuan ke-" + i + ".\n";
    }

    private static Set<String> processedIds(ImapMailbox imap) throws Exception {
        Set<String> ids = new HashSet<>();
        for (MimeMessage message : imap.messages(TestHub.REPORT_MAILBOX, "Processed")) {
            ids.add(message.getMessageID());
        }
        return ids;
    }

    private static void awaitProcessed(ImapMailbox imap, int count, Path log) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (processedIds(imap).size() < count) {
            assertTrue(System.nanoTime() < deadline, "only " + processedIds(imap).size() + " of " + count
                    + " messages processed; hub log:\n" + RawTrail.logTail(log, 60));
            Thread.sleep(50);
        }
    }
}
