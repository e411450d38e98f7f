package netralitas.hub.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;

class CsvReportReaderTest {

    private static final String NIP = "198702142010011003";

    private final CsvReportReader reader = new CsvReportReader(new ReportParser(ReportParserTest.TODAY), new CsvBounds(20_000, 50_000));

    private List<CsvRow> readAll(String content, String fileName) throws IOException {
        return readAll(content.getBytes(StandardCharsets.UTF_8), fileName);
    }

    private List<CsvRow> readAll(byte[] content, String fileName) throws IOException {
        List<CsvRow> rows = new ArrayList<>();
        try (CsvRows csv = reader.open(new ByteArrayInputStream(content), fileName)) {
            csv.forEachRemaining(rows::add);
        }
        return rows;
    }

    private static Report accepted(CsvRow row) {
        return assertInstanceOf(AcceptedRow.class, row, () -> "rejected: " + row).report();
    }

    @Test
    void commaFileWithAliasesAndLf() throws IOException {
        String csv = "Report-ID,Tanggal,NIP,Nama,Uraian,Kode Wilayah\n"
                + "LP-1,2024-10-05," + NIP + ",Rudi Hartono,Mengunggah dukungan,1708\n"
                + "LP-2,06/10/2024,,Budi Santoso,Hadir di kampanye,17.02\n";
        List<CsvRow> rows = readAll(csv, "bawaslu.csv");

        assertEquals(2, rows.size());
        Report first = accepted(rows.get(0));
        assertEquals("LP-1", first.registerNumber());
        assertEquals(NIP, first.nip());
        assertEquals("17.08", first.regionCode());
        assertEquals(ReportSource.csv("bawaslu.csv", 2), first.source());
        assertEquals(2, rows.get(0).line());
        Report second = accepted(rows.get(1));
        assertEquals(LocalDate.of(2024, 10, 6), second.incidentDate());
        assertEquals("Budi Santoso", second.name());
        assertEquals(3, rows.get(1).line());
    }

    @Test
    void semicolonDetectedFromHeaderSoCommasInValuesNeedNoQuotes() throws IOException {
        String csv = "tanggal_kejadian;nip_terlapor;uraian;bukti\n"
                + "05/10/2024;" + NIP + ";Hadir, memakai atribut, dan berorasi;https://bukti.example/a.jpg|https://bukti.example/b.jpg\n";
        Report r = accepted(readAll(csv, "titik-koma.csv").get(0));
        assertEquals("Hadir, memakai atribut, dan berorasi", r.description());
        assertEquals(List.of("https://bukti.example/a.jpg", "https://bukti.example/b.jpg"), r.evidence());
    }

