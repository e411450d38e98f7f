package netralitas.hub.e2e;

import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import netralitas.hub.audit.AuditEvent;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One CSV with a row for every routing rule of SPEC §6, through the real routes, a real SMTP/IMAP server and a real
 * HTTP BKN simulator. Each outcome is checked in the target mailbox over IMAP and in the audit trail.
 */
class CsvRoutingEndToEndTest {

    private static final String HEADER = "nomor_laporan;tanggal_kejadian;nip_terlapor;nama_terlapor;jabatan_terlapor;"
            + "instansi_terlapor;jenis_terlapor;kode_wilayah;wilayah;jenis_pelanggaran;uraian;tempat_kejadian;bukti;"
            + "nama_pelapor;kontak_pelapor\n";
    private static final String REPORTER = "Siti Pelapor Rahasia";
    private static final String REPORTER_CONTACT = "0812-0000-1111";

    private static final String CSV = HEADER
            // 1 BERAT, verified, Kepahiang
            + "R-001;2024-10-01;197803122003121004;Arif Wicaksono;Kabag Perekonomian;Pemkab Kepahiang;ASN;17.08;;"
            + "PARTISAN_ACTIVITY;Mengumpulkan kepala desa dan mengajak memilih paslon nomor 2;Kantor Setda;"
            + "https://bukti.example/r1.jpg;" + REPORTER + ";" + REPORTER_CONTACT + "\n"
            // 2 SEDANG, Cilegon
            + "R-002;2024-10-02;199003222015031002;;;;;36.72;;APPROACH_PARTY;"
            + "Mendaftar penjaringan bakal calon di partai;Kantor partai;;" + REPORTER + ";" + REPORTER_CONTACT + "\n"
            // 3 RINGAN, PPPK Lebong -> digest
            + "R-003;2024-10-03;199107142022212005;;;;PPPK;;Kab. Lebong;CAMPAIGN_EVENT;"
            + "Ikut acara pengenalan bakal calon bupati;Lapangan;;" + REPORTER + ";" + REPORTER_CONTACT + "\n"
            // 4 BUKAN_PELANGGARAN
            + "R-004;2024-10-04;198911252014022001;;;;;;;PASSIVE_ATTENDANCE;"
            + "Hanya hadir secara pasif mendengarkan visi misi;Balai desa;;" + REPORTER + ";" + REPORTER_CONTACT + "\n"
            // 5 village head -> Bawaslu of Bungo
            + "R-005;2024-10-05;;Pak Kades Sukamaju;Kepala Desa;;KEPALA_DESA;;Kabupaten Bungo;BANNER;"
            + "Memasang baliho paslon di depan kantor desa;Desa Sukamaju;;" + REPORTER + ";" + REPORTER_CONTACT + "\n"
            // 6 no region (ambiguous) -> triage
            + "R-006;2024-10-06;;Budi Tanpa NIP;;;;;Bengkulu;SOCMED_CAMPAIGN;"
            + "Mengunggah ajakan memilih paslon di Facebook;Media sosial;;" + REPORTER + ";" + REPORTER_CONTACT + "\n"
            // 7 NIP unknown at BKN -> reported region, flagged
            + "R-007;2024-10-07;198811232014022003;Joko Tidak Dikenal;;;;15.08;;SOCMED_CAMPAIGN;"
            + "Membagikan materi kampanye paslon di grup WhatsApp dinas;Media sosial;;" + REPORTER + ";" + REPORTER_CONTACT + "\n"
            // 8 central agency -> central inbox
            + "R-008;2024-10-08;198603042009121001;;;;;17.08;;SOCMED_CAMPAIGN;"
            + "Sosialisasi bakal calon di Instagram;Media sosial;;" + REPORTER + ";" + REPORTER_CONTACT + "\n"
            // 9 senior post escalates RINGAN -> SEDANG
            + "R-009;2024-10-09;196910201995031002;;;;;;;CAMPAIGN_EVENT;"
            + "Ikut acara sosialisasi bakal calon;Gedung serbaguna;;" + REPORTER + ";" + REPORTER_CONTACT + "\n"
            // 10 state facility escalates RINGAN -> SEDANG
            + "R-010;2024-10-10;198505172010012007;;;;;;;CAMPAIGN_EVENT;"
            + "Ikut acara pengenalan bakal calon dengan mobil dinas;Lapangan;;" + REPORTER + ";" + REPORTER_CONTACT + "\n"
            // 11 region conflict: report says Lebong, BKN says Kepahiang
            + "R-011;2024-10-11;198712052011011003;;;;;17.07;;BANNER;"
            + "Memasang spanduk bakal calon di kebun;Kebun;;" + REPORTER + ";" + REPORTER_CONTACT + "\n"
            // 12 OTHER without a region -> triage
            + "R-012;2024-10-12;;Orang Lain;;;;;Kab. Antah Berantah;sesuatu yang lain;"
            + "Perilaku yang perlu dicek;Tidak jelas;;" + REPORTER + ";" + REPORTER_CONTACT + "\n";

