package netralitas.hub.e2e;

import netralitas.hub.audit.AuditEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The mail server refuses to move a handled message to the processed folder (here a name it refuses, as Dovecot with
 * a cPanel-style namespace refuses "Processed" without its "INBOX." prefix). Camel's consumer only logs that, and the
 * message stayed in INBOX as if new: read again at once, over and over (against Dovecot, 1,657 times in 20 seconds, a
 * DUPLICATE in the trail and an acknowledgement to the reporter each time, until the daily cap). Now it is handled
 * once and held back; on its turn it is moved again, not read again.
 */
class MailMoveRefusedEndToEndTest {

    private static final String REPORTER = "pelapor.pindah@pelapor.example";

    @Test
    void aMessageWhoseMoveIsRefusedIsHandledOnceAndNotReadAgain(@TempDir Path work) throws Exception {
        try (TestHub hub = new TestHub(work)) {
            // GreenMail refuses a folder of a namespace it does not have (it drops the connection).
            hub.settings.put("hub.imap.processed-folder", "#news.Diproses");
            hub.start();
            hub.imap().append(TestHub.REPORT_MAILBOX, "INBOX", report());
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (count(hub, "DELIVERED") == 0 || hub.imap().messages(REPORTER).isEmpty()) {
                assertTrue(System.nanoTime() < deadline, "the report was not delivered: " + hub.audit());
                Thread.sleep(100);
            }
            // Long enough for hundreds of readings before, and for the held message's next turns (from 300 ms,
            // doubling to 2 s) now.
            Thread.sleep(5_000);

            assertEquals(1, count(hub, "RECEIVED"), "read once: " + names(hub));
            assertEquals(0, count(hub, "DUPLICATE"), names(hub).toString());
            assertEquals(1, hub.imap().messages(REPORTER).size(), "one acknowledgement");
            assertEquals(1, hub.imap().messages(TestHub.REPORT_MAILBOX, "INBOX").size(),
                    "still in INBOX, where the server keeps it");
        }
    }

    private static long count(TestHub hub, String event) throws IOException {
        return hub.audit().stream().filter(e -> event.equals(e.event().name())).count();
    }

    private static List<String> names(TestHub hub) throws IOException {
        return hub.audit().stream().map(AuditEvent::event).map(Enum::name).toList();
    }

    private static byte[] report() {
        return ("From: Pelapor <" + REPORTER + ">\r\nTo: " + TestHub.REPORT_MAILBOX + "\r\n"
                + "Subject: Laporan ASN\r\nDate: Fri, 11 Oct 2024 08:15:00 +0700\r\n"
                + "Message-ID: <lap-pindah@pelapor.example>\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: text/plain; charset=UTF-8\r\n\r\n"
                + "NIP Terlapor: 197803122003121004\r\nNama Terlapor: Arif Wicaksono\r\nWilayah: Kab. Kepahiang\r\n"
                + "Tanggal Kejadian: 2024-10-10\r\nJenis Pelanggaran: ATTEND_ACTIVE\r\n"
                + "Uraian: Terlapor memberikan sambutan pada deklarasi pasangan calon bupati.\r\n")
                .getBytes(StandardCharsets.UTF_8);
    }
}
