package netralitas.hub.e2e;

import netralitas.hub.audit.AuditEvent;
import netralitas.hub.audit.AuditLog;
import netralitas.hub.embedded.BknSimulator;
import netralitas.hub.embedded.EmbeddedMailServer;
import netralitas.hub.inbox.OddMailCorpus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A mail server that cannot serve some messages, as Dovecot cannot serve a mail file it fails to parse (SPEC §3.2: a
 * message the mail library cannot load). GreenMail serves every message of the odd corpus, so the failure is injected
 * between it and the hub ({@link ImapFaultProxy}): the whole-body fetch of the two messages of ISSUE-10 — a
 * multipart/report delivery report and a multipart without its closing boundary — is refused with Dovecot's
 * {@code NO [SERVERBUG]}, or the server drops the connection, and every ENVELOPE the server sends is unparseable.
 * The hub runs in its own JVM with its log in a file, as deployed.
 */
class MailReadFailureEndToEndTest {

    private static final int MAX_READ_FAILURES = 4;
    private static final Duration FIRST_DELAY = Duration.ofMillis(300);
    private static final Duration MAX_DELAY = Duration.ofMillis(2000);
    /** The hub decides "due" a moment after the proxy saw the failure: the gap between attempts may be this much shorter. */
    private static final Duration CLOCK_SLACK = Duration.ofMillis(100);

    private static final String DSN = "01-dsn-full-original.eml";
    private static final String DSN_ID = "<20241105021401.4XkQ2m1Zs9z3wPb@relay.kantor-pos.example>";
    private static final String UNCLOSED = "04-multipart-unclosed-boundary.eml";
    private static final String UNCLOSED_ID = "<dokumen-0811-dimas@pelapor.example>";
    private static final List<String> NIPS = List.of("197803122003121004", "198505172010012007", "199003222015031002");

    private EmbeddedMailServer mail;
    private BknSimulator bkn;
    private ImapFaultProxy proxy;
    private ImapMailbox imap;
    private Map<String, String> settings;
    private Path log;

    @BeforeEach
    void start(@TempDir Path work) throws Exception {
        mail = new EmbeddedMailServer(0, 0).start();
        bkn = BknSimulator.withRecords(TestHub.PROJECT.resolve("config/dev/bkn-records.json"), 0,
                TestHub.CONSUMER_KEY, TestHub.CONSUMER_SECRET);
        bkn.start();
        proxy = new ImapFaultProxy(mail.host(), mail.imapPort());
        proxy.corruptEnvelopes();
        settings = TestHub.settings(work, mail, bkn, mail.smtpPort());
        settings.put("hub.imap.port", String.valueOf(proxy.port()));
        settings.put("hub.imap.max-read-failures", String.valueOf(MAX_READ_FAILURES));
        settings.put("hub.imap.retry-delay-ms", String.valueOf(FIRST_DELAY.toMillis()));
        settings.put("hub.imap.max-retry-delay-ms", String.valueOf(MAX_DELAY.toMillis()));
        imap = new ImapMailbox(mail.host(), mail.imapPort());
        log = work.resolve("hub.log");
    }

    @AfterEach
    void stop() throws Exception {
        proxy.close();
        bkn.close();
        mail.close();
    }