    @Test
    void quotedCommaInHeaderDoesNotFoolDelimiterDetection() throws IOException {
        String csv = "tanggal_kejadian;nip_terlapor;uraian;\"catatan, lain-lain\"\n"
                + "05/10/2024;" + NIP + ";x;y\n";
        try (CsvRows rows = reader.open(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), "q.csv")) {
            assertEquals(List.of("tanggal_kejadian", "nip_terlapor", "uraian", "catatan, lain-lain"), rows.header());
            assertInstanceOf(AcceptedRow.class, rows.next());
        }
    }

    /** Excel's "Unicode Text": UTF-16 little-endian with its byte order mark, tab-delimited, CRLF. */
    @Test
    void utf16WithItsByteOrderMarkAndTabsIsRead() throws IOException {
        String csv = "\uFEFFtanggal_kejadian\tnip_terlapor\tnama_terlapor\turaian\r\n"
                + "05/10/2024\t" + NIP + "\tDésa Purnamasari\tHadir, memakai atribut; berorasi\r\n";
        for (var charset : List.of(StandardCharsets.UTF_16LE, StandardCharsets.UTF_16BE)) {
            List<CsvRow> rows = readAll(csv.getBytes(charset), "unicode.csv");
            assertEquals(1, rows.size(), charset.name());
            Report r = accepted(rows.get(0));
            assertEquals("Désa Purnamasari", r.name(), charset.name());
            assertEquals("Hadir, memakai atribut; berorasi", r.description(), charset.name());
        }
    }

    @Test
    void aSpreadsheetOrBinaryFileUnderACsvNameIsRefusedWithWhatToDo() {
        byte[] xlsx = {'P', 'K', 3, 4, 20, 0, 6, 0, 8, 0, 0, 0, 33, 0};
        byte[] xls = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1};
        byte[] utf16WithoutMark = ("tanggal_kejadian;nip_terlapor;uraian\n05/10/2024;" + NIP + ";x\n")
                .getBytes(StandardCharsets.UTF_16LE);
        assertEquals("berkas adalah lembar kerja XLSX/ODS (arsip ZIP), bukan CSV: simpan ulang dari aplikasi lembar kerja"
                + " sebagai \"CSV UTF-8\"", assertThrows(CsvFileException.class, () -> readAll(xlsx, "rekap.csv")).getMessage());
        assertTrue(assertThrows(CsvFileException.class, () -> readAll(xls, "rekap.csv")).getMessage()
                .startsWith("berkas adalah lembar kerja Excel lama (XLS), bukan CSV"));
        assertTrue(assertThrows(CsvFileException.class, () -> readAll(utf16WithoutMark, "rekap.csv")).getMessage()
                .startsWith("berkas bukan teks CSV"));
    }

    @Test
    void aStrayNulInATextFileIsACellsProblemNotTheFiles() throws IOException {
        String csv = "tanggal_kejadian;nip_terlapor;uraian\n05/10/2024;" + NIP + ";hadir\u0000 di kampanye\n";
        assertEquals("hadir di kampanye", accepted(readAll(csv, "nul.csv").get(0)).description());
    }

    @Test
    void bomAndCrlf() throws IOException {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] body = ("nomor_laporan;tanggal_kejadian;nip_terlapor;uraian\r\n"
                + "LP-9;2024-10-05;" + NIP + ";Kepala Bagian berfoto dengan paslon\r\n"
                + "LP-10;2024-10-06;" + NIP + ";Guru hadir pasif\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] content = new byte[bom.length + body.length];
        System.arraycopy(bom, 0, content, 0, bom.length);
        System.arraycopy(body, 0, content, bom.length, body.length);

        try (CsvRows rows = reader.open(new ByteArrayInputStream(content), "bom.csv")) {
            assertEquals("nomor_laporan", rows.header().get(0));
            Report first = accepted(rows.next());
            assertEquals("LP-9", first.registerNumber());
            assertEquals("Kepala Bagian berfoto dengan paslon", first.description());
            CsvRow second = rows.next();
            assertEquals(3, second.line());
            assertEquals("Guru hadir pasif", accepted(second).description());
            assertFalse(rows.hasNext());
            assertThrows(NoSuchElementException.class, rows::next);
        }
    }

    @Test
    void quotedFieldWithDelimiterQuotesAndNewlinesKeepsLaterLineNumbersRight() throws IOException {
        String csv = "tanggal_kejadian,nip_terlapor,uraian\r\n"                       // 1
                + "2024-10-01," + NIP + ",satu\r\n"                                  // 2
                + "2024-10-02," + NIP + ",\"baris a, dengan koma\r\n"                // 3
                + "kata \"\"kutip\"\"\n"                                              // 4
                + "baris c\"\r\n"                                                    // 5
                + "\r\n"                                                             // 6 blank
                + "2024-10-03," + NIP + ",tiga\r\n"                                  // 7
                + ",,\r\n"                                                           // 8 empty cells
                + "2024-10-04," + NIP + ",\"\"\"dikutip\"\"\"\n"                       // 9
                + "2024-10-05," + NIP + ",tanpa akhir baris";                        // 10
        List<CsvRow> rows = readAll(csv, "multi.csv");

        assertEquals(List.of(2L, 3L, 7L, 9L, 10L), rows.stream().map(CsvRow::line).toList());
        assertEquals("baris a, dengan koma\r\nkata \"kutip\"\nbaris c", accepted(rows.get(1)).description());
        assertEquals(ReportSource.csv("multi.csv", 3), accepted(rows.get(1)).source());
        assertEquals("tiga", accepted(rows.get(2)).description());
        assertEquals("\"dikutip\"", accepted(rows.get(3)).description());
        assertEquals("tanpa akhir baris", accepted(rows.get(4)).description());
    }

    @Test
    void wrongCellCountIsRejectedAndTheFileGoesOn() throws IOException {
        String csv = "tanggal_kejadian,nip_terlapor,uraian\n"
                + "2024-10-01," + NIP + "\n"
                + "2024-10-01," + NIP + ",x,tambahan\n"
                + "2024-10-01," + NIP + ",koma di akhir,\n"
                + "2024-10-02," + NIP + ",baik\n";
        List<CsvRow> rows = readAll(csv, "kolom.csv");

        assertEquals(4, rows.size());
        RejectedRow tooFew = assertInstanceOf(RejectedRow.class, rows.get(0));
        assertEquals(2, tooFew.line());
        assertEquals(List.of("2024-10-01", NIP), tooFew.values());
        assertEquals("jumlah kolom 2, seharusnya 3 sesuai baris judul", tooFew.reason());
        RejectedRow tooMany = assertInstanceOf(RejectedRow.class, rows.get(1));
        assertEquals("jumlah kolom 4, seharusnya 3 sesuai baris judul", tooMany.reason());
        assertEquals(List.of("2024-10-01", NIP, "x", "tambahan"), tooMany.values());
        assertEquals("koma di akhir", accepted(rows.get(2)).description());
        assertEquals("baik", accepted(rows.get(3)).description());
    }

    @Test
    void invalidRowKeepsAllOriginalCellsIncludingUnknownColumns() throws IOException {
        String csv = "tanggal_kejadian,catatan,nip_terlapor,uraian\n"
                + "2024-10-01,=1+2,198013322005011001,x\n"
                + "2024-10-01,abaikan," + NIP + ",y\n";
        try (CsvRows rows = reader.open(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), "r.csv")) {
            assertEquals(List.of("tanggal_kejadian", "catatan", "nip_terlapor", "uraian"), rows.header());
            RejectedRow rejected = assertInstanceOf(RejectedRow.class, rows.next());
            assertEquals(List.of("2024-10-01", "=1+2", "198013322005011001", "x"), rejected.values());
            assertEquals("NIP tidak valid: tanggal lahir 19801332 tidak ada", rejected.reason());
            assertEquals(2, rejected.line());
            assertEquals("y", accepted(rows.next()).description());
        }
    }

    @Test
    void duplicateAliasColumnsTakeTheFirstNonBlank() throws IOException {
        String csv = "tanggal,nip,nip_terlapor,uraian\n"
                + "2024-10-01,," + NIP + ",x\n";
        assertEquals(NIP, accepted(readAll(csv, "d.csv").get(0)).nip());
    }

    @Test
    void unterminatedQuoteRejectsTheRestAndStops() throws IOException {
        String csv = "tanggal_kejadian,nip_terlapor,uraian\n"
                + "2024-10-01," + NIP + ",baik\n"
                + "2024-10-01," + NIP + ",\"tidak ditutup\n"
                + "2024-10-02," + NIP + ",ikut tertelan\n";
        List<CsvRow> rows = readAll(csv, "kutip.csv");
        assertEquals(2, rows.size());
        accepted(rows.get(0));
        RejectedRow broken = assertInstanceOf(RejectedRow.class, rows.get(1));
        assertEquals(3, broken.line());
        assertTrue(broken.reason().startsWith("tanda kutip (\") tidak ditutup"), broken.reason());
        assertTrue(broken.reason().contains("baris ini dan semua baris sesudahnya tidak terbaca"), broken.reason());
    }

    @Test
    void missingDescriptionColumnIsAFileError() {
        CsvFileException e = assertThrows(CsvFileException.class,
                () -> readAll("tanggal_kejadian,nip_terlapor\n2024-10-01," + NIP + "\n", "tanpa-uraian.csv"));
        assertEquals("baris judul kolom tidak lengkap: baris pertama berisi 2 kolom, 2 di antaranya dikenali; "
                + "kolom wajib tidak ada: uraian", e.getMessage());
    }

    @Test
    void missingDateAndSubjectColumnsAreNamed() {
        CsvFileException e = assertThrows(CsvFileException.class,
                () -> readAll("uraian;wilayah\nx;Kab. Lebong\n", "tanpa-tanggal.csv"));
        assertTrue(e.getMessage().contains("tanggal_kejadian (atau tanggal / incident_date); nip_terlapor atau nama_terlapor"),
                e.getMessage());
    }

    @Test
    void nameColumnWithoutNipColumnIsEnoughForTheFile() throws IOException {
        List<CsvRow> rows = readAll("tanggal,nama,wilayah,uraian\n2024-10-01,Budi,Kab. Bungo,x\n", "nama.csv");
        assertEquals("Budi", accepted(rows.get(0)).name());
    }

    @Test
    void emptyFilesAreFileErrors() {
        CsvFileException empty = assertThrows(CsvFileException.class, () -> readAll("", "kosong.csv"));
        assertEquals("berkas kosong: tidak ada baris judul kolom", empty.getMessage());
        assertThrows(CsvFileException.class,
                () -> readAll(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, "bom-saja.csv"));
        CsvFileException blankHeader = assertThrows(CsvFileException.class, () -> readAll("\nuraian\n", "b.csv"));
        assertEquals("baris pertama kosong, seharusnya baris judul kolom", blankHeader.getMessage());
    }

    @Test
    void headerOnlyFileHasNoRows() throws IOException {
        assertEquals(List.of(), readAll("tanggal_kejadian,nip_terlapor,uraian\r\n", "judul.csv"));
    }

    @Test
    void aFileThatIsNotUtf8IsReadAsExcelWritesItOnWindows() throws IOException {
        String csv = "tanggal_kejadian;nip_terlapor;nama_terlapor;uraian\r\n01/10/2024;" + NIP
                + ";S\u00E9tiawan Nur\u2019aini;kampanye \u2014 di balai desa\r\n";
        Report report = accepted(readAll(csv.getBytes(Charset.forName("windows-1252")), "excel-ansi.csv").get(0));
        assertEquals("S\u00E9tiawan Nur\u2019aini", report.name());
        assertEquals("kampanye \u2014 di balai desa", report.description());
        assertEquals("S\u00E9tiawan", accepted(readAll("tanggal_kejadian;nip_terlapor;nama_terlapor;uraian\n01/10/2024;"
                + NIP + ";S\u00E9tiawan;x\n", "utf8.csv").get(0)).name(), "UTF-8 stays UTF-8");
    }

    @Test
    void invalidUtf8BytesPastTheFirstBytesDoNotStopTheFile() throws IOException {
        StringBuilder csv = new StringBuilder("tanggal_kejadian,nip_terlapor,uraian\n");
        while (csv.length() <= CsvEncoding.SNIFF_BYTES) {
            csv.append("2024-10-01,").append(NIP).append(",baris biasa\n");
        }
        byte[] head = (csv + "2024-10-01," + NIP + ",caf").getBytes(StandardCharsets.UTF_8);
        byte[] content = Arrays.copyOf(head, head.length + 2);
        content[head.length] = (byte) 0xE9; // Latin-1 é
        content[head.length + 1] = '\n';
        List<CsvRow> rows = readAll(content, "latin1-tail.csv");
        assertEquals("caf\uFFFD", accepted(rows.get(rows.size() - 1)).description());
    }

    @Test
    void excelsSeparatorHintLineIsReadAsTheDelimiterNotAsTheHeader() throws IOException {
        String csv = "sep=;\r\ntanggal_kejadian;nip_terlapor;uraian\r\n01/10/2024;" + NIP + ";satu, dua\r\n"
                + "01/10/2024;123;NIP salah\r\n";
        List<CsvRow> rows = readAll(csv, "sep.csv");
        assertEquals("satu, dua", accepted(rows.get(0)).description());
        assertEquals(4, assertInstanceOf(RejectedRow.class, rows.get(1)).line(), "line numbers count the hint line");
    }
}
