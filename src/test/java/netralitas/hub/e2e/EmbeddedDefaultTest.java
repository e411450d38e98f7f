package netralitas.hub.e2e;

import netralitas.hub.app.Hub;
import netralitas.hub.audit.AuditEvent;
import netralitas.hub.audit.AuditLog;
import netralitas.hub.embedded.EmbeddedServers;
import netralitas.hub.testing.FolderCopy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The README's run command in-process: embedded mail server and BKN simulator, the sample reports of config/dev
 * dropped in, each one ending in the inbox config/dev/README.md says it should (or closed).
 */
class EmbeddedDefaultTest {

    /** The test JVM runs in the project folder: a hub home elsewhere must not use the project's data/ folder. */
    @Test
    void relativeFoldersMeanTheHubHomeNotTheWorkingDirectory(@TempDir Path work) throws Exception {
        Path home = FolderCopy.hubHome(work.resolve("home"));
        Hub hub = Hub.create(home, Map.of(
                "hub.embedded.smtp-port", "0",
                "hub.embedded.imap-port", "0",
                "hub.embedded.bkn-port", "0",
                "hub.management.port", String.valueOf(TestHub.freePort()),
                "hub.csv.read-lock-min-age-ms", "100"));
        hub.start();
        try {
            Path done = home.resolve("data/drop/done");
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!Files.isDirectory(done) || Files.list(done).noneMatch(f -> f.getFileName().toString().startsWith("laporan-contoh"))) {
                assertTrue(System.nanoTime() < deadline, "the sample file in " + home + "/data/drop was not processed");
                Thread.sleep(100);
            }
            assertTrue(Files.isDirectory(home.resolve("data/audit")), "the audit trail is under the home's data/");
        } finally {
            hub.stop();
        }
    }

    @Test
    void everySampleReportReachesItsExpectedInbox(@TempDir Path work) throws Exception {
        Path drop = work.resolve("drop");
        Hub hub = Hub.create(TestHub.PROJECT, Map.of(
                "hub.embedded", "true",
                "hub.embedded.smtp-port", "0",
                "hub.embedded.imap-port", "0",
                "hub.embedded.bkn-port", "0",
                "hub.management.port", String.valueOf(TestHub.freePort()),
                "hub.embedded.digest-cron", "0 0 7 1 1 ? 2099",
                "hub.data-dir", work.resolve("data").toString(),
                "hub.csv.drop-dir", drop.toString(),
                "hub.csv.read-lock-min-age-ms", "100"));
        hub.start();
        try {
            Path sample = drop.resolve("laporan-contoh.csv");
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (Files.exists(sample)) {
                assertTrue(System.nanoTime() < deadline, "the sample file was not processed within a minute");
                Thread.sleep(100);
            }
            hub.camelContext().createProducerTemplate().sendBody("direct:digest-flush", null);
            EmbeddedServers servers = hub.camelContext().getRegistry().lookupByNameAndType("embeddedServers", EmbeddedServers.class);
            ImapMailbox imap = new ImapMailbox(servers.mail().host(), servers.mail().imapPort());

            // The three sample emails: two forwarded (Arif with his attachments, Rizky by free text), one quarantined.
            String reports = "laporan@bawaslu.example";
            while (imap.messageIds(reports, "Processed").size() + imap.messageIds(reports, "Quarantine").size() < 3) {
                assertTrue(System.nanoTime() < deadline, "the sample emails were not handled within a minute");
                Thread.sleep(100);
            }
            assertEquals(List.of("<lap-21-eko@pelapor.example>"), imap.messageIds(reports, "Quarantine"));
            imap.awaitEmpty(reports, "INBOX", deadline);

            assertSubjects(imap, "bkpsdm.kab-kepahiang@pemda.example", "197803122003121004", "198712052011011003",
                    "197803122003121004");
            assertSubjects(imap, "bkpsdm.kab-lebong@pemda.example", "198505172010012007", "196910201995031002");
            assertSubjects(imap, "bkpsdm.kota-cilegon@pemda.example", "199003222015031002", "199003222015031002");
            assertSubjects(imap, "bkpsdm.kab-bungo@pemda.example", "198208092006041003", "198811232014022003");
            assertSubjects(imap, "bkpsdm.kota-bengkulu@pemda.example", "197406151998031005");
            assertSubjects(imap, "asn-instansi-pusat@bawaslu.example", "198603042009121001");
            assertSubjects(imap, "bawaslu.kab-bungo@bawaslu.example", "tanpa NIP");
            assertSubjects(imap, "triase@bawaslu.example", "tanpa NIP");
            awaitDigest(imap, "bkpsdm.kab-lebong@pemda.example", deadline);
            assertTrue(servers.mail().subjectsByRecipient().values().stream().flatMap(List::stream)
                    .noneMatch(s -> s.contains("198911252014022001")), "passive attendance is closed, not sent");
        } finally {
            hub.stop();
        }
    }

    /** With hub.embedded.followup-mailbox the demo offices answer to a reply mailbox of its own, which the hub reads. */
    @Test
    void theDemoOfficesCanAnswerToAReplyMailbox(@TempDir Path work) throws Exception {
        Hub hub = Hub.create(TestHub.PROJECT, Map.of(
                "hub.embedded", "true",
                "hub.embedded.smtp-port", "0",
                "hub.embedded.imap-port", "0",
                "hub.embedded.bkn-port", "0",
                "hub.embedded.followup-mailbox", "true",
                "hub.embedded.answer-delay", "PT1S",
                "hub.imap.poll-delay-ms", "300",
                "hub.management.port", String.valueOf(TestHub.freePort()),
                "hub.data-dir", work.resolve("data").toString(),
                "hub.csv.drop-dir", work.resolve("drop").toString()));
        hub.start();
        try {
            EmbeddedServers servers = hub.camelContext().getRegistry().lookupByNameAndType("embeddedServers", EmbeddedServers.class);
            ImapMailbox imap = new ImapMailbox(servers.mail().host(), servers.mail().imapPort());
            String replies = "tindak-lanjut@bawaslu.example";
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
            List<AuditEvent> answers;
            while ((answers = followUps(work)).size() < 2) {
                assertTrue(System.nanoTime() < deadline, "the demo offices' answers were not recorded: " + answers);
                Thread.sleep(200);
            }
            assertTrue(answers.stream().allMatch(e -> e.source().contains(";mailbox=followup;")), answers.toString());
            assertTrue(answers.stream().anyMatch(e -> "SELESAI".equals(e.detail().get("status"))), answers.toString());
            // FOLLOW_UP is written inside the route; the IMAP consumer moves the message once the exchange completes.
            while (imap.messageIds(replies, "Processed").size() < 2) {
                assertTrue(System.nanoTime() < deadline, "the answers were not moved to Processed");
                Thread.sleep(100);
            }
            assertTrue(imap.messageIds(replies, "Quarantine").isEmpty());
            assertTrue(imap.messages("bkpsdm.kab-kepahiang@pemda.example").stream().allMatch(m -> {
                try {
                    return m.getReplyTo()[0].toString().equals(replies);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }), "every case mail asks for the answer there");
        } finally {
            hub.stop();
        }
    }

    private static List<AuditEvent> followUps(Path work) throws Exception {
        if (!Files.isDirectory(work.resolve("data/audit"))) {
            return List.of();
        }
        try (Stream<AuditEvent> events = new AuditLog(work.resolve("data/audit")).events()) {
            return events.filter(e -> "FOLLOW_UP".equals(e.event().name())).toList();
        }
    }

    private static void assertSubjects(ImapMailbox imap, String mailbox, String... subjectParts) throws Exception {
        List<String> subjects = imap.messages(mailbox).stream().map(m -> {
            try {
                return m.getSubject();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).filter(s -> !s.contains("Rekap harian")).toList();
        assertEquals(subjectParts.length, subjects.size(), mailbox + ": " + subjects);
        for (String part : subjectParts) {
            assertTrue(subjects.stream().anyMatch(s -> s.contains(part)), mailbox + " lacks " + part + ": " + subjects);
        }
    }

    private static void awaitDigest(ImapMailbox imap, String mailbox, long deadline) throws Exception {
        while (imap.messages(mailbox).stream().noneMatch(m -> {
            try {
                return m.getSubject().contains("Rekap harian") && m.getSubject().contains("1 kasus");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        })) {
            assertTrue(System.nanoTime() < deadline, "no RINGAN digest in " + mailbox);
            Thread.sleep(100);
        }
    }
}
