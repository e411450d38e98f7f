package netralitas.hub.e2e;

import jakarta.mail.internet.MimeMessage;
import netralitas.hub.audit.AuditEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * BKN is down while reports arrive by email: the report that needs BKN stays in the mailbox, held back with growing
 * delays (no tight retry loop), the messages behind it go on, and once BKN is back it is delivered exactly once.
 */
class MailOutageEndToEndTest {

    private TestHub hub;
    private ImapMailbox imap;

    @BeforeEach
    void start(@TempDir Path work) throws Exception {
        hub = new TestHub(work).start();
        imap = hub.imap();
    }

    @AfterEach
    void stop() {
        hub.close();
    }

    @Test
    void aReportWaitingForBknNeitherBlocksNorLoopsAndIsDeliveredOnceWhenBknIsBack() throws Exception {
        hub.bkn.setDown(true);
        imap.append(TestHub.REPORT_MAILBOX, "INBOX", report("<tunggu-bkn@pelapor.example>",
                "NIP Terlapor: 197803122003121004\nJenis Pelanggaran: PARTISAN_ACTIVITY\n"));
        // Behind it: a village head without NIP, which needs no BKN.
        imap.append(TestHub.REPORT_MAILBOX, "INBOX", report("<kades@pelapor.example>",
                "Nama Terlapor: Kepala Desa Sukamaju\nJenis Terlapor: KEPALA_DESA\nWilayah: Kabupaten Bungo\n"
                        + "Jenis Pelanggaran: BANNER\n"));

        await(() -> filed("<kades@pelapor.example>"), "the message behind the held one is handled");
        assertTrue(imap.messageIds(TestHub.REPORT_MAILBOX, "INBOX").contains("<tunggu-bkn@pelapor.example>"),
                "the held message stays in the inbox");
        await(() -> deferrals() >= 2, "held again after its delay");
        Thread.sleep(2_500);
        // Delays of 0.3, 0.6, 1.2, 2 s (hub.imap.retry-delay-ms … max-retry-delay-ms in TestHub): a handful, not a loop.
        long deferred = deferrals();
        assertTrue(deferred <= 6, "retried " + deferred + " times in about 3 s");
        assertTrue(hub.audit().stream().noneMatch(e -> "DELIVERED".equals(e.event().name())
                && TestHub.fromMessage(e, "<tunggu-bkn@pelapor.example>")));

        hub.bkn.setDown(false);
        await(() -> filed("<tunggu-bkn@pelapor.example>"), "delivered once BKN is back");
        List<AuditEvent> trail = hub.audit().stream().filter(e -> TestHub.fromMessage(e, "<tunggu-bkn@pelapor.example>"))
                .toList();
        assertEquals(1, trail.stream().filter(e -> "DELIVERED".equals(e.event().name())).count());
        AuditEvent deferral = trail.stream().filter(e -> "ENRICH_DEFERRED".equals(e.event().name())).findFirst().orElseThrow();
        assertTrue(String.valueOf(deferral.detail().get("heldUntil")).startsWith("20"), deferral.detail().toString());
        String caseId = deferral.caseId();
        List<MimeMessage> inOffice = imap.messages("bkpsdm.kab-kepahiang@pemda.example").stream()
                .filter(m -> caseId.equals(header(m))).toList();
        assertEquals(1, inOffice.size(), "one email in the office");
    }

    private long deferrals() throws Exception {
        return hub.audit().stream().filter(e -> "ENRICH_DEFERRED".equals(e.event().name())).count();
    }

    private boolean filed(String messageId) {
        try {
            return imap.messageIds(TestHub.REPORT_MAILBOX, "Processed").contains(messageId);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void await(CheckedCondition condition, String what) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!condition.met()) {
            assertTrue(System.nanoTime() < deadline, "timed out: " + what);
            Thread.sleep(50);
        }
    }

    private interface CheckedCondition {
        boolean met() throws Exception;
    }

    private static byte[] report(String messageId, String fields) {
        return ("From: Pelapor <pelapor@pelapor.example>\nTo: " + TestHub.REPORT_MAILBOX + "\nSubject: Laporan\n"
                + "Date: Mon, 21 Oct 2024 10:00:00 +0700\nMessage-ID: " + messageId + "\nMIME-Version: 1.0\n"
                + "Content-Type: text/plain; charset=UTF-8\n\n" + fields + "Tanggal Kejadian: 2024-10-08\n"
                + "Uraian: Memasang baliho dan mengajak memilih pasangan calon.\n").getBytes(StandardCharsets.UTF_8);
    }

    private static String header(MimeMessage message) {
        try {
            return message.getHeader("X-Netralitas-Case-Id", null);
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
