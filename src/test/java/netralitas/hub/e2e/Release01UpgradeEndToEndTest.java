package netralitas.hub.e2e;

import jakarta.mail.internet.MimeMessage;
import netralitas.hub.audit.AuditEvent;
import netralitas.hub.testing.FolderCopy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The hub started on the data/ release 0.1 left (src/test/resources/upgrade/release-0.1, see its README.md): the two
 * cases it queued for a digest go out in their regions' digests, and the case it was sending when it was killed is,
 * when its report comes in again, parked as "delivery uncertain" and never sent.
 */
class Release01UpgradeEndToEndTest {

    private static final String UNCERTAIN = "NH-20241016-2RXMFV7A";
    private static final String LEBONG = "bkpsdm.kab-lebong@pemda.example";
    private static final String KOTA_BENGKULU = "bkpsdm.kota-bengkulu@pemda.example";
    /** laporan-lebong.csv as the fixture's generator dropped it (its case id is derived from what the row says). */
    private static final String LEBONG_CSV = "nomor_laporan;tanggal_kejadian;nip_terlapor;nama_terlapor;"
            + "jabatan_terlapor;instansi_terlapor;jenis_terlapor;kode_wilayah;wilayah;jenis_pelanggaran;uraian;"
            + "tempat_kejadian;bukti;nama_pelapor;kontak_pelapor\n"
            + "007/LP/PB/Kab/17.07/X/2024;2024-10-16;196910201995031002;Syahrial Efendi;Kepala Dinas PUPR;"
            + "Pemkab Lebong;ASN;17.07;Kab. Lebong;PARTISAN_ACTIVITY;Terlapor mengumpulkan kepala desa di"
            + " rumah dinas dan meminta mereka mengarahkan warga memilih pasangan calon nomor urut 2.;"
            + "Rumah dinas Kepala Dinas PUPR;https://bukti.example/lbg/007-rekaman.mp3;Hendra Saputra;"
            + "hendra.s@pelapor.example\n";

    @Test
    void theQueuedDigestGoesOutAndTheUncertainDeliveryIsParked(@TempDir Path work) throws Exception {
        FolderCopy.copy(Path.of(getClass().getResource("/upgrade/release-0.1/data").toURI()), work.resolve("data"));
        try (TestHub hub = new TestHub(work)) {
            // The fixture's deferred cases stay parked: how they are carried over is not this test's concern.
            hub.settings.put("hub.deferred.retry-delay-ms", "3600000");
            hub.start();
            assertFalse(Files.exists(work.resolve("data/state/deliveries-in-flight.log")));
            assertTrue(Files.exists(work.resolve("data/imported-0.1/state/deliveries-in-flight.log")));

            hub.flushDigest(2);
            assertEquals(List.of("NH-20241012-QRVVCJR3"), digestCaseIds(hub.imap().messages(LEBONG)));
            assertEquals(List.of("NH-20241019-DENE9EWD"), digestCaseIds(hub.imap().messages(KOTA_BENGKULU)));
            assertTrue(MailText.of(hub.imap().messages(LEBONG).get(0)).plain().contains("199107142022212005"),
                    "the queued case's NIP in the digest");

            hub.dropAndAwait("laporan-lebong.csv", LEBONG_CSV);
            List<AuditEvent> parked = hub.audit().stream()
                    .filter(e -> "DEAD_LETTERED".equals(e.event().name()) && UNCERTAIN.equals(e.caseId())).toList();
            assertEquals(1, parked.size(), "parked once");
            assertTrue(String.valueOf(parked.get(0).alasan()).startsWith("delivery uncertain"), parked.get(0).alasan());
            assertTrue(hub.audit().stream().noneMatch(e -> UNCERTAIN.equals(e.caseId())
                    && e.event().name().equals("DELIVERED")), "never sent");
            assertEquals(1, hub.imap().messages(LEBONG).size(), "only the digest in Lebong's inbox");
            assertTrue(hub.imap().messages("inspektorat.kab-lebong@pemda.example").isEmpty());
        }
    }

    private static List<String> digestCaseIds(List<MimeMessage> mails) throws Exception {
        assertEquals(1, mails.size(), "one digest");
        return List.of(mails.get(0).getHeader("X-Netralitas-Case-Id")[0].split(" "));
    }
}
