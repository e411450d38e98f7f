package netralitas.hub.e2e;

import netralitas.hub.audit.AuditEvent;
import netralitas.hub.state.FollowUpTable;
import org.apache.camel.builder.AdviceWith;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.SQLTransientConnectionException;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The state store stops answering for a moment right after the mail server accepted a digest (SPEC §11: each case
 * delivered once): the step is tried again once the store answers, the digest is not sent again, its cases leave the
 * queue and their follow-up starts.
 */
class DigestStoreFaultEndToEndTest {

    private static final String LEBONG = "bkpsdm.kab-lebong@pemda.example";

    @Test
    void aStoreFaultAfterTheDigestWasAcceptedSendsItOnce(@TempDir Path work) throws Exception {
        try (TestHub hub = new TestHub(work)) {
            hub.settings.put("hub.state.redelivery-delay-ms", "50");
            hub.start();
            AtomicInteger faults = new AtomicInteger();
            AdviceWith.adviceWith(hub.context(), "digest-sent", route -> route.weaveByToString(".*digestQueue.*remove.*")
                    .selectFirst().before().process(exchange -> {
                        if (faults.getAndIncrement() == 0) {
                            throw new SQLTransientConnectionException("the state store went away (injected)", "08006");
                        }
                    }));
            hub.dropAndAwait("pagi.csv", "nip_terlapor;tanggal_kejadian;jenis_pelanggaran;uraian\n"
                    + "199107142022212005;2024-10-03;CAMPAIGN_EVENT;Ikut acara pengenalan bakal calon\n");
            hub.dropAndAwait("siang.csv", "nip;nama;wilayah;tanggal;jenis_pelanggaran;uraian\n"
                    + ";Rahmat Hidayat;Kab. Lebong;2024-10-04;CAMPAIGN_EVENT;Ikut sosialisasi bakal calon di balai desa\n");

            hub.flushDigest(2);
            hub.flushDigest(2);

            assertEquals(2, faults.get(), "the removal failed once and was tried again");
            assertEquals(1, hub.imap().messages(LEBONG).size(), "one digest");
            assertEquals(2, hub.audit().stream().filter(e -> "DIGEST_SENT".equals(e.event().name())).count());
            FollowUpTable followUps = hub.context().getRegistry().lookupByNameAndType("followUpTable",
                    FollowUpTable.class);
            for (String caseId : hub.audit().stream().filter(e -> "DIGEST_SENT".equals(e.event().name()))
                    .map(AuditEvent::caseId).toList()) {
                assertTrue(followUps.find(caseId).isPresent(), "the follow-up of " + caseId + " started");
            }
        }
    }
}
