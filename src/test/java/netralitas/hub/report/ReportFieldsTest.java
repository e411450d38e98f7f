package netralitas.hub.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReportFieldsTest {

    @Test
    void everyCanonicalNameMapsToItself() {
        for (String name : ReportFields.ALL) {
            assertEquals(name, ReportFields.canonical(name));
        }
        assertEquals(15, ReportFields.ALL.size());
    }

    @ParameterizedTest
    @CsvSource({
            "no_laporan, nomor_laporan",
            "report_id, nomor_laporan",
            "Report-ID, nomor_laporan",
            "tanggal, tanggal_kejadian",
            "incident_date, tanggal_kejadian",
            "Incident Date, tanggal_kejadian",
            "NIP, nip_terlapor",
            "nama, nama_terlapor",
            "jabatan, jabatan_terlapor",
            "Instansi, instansi_terlapor",
    })
    void aliases(String header, String canonical) {
        assertEquals(canonical, ReportFields.canonical(header));
    }

    @ParameterizedTest
    @CsvSource({
            "'  NIP_TERLAPOR ', nip_terlapor",
            "nip-terlapor, nip_terlapor",
            "Nip Terlapor, nip_terlapor",
            "kode - wilayah, kode_wilayah",
            "KODE__WILAYAH, kode_wilayah",
            "'\uFEFFnomor_laporan', nomor_laporan",
    })
    void caseSpaceUnderscoreAndDashAreEquivalent(String header, String canonical) {
        assertEquals(canonical, ReportFields.canonical(header));
    }

    @ParameterizedTest
    @CsvSource({
            "NIP Terlapor, nip_terlapor",
            "Nama Terlapor, nama_terlapor",
            "Jabatan Terlapor, jabatan_terlapor",
            "Instansi Terlapor, instansi_terlapor",
            "Jenis Terlapor, jenis_terlapor",
            "Kode Wilayah, kode_wilayah",
            "Wilayah, wilayah",
            "Jenis Pelanggaran, jenis_pelanggaran",
            "Uraian, uraian",
            "Tempat Kejadian, tempat_kejadian",
            "Bukti, bukti",
            "Nama Pelapor, nama_pelapor",
            "Kontak Pelapor, kontak_pelapor",
            "Nomor Laporan, nomor_laporan",
            "Tanggal Kejadian, tanggal_kejadian",
            "'Uraian:', uraian",
    })
    void indonesianEmailLabels(String label, String canonical) {
        assertEquals(canonical, ReportFields.canonical(label));
    }

    @Test
    void unknownNamesAreNull() {
        assertNull(ReportFields.canonical("catatan_internal"));
        assertNull(ReportFields.canonical("nipterlapor"));
        assertNull(ReportFields.canonical(""));
        assertNull(ReportFields.canonical(null));
    }
}
