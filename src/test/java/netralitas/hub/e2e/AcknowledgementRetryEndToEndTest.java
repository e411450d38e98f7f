package netralitas.hub.e2e;

import jakarta.mail.internet.MimeMessage;
import netralitas.hub.audit.AuditEvent;
import netralitas.hub.embedded.BknSimulator;
import netralitas.hub.state.PendingAcknowledgementTable;
import netralitas.hub.state.PendingAcknowledgementTable.PendingAcknowledgement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The mail relay is down while reports arrive whose handling needs no mail of its own (a RINGAN report queued for its
 * digest, a report quarantined for an invalid NIP): before, their reporters never heard back. Now each acknowledgement
 * waits in the state store, is tried again with growing delays (never in a loop), survives a restart of the hub, and
 * reaches its reporter once the relay is back: once, as it was composed, threaded to the report.
 */
class AcknowledgementRetryEndToEndTest {

    private static final String DIGEST_REPORT = "<ringan-relay-mati@pelapor.example>";
    private static final String QUARANTINED_REPORT = "<nip-salah-relay-mati@pelapor.example>";
    private static final String FAJAR = "fajar.pelapor@pelapor.example";
    private static final String DEWI = "dewi.pelapor@pelapor.example";

    @Test
    void acknowledgementsWaitForTheRelayAcrossARestartAndArriveOnce(@TempDir Path work) throws Exception {
        try (TestHub hub = new TestHub(work, BknSimulator.withRecords(TestHub.PROJECT.resolve("config/dev/bkn-records.json"),
                0, TestHub.CONSUMER_KEY, TestHub.CONSUMER_SECRET), true)) {
            hub.settings.put("hub.mail.ack-retry-delay-ms", "300");
            hub.settings.put("hub.mail.ack-max-retry-delay-ms", "1000");
            hub.smtp.refuseConnections();
            hub.start();
            ImapMailbox imap = hub.imap();
            imap.append(TestHub.REPORT_MAILBOX, "INBOX", mail("Fajar <" + FAJAR + ">", DIGEST_REPORT,
                    report("198712052011011003", "Fajar Nugroho", "CAMPAIGN_EVENT")));
            // Month 13: it looks like a report, is quarantined, and its reporter is told why.
            imap.append(TestHub.REPORT_MAILBOX, "INBOX", mail("Dewi <" + DEWI + ">", QUARANTINED_REPORT,
                    report("197803122003131004", "Arif Wicaksono", "PARTISAN_ACTIVITY")));

            await(() -> deferred(hub, DIGEST_REPORT) && deferred(hub, QUARANTINED_REPORT), "both acknowledgements kept");
            assertTrue(hub.eventsOf(DIGEST_REPORT).stream().anyMatch(e -> "DIGEST_QUEUED".equals(e.event().name())));
            assertTrue(hub.eventsOf(QUARANTINED_REPORT).stream().anyMatch(e -> "REJECTED".equals(e.event().name())));
            Thread.sleep(3_000);
            // Delays of 0.3, 0.6, 1 s, 1 s …: a handful of tries in 3 s, not a loop.
            List<PendingAcknowledgement> waiting = pending(hub).list();
            assertEquals(2, waiting.size(), waiting.toString());
            for (PendingAcknowledgement ack : waiting) {
                assertTrue(ack.attempts() >= 2 && ack.attempts() <= 8, ack.messageId() + " tried " + ack.attempts() + " times");
            }

            hub.stopHub();
            hub.smtp.acceptConnections();
            hub.start();

            await(() -> acknowledged(hub, DIGEST_REPORT) && acknowledged(hub, QUARANTINED_REPORT),
                    "both acknowledged after the restart");
            await(() -> pending(hub).list().isEmpty(), "nothing left waiting (recorded first, then the row goes)");
            assertOneAcknowledgement(imap, FAJAR, DIGEST_REPORT, "rekap harian");
            assertOneAcknowledgement(imap, DEWI, QUARANTINED_REPORT, "NIP");
            Thread.sleep(1_000);
            assertEquals(1, imap.messages(FAJAR).size(), "sent once");
            assertEquals(1, imap.messages(DEWI).size(), "sent once");
            for (String report : List.of(DIGEST_REPORT, QUARANTINED_REPORT)) {
                AuditEvent acknowledged = hub.eventsOf(report).stream()
                        .filter(e -> "ACKNOWLEDGED".equals(e.event().name())).findFirst().orElseThrow();
                assertTrue(((Number) acknowledged.detail().get("attempts")).intValue() >= 3, acknowledged.toString());
                assertEquals(1, hub.eventsOf(report).stream().filter(e -> "ACKNOWLEDGED".equals(e.event().name())).count());
            }
        }
    }

    private static void assertOneAcknowledgement(ImapMailbox imap, String reporter, String report, String text)
            throws Exception {
        List<MimeMessage> received = imap.messages(reporter);
        assertEquals(1, received.size(), reporter);
        MimeMessage ack = received.get(0);
        assertEquals(report, ack.getHeader("In-Reply-To", null));
        assertEquals("auto-replied", ack.getHeader("Auto-Submitted", null));
        assertTrue(ack.isMimeType("text/plain"), ack.getContentType());
        assertTrue(String.valueOf(ack.getContent()).contains(text), String.valueOf(ack.getContent()));
    }

    private static PendingAcknowledgementTable pending(TestHub hub) {
        return hub.context().getRegistry().lookupByNameAndType("pendingAcknowledgements",
                PendingAcknowledgementTable.class);
    }

    private static boolean deferred(TestHub hub, String report) throws Exception {
        return hub.eventsOf(report).stream().anyMatch(e -> "NOTE".equals(e.event().name())
                && "ditunda".equals(e.detail().get("tandaTerima")));
    }

    private static boolean acknowledged(TestHub hub, String report) throws Exception {
        return hub.eventsOf(report).stream().anyMatch(e -> "ACKNOWLEDGED".equals(e.event().name()));
    }

    private static void await(Callable<Boolean> condition, String what) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!condition.call()) {
            assertTrue(System.nanoTime() < deadline, "timed out: " + what);
            Thread.sleep(100);
        }
    }

    private static String report(String nip, String name, String category) {
        return "NIP Terlapor: " + nip + "\nNama Terlapor: " + name + "\nWilayah: Kab. Kepahiang"
                + "\nTanggal Kejadian: 20/10/2024\nJenis Pelanggaran: " + category
                + "\nUraian: Terlapor terlihat dalam kegiatan pasangan calon pada hari kerja.\n";
    }

    private static byte[] mail(String from, String messageId, String body) {
        return ("From: " + from + "\nTo: " + TestHub.REPORT_MAILBOX + "\nSubject: Laporan ASN\n"
                + "Date: Mon, 21 Oct 2024 10:00:00 +0700\nMessage-ID: " + messageId + "\n"
                + "MIME-Version: 1.0\nContent-Type: text/plain; charset=UTF-8\nContent-Transfer-Encoding: 8bit\n\n" + body)
                .getBytes(StandardCharsets.UTF_8);
    }
}
