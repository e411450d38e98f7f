package netralitas.hub.classify;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The shipped config/categories.yaml against the SPEC §5 table, and lookup by code or label. */
class CategoryCatalogueTest {

    static CategoryCatalogue catalogue;

    @BeforeAll
    static void load() {
        catalogue = CategoryCatalogue.load(Path.of("config/categories.yaml"));
    }

    private static Map<String, Object[]> specTable() {
        Map<String, Object[]> t = new LinkedHashMap<>();
        t.put("CANDIDATE_NO_RESIGN", new Object[]{"Ditetapkan sebagai calon kepala daerah tanpa mengundurkan diri sebagai ASN", Severity.BERAT});
        t.put("PARTY_MEMBER", new Object[]{"Menjadi anggota/pengurus partai politik", Severity.BERAT});
        t.put("BANNER", new Object[]{"Memasang spanduk/baliho/alat peraga bakal calon", Severity.BERAT});
        t.put("SOCMED_CAMPAIGN", new Object[]{"Sosialisasi/kampanye bakal calon di media sosial", Severity.BERAT});
        t.put("SOCMED_ENGAGE", new Object[]{"Membuat posting, komentar, membagikan, menyukai, mengikuti akun pemenangan calon", Severity.BERAT});
        t.put("PHOTO_PARTISAN", new Object[]{"Mengunggah foto bersama calon/tim sukses dengan simbol keberpihakan", Severity.BERAT});
        t.put("ATTEND_ACTIVE", new Object[]{"Menghadiri deklarasi/kampanye dengan dukungan aktif", Severity.BERAT});
        t.put("PARTISAN_ACTIVITY", new Object[]{"Kegiatan keberpihakan: pertemuan, ajakan, pemberian barang", Severity.BERAT});
        t.put("TEAM_POST", new Object[]{"Menjadi tim pemenangan setelah penetapan calon", Severity.BERAT});
        t.put("KTP_SUPPORT", new Object[]{"Memberi surat dukungan/mengumpulkan fotokopi KTP calon perseorangan", Severity.BERAT});
        t.put("FAVOURING_DECISION", new Object[]{"Membuat keputusan/tindakan yang menguntungkan atau merugikan calon", Severity.BERAT});
        t.put("APPROACH_PARTY", new Object[]{"Melakukan pendekatan ke partai politik sebagai bakal calon", Severity.SEDANG});
        t.put("TEAM_PRE", new Object[]{"Menjadi tim ahli/pemenangan sebelum penetapan calon", Severity.SEDANG});
        t.put("CAMPAIGN_EVENT", new Object[]{"Ikut kampanye/sosialisasi/pengenalan bakal calon", Severity.RINGAN});
        t.put("SPOUSE_CAMPAIGN", new Object[]{"Ikut deklarasi/kampanye suami/istri yang menjadi calon", Severity.RINGAN});
        t.put("PASSIVE_ATTENDANCE", new Object[]{"Hadir di kampanye secara pasif untuk mendengarkan visi-misi (diperbolehkan)", Severity.BUKAN_PELANGGARAN});
        t.put("OTHER", new Object[]{"Lainnya / perlu verifikasi", Severity.SEDANG});
        return t;
    }

    @Test
    void shippedCatalogueMatchesTheSpecTableExactly() {
        Map<String, Object[]> spec = specTable();
        List<Category> all = catalogue.all();
        assertEquals(17, all.size());
        assertEquals(List.copyOf(spec.keySet()), all.stream().map(Category::code).toList());
        for (Category c : all) {
            Object[] row = spec.get(c.code());
            assertEquals(row[0], c.label(), c.code());
            assertEquals(row[1], c.severity(), c.code());
            assertEquals(c.code().equals("OTHER"), c.needsReview(), c.code() + " needsReview");
            assertFalse(c.legalBasis().isBlank(), c.code() + " legal basis");
            if (!c.code().equals("OTHER")) {
                assertFalse(c.keywords().isEmpty(), c.code() + " has keywords");
            }
        }
    }

