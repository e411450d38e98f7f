package netralitas.hub.classify;

import netralitas.hub.bkn.Employee;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SeverityClassifierTest {

    static CategoryCatalogue catalogue;
    static SeverityClassifier classifier;

    @BeforeAll
    static void load() {
        catalogue = CategoryCatalogue.load(Path.of("config/categories.yaml"));
        classifier = new SeverityClassifier(catalogue);
    }

    static Employee employee(String jabatanNama, String eselon) {
        return new Employee("198702142010011003", "BUDI SANTOSO", "", "S.Sos.", "PNS Daerah", "Aktif",
                "X1", "Pemerintah Kab. Contoh", "X1", "Pemerintah Kab. Contoh", "9999", "Pemerintah Kab. Contoh",
                "DINAS PENDIDIKAN", "DINAS PENDIDIKAN", jabatanNama, "Jabatan Struktural", eselon, "IV/a",
                "CONTOH", "7", "KANTOR REGIONAL VII");
    }

    static Category cat(String code) {
        return catalogue.byCodeOrLabel(code).orElseThrow();
    }

    @Test
    void noSeniorityNoFacility_keepsMatrixSeverity() {
        Classification c = classifier.classify(cat("CAMPAIGN_EVENT"), employee("Pengadministrasi Umum", ""),
                "Staf", "Ikut kampanye calon di lapangan");
        assertEquals(Severity.RINGAN, c.baseSeverity());
        assertEquals(Severity.RINGAN, c.severity());
        assertFalse(c.escalated());
        assertEquals(List.of(), c.escalationReasons());
    }

    @Test
    void eselonTwo_raisesRinganToSedang() {
        Classification c = classifier.classify(cat("CAMPAIGN_EVENT"), employee("Sekretaris Dinas", "II.a"),
                null, "Ikut kampanye");
        assertEquals(Severity.SEDANG, c.severity());
        assertTrue(c.escalated());
        assertEquals(List.of("Eselon II.a (data BKN)"), c.escalationReasons());
    }

    @Test
    void eselonThree_isNotSenior() {
        Classification c = classifier.classify(cat("CAMPAIGN_EVENT"), employee("Kepala Bagian Umum", "III.a"),
                null, "Ikut kampanye");
        assertEquals(Severity.RINGAN, c.severity());
        assertTrue(c.escalationReasons().isEmpty());
    }

    @Test
    void seniorJabatanAtBkn_raisesSedangToBerat() {
        Classification c = classifier.classify(cat("TEAM_PRE"), employee("Kepala Dinas Pendidikan", ""),
                null, "Menjadi tim ahli bakal calon");
        assertEquals(Severity.SEDANG, c.baseSeverity());
        assertEquals(Severity.BERAT, c.severity());
        assertEquals(List.of("Jabatan senior (data BKN): Kepala Dinas Pendidikan"), c.escalationReasons());
    }

    @Test
    void actingRegionalHeadPj() {
        Classification c = classifier.classify(cat("APPROACH_PARTY"), employee("Pj. Bupati Contoh", ""),
                null, "Mendekati partai");
        assertEquals(Severity.BERAT, c.severity());
        assertEquals(List.of("Jabatan senior (data BKN): Pj. Bupati Contoh"), c.escalationReasons());
    }

    @Test
    void reportedPositionUsedOnlyWithoutBknRecord_andSaysSo() {
        Classification c = classifier.classify(cat("CAMPAIGN_EVENT"), null, "  Camat   Kepahiang ",
                "Ikut kampanye");
        assertEquals(Severity.SEDANG, c.severity());
        assertEquals(List.of("Jabatan senior (menurut laporan): Camat Kepahiang"), c.escalationReasons());

        // With a BKN record the reporter's claim does not count: BKN says the post is not senior.
        Classification verified = classifier.classify(cat("CAMPAIGN_EVENT"), employee("Analis Kebijakan", ""),
                "Camat Kepahiang", "Ikut kampanye");
        assertEquals(Severity.RINGAN, verified.severity());
        assertTrue(verified.escalationReasons().isEmpty());
    }

    @Test
    void stateFacility_inDescription() {
        Classification c = classifier.classify(cat("CAMPAIGN_EVENT"), null, "Staf",
                "Terlapor datang ke kampanye menggunakan mobil dinas berpelat merah.");
        assertEquals(Severity.SEDANG, c.severity());
        assertEquals(List.of("Uraian menyebut penggunaan fasilitas negara: mobil dinas"), c.escalationReasons());
    }

    @Test
    void severalFacilitiesNamedInOneReason() {
        Classification c = classifier.classify(cat("TEAM_PRE"), null, null,
                "Rapat tim di rumah dinas, dibiayai APBD.");
        assertEquals(List.of("Uraian menyebut penggunaan fasilitas negara: rumah dinas, APBD"), c.escalationReasons());
        assertEquals(Severity.BERAT, c.severity());
    }

    @Test
    void bothReasons_oneLevelOnly_allRecorded() {
        Classification c = classifier.classify(cat("CAMPAIGN_EVENT"), employee("Kepala Badan Keuangan Daerah", "II.b"),
                null, "Hadir di kampanye dengan kendaraan dinas");
        assertEquals(Severity.RINGAN, c.baseSeverity());
        assertEquals(Severity.SEDANG, c.severity(), "RINGAN goes up one level, not two");
        assertEquals(List.of(
                "Jabatan senior (data BKN): Kepala Badan Keuangan Daerah",
                "Eselon II.b (data BKN)",
                "Uraian menyebut penggunaan fasilitas negara: kendaraan dinas"), c.escalationReasons());
    }

    @Test
    void beratStaysBerat() {
        Classification c = classifier.classify(cat("BANNER"), employee("Sekretaris Daerah", "I.b"),
                null, "Memasang baliho memakai anggaran kegiatan");
        assertEquals(Severity.BERAT, c.baseSeverity());
        assertEquals(Severity.BERAT, c.severity());
        assertFalse(c.escalated());
        assertEquals(3, c.escalationReasons().size());
    }

    @Test
    void passiveAttendanceIsNeverEscalated() {
        Classification c = classifier.classify(cat("PASSIVE_ATTENDANCE"), employee("Kepala Dinas Kesehatan", "II.a"),
                "Kepala Dinas", "Hadir pasif dengan mobil dinas");
        assertEquals(Severity.BUKAN_PELANGGARAN, c.severity());
        assertFalse(c.escalated());
        assertTrue(c.escalationReasons().isEmpty());
    }

    @Test
    void nullCategoryIsOther() {
        Classification c = classifier.classify(null, null, null, "Uraian");
        assertSame(catalogue.other(), c.category());
        assertEquals(Severity.SEDANG, c.severity());
        assertTrue(c.needsReview());
    }

    @Test
    void otherEscalatesLikeAnySedang() {
        Classification c = classifier.classify(catalogue.other(), null, "Penjabat Sekretaris Daerah", "");
        assertEquals(Severity.BERAT, c.severity());
        assertEquals(List.of("Jabatan senior (menurut laporan): Penjabat Sekretaris Daerah"), c.escalationReasons());
    }
}
