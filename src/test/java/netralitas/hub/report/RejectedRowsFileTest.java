package netralitas.hub.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RejectedRowsFileTest {

    private static final List<String> HEADER = List.of("tanggal_kejadian", "nip_terlapor", "uraian");

    @TempDir
    Path dir;

    private static List<CSVRecord> readBack(Path file) throws IOException {
        return readBack(file, ',');
    }

    /** As a spreadsheet reads it: the byte order mark tells the encoding and is no part of the first cell. */
    private static List<CSVRecord> readBack(Path file, char delimiter) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        assertTrue(text.startsWith("\uFEFF"), "a byte order mark first");
        try (Reader in = new java.io.StringReader(text.substring(1));
             CSVParser parser = CSVFormat.DEFAULT.builder().setDelimiter(delimiter).get().parse(in)) {
            return parser.getRecords();
        }
    }

    @Test
    void firstAppendWritesHeaderThenRowsFollowWithCrlf() throws IOException {
        Path file = dir.resolve("laporan.csv.rejected.csv");
        RejectedRowsFile.append(file, HEADER, ',', new RejectedRow(2, List.of("2024-10-01", "123", "x"),
                "NIP tidak valid: harus 18 digit angka (ada 3)"));
        RejectedRowsFile.append(file, HEADER, ',', new RejectedRow(5, List.of("31/02/2024", "", "y"),
                "tanggal_kejadian '31/02/2024' tidak ada"));

        assertEquals("\uFEFFtanggal_kejadian,nip_terlapor,uraian,baris,alasan\r\n"
                + "2024-10-01,123,x,2,NIP tidak valid: harus 18 digit angka (ada 3)\r\n"
                + "31/02/2024,,y,5,tanggal_kejadian '31/02/2024' tidak ada\r\n",
                Files.readString(file, StandardCharsets.UTF_8));
    }

    @Test
    void formulaCellsAreEscapedAndEverythingRoundTrips() throws IOException {
        Path file = dir.resolve("sub/dir/x.rejected.csv");
        List<String> header = List.of("=judul", "uraian", "kontak", "catatan", "lain", "tab");
        RejectedRow row = new RejectedRow(12,
                List.of("=HYPERLINK(\"http://jahat.example\",\"klik\")", "baris, \"kutip\"\r\nbaris dua",
                        "+6281234567", "-5", "@SUM(A1)", "\tx"),
                "uraian kosong; jumlah kolom salah");
        RejectedRowsFile.append(file, header, ',', row);

        List<CSVRecord> records = readBack(file);
        assertEquals(2, records.size());
        assertEquals(List.of("'=judul", "uraian", "kontak", "catatan", "lain", "tab", "baris", "alasan"),
                records.get(0).toList());
        assertEquals(List.of("'=HYPERLINK(\"http://jahat.example\",\"klik\")", "baris, \"kutip\"\r\nbaris dua",
                        "'+6281234567", "'-5", "'@SUM(A1)", "'\tx", "12", "uraian kosong; jumlah kolom salah"),
                records.get(1).toList());
    }

    @Test
    void shortRowsArePaddedAndExtraCellsFollowTheReason() throws IOException {
        Path file = dir.resolve("r.csv");
        RejectedRowsFile.append(file, HEADER, ',', new RejectedRow(3, List.of("2024-10-01"), "jumlah kolom 1, seharusnya 3"));
        RejectedRowsFile.append(file, HEADER, ',', new RejectedRow(4, List.of("a", "b", "c", "d", "=e"), "jumlah kolom 5"));
        RejectedRowsFile.append(file, HEADER, ',', new RejectedRow(9, List.of(), "tanda kutip tidak ditutup"));

        List<CSVRecord> records = readBack(file);
        assertEquals(List.of("2024-10-01", "", "", "3", "jumlah kolom 1, seharusnya 3"), records.get(1).toList());
        assertEquals(List.of("a", "b", "c", "4", "jumlah kolom 5", "d", "'=e"), records.get(2).toList());
        assertEquals(List.of("", "", "", "9", "tanda kutip tidak ditutup"), records.get(3).toList());
    }

    @Test
    void anEmptyExistingFileGetsTheHeader() throws IOException {
        Path file = Files.createFile(dir.resolve("kosong.rejected.csv"));
        RejectedRowsFile.append(file, HEADER, ',', new RejectedRow(2, List.of("a", "b", "c"), "alasan"));
        List<CSVRecord> records = readBack(file);
        assertEquals(2, records.size());
        assertEquals("baris", records.get(0).get(3));
    }

    @Test
    void indonesianTextIsUtf8() throws IOException {
        Path file = dir.resolve("u.csv");
        RejectedRowsFile.append(file, List.of("nama"), ',', new RejectedRow(2, List.of("Ni Luh Putu Ayu Déwi"), "—"));
        assertTrue(Files.readString(file, StandardCharsets.UTF_8).contains("Ni Luh Putu Ayu Déwi,2,—"));
    }

    @Test
    void aSemicolonFileGetsSemicolonRejectsAsExcelInIndonesianWritesAndReadsThem() throws IOException {
        Path file = dir.resolve("titik-koma.rejected.csv");
        RejectedRowsFile.append(file, HEADER, ';', new RejectedRow(2, List.of("2024-10-01", "123", "rapat; dinas"),
                "NIP tidak valid: harus 18 digit angka (ada 3)"));
        Path tabs = dir.resolve("tab.rejected.csv");
        RejectedRowsFile.append(tabs, HEADER, '\t', new RejectedRow(2, List.of("a", "b", "c"), "alasan"));

        List<CSVRecord> records = readBack(file, ';');
        assertEquals(List.of("tanggal_kejadian", "nip_terlapor", "uraian", "baris", "alasan"), records.get(0).toList());
        assertEquals(List.of("2024-10-01", "123", "rapat; dinas", "2", "NIP tidak valid: harus 18 digit angka (ada 3)"),
                records.get(1).toList());
        assertEquals(List.of("a", "b", "c", "2", "alasan"), readBack(tabs, ',').get(1).toList(), "a tab file: commas");
    }

    @Test
    void rowsFromTheReaderRoundTripWithTheirLineNumbers() throws IOException {
        String csv = "tanggal_kejadian,catatan,nip_terlapor,uraian\n"
                + "2024-10-01,\"=cmd|' /C calc'!A0\",198001012005011000,\"x\ny\"\n";
        Path file = dir.resolve("dari-pembaca.rejected.csv");
        CsvReportReader reader = new CsvReportReader(new ReportParser(ReportParserTest.TODAY), new CsvBounds(20_000, 50_000));
        try (CsvRows rows = reader.open(new java.io.ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), "p.csv")) {
            RejectedRowsFile.append(file, rows.header(), rows.delimiter(), (RejectedRow) rows.next());
        }
        List<CSVRecord> records = readBack(file);
        assertEquals(List.of("2024-10-01", "'=cmd|' /C calc'!A0", "198001012005011000", "x\ny", "2",
                "NIP tidak valid: nomor urut 000"), records.get(1).toList());
    }
}
