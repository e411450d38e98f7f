package netralitas.hub.e2e;

import netralitas.hub.audit.AuditEvent;
import netralitas.hub.inbox.InboundMail;
import org.apache.camel.builder.AdviceWith;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The hub's own step breaks on one message, every time (SPEC §3.2: the route's own failures are treated like the mail
 * library's): here recording its rejection fails, as it would with the audit disk full, so even the route's own
 * "quarantine on any other error" cannot file it. The fault is injected into route quarantine-mail for that message
 * only. The message must be tried hub.imap.max-read-failures times with growing delays, then quarantined unread; the
 * messages behind it, rejected ones included, go on.
 */
class MailRouteFailureEndToEndTest {

    private static final String VICTIM = "<rusak-di-rute@pelapor.example>";
    private static final int MAX_READ_FAILURES = 3;

    private TestHub hub;
    private ImapMailbox imap;
    private final AtomicInteger faults = new AtomicInteger();

    @BeforeEach
    void start(@TempDir Path work) throws Exception {
        hub = new TestHub(work);
        hub.settings.put("hub.imap.max-read-failures", String.valueOf(MAX_READ_FAILURES));
        hub.start();
        AdviceWith.adviceWith(hub.context(), "quarantine-mail", route -> route.weaveAddFirst().process(exchange -> {
            InboundMail mail = exchange.getProperty("hubMail", InboundMail.class);
            if (mail != null && VICTIM.equals(mail.sourceId())) {
                faults.incrementAndGet();
                throw new IllegalStateException("audit trail not writable (injected)");
            }
        }));
        imap = hub.imap();
    }

    @AfterEach
    void stop() {
        hub.close();
    }

    @Test
    void aMessageTheHubAlwaysBreaksOnIsTriedBoundedlyThenQuarantinedUnread() throws Exception {
        imap.append(TestHub.REPORT_MAILBOX, "INBOX", message(VICTIM, "tanpa isi laporan"));
        imap.append(TestHub.REPORT_MAILBOX, "INBOX", message("<juga-ditolak@pelapor.example>", "juga tanpa isi laporan"));
        imap.append(TestHub.REPORT_MAILBOX, "INBOX", message("<laporan-sah@pelapor.example>",
                "NIP Terlapor: 197803122003121004\nTanggal Kejadian: 2024-11-08\nJenis Pelanggaran: PARTISAN_ACTIVITY\n"
                        + "Uraian: Terlapor mengajak warga memilih pasangan calon nomor 1.\n"));

        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (imap.headerValues(TestHub.REPORT_MAILBOX, "Quarantine", "Message-ID").size() < 2
                || imap.headerValues(TestHub.REPORT_MAILBOX, "Processed", "Message-ID").size() < 1) {
            assertTrue(System.nanoTime() < deadline, "not filed: " + hub.audit());
            Thread.sleep(50);
        }
        imap.awaitEmpty(TestHub.REPORT_MAILBOX, "INBOX", deadline);

        // Each attempt reaches quarantine-mail twice: once as a rejection, once from the route's catch-all.
        assertEquals(2 * MAX_READ_FAILURES, faults.get(), "attempts, then quarantined without another one");
        List<AuditEvent> unloadable = hub.audit().stream()
                .filter(e -> "REJECTED".equals(e.event().name()) && e.detail().containsKey("attempts")).toList();
        assertEquals(1, unloadable.size(), unloadable.toString());
        assertTrue(String.valueOf(unloadable.get(0).detail().get("alasan")).endsWith(
                "percobaan: IllegalStateException: audit trail not writable (injected)"), unloadable.toString());
        assertTrue(hub.audit().stream().anyMatch(e -> "REJECTED".equals(e.event().name())
                && TestHub.fromMessage(e, "<juga-ditolak@pelapor.example>")), "the rejection behind it went on");
        assertTrue(hub.audit().stream().anyMatch(e -> "DELIVERED".equals(e.event().name())
                && TestHub.fromMessage(e, "<laporan-sah@pelapor.example>")), "the report behind it was delivered");
    }

    private static byte[] message(String messageId, String body) {
        return ("From: Penguji <penguji@pelapor.example>\nTo: " + TestHub.REPORT_MAILBOX + "\nSubject: Laporan\n"
                + "Date: Thu, 28 Nov 2024 10:00:00 +0700\nMessage-ID: " + messageId + "\nMIME-Version: 1.0\n"
                + "Content-Type: text/plain; charset=UTF-8\n\n" + body + "\n").getBytes(StandardCharsets.UTF_8);
    }
}