    @Test
    void legalBasisCitesTheRightInstruments() {
        assertTrue(get("CANDIDATE_NO_RESIGN").legalBasis().contains("UU Nomor 10 Tahun 2016 Pasal 7 ayat (2) huruf t"));
        assertTrue(get("FAVOURING_DECISION").legalBasis().contains("UU Nomor 10 Tahun 2016 Pasal 71 ayat (1)"));
        assertTrue(get("BANNER").pnsLegalBasis().contains("PP Nomor 94 Tahun 2021 tentang Disiplin Pegawai Negeri Sipil, Pasal 5 huruf n"));
        for (Category c : catalogue.all()) {
            assertTrue(c.legalBasis().contains("SKB 2022"), c.code());
            // What every ASN breaks: nothing that binds PNS only, and no sanction (that follows the final severity).
            assertFalse(c.legalBasis().contains("PP ") || c.legalBasis().contains("sanksi moral")
                    || c.legalBasis().contains("hukuman"), c.code() + ": " + c.legalBasis());
        }
    }

    @Test
    void shippedEscalationRules() {
        EscalationRules r = catalogue.escalation();
        assertTrue(r.seniorPositions().containsAll(List.of("Sekretaris Daerah", "Kepala Dinas", "Kepala Badan", "Camat", "Pj", "Pj.", "Penjabat")));
        assertEquals(List.of("I", "II"), r.seniorEselon());
        assertTrue(r.stateFacilities().containsAll(List.of("fasilitas negara", "mobil dinas", "kendaraan dinas", "anggaran", "rumah dinas", "APBD")));
    }

    @Test
    void otherIsTheReviewCategory() {
        assertEquals("OTHER", catalogue.other().code());
        assertTrue(catalogue.other().needsReview());
    }

    @Test
    void byCode_ignoresCaseAndSeparators() {
        assertEquals("BANNER", catalogue.byCodeOrLabel("BANNER").orElseThrow().code());
        assertEquals("CANDIDATE_NO_RESIGN", catalogue.byCodeOrLabel("candidate_no_resign").orElseThrow().code());
        assertEquals("SOCMED_ENGAGE", catalogue.byCodeOrLabel("  Socmed-Engage ").orElseThrow().code());
    }

    @Test
    void byLabel_exactAndWithDifferentCaseSpacingAndPunctuation() {
        assertEquals("BANNER", catalogue.byCodeOrLabel("Memasang spanduk/baliho/alat peraga bakal calon").orElseThrow().code());
        assertEquals("BANNER", catalogue.byCodeOrLabel("MEMASANG SPANDUK / BALIHO / ALAT PERAGA  BAKAL CALON").orElseThrow().code());
        assertEquals("PARTISAN_ACTIVITY", catalogue.byCodeOrLabel("kegiatan keberpihakan pertemuan, ajakan, pemberian barang").orElseThrow().code());
        assertEquals("PASSIVE_ATTENDANCE", catalogue.byCodeOrLabel("Hadir di kampanye secara pasif untuk mendengarkan visi misi (diperbolehkan)").orElseThrow().code());
        assertEquals("OTHER", catalogue.byCodeOrLabel("lainnya/perlu verifikasi").orElseThrow().code());
    }

    @Test
    void byCodeOrLabel_unknownOrBlankIsEmpty() {
        assertTrue(catalogue.byCodeOrLabel("Memasang spanduk").isEmpty());
        assertTrue(catalogue.byCodeOrLabel("BANNERS").isEmpty());
        assertTrue(catalogue.byCodeOrLabel("").isEmpty());
        assertTrue(catalogue.byCodeOrLabel("  / - ").isEmpty());
        assertTrue(catalogue.byCodeOrLabel(null).isEmpty());
    }

    @Test
    void categorise_namedCategoryWinsOverDescription() {
        Category c = catalogue.categorise("PARTY_MEMBER", "ASN memasang spanduk bakal calon di depan rumahnya");
        assertEquals("PARTY_MEMBER", c.code());
    }

    @Test
    void categorise_unknownCategoryTextIsOtherEvenWhenDescriptionHasKeywords() {
        Category c = catalogue.categorise("Pelanggaran netralitas", "ASN memasang spanduk bakal calon di depan rumahnya");
        assertSame(catalogue.other(), c);
    }

    @Test
    void categorise_blankCategoryTextUsesKeywords() {
        assertEquals("BANNER", catalogue.categorise("  ", "ASN memasang spanduk bakal calon di depan rumahnya").code());
        assertEquals("BANNER", catalogue.categorise(null, "ASN memasang baliho bakal calon").code());
    }

    @Test
    void categorise_blankCategoryAndNoKeywordIsOther() {
        assertSame(catalogue.other(), catalogue.categorise("", "Terlapor diduga melanggar kode etik pada hari Senin."));
        assertSame(catalogue.other(), catalogue.categorise(null, null));
    }

    private static Category get(String code) {
        return catalogue.byCodeOrLabel(code).orElseThrow();
    }
}
