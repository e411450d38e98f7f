package netralitas.hub.e2e;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import netralitas.hub.audit.AuditEvent;
import netralitas.hub.state.ParkedCaseTable;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.builder.AdviceWith;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A RINGAN digest is sent once or its cases are parked as "delivery uncertain" (SPEC §11): the cases of a digest the
 * mail server accepted and that was not recorded as sent (its node stopped, or a step after the send failed for good)
 * are not sent again at the next digest run, after a restart too; a digest the server did not take is sent at the next
 * run.
 */
class DigestInDoubtEndToEndTest {

    private static final String LEBONG = "bkpsdm.kab-lebong@pemda.example";

    @Test
    void aDigestAcceptedButNotRecordedAsSentIsParkedAsUncertainAndQueuedAgainOnReplay(@TempDir Path work)
            throws Exception {
        try (TestHub hub = new TestHub(work).start()) {
            AtomicInteger faults = new AtomicInteger();
            AdviceWith.adviceWith(hub.context(), "digest-sent", route -> route.weaveByToString(".*digestQueue.*remove.*")
                    .selectFirst().before().process(exchange -> {
                        if (faults.getAndIncrement() == 0) {
                            throw new IllegalStateException("a bug after the digest was accepted (injected)");
                        }
                    }));
            queueTwoRinganCases(hub);

            assertThrows(CamelExecutionException.class, () -> flush(hub), "the digest run fails after the send");
            assertEquals(1, hub.imap().messages(LEBONG).size(), "the digest reached the office");
            String messageId = hub.imap().messages(LEBONG).get(0).getMessageID();
            assertEquals(0, count(hub, "DIGEST_SENT"), "not recorded as sent");

            // The hub stops and starts again before the next digest run: the marks are in the store.
            hub.stopHub();
            hub.start();
            flush(hub);

            assertEquals(1, hub.imap().messages(LEBONG).size(), "not sent again");
            List<AuditEvent> parked = hub.audit().stream().filter(e -> "DEAD_LETTERED".equals(e.event().name())).toList();
            assertEquals(2, parked.size(), "both cases parked: " + hub.audit());
            ParkedCaseTable parkedCases = hub.context().getRegistry().lookupByNameAndType("parkedCases",
                    ParkedCaseTable.class);
            for (ParkedCaseTable.ParkedCase row : parkedCases.list(ParkedCaseTable.Kind.DEAD_LETTER)) {
                assertTrue(row.reason().startsWith("delivery uncertain") && row.reason().contains(messageId),
                        row.reason());
            }

            // The operator found that the digest did not arrive after all: the cases go out in the next digest.
            for (AuditEvent event : parked) {
                assertTrue(parkedCases.requestReplay(event.caseId()));
            }
            awaitCount(hub, "DIGEST_QUEUED", 4);
            hub.flushDigest(2);

            List<MimeMessage> mails = hub.imap().messages(LEBONG);
            assertEquals(2, mails.size(), "the replayed cases in a digest of their own");
            assertEquals(2, count(hub, "DIGEST_SENT"));
            assertEquals(List.of(), parkedCases.list(ParkedCaseTable.Kind.DEAD_LETTER));
        }
    }

    @Test
    void aDigestTheMailServerDidNotTakeIsSentAtTheNextRun(@TempDir Path work) throws Exception {
        try (TestHub hub = new TestHub(work).start()) {
            AtomicInteger faults = new AtomicInteger();
            AdviceWith.adviceWith(hub.context(), "digest-send", route -> route.weaveByToString(".*smtp-send.*")
                    .selectFirst().before().process(exchange -> {
                        if (faults.getAndIncrement() == 0) {
                            throw new MessagingException("the mail server is away (injected)");
                        }
                    }));
            queueTwoRinganCases(hub);

            assertThrows(CamelExecutionException.class, () -> flush(hub));
            assertEquals(0, hub.imap().messages(LEBONG).size());

            hub.flushDigest(2);

            assertEquals(1, hub.imap().messages(LEBONG).size(), "sent at the next run");
            assertEquals(0, count(hub, "DEAD_LETTERED"), "nothing in doubt");
        }
    }

    private static void queueTwoRinganCases(TestHub hub) throws Exception {
        hub.dropAndAwait("pagi.csv", "nip_terlapor;tanggal_kejadian;jenis_pelanggaran;uraian\n"
                + "199107142022212005;2024-10-03;CAMPAIGN_EVENT;Ikut acara pengenalan bakal calon\n");
        hub.dropAndAwait("siang.csv", "nip;nama;wilayah;tanggal;jenis_pelanggaran;uraian\n"
                + ";Rahmat Hidayat;Kab. Lebong;2024-10-04;CAMPAIGN_EVENT;Ikut sosialisasi bakal calon di balai desa\n");
        assertEquals(2, count(hub, "DIGEST_QUEUED"));
    }

    private static void flush(TestHub hub) {
        hub.context().createProducerTemplate().sendBody("direct:digest-flush", null);
    }

    private static long count(TestHub hub, String event) throws Exception {
        return hub.audit().stream().filter(e -> event.equals(e.event().name())).count();
    }

    private static void awaitCount(TestHub hub, String event, long expected) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (count(hub, event) < expected) {
            assertTrue(System.nanoTime() < deadline, "no " + expected + " " + event);
            Thread.sleep(50);
        }
    }
}
