package netralitas.hub.classify;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Free-text descriptions, as reporters write them, recognised by the keywords in config/categories.yaml. */
class KeywordClassificationTest {

    static CategoryCatalogue catalogue;

    @BeforeAll
    static void load() {
        catalogue = CategoryCatalogue.load(Path.of("config/categories.yaml"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            PASSIVE_ATTENDANCE  | Seorang guru SD hanya hadir secara pasif mendengarkan visi misi pada kampanye calon bupati di lapangan desa.
            PASSIVE_ATTENDANCE  | Terlapor datang ke kampanye akbar paslon nomor 2, duduk di belakang tanpa atribut, hanya mendengarkan visi-misi.
            PASSIVE_ATTENDANCE  | Guru ASN menghadiri kampanye pasangan calon secara pasif.
            PASSIVE_ATTENDANCE  | Seorang guru hadir dalam kampanye calon wali kota, hanya duduk sebagai penonton.
            ATTEND_ACTIVE       | ASN terlihat dalam acara kampanye pasangan calon wali kota memakai kaos bergambar calon dan ikut yel-yel.
            CAMPAIGN_EVENT      | ASN terlihat dalam kampanye salah satu paslon di lapangan.
            CAMPAIGN_EVENT      | Terlapor ikut kampanye bakal calon wali kota di Gedung Serbaguna bersama warga.
            CAMPAIGN_EVENT      | ASN hadir dalam kegiatan sosialisasi dan pengenalan bakal calon bupati di balai desa.
            BANNER              | ASN memasang spanduk dan baliho bakal calon bupati di pagar rumahnya.
            BANNER              | Terlapor menempelkan stiker bergambar bakal calon di kaca belakang mobil pribadinya.
            BANNER              | Balihonya dipasang di depan kantor kelurahan.
            SOCMED_ENGAGE       | Terlapor memberikan like dan komentar dukungan pada unggahan akun tim pemenangan paslon di Facebook.
            SOCMED_ENGAGE       | ASN tersebut share postingan dan follow akun pemenangan calon gubernur.
            SOCMED_CAMPAIGN     | ASN mengkampanyekan bakal calon wali kota melalui media sosial TikTok dan status WhatsApp setiap hari.
            CANDIDATE_NO_RESIGN | ASN Pemprov mencalonkan diri dan ditetapkan sebagai calon wali kota Bengkulu tanpa mengundurkan diri sebagai ASN.
            CANDIDATE_NO_RESIGN | Terlapor maju sebagai calon bupati namun belum mengundurkan diri dari PNS.
            PARTY_MEMBER        | Nama terlapor tercatat di Sipol sebagai pengurus partai politik tingkat kabupaten dan memiliki kartu tanda anggota.
            PARTY_MEMBER        | Kepala sekolah diketahui menjadi kader partai dan menjabat ketua DPC.
            PHOTO_PARTISAN      | Terlapor berfoto bersama calon bupati sambil mengacungkan dua jari lalu mengunggah foto itu ke grup.
            ATTEND_ACTIVE       | ASN menghadiri deklarasi pasangan calon, memakai atribut kampanye dan ikut berorasi di atas panggung.
            PARTISAN_ACTIVITY   | Kepala Bagian diduga tidak netral karena mengajak ASN mendukung salah satu pasangan calon bupati.
            PARTISAN_ACTIVITY   | Camat mengumpulkan warga dalam pertemuan di rumahnya, mengajak memilih paslon tertentu dan membagikan sembako.
            TEAM_POST           | ASN diduga menjadi tim pemenangan paslon bupati.
            TEAM_POST           | Terlapor terdaftar sebagai tim kampanye pasangan calon nomor urut 1 setelah penetapan oleh KPU.
            TEAM_PRE            | ASN menjadi tim ahli bakal calon sebelum penetapan pasangan calon oleh KPU.
            KTP_SUPPORT         | Terlapor mengumpulkan fotokopi KTP warga untuk dukungan calon perseorangan.
            FAVOURING_DECISION  | Kepala dinas menyalurkan bantuan sosial hanya kepada pendukung dan memutasi pegawai sehingga menguntungkan salah satu pasangan calon.
            APPROACH_PARTY      | Sekda mengambil formulir pendaftaran dan mengikuti penjaringan bakal calon di kantor partai serta meminta rekomendasi partai.
            SPOUSE_CAMPAIGN     | Istri calon bupati, seorang guru ASN, ikut mendampingi suaminya dalam kampanye di pasar.
            """)
    void recognisesCategoryFromDescription(String expected, String description) {
        assertEquals(expected, catalogue.byKeywords(description).orElseThrow().code());
        assertEquals(expected, catalogue.categorise("", description).code());
    }

    @Test
    void passiveAttendanceWinsOverCampaignEvenThoughItMentionsKampanye() {
        String text = "hanya hadir secara pasif mendengarkan visi misi";
        assertEquals("PASSIVE_ATTENDANCE", catalogue.byKeywords(text).orElseThrow().code());
        assertEquals("PASSIVE_ATTENDANCE", catalogue.byKeywords(text + " dalam kampanye calon").orElseThrow().code());
        assertEquals("CAMPAIGN_EVENT", catalogue.byKeywords("Terlapor ikut kampanye calon di lapangan").orElseThrow().code());
    }

    @Test
    void wholeWordsOnly() {
        // "klik", "likes" and "timsesnya"-like fragments must not trigger single-word keywords.
        assertTrue(catalogue.byKeywords("Pegawai mengklik tautan; dua likes terlihat").isEmpty());
        assertEquals("SOCMED_ENGAGE", catalogue.byKeywords("ASN nge-like unggahan itu").orElseThrow().code());
    }

    @Test
    void nothingRecognisableIsEmpty() {
        assertTrue(catalogue.byKeywords("Terlapor tidak masuk kerja pada hari Senin.").isEmpty());
        assertTrue(catalogue.byKeywords("   ").isEmpty());
        assertTrue(catalogue.byKeywords(null).isEmpty());
    }

    @Test
    void caseAndAccentsIgnored() {
        assertEquals("BANNER", catalogue.byKeywords("MEMASANG SPANDUK").orElseThrow().code());
        assertEquals("KTP_SUPPORT", catalogue.byKeywords("Mengumpulkan FOTOKOPI KTP").orElseThrow().code());
    }
}