    private static TestHub hub;
    private static ImapMailbox imap;

    @BeforeAll
    static void runCsv(@TempDir Path work) throws Exception {
        hub = new TestHub(work).start();
        imap = hub.imap();
        hub.dropAndAwait("laporan.csv", CSV);
    }

    @AfterAll
    static void stop() {
        hub.close();
    }

    @Test
    void beratGoesToBkpsdmWithInspektoratAndKanregInCcAtHighPriority() throws Exception {
        MimeMessage mail = only("bkpsdm.kab-kepahiang@pemda.example", "197803122003121004");
        assertEquals(List.of("bkpsdm.kab-kepahiang@pemda.example"), addresses(mail, Message.RecipientType.TO));
        assertEquals(List.of("inspektorat.kab-kepahiang@pemda.example", "kanreg-vii.palembang@bkn.example"),
                addresses(mail, Message.RecipientType.CC));
        assertEquals("1", mail.getHeader("X-Priority", null));
        assertEquals("BERAT", mail.getHeader("X-Netralitas-Severity", null));
        assertEquals("17.08", mail.getHeader("X-Netralitas-Region", null));
        assertEquals("auto-generated", mail.getHeader("Auto-Submitted", null));
        String caseId = mail.getHeader("X-Netralitas-Case-Id", null);
        assertTrue(caseId.startsWith("NH-20241001-"), caseId);
        assertTrue(mail.getSubject().startsWith("[NETRALITAS ASN][BERAT] " + caseId + " — "), mail.getSubject());
        assertTrue(mail.getSubject().endsWith("(197803122003121004) — Kabupaten Kepahiang"), mail.getSubject());
        assertTrue(mail.getMessageID().startsWith("<" + caseId + "@"), mail.getMessageID());
        assertTrue(mail.isMimeType("multipart/alternative"), mail.getContentType());
        MailText text = MailText.of(mail);
        assertTrue(text.plain().contains("Mengumpulkan kepala desa"), text.plain());
        assertTrue(text.html().contains("Mengumpulkan kepala desa"), text.html());
        assertTrue(text.plain().contains("Kepala Bagian Perekonomian"), "BKN position shown");
        assertTrue(text.plain().contains("https://bukti.example/r1.jpg"), "evidence link shown");
        assertReporterHidden(text);
        // The cc'd offices received the same message.
        assertEquals(caseId, only("inspektorat.kab-kepahiang@pemda.example", "197803122003121004")
                .getHeader("X-Netralitas-Case-Id", null));
        assertEquals(caseId, only("kanreg-vii.palembang@bkn.example", "197803122003121004")
                .getHeader("X-Netralitas-Case-Id", null));
        assertTrail(caseId, "RECEIVED", "ENRICHED", "CLASSIFIED", "ROUTED", "DELIVERED");
    }

    @Test
    void sedangGoesToBkpsdmOnlyWithoutPriority() throws Exception {
        MimeMessage mail = only("bkpsdm.kota-cilegon@pemda.example", "199003222015031002");
        assertEquals("SEDANG", mail.getHeader("X-Netralitas-Severity", null));
        assertTrue(addresses(mail, Message.RecipientType.CC).isEmpty());
        assertNull(mail.getHeader("X-Priority"));
        assertReporterHidden(MailText.of(mail));
    }

