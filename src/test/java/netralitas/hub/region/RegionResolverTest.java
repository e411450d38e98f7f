package netralitas.hub.region;

import netralitas.hub.bkn.Employee;
import netralitas.hub.report.Report;
import netralitas.hub.report.ReportSource;
import netralitas.hub.report.SubjectType;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RegionResolverTest {

    private static final String KEPAHIANG_ID = "A5EB03E23D2DF6A0E040640A040252AD";

    private final RegionResolver resolver = new RegionResolver(ConfigFiles.directory());

    @Test
    void bknEmployerWinsOverTheReportedRegionAndSaysSo() {
        RegionResolution r = resolver.resolve(report(null, "Kabupaten Lebong"), employee(KEPAHIANG_ID, "5807",
                "Pemerintah Kab. Kepahiang", "7", "KANTOR REGIONAL VII PALEMBANG"));
        assertEquals("17.08", r.region().code());
        assertEquals(RegionSource.BKN, r.source());
        assertEquals("17.07", r.reportedRegion().code());
        assertTrue(r.conflict());
        assertEquals("VII", r.kanreg().id());
        assertEquals(List.of("Laporan menyebut Kabupaten Lebong, tetapi menurut data BKN pegawai ini bekerja pada "
                + "Kabupaten Kepahiang; kasus diteruskan ke Kabupaten Kepahiang."), r.notes());
    }

    @Test
    void bknAgreeingWithTheReportLeavesNoNote() {
        RegionResolution r = resolver.resolve(report("17.08", "Kab. Kepahiang"), employee(KEPAHIANG_ID, "5807",
                "Pemerintah Kab. Kepahiang", "7", null));
        assertEquals("17.08", r.region().code());
        assertEquals(RegionSource.BKN, r.source());
        assertFalse(r.conflict());
        assertTrue(r.notes().isEmpty(), r.notes().toString());
    }

    @Test
    void bknKodeCepatAloneIsEnough() {
        RegionResolution r = resolver.resolve(report(null, null), employee(null, "5807", null, null, null));
        assertEquals("17.08", r.region().code());
        assertEquals(RegionSource.BKN, r.source());
        assertNull(r.reportedRegion());
        assertEquals("VII", r.kanreg().id(), "no Kanreg in the record: the province's");
        assertTrue(r.notes().isEmpty());
    }

    @Test
    void centralAgencyHasNoRegion() {
        RegionResolution r = resolver.resolve(report("17.08", null), employee("A5EB03E2XXXXF6A0E040640A040252AD", "4012",
                "Kementerian Agama", "4", "KANTOR REGIONAL IV MAKASSAR"));
        assertNull(r.region());
        assertEquals(RegionSource.CENTRAL_AGENCY, r.source());
        assertTrue(r.centralAgency());
        assertFalse(r.resolved());
        assertFalse(r.conflict());
        assertEquals("17.08", r.reportedRegion().code());
        assertEquals("IV", r.kanreg().id(), "the employee's own Kanreg, not the reported province's");
        assertEquals("Pegawai instansi pusat (Kementerian Agama).", r.notes().get(0));
        assertTrue(r.notes().get(1).startsWith("Laporan menyebut Kabupaten Kepahiang"), r.notes().toString());
    }

    @Test
    void verticalOfficeNamedAfterARegionIsStillCentral() {
        RegionResolution r = resolver.resolve(report(null, null), employee("C0FFEE", "9001",
                "Kantor Kementerian Agama Kota Bengkulu", null, null));
        assertEquals(RegionSource.CENTRAL_AGENCY, r.source());
        assertNull(r.kanreg());
        assertEquals(List.of("Pegawai instansi pusat (Kantor Kementerian Agama Kota Bengkulu)."), r.notes());
    }

    @Test
    void regionalGovernmentMissingFromTheSiasnMapIsFoundByName() {
        RegionResolution r = resolver.resolve(report(null, null), employee("B0B0", "8299",
                "Pemerintah Provinsi Papua Barat Daya", null, null));
        assertEquals("96", r.region().code());
        assertEquals(RegionSource.BKN, r.source());
        assertEquals("XIV", r.kanreg().id());
    }

    @Test
    void reportCodeAlone() {
        RegionResolution r = resolver.resolve(report("1708", null), null);
        assertEquals("17.08", r.region().code());
        assertEquals(RegionSource.REPORT_CODE, r.source());
        assertEquals(r.region(), r.reportedRegion());
        assertEquals("VII", r.kanreg().id());
        assertTrue(r.notes().isEmpty());
    }

    @Test
    void reportCodeBeatsAContradictingName() {
        RegionResolution r = resolver.resolve(report("17.08", "Kota Cilegon"), null);
        assertEquals("17.08", r.region().code());
        assertEquals(RegionSource.REPORT_CODE, r.source());
        assertEquals(List.of("Kode wilayah 17.08 (Kabupaten Kepahiang) tidak sesuai dengan nama wilayah "
                + "'Kota Cilegon'; yang dipakai kode wilayah."), r.notes());
    }

    @Test
    void provinceNameAroundACodeIsNoContradiction() {
        RegionResolution r = resolver.resolve(report("17.08", "Bengkulu"), null);
        assertEquals("17.08", r.region().code());
        assertTrue(r.notes().isEmpty(), r.notes().toString());
    }

    @Test
    void reportNameAlone() {
        RegionResolution r = resolver.resolve(report(null, "Kab. Bungo"), null);
        assertEquals("15.08", r.region().code());
        assertEquals(RegionSource.REPORT_NAME, r.source());
        assertEquals("VII", r.kanreg().id());
        assertTrue(r.notes().isEmpty());
    }

    @Test
    void unknownCodeFallsBackToTheName() {
        RegionResolution r = resolver.resolve(report("99.99", "Kota Cilegon"), null);
        assertEquals("36.72", r.region().code());
        assertEquals(RegionSource.REPORT_NAME, r.source());
        assertEquals("III", r.kanreg().id());
        assertEquals(List.of("Kode wilayah '99.99' tidak ada dalam direktori."), r.notes());
    }

    @Test
    void ambiguousNameResolvesNothing() {
        RegionResolution r = resolver.resolve(report(null, "Bengkulu"), null);
        assertNull(r.region());
        assertNull(r.reportedRegion());
        assertNull(r.kanreg());
        assertEquals(RegionSource.NONE, r.source());
        assertEquals(List.of("Wilayah 'Bengkulu' cocok dengan lebih dari satu wilayah: Provinsi Bengkulu (17), "
                + "Kota Bengkulu (17.71)."), r.notes());
    }

    @Test
    void unknownNameAndUnknownCode() {
        RegionResolution r = resolver.resolve(report("99.99", "Atlantis"), null);
        assertEquals(RegionSource.NONE, r.source());
        assertNull(r.region());
        assertEquals(List.of("Kode wilayah '99.99' tidak ada dalam direktori.",
                "Wilayah 'Atlantis' tidak ditemukan dalam direktori."), r.notes());
    }

    @Test
    void nothingAtAll() {
        RegionResolution r = resolver.resolve(report(null, "  "), null);
        assertEquals(RegionSource.NONE, r.source());
        assertNull(r.region());
        assertNull(r.reportedRegion());
        assertNull(r.kanreg());
        assertEquals(List.of("Laporan tidak menyebut wilayah."), r.notes());
    }

    @Test
    void bknRecordWithoutInstansiFallsBackToTheReport() {
        RegionResolution r = resolver.resolve(report(null, "Kota Bengkulu"), employee(null, " ", null, "5", null));
        assertEquals("17.71", r.region().code());
        assertEquals(RegionSource.REPORT_NAME, r.source());
        assertEquals("V", r.kanreg().id(), "the employee's Kanreg still counts");
        assertEquals(List.of("Data BKN pegawai ini tidak memuat instansi kerja; wilayah ditentukan dari laporan."), r.notes());
    }

    @Test
    void unknownKanregInTheRecordFallsBackToTheProvince() {
        RegionResolution r = resolver.resolve(report(null, null), employee(KEPAHIANG_ID, null, null, "99", "ENTAH"));
        assertEquals("VII", r.kanreg().id());
    }

    @Test
    void quotedReportTextStaysOnOneShortLine() {
        String name = "Atlantis\r\nBcc: x@evil.example " + "x".repeat(200);
        RegionResolution r = resolver.resolve(report(null, name), null);
        String note = r.notes().get(0);
        assertFalse(note.contains("\n") || note.contains("\r"), note);
        assertTrue(note.length() < 160, note);
    }

    private static Report report(String code, String name) {
        return new Report(ReportSource.csv("laporan.csv", 2), "001/LP/PB/17/2024", LocalDate.of(2024, 10, 1),
                null, "RUDI HARTONO", null, null, SubjectType.ASN, code, name, "BANNER", "Memasang baliho", null,
                List.of(), null, null);
    }

    private static Employee employee(String instansiId, String kodeCepat, String instansiNama, String kanregId,
                                     String kanregNama) {
        return new Employee("198702142010011003", "RUDI HARTONO", "", "S.Sos.",
                "PNS Daerah Kab./Kota yang bekerja pada Kab./Kota", "Aktif", instansiId, instansiNama,
                instansiId, instansiNama, kodeCepat, instansiNama, "SUBBAGIAN UMUM", "DINAS PENDIDIKAN",
                "Pengadministrasi Umum", "Jabatan Fungsional Umum", "", "III/c", "KEPAHIANG", kanregId, kanregNama);
    }
}
