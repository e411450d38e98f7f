package netralitas.hub.mail;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AcknowledgementTextTest {

    @Test
    void theSubjectIsOneLineOfAtMostEightyCharacters() {
        String phishing = "Akun Anda diblokir\r\nBcc: x@evil.example\tSegera login di https://evil.example/login?"
                + "x".repeat(200);
        String subject = AcknowledgementText.subject(phishing);
        assertEquals(80, subject.length(), subject);
        assertTrue(subject.endsWith("…"), subject);
        assertTrue(subject.chars().noneMatch(Character::isISOControl), subject);
        assertEquals("Akun Anda diblokir Bcc: x@evil.example Segera login di https://evil.example/log…", subject);
        assertNull(AcknowledgementText.subject(" \r\n "));
        assertNull(AcknowledgementText.subject(null));
    }

    @Test
    void eachProblemOfAReasonIsOneLineAndQuotedInputIsLeftOut() {
        assertEquals(List.of("uraian kosong", "kode_wilayah '…' tidak dikenali formatnya",
                        "jenis_terlapor '…' tidak dikenali (ASN, PPPK, KEPALA_DESA atau PERANGKAT_DESA)"),
                AcknowledgementText.reasons("uraian kosong; kode_wilayah 'Klik https://evil.example' tidak dikenali "
                        + "formatnya; jenis_terlapor 'hadiah' tidak dikenali (ASN, PPPK, KEPALA_DESA atau PERANGKAT_DESA)"));
        assertEquals(List.of("NIP tidak valid: bulan pengangkatan 13 tidak ada"),
                AcknowledgementText.reasons("NIP tidak valid: bulan pengangkatan 13 tidak ada"));
    }

    @Test
    void aLibrarysErrorMessageIsLeftOutAndOnlyTheHubsWordsBeforeItStay() {
        assertEquals("struktur MIME rusak",
                AcknowledgementText.reason("struktur MIME rusak: ParseException: Missing start boundary in 'x'"));
        assertEquals("kesalahan di hub",
                AcknowledgementText.reason("kesalahan di hub (IllegalStateException): kunjungi https://evil.example"));
        assertEquals("header pesan tidak dapat dibaca",
                AcknowledgementText.reason("header pesan tidak dapat dibaca: AddressException: Illegal route-addr in string ``Klik''"));
    }

    @Test
    void onlyTheFirstSentenceOfAReasonStays() {
        assertEquals(List.of("Berkas '…' tidak dapat diproses: kolom wajib tidak ada: tanggal_kejadian (atau tanggal / incident_date)",
                        "nip_terlapor atau nama_terlapor"),
                AcknowledgementText.reasons("Berkas 'rekap.csv' tidak dapat diproses: kolom wajib tidak ada: tanggal_kejadian "
                        + "(atau tanggal / incident_date); nip_terlapor atau nama_terlapor. Judul kolom yang ada: 3, "
                        + "2024-10-10, Wagiman Hadiwidjojo, 0813-5551-1051"));
    }

    @Test
    void aStrayQuoteHidesEverythingAfterIt() {
        assertEquals("kode_wilayah '…'", AcknowledgementText.reason("kode_wilayah 'abc; kunjungi evil.example"));
    }

    @Test
    void aReasonHasAtMostFiveLinesOfAtMost160Characters() {
        String reason = String.join("; ", java.util.Collections.nCopies(50, "uraian kosong " + "panjang ".repeat(40)));
        List<String> lines = AcknowledgementText.reasons(reason);
        assertEquals(AcknowledgementText.MAX_REASONS, lines.size());
        assertTrue(lines.stream().allMatch(l -> l.length() <= AcknowledgementText.MAX_REASON_CHARS), lines.toString());
        assertTrue(AcknowledgementText.reason(reason).length() <= AcknowledgementText.MAX_REASON_CHARS);
        assertEquals(List.of(), AcknowledgementText.reasons(null));
    }
}