    @Test
    void ringanWaitsForTheDigestThenGoesOutOnce() throws Exception {
        String lebong = "bkpsdm.kab-lebong@pemda.example";
        assertTrue(imap.messages(lebong).stream().noneMatch(m -> subject(m).contains("199107142022212005")),
                "RINGAN is not sent immediately");
        hub.flushDigest(1);
        hub.flushDigest(1);
        List<MimeMessage> digests = imap.messages(lebong).stream()
                .filter(m -> subject(m).contains("Rekap harian")).toList();
        assertEquals(1, digests.size(), "one digest");
        MimeMessage digest = digests.get(0);
        assertEquals("RINGAN", digest.getHeader("X-Netralitas-Severity", null));
        MailText text = MailText.of(digest);
        assertTrue(text.plain().contains("199107142022212005"), text.plain());
        assertTrue(text.plain().contains("NI PPPK") && text.plain().contains("ASN — PPPK"), text.plain());
        assertReporterHidden(text);
        String caseId = hub.audit().stream().filter(e -> "DIGEST_QUEUED".equals(e.event().name()))
                .map(AuditEvent::caseId).findFirst().orElseThrow();
        assertTrail(caseId, "RECEIVED", "ENRICHED", "CLASSIFIED", "ROUTED", "DIGEST_QUEUED", "DIGEST_SENT");
    }

    @Test
    void passiveAttendanceIsClosedAndNotForwarded() throws Exception {
        assertTrue(hub.mail.subjectsByRecipient().values().stream().flatMap(List::stream)
                .noneMatch(s -> s.contains("198911252014022001")), "no mail about the teacher");
        String caseId = caseIdOf("R-004");
        assertTrail(caseId, "RECEIVED", "ENRICHED", "CLASSIFIED", "ROUTED", "CLOSED");
    }

    @Test
    void villageHeadGoesToTheRegionsBawaslu() throws Exception {
        MimeMessage mail = only("bawaslu.kab-bungo@bawaslu.example", "Pak Kades Sukamaju");
        assertEquals("15.08", mail.getHeader("X-Netralitas-Region", null));
        assertEquals("1", mail.getHeader("X-Priority", null), "BERAT, whoever receives it");
        assertTrue(mail.getSubject().contains("tanpa NIP"), mail.getSubject());
        assertTrue(MailText.of(mail).plain().contains("UU Nomor 6 Tahun 2014 tentang Desa, Pasal 29"));
        assertReporterHidden(MailText.of(mail));
    }

    @Test
    void noRegionGoesToTriageWhereBawasluStaffSeeTheReporter() throws Exception {
        MimeMessage ambiguous = only("triase@bawaslu.example", "Budi Tanpa NIP");
        assertNull(ambiguous.getHeader("X-Netralitas-Region"), "no region, no header");
        assertEquals("1", ambiguous.getHeader("X-Priority", null), "BERAT, whoever receives it");
        MailText text = MailText.of(ambiguous);
        assertTrue(text.plain().contains("Bengkulu"), text.plain());
        assertTrue(text.plain().contains(REPORTER), "triage copy names the reporter");
        MimeMessage other = only("triase@bawaslu.example", "Orang Lain");
        assertTrue(MailText.of(other).plain().contains("Antah Berantah"));
    }

    @Test
    void nipUnknownAtBknIsRoutedByTheReportedRegionAndFlagged() throws Exception {
        MimeMessage mail = only("bkpsdm.kab-bungo@pemda.example", "198811232014022003");
        assertTrue(MailText.of(mail).plain().contains("NIP tidak ditemukan di BKN — perlu verifikasi"));
        assertTrail(caseIdOf("R-007"), "RECEIVED", "NOT_FOUND_AT_BKN", "CLASSIFIED", "ROUTED", "DELIVERED");
    }

    @Test
    void centralAgencyEmployeeGoesToTheCentralInbox() throws Exception {
        MimeMessage mail = only("asn-instansi-pusat@bawaslu.example", "198603042009121001");
        assertEquals("1", mail.getHeader("X-Priority", null), "BERAT, whoever receives it");
        assertReporterHidden(MailText.of(mail));
        assertTrue(imap.messages("bkpsdm.kab-kepahiang@pemda.example").stream()
                .noneMatch(m -> subject(m).contains("198603042009121001")), "not to the region the report named");
    }

