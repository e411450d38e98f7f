package netralitas.hub.e2e;

import jakarta.mail.Flags;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A report already marked read (\Seen) in the report mailbox: a person at Bawaslu opened it in a mail client before the
 * hub polled, or a hub was killed between Camel's \Seen and the move to Processed. The hub handles and files it like
 * any other message: it files every message it handles, so the flag means nothing to it, and skipping it would leave
 * the report in INBOX, never forwarded (ClusterEndToEndTest once waited in vain for such a message).
 */
class ReadReportEndToEndTest {

    @Test
    void aReportSomeoneHasReadIsHandledAndFiled(@TempDir Path work) throws Exception {
        try (TestHub hub = new TestHub(work).start()) {
            ImapMailbox imap = hub.imap();
            imap.append(TestHub.REPORT_MAILBOX, "INBOX", report("<sudah-dibaca@pelapor.example>"),
                    new Flags(Flags.Flag.SEEN));

            hub.awaitEvent("DELIVERED", 1);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (imap.messageIds(TestHub.REPORT_MAILBOX, "Processed").isEmpty()) {
                assertTrue(System.nanoTime() < deadline, "the report read before the hub was not filed");
                Thread.sleep(100);
            }
            imap.awaitEmpty(TestHub.REPORT_MAILBOX, "INBOX", deadline);

            assertEquals(List.of("<sudah-dibaca@pelapor.example>"), imap.messageIds(TestHub.REPORT_MAILBOX, "Processed"));
            assertTrue(hub.eventsOf("<sudah-dibaca@pelapor.example>").stream()
                    .anyMatch(e -> "DELIVERED".equals(e.event().name())), "forwarded");
        }
    }

    private static byte[] report(String messageId) {
        return ("From: Penguji <penguji@pelapor.example>\nTo: " + TestHub.REPORT_MAILBOX + "\nSubject: Laporan\n"
                + "Date: Thu, 28 Nov 2024 10:00:00 +0700\nMessage-ID: " + messageId + "\nMIME-Version: 1.0\n"
                + "Content-Type: text/plain; charset=UTF-8\n\n"
                + "NIP Terlapor: 197803122003121004\nTanggal Kejadian: 2024-11-08\nJenis Pelanggaran: PARTISAN_ACTIVITY\n"
                + "Uraian: Terlapor mengajak warga memilih pasangan calon nomor 1.\n").getBytes(StandardCharsets.UTF_8);
    }
}