    @Test
    void aMessageTheServerCannotServeIsQuarantinedAfterItsAttemptsWithoutALoop() throws Exception {
        proxy.failBodyOf(DSN_ID, ImapFaultProxy.Fault.SERVER_BUG);
        proxy.failBodyOf(UNCLOSED_ID, ImapFaultProxy.Fault.DISCONNECT);
        imap.append(TestHub.REPORT_MAILBOX, "INBOX", OddMailCorpus.bytes(DSN));
        imap.append(TestHub.REPORT_MAILBOX, "INBOX", OddMailCorpus.bytes(UNCLOSED));
        for (int i = 0; i < NIPS.size(); i++) {
            imap.append(TestHub.REPORT_MAILBOX, "INBOX", report(i));
        }

        try (HubProcess hub = HubProcess.start(settings, log)) {
            await(() -> inFolder("Processed").size() == NIPS.size(), "the reports behind the failing messages");
            assertTrue(proxy.refusals(DSN_ID).size() < MAX_READ_FAILURES
                            || proxy.refusals(UNCLOSED_ID).size() < MAX_READ_FAILURES,
                    "the reports did not wait for the failing messages to be given up");
            await(() -> inFolder("Quarantine").size() == 2, "both failing messages quarantined");
            long logBytes = Files.size(log);

            for (String messageId : List.of(DSN_ID, UNCLOSED_ID)) {
                List<Instant> attempts = proxy.refusals(messageId);
                assertEquals(MAX_READ_FAILURES, attempts.size(), messageId + ": read this often, then quarantined unread");
                Duration delay = FIRST_DELAY;
                for (int i = 1; i < attempts.size(); i++) {
                    Duration gap = Duration.between(attempts.get(i - 1), attempts.get(i));
                    assertTrue(gap.compareTo(delay.minus(CLOCK_SLACK)) >= 0,
                            messageId + ": attempt " + (i + 1) + " came " + gap.toMillis() + " ms after the one before");
                    delay = delay.multipliedBy(2).compareTo(MAX_DELAY) > 0 ? MAX_DELAY : delay.multipliedBy(2);
                }
            }
            // A move is a copy, then the original's deletion: the copy may be seen in Quarantine a moment before.
            await(() -> inFolder("INBOX").isEmpty(), "nothing left behind");

            // Quiet afterwards: nothing is tried again, nothing more is logged.
            Thread.sleep(MAX_DELAY.multipliedBy(2).toMillis());
            assertEquals(logBytes, Files.size(log), "the log grew after both messages were quarantined:\n" + tail());
            assertTrue(hub.isAlive());
        }

        List<AuditEvent> rejected = audit().stream()
                .filter(e -> "REJECTED".equals(e.event().name()) && e.detail().containsKey("attempts")).toList();
        assertEquals(2, rejected.size(), rejected.toString());
        for (AuditEvent event : rejected) {
            assertTrue(event.source().startsWith("INBOX;UIDVALIDITY="), event.source());
            assertEquals(event.source(), event.detail().get("uid"));
            assertEquals(MAX_READ_FAILURES, ((Number) event.detail().get("attempts")).intValue());
            assertEquals("Quarantine", event.detail().get("folder"));
            assertTrue(String.valueOf(event.detail().get("alasan"))
                    .startsWith("pesan tidak dapat dimuat setelah " + MAX_READ_FAILURES + " percobaan: "), event.toString());
            // The header could still be fetched: its harmless fields are named, its sender is not.
            assertTrue(String.valueOf(event.detail().get("headers")).contains("From"), event.toString());
            for (String identity : List.of("MAILER-DAEMON@", "dimas.prakoso@", DSN_ID, UNCLOSED_ID, "Dokumen yang diminta")) {
                assertFalse(event.toString().contains(identity), "sender, subject or Message-ID in the trail: " + event);
            }
        }
        String reasons = rejected.stream().map(e -> String.valueOf(e.detail().get("alasan"))).toList().toString();
        assertTrue(reasons.contains("the mail server sent no content for this message"), reasons);
        assertTrue(reasons.contains("FolderClosedException"), reasons);
        assertTrue(rejected.stream().anyMatch(e -> String.valueOf(e.detail().get("headerValues"))
                .contains("Content-Type=multipart/report")), rejected.toString());
        assertTrue(audit().stream().noneMatch(e -> "ACKNOWLEDGED".equals(e.event().name())
                && e.source().startsWith("INBOX;UIDVALIDITY=")), "a message nothing was read of is never answered");
        assertTrue(imap.messages("dimas.prakoso@pelapor.example").isEmpty(), "no reply to its sender");

        // One line per failed attempt and one when quarantined; no stack trace, nothing per poll.
        List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        for (AuditEvent event : rejected) {
            String key = event.source();
            assertEquals(MAX_READ_FAILURES, lines.stream().filter(l -> l.contains("Mail " + key + " FAILED (attempt ")).count(),
                    key + "\n" + tail());
            assertEquals(1, lines.stream().filter(l -> l.contains("Mail " + key + " QUARANTINED unread after "
                    + MAX_READ_FAILURES + " failed attempts")).count(), key);
        }
        assertTrue(lines.stream().noneMatch(l -> l.startsWith("\tat ")), "a stack trace in the log:\n" + tail());
        assertTrue(Files.size(log) < 64 * 1024, "log of " + Files.size(log) + " bytes");
    }

    @Test
    void failedAttemptsAreCountedAcrossARestart() throws Exception {
        proxy.failBodyOf(DSN_ID, ImapFaultProxy.Fault.SERVER_BUG);
        imap.append(TestHub.REPORT_MAILBOX, "INBOX", OddMailCorpus.bytes(DSN));

        try (HubProcess first = HubProcess.start(settings, log)) {
            await(() -> Files.readString(log, StandardCharsets.UTF_8).contains("FAILED (attempt 2 of "), "two failed attempts");
            first.kill();
        }
        assertEquals(2, proxy.refusals(DSN_ID).size());
        try (HubProcess second = HubProcess.start(settings, log)) {
            await(() -> inFolder("Quarantine").size() == 1, "quarantined after the restart");
        }
        assertEquals(MAX_READ_FAILURES, proxy.refusals(DSN_ID).size(), "the restart did not start the count again");
    }

    private List<String> inFolder(String folder) throws Exception {
        return imap.headerValues(TestHub.REPORT_MAILBOX, folder, "Message-ID");
    }

    private List<AuditEvent> audit() throws Exception {
        try (Stream<AuditEvent> events = new AuditLog(Path.of(settings.get("hub.data-dir")).resolve("audit")).events()) {
            return events.toList();
        }
    }

    private void await(CheckedCondition condition, String what) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (!condition.met()) {
            assertTrue(System.nanoTime() < deadline, "timed out: " + what + "\n" + tail());
            Thread.sleep(50);
        }
    }

    private interface CheckedCondition {
        boolean met() throws Exception;
    }

    private String tail() throws java.io.IOException {
        if (!Files.exists(log)) {
            return "(no log)";
        }
        List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }

    private static byte[] report(int i) {
        return ("From: Pelapor " + i + " <pelapor" + i + "@pelapor.example>\nTo: " + TestHub.REPORT_MAILBOX + "\n"
                + "Subject: Laporan " + i + "\nDate: Mon, 21 Oct 2024 10:00:00 +0700\n"
                + "Message-ID: <dibelakang-" + i + "@pelapor.example>\nMIME-Version: 1.0\n"
                + "Content-Type: text/plain; charset=UTF-8\n\nNIP Terlapor: " + NIPS.get(i) + "\n"
                + "Tanggal Kejadian: 2024-10-08\nJenis Pelanggaran: PARTISAN_ACTIVITY\n"
                + "Uraian: Terlapor mengajak warga memilih pasangan calon nomor " + (i + 1) + ".\n")
                .getBytes(StandardCharsets.UTF_8);
    }
}
