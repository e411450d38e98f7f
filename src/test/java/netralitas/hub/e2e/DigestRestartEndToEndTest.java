package netralitas.hub.e2e;

import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** RINGAN cases queued before a restart go out in one digest after it, once. */
class DigestRestartEndToEndTest {

    private static final String LEBONG = "bkpsdm.kab-lebong@pemda.example";

    @Test
    void theDigestSurvivesARestartAndIsSentOnceWithAllItsCases(@TempDir Path work) throws Exception {
        try (TestHub hub = new TestHub(work).start()) {
            hub.dropAndAwait("pagi.csv", "nip_terlapor;tanggal_kejadian;jenis_pelanggaran;uraian\n"
                    + "199107142022212005;2024-10-03;CAMPAIGN_EVENT;Ikut acara pengenalan bakal calon\n");
            hub.stopHub();
            hub.start();
            hub.dropAndAwait("siang.csv", "nip;nama;wilayah;tanggal;jenis_pelanggaran;uraian\n"
                    + ";Rahmat Hidayat;Kab. Lebong;2024-10-04;CAMPAIGN_EVENT;Ikut sosialisasi bakal calon di balai desa\n");
            assertTrue(hub.imap().messages(LEBONG).isEmpty(), "nothing before the digest time");

            hub.flushDigest(2);
            hub.flushDigest(2);

            List<MimeMessage> mails = hub.imap().messages(LEBONG);
            assertEquals(1, mails.size(), "one digest");
            MailText text = MailText.of(mails.get(0));
            assertTrue(text.plain().contains("199107142022212005"), "the case from before the restart");
            assertTrue(text.plain().contains("Rahmat Hidayat"), "the case from after the restart");
            assertEquals(2, hub.audit().stream().filter(e -> "DIGEST_SENT".equals(e.event().name())).count());
        }
    }
}