    @Test
    void seniorPostAndStateFacilitiesEscalateOneLevel() throws Exception {
        MimeMessage senior = only("bkpsdm.kab-lebong@pemda.example", "196910201995031002");
        assertEquals("SEDANG", senior.getHeader("X-Netralitas-Severity", null));
        assertTrue(MailText.of(senior).plain().contains("Kepala Dinas"));
        assertTrue(MailText.of(senior).plain().contains("hukuman disiplin sedang berdasarkan PP Nomor 94 Tahun 2021"));
        assertFalse(MailText.of(senior).plain().contains("sanksi moral"), "the escalated case keeps no RINGAN basis");
        MimeMessage facility = only("bkpsdm.kab-lebong@pemda.example", "198505172010012007");
        assertEquals("SEDANG", facility.getHeader("X-Netralitas-Severity", null));
        assertTrue(MailText.of(facility).plain().contains("mobil dinas"));
        AuditEvent classified = event(caseIdOf("R-010"), "CLASSIFIED");
        assertEquals("RINGAN", classified.detail().get("baseSeverity"));
        assertEquals("SEDANG", classified.detail().get("severity"));
    }

    @Test
    void bknRegionWinsOverTheReportedRegionAndTheMailSaysSo() throws Exception {
        MimeMessage mail = only("bkpsdm.kab-kepahiang@pemda.example", "198712052011011003");
        assertEquals("17.08", mail.getHeader("X-Netralitas-Region", null));
        assertTrue(MailText.of(mail).plain().contains("Lebong"), "the mail mentions the reported region");
        assertTrue(imap.messages("bkpsdm.kab-lebong@pemda.example").stream()
                .noneMatch(m -> subject(m).contains("198712052011011003")));
    }

    @Test
    void reporterIdentityNeverReachesTheAuditTrail() throws Exception {
        for (AuditEvent event : hub.audit()) {
            String line = event.toString() + event.detail();
            assertFalse(line.contains(REPORTER) || line.contains(REPORTER_CONTACT), line);
        }
    }

    private static MimeMessage only(String mailbox, String subjectPart) throws Exception {
        List<MimeMessage> found = imap.messages(mailbox).stream().filter(m -> subject(m).contains(subjectPart)).toList();
        assertEquals(1, found.size(), mailbox + " should hold exactly one mail about " + subjectPart + ", holds: "
                + imap.messages(mailbox).stream().map(CsvRoutingEndToEndTest::subject).toList());
        return found.get(0);
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> addresses(MimeMessage message, Message.RecipientType type) throws Exception {
        return message.getRecipients(type) == null ? List.of()
                : Arrays.stream(message.getRecipients(type)).map(Object::toString).toList();
    }

    private static void assertReporterHidden(MailText text) {
        assertFalse(text.all().contains(REPORTER), "reporter name leaked");
        assertFalse(text.all().contains(REPORTER_CONTACT), "reporter contact leaked");
    }

    private static String caseIdOf(String registerNumber) throws Exception {
        Map<String, String> bySource = hub.audit().stream().filter(e -> "RECEIVED".equals(e.event().name()))
                .collect(Collectors.toMap(AuditEvent::source, AuditEvent::caseId, (a, b) -> a));
        int row = Integer.parseInt(registerNumber.substring(2)) + 1;
        return bySource.get("laporan.csv:" + row);
    }

    private static AuditEvent event(String caseId, String type) throws Exception {
        return hub.audit().stream().filter(e -> caseId.equals(e.caseId()) && type.equals(e.event().name()))
                .findFirst().orElseThrow(() -> new AssertionError("no " + type + " for " + caseId));
    }

    private static void assertTrail(String caseId, String... events) throws Exception {
        List<String> trail = hub.audit().stream().filter(e -> caseId.equals(e.caseId()))
                .map(e -> e.event().name()).toList();
        assertEquals(List.of(events), trail, "audit trail of " + caseId);
    }
}
