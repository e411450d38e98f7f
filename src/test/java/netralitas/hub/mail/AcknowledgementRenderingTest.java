package netralitas.hub.mail;

import netralitas.hub.mail.Acknowledgement.CsvFileOutcome;
import netralitas.hub.mail.Acknowledgement.Outcome;
import netralitas.hub.mail.Acknowledgement.RejectedLine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The acknowledgement a reporter reads (SPEC §3.3), rendered from the shipped template. */
class AcknowledgementRenderingTest {

    private static final LocalDate SENT = LocalDate.of(2024, 10, 21);
    private static final String MAILBOX = "laporan@bawaslu.example";
    private static final String FORWARDED_TEXT = "diteruskan kepada pihak yang berwenang untuk ditindaklanjuti";

    private final CaseEmailRenderer renderer = MailFixtures.renderer(Path.of("config/templates"));

    @Test
    void aForwardedReportIsSaidToBeForwarded() {
        String text = text(Acknowledgement.ofCase(Outcome.FORWARDED, "NH-20241021-AB12CD34", "Laporan ASN", SENT, null,
                null, MAILBOX));
        assertContains(text, "Nomor kasus: NH-20241021-AB12CD34");
        assertContains(text, FORWARDED_TEXT);
        assertContains(text, "dengan subjek \"Laporan ASN\" yang dikirim pada 21 Oktober 2024");
    }

    @Test
    void passiveAttendanceIsClosedKindlyAndNotSaidToBeForwarded() {
        String text = text(Acknowledgement.ofCase(Outcome.CLOSED, "NH-1", "Kampanye", SENT, "PASSIVE_ATTENDANCE",
                "Hadir di kampanye secara pasif untuk mendengarkan visi-misi (diperbolehkan)", MAILBOX));
        assertContains(text, "Terima kasih atas kepedulian Anda");
        assertContains(text, "hadir di kampanye secara pasif");
        assertContains(text, "diperbolehkan dan bukan pelanggaran netralitas");
        assertContains(text, "tidak diteruskan dan kasusnya ditutup");
        assertContains(text, "silakan kirim laporan baru ke " + MAILBOX);
        assertFalse(text.contains(FORWARDED_TEXT), text);
    }

    @Test
    void anotherCategoryThatIsNoViolationIsNamedByItsLabel() {
        String text = text(Acknowledgement.ofCase(Outcome.CLOSED, "NH-1", null, null, "SOSIALISASI_UMUM",
                "Sosialisasi umum pemilu", null));
        assertContains(text, "tergolong \"Sosialisasi umum pemilu\"");
        assertContains(text, "ke alamat email pengaduan Bawaslu yang sama");
        assertFalse(text.contains("secara pasif"), text);
    }

    @Test
    void digestTriageAndDuplicateEachSayWhatHappened() {
        assertContains(text(Acknowledgement.ofCase(Outcome.DIGEST, "NH-1", null, SENT, null, null, MAILBOX)),
                "akan diteruskan kepada pihak yang berwenang dalam rekap harian berikutnya");
        String review = text(Acknowledgement.ofCase(Outcome.REVIEW, "NH-1", null, SENT, null, null, MAILBOX));
        assertContains(review, "diserahkan kepada petugas Bawaslu untuk ditelaah");
        assertFalse(review.contains(FORWARDED_TEXT), review);
        String duplicate = text(Acknowledgement.ofCase(Outcome.DUPLICATE, "NH-1", null, SENT, null, null, MAILBOX));
        assertContains(duplicate, "sudah pernah kami terima sebelumnya");
        assertFalse(duplicate.contains(FORWARDED_TEXT), duplicate);
    }

    @Test
    void aReportNotProcessedGetsTheReasonsTheLinesToSendAgainAndWhere() {
        String text = text(Acknowledgement.notProcessed("NH-1", "Laporan", SENT,
                "uraian kosong; kode_wilayah 'klik https://evil.example' tidak dikenali formatnya", MAILBOX));
        assertContains(text, "belum dapat diproses karena:\n  - uraian kosong\n  - kode_wilayah '…' tidak dikenali formatnya\n");
        assertContains(text, "silakan kirim ulang ke " + MAILBOX);
        assertContains(text, "  NIP Terlapor: (18 angka, bila diketahui)\n  Nama Terlapor:\n");
        assertContains(text, "  Uraian: (kronologi kejadian)");
        assertFalse(text.contains("evil.example"), text);
    }

    @Test
    void aCsvBatchNamesTheRejectedRowsByNumberAndReasonWithoutTheirCells() {
        String text = text(Acknowledgement.csvBatch("Rekap", SENT, List.of(
                new CsvFileOutcome(2, 7, null, List.of(
                        new RejectedLine(9, "kode_wilayah 'Wagiman 0813-5551-1051' tidak dikenali formatnya"),
                        new RejectedLine(4, "NIP tidak valid: bulan pengangkatan 13 tidak ada"))),
                new CsvFileOutcome(0, 0, "Berkas 'hadiah.csv' kosong: baris judul kolom tidak ada", null)), MAILBOX));
        assertContains(text, "  - Lampiran CSV ke-1: 2 baris diterima, 7 baris ditolak\n"
                + "      baris 4: NIP tidak valid: bulan pengangkatan 13 tidak ada\n"
                + "      baris 9: kode_wilayah '…' tidak dikenali formatnya\n"
                + "      dan 5 baris lain yang ditolak\n");
        assertContains(text, "  - Lampiran CSV ke-2: tidak dapat dibaca (Berkas '…' kosong: baris judul kolom tidak ada)");
        assertContains(text, "berkasnya tidak dikirim kembali");
        assertFalse(text.contains("Wagiman") || text.contains("0813") || text.contains("hadiah"), text);
    }

    @ParameterizedTest
    @EnumSource(Outcome.class)
    void theSizeIsBoundedWhateverTheInput(Outcome outcome) {
        String huge = "Klik https://evil.example/" + "x".repeat(20_000);
        // As the hub writes a reason: the input quoted (QuotedInput bounds it, but this one is longer still).
        String reason = "kode_wilayah '" + huge + "' tidak dikenali formatnya";
        String reasons = String.join("; ", Collections.nCopies(50, reason));
        List<RejectedLine> rows = new ArrayList<>();
        for (int line = 1_000; line > 0; line -= 7) {
            rows.add(new RejectedLine(line, reason));
        }
        List<CsvFileOutcome> files = Collections.nCopies(5_000, new CsvFileOutcome(1_000_000, 1_000_000, reason, rows));
        Acknowledgement ack = new Acknowledgement(outcome, "NH-20241021-AB12CD34", huge, SENT, Collections.nCopies(50, reasons),
                "PASSIVE_ATTENDANCE", huge, files, MAILBOX, null);
        RenderedEmail mail = renderer.renderAcknowledgement(ack);
        int bytes = mail.text().getBytes(StandardCharsets.UTF_8).length + mail.subject().length();
        assertTrue(bytes < 8_192, outcome + ": " + bytes + " bytes\n" + mail.text());
        assertFalse(mail.text().contains("x".repeat(81)), "no long run of the sender's text");
        assertFalse(mail.text().replaceFirst("dengan subjek \"[^\"]*\"", "").contains("evil.example"),
                "nothing of the sender's text but the subject");
    }

    private String text(Acknowledgement ack) {
        return renderer.renderAcknowledgement(ack).text();
    }

    private static void assertContains(String haystack, String needle) {
        assertTrue(haystack.contains(needle), () -> "expected to find [" + needle + "] in:\n" + haystack);
    }
}
