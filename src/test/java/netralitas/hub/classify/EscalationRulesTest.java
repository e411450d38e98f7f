package netralitas.hub.classify;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EscalationRulesTest {

    final EscalationRules rules = new EscalationRules(
            List.of("Sekretaris Daerah", "Kepala Dinas", "Kepala Badan", "Camat", "Pj", "Pj.", "Penjabat"),
            List.of("I", "II"),
            List.of("fasilitas negara", "mobil dinas", "kendaraan dinas", "anggaran", "APBD"));

    @ParameterizedTest
    @ValueSource(strings = {"I.a", "I.b", "II.a", "II.b", "IIa", "IIb", "II", "I", "ii.a", "Eselon II/a", " II.b ", "2.a"})
    void seniorEselon(String eselon) {
        assertTrue(rules.isSeniorEselon(eselon), eselon);
    }

    @ParameterizedTest
    @ValueSource(strings = {"III.a", "IIIb", "III", "IV.a", "IV.b", "V.a", "IVa", "Non Eselon", "-", "", "   ", "VI", "4.a"})
    void notSeniorEselon(String eselon) {
        assertFalse(rules.isSeniorEselon(eselon), eselon);
    }

    @Test
    void nullEselonIsNotSenior() {
        assertFalse(rules.isSeniorEselon(null));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Kepala Dinas Pendidikan", "KEPALA DINAS PU", "Sekretaris Daerah Kabupaten Contoh",
            "Kepala Badan Kepegawaian dan Pengembangan SDM", "Camat Kepahiang", "Pj. Bupati Contoh", "Pj Wali Kota Contoh",
            "PJ. WALIKOTA", "Penjabat Sekretaris Daerah", "Plt. Kepala Dinas Sosial"})
    void seniorPosition(String jabatan) {
        assertTrue(rules.isSeniorPosition(jabatan), jabatan);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Pjabat Fungsional", "Pengadministrasi Umum", "Sekretaris Dinas Pendidikan",
            "Kepala Bagian Umum", "Kepala Seksi Pemerintahan Kecamatan", "Sekretaris Kecamatan", "Pejabat Pembuat Komitmen",
            "Guru Ahli Muda", ""})
    void notSeniorPosition(String jabatan) {
        assertFalse(rules.isSeniorPosition(jabatan), jabatan);
    }

    @Test
    void stateFacilitiesAsConfiguredInConfigOrder() {
        assertEquals(List.of("mobil dinas", "anggaran", "APBD"),
                rules.stateFacilitiesIn("Dana kegiatan dari APBD; anggaran dipakai, lalu naik MOBIL-DINAS."));
        assertEquals(List.of(), rules.stateFacilitiesIn("Naik mobil pribadi ke lokasi."));
        assertEquals(List.of(), rules.stateFacilitiesIn(null));
    }

    @Test
    void invalidEselonLevelRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new EscalationRules(List.of(), List.of("II.a"), List.of()));
        assertTrue(e.getMessage().contains("II.a"));
    }
}
