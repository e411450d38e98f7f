package netralitas.hub.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReportParserTest {

    /** 2024-11-20 in Jakarta. */
    static final Clock TODAY = Clock.fixed(Instant.parse("2024-11-20T03:00:00Z"), ZoneId.of("Asia/Jakarta"));
    private static final ReportSource SOURCE = ReportSource.csv("laporan.csv", 7);

    private final ReportParser parser = new ReportParser(TODAY);

    private static Map<String, String> fields(String... keyValues) {
        Map<String, String> map = new HashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put(keyValues[i], keyValues[i + 1]);
        }
        return map;
    }

    @Test
    void completeRowWithNip() {
        ParseResult result = parser.parse(fields(
                "nomor_laporan", " 001/LP/PL/Kab/07.08/X/2024 ",
                "tanggal_kejadian", "05/10/2024",
                "nip_terlapor", "19870214 201001 1 003",
                "nama_terlapor", "Rudi Hartono",
                "jabatan_terlapor", "Kepala Bagian Umum",
                "instansi_terlapor", "Sekretariat Daerah",
                "jenis_terlapor", "",
                "kode_wilayah", "1708",
                "wilayah", "Kab. Kepahiang",
                "jenis_pelanggaran", "KAMPANYE_MEDSOS",
                "uraian", "Mengunggah foto   dukungan\ndi media sosial",
                "tempat_kejadian", "Kepahiang",
                "bukti", "https://bukti.example/1.jpg | https://bukti.example/2.jpg\nhttps://bukti.example/3.pdf",
                "nama_pelapor", "Sari Wulandari",
                "kontak_pelapor", "sari@pelapor.example",
                "kolom_lain", "diabaikan"), SOURCE);

        assertTrue(result.isAccepted(), result.reason());
        assertNull(result.reason());
        Report r = result.report();
        assertSame(SOURCE, r.source());
        assertEquals("001/LP/PL/Kab/07.08/X/2024", r.registerNumber());
        assertEquals(LocalDate.of(2024, 10, 5), r.incidentDate());
        assertEquals("198702142010011003", r.nip());
        assertEquals("Rudi Hartono", r.name());
        assertEquals("Kepala Bagian Umum", r.position());
        assertEquals("Sekretariat Daerah", r.agency());
        assertEquals(SubjectType.ASN, r.subjectType());
        assertEquals("17.08", r.regionCode());
        assertEquals("Kab. Kepahiang", r.regionName());
        assertEquals("KAMPANYE_MEDSOS", r.categoryText());
        assertEquals("Mengunggah foto   dukungan\ndi media sosial", r.description());
        assertEquals("Kepahiang", r.place());
        assertEquals(List.of("https://bukti.example/1.jpg", "https://bukti.example/2.jpg", "https://bukti.example/3.pdf"),
                r.evidence());
        assertEquals("Sari Wulandari", r.reporterName());
        assertEquals("sari@pelapor.example", r.reporterContact());
    }

    @Test
    void nameAndRegionNameWithoutNipIsEnough() {
        ParseResult result = parser.parse(fields(
                "tanggal_kejadian", "2024-11-20",
                "nama_terlapor", "Budi Santoso",
                "wilayah", "Kota Bengkulu",
                "uraian", "Hadir di kampanye"), SOURCE);
        assertTrue(result.isAccepted(), result.reason());
        Report r = result.report();
        assertNull(r.nip());
        assertNull(r.regionCode());
        assertEquals("Kota Bengkulu", r.regionName());
        assertEquals(List.of(), r.evidence());
        assertNull(r.registerNumber());
        assertNull(r.place());
    }

    @Test
    void nameAndRegionCodeWithoutNipIsEnough() {
        ParseResult result = parser.parse(fields(
                "tanggal_kejadian", "2024-10-01", "nama_terlapor", "Budi", "kode_wilayah", "17",
                "uraian", "x"), SOURCE);
        assertTrue(result.isAccepted(), result.reason());
        assertEquals("17", result.report().regionCode());
    }

    @Test
    void nipAloneWithoutNameOrRegionIsEnough() {
        ParseResult result = parser.parse(fields(
                "tanggal_kejadian", "2024-10-01", "nip_terlapor", "198702142010011003", "uraian", "x"), SOURCE);
        assertTrue(result.isAccepted(), result.reason());
    }

    @Test
    void missingDescription() {
        ParseResult result = parser.parse(fields(
                "tanggal_kejadian", "2024-10-01", "nip_terlapor", "198702142010011003", "uraian", "   "), SOURCE);
        assertFalse(result.isAccepted());
        assertNull(result.report());
        assertEquals("uraian kosong", result.reason());
    }

    @Test
    void futureDateIsRejected() {
        ParseResult result = parser.parse(fields(
                "tanggal_kejadian", "21/11/2024", "nip_terlapor", "198702142010011003", "uraian", "x"), SOURCE);
        assertEquals("tanggal_kejadian 2024-11-21 di masa depan", result.reason());
    }

    @Test
    void invalidNipGivesTheValidatorReason() {
        ParseResult result = parser.parse(fields(
                "tanggal_kejadian", "2024-10-01", "nip_terlapor", "198013322005011001",
                "nama_terlapor", "Budi", "wilayah", "Kab. Lebong", "uraian", "x"), SOURCE);
        assertEquals("NIP tidak valid: tanggal lahir 19801332 tidak ada", result.reason());
    }

    @Test
    void withoutNipNameAndRegionAreBothRequired() {
        ParseResult result = parser.parse(fields("tanggal_kejadian", "2024-10-01", "uraian", "x"), SOURCE);
        assertEquals("tanpa NIP, nama_terlapor wajib diisi; tanpa NIP, kode_wilayah atau wilayah wajib diisi",
                result.reason());
        ParseResult noRegion = parser.parse(fields(
                "tanggal_kejadian", "2024-10-01", "nama_terlapor", "Budi", "nip_terlapor", " ", "uraian", "x"), SOURCE);
        assertEquals("tanpa NIP, kode_wilayah atau wilayah wajib diisi", noRegion.reason());
    }

    @Test
    void severalProblemsAreJoined() {
        ParseResult result = parser.parse(fields(
                "tanggal_kejadian", "31/02/2024", "nip_terlapor", "12345", "kode_wilayah", "17.08.01",
                "jenis_terlapor", "honorer"), SOURCE);
        assertEquals("uraian kosong; tanggal_kejadian '31/02/2024' tidak ada; "
                + "NIP tidak valid: harus 18 digit angka (ada 5); kode_wilayah '17.08.01' tidak dikenali formatnya; "
                + "jenis_terlapor 'honorer' tidak dikenali (ASN, PPPK, KEPALA_DESA atau PERANGKAT_DESA)",
                result.reason());
    }

    @ParameterizedTest
    @CsvSource({"1708, 17.08", "17.08, 17.08", "' 17 ', 17", "3601, 36.01"})
    void regionCodeIsNormalised(String raw, String expected) {
        ParseResult result = parser.parse(fields(
                "tanggal_kejadian", "2024-10-01", "nama_terlapor", "Budi", "kode_wilayah", raw, "uraian", "x"), SOURCE);
        assertTrue(result.isAccepted(), result.reason());
        assertEquals(expected, result.report().regionCode());
    }

    @ParameterizedTest
    @CsvSource({"17.08.01", "170", "abc", "17-08", "1.708"})
    void unrecognisedRegionCodeIsRejected(String raw) {
        ParseResult result = parser.parse(fields(
                "tanggal_kejadian", "2024-10-01", "nama_terlapor", "Budi", "kode_wilayah", raw,
                "wilayah", "Kab. Kepahiang", "uraian", "x"), SOURCE);
        assertEquals("kode_wilayah '" + raw + "' tidak dikenali formatnya", result.reason());
    }

    @ParameterizedTest
    @CsvSource({"PPPK, PPPK", "kepala desa, KEPALA_DESA", "Kades, KEPALA_DESA", "perangkat-desa, PERANGKAT_DESA", "PNS, ASN"})
    void subjectType(String raw, SubjectType expected) {
        ParseResult result = parser.parse(fields(
                "tanggal_kejadian", "2024-10-01", "nama_terlapor", "Budi", "wilayah", "Kab. Bungo",
                "jenis_terlapor", raw, "uraian", "x"), SOURCE);
        assertTrue(result.isAccepted(), result.reason());
        assertEquals(expected, result.report().subjectType());
    }

    @Test
    void pppkNipMakesBlankSubjectTypePppkButAnExplicitTypeWins() {
        Map<String, String> row = fields(
                "tanggal_kejadian", "2024-10-01", "nip_terlapor", "199005122023211002", "uraian", "x");
        assertEquals(SubjectType.PPPK, parser.parse(row, SOURCE).report().subjectType());
        row.put("jenis_terlapor", "ASN");
        assertEquals(SubjectType.ASN, parser.parse(row, SOURCE).report().subjectType());
    }

    @Test
    void nullValuesAndNullMapAreAbsentFields() {
        Map<String, String> row = fields("tanggal_kejadian", "2024-10-01", "nip_terlapor", "198702142010011003",
                "uraian", "x");
        row.put("jabatan_terlapor", null);
        assertTrue(parser.parse(row, SOURCE).isAccepted());
        assertEquals("uraian kosong; tanggal_kejadian kosong; tanpa NIP, nama_terlapor wajib diisi; "
                + "tanpa NIP, kode_wilayah atau wilayah wajib diisi", parser.parse(null, SOURCE).reason());
    }

    @Test
    void withoutAnIncidentDateTheEmailsDateIsTakenAndSaidToBeTheEmails() {
        Map<String, String> base = fields("nama_terlapor", "Budi", "wilayah", "Kab. Kepahiang", "uraian", "kemarin sore");
        Map<String, String> mailOnly = new HashMap<>(base);
        mailOnly.put(ReportFields.TANGGAL_EMAIL, "2024-10-21");
        Report fromMail = parser.parse(mailOnly, SOURCE).report();
        assertEquals(LocalDate.of(2024, 10, 21), fromMail.incidentDate());
        assertTrue(fromMail.incidentDateIsMailDate());

        Map<String, String> both = new HashMap<>(mailOnly);
        both.put(ReportFields.TANGGAL_KEJADIAN, "2024-10-20");
        Report reported = parser.parse(both, SOURCE).report();
        assertEquals(LocalDate.of(2024, 10, 20), reported.incidentDate());
        assertFalse(reported.incidentDateIsMailDate());

        assertFalse(parser.parse(base, SOURCE).isAccepted(), "no date at all is still no date");
        // No CSV column or email label can claim to be the email's date.
        assertNull(ReportFields.canonical("tanggal_email"));
        assertNull(ReportFields.canonical("Tanggal Email"));
    }
}
