package netralitas.hub.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

/** SPEC §9: a CSV line and field are bounded; past a bound a row is rejected and a header line rejects the file. */
class CsvBoundsTest {

    private static final String NIP = "198702142010011003";
    private static final String HEADER = "tanggal_kejadian,nip_terlapor,uraian\n";
    private static final String GOOD = "2024-10-01," + NIP + ",baik\n";

    private final CsvReportReader reader = new CsvReportReader(new ReportParser(ReportParserTest.TODAY), new CsvBounds(20, 60));
    private final CsvReportReader defaults = new CsvReportReader(new ReportParser(ReportParserTest.TODAY),
            new CsvBounds(20_000, 50_000));

    private List<CsvRow> readAll(CsvReportReader csvReader, InputStream in) throws IOException {
        List<CsvRow> rows = new ArrayList<>();
        try (CsvRows csv = csvReader.open(in, "batas.csv")) {
            csv.forEachRemaining(rows::add);
        }
        return rows;
    }

    private List<CsvRow> readAll(String content) throws IOException {
        return readAll(reader, new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void aFieldPastItsBoundRejectsItsRowByTheBoundAndTheFileGoesOn() throws IOException {
        List<CsvRow> rows = readAll(HEADER + "2024-10-01," + NIP + "," + "x".repeat(25) + "\n" + GOOD);
        assertEquals(2, rows.size());
        RejectedRow rejected = assertInstanceOf(RejectedRow.class, rows.get(0));
        assertEquals(2, rejected.line());
        assertEquals("kolom uraian panjangnya 25 karakter, melebihi batas 20 karakter (hub.csv.max-field-chars)",
                rejected.reason());
        assertEquals(List.of("2024-10-01", NIP, "x".repeat(20)), rejected.values(), "cut at the bound, other cells kept");
        assertEquals(3, assertInstanceOf(AcceptedRow.class, rows.get(1)).line());
    }

    @Test
    void aQuotedFieldPastItsBoundKeepsTheLinesAfterItRight() throws IOException {
        String longQuoted = "\"" + "ab\"\"\r\n".repeat(10) + "\"";
        List<CsvRow> rows = readAll(HEADER + "2024-10-01," + NIP + "," + longQuoted + "\n" + GOOD + GOOD);
        RejectedRow rejected = assertInstanceOf(RejectedRow.class, rows.get(0));
        assertTrue(rejected.reason().startsWith("kolom uraian panjangnya 50 karakter"), rejected.reason());
        // The rejected record spans lines 2 to 12; the next rows are lines 13 and 14.
        assertEquals(List.of(13L, 14L), rows.subList(1, 3).stream().map(CsvRow::line).toList());
        assertTrue(rows.subList(1, 3).stream().allMatch(AcceptedRow.class::isInstance));
    }

    @Test
    void aRecordPastItsBoundIsRejectedEvenWhenEveryFieldIsShort() throws IOException {
        String manyCells = "2024-10-01," + NIP + ",\"" + "y".repeat(15) + "\"" + ",z".repeat(30);
        List<CsvRow> rows = readAll(HEADER + manyCells + "\n" + GOOD);
        RejectedRow rejected = assertInstanceOf(RejectedRow.class, rows.get(0));
        assertEquals("baris ini panjangnya " + manyCells.length() + " karakter, melebihi batas 60 karakter"
                + " (hub.csv.max-record-chars); kolom sesudah batas tidak terbaca", rejected.reason());
        assertEquals(3, assertInstanceOf(AcceptedRow.class, rows.get(1)).line());
    }

    @Test
    void aRecordCutInsideAQuotedFieldStillEndsWhereTheFileSaysItEnds() throws IOException {
        String quotedAcrossTheBound = "2024-10-01," + NIP + ",\"" + "q,\n".repeat(12) + "\"";
        List<CsvRow> rows = readAll(HEADER + quotedAcrossTheBound + "\n" + GOOD);
        assertTrue(assertInstanceOf(RejectedRow.class, rows.get(0)).reason().contains("hub.csv.max-record-chars"));
        assertEquals(15, assertInstanceOf(AcceptedRow.class, rows.get(1)).line());
    }

    @Test
    void aHeaderLinePastTheBoundRejectsTheFileWithoutQuotingIt() {
        CsvFileException e = assertThrows(CsvFileException.class,
                () -> readAll("Wagiman Hadiwidjojo," + "0813-5551-1051,".repeat(10) + "\n" + GOOD));
        assertTrue(e.getMessage().startsWith("berkas tidak memiliki baris judul kolom yang dikenali: baris pertama panjangnya"),
                e.getMessage());
        assertTrue(e.getMessage().endsWith("melebihi batas 60 karakter (hub.csv.max-record-chars)"), e.getMessage());
        assertFalse(e.getMessage().contains("Wagiman") || e.getMessage().contains("0813"), e.getMessage());
    }

    @Test
    void aDataLineInPlaceOfTheHeaderIsNamedByCountsAndCanonicalNamesOnly() {
        CsvFileException e = assertThrows(CsvFileException.class, () -> readAll(defaults, stream(
                "3,2024-10-10,199308122019031007,Wagiman Hadiwidjojo,0813-5551-1051\n" + GOOD)));
        assertEquals("berkas tidak memiliki baris judul kolom yang dikenali: baris pertama berisi 5 kolom, 0 di antaranya"
                + " dikenali; kolom wajib tidak ada: uraian; tanggal_kejadian (atau tanggal / incident_date);"
                + " nip_terlapor atau nama_terlapor", e.getMessage());
    }

    @Test
    void aSeventeenMegabyteLineWithoutHeaderIsReadInBoundedMemory() {
        CsvFileException e = assertThrows(CsvFileException.class,
                () -> readAll(defaults, new RepeatedLine("3,2024-10-10,Wagiman Hadiwidjojo,0813-5551-1051,", 17 << 20)));
        assertTrue(e.getMessage().contains("melebihi batas 50.000 karakter (hub.csv.max-record-chars)"), e.getMessage());
        assertFalse(e.getMessage().contains("Wagiman"), e.getMessage());
    }

    @Test
    void aThirtyMegabyteFieldRejectsOnlyItsRow() throws IOException {
        InputStream in = new java.io.SequenceInputStream(java.util.Collections.enumeration(List.of(
                new ByteArrayInputStream((HEADER + "2024-10-01," + NIP + ",\"").getBytes(StandardCharsets.UTF_8)),
                new RepeatedLine("uraian panjang sekali, \"\"dikutip\"\"\n", 30 << 20),
                new ByteArrayInputStream(("\"\n" + GOOD).getBytes(StandardCharsets.UTF_8)))));
        List<CsvRow> rows = readAll(defaults, in);
        assertEquals(2, rows.size());
        RejectedRow rejected = assertInstanceOf(RejectedRow.class, rows.get(0));
        assertTrue(rejected.reason().startsWith("kolom uraian panjangnya "), rejected.reason());
        assertTrue(rejected.reason().contains("melebihi batas 20.000 karakter (hub.csv.max-field-chars)"), rejected.reason());
        assertTrue(rejected.values().stream().mapToInt(String::length).sum() < 2_000, "the rejects file stays small");
        assertInstanceOf(AcceptedRow.class, rows.get(1));
    }

    @Test
    void aCutLastLineOfAFileThatMayStillGrowIsHeldBackNotRejected() throws IOException {
        try (CsvRows rows = reader.openDropped(stream(HEADER + GOOD + "2024-10-02," + NIP), "pelan.csv", true, () -> null)) {
            assertTrue(rows.hasNext());
            assertInstanceOf(AcceptedRow.class, rows.next());
            assertFalse(rows.hasNext(), "the cut row is neither a case nor a reject");
            assertTrue(rows.heldBackCutTail());
        }
        try (CsvRows rows = reader.openDropped(stream(HEADER + GOOD + "2024-10-02," + NIP + ",\"belum\nselesai"),
                "pelan.csv", true, () -> null)) {
            rows.next();
            assertFalse(rows.hasNext());
            assertTrue(rows.heldBackCutTail(), "cut inside quotes");
        }
        try (CsvRows rows = reader.openDropped(stream("tanggal_kejadian,nip"), "pelan.csv", true, () -> null)) {
            assertFalse(rows.hasNext());
            assertTrue(rows.heldBackCutTail(), "cut in the header line");
        }
    }

    @Test
    void aLastLineWithoutLineEndingOfASettledFileIsAnOrdinaryRow() throws IOException {
        try (CsvRows rows = reader.openDropped(stream(HEADER + GOOD + "2024-10-02," + NIP + ",akhir"), "akhir.csv", false,
                () -> null)) {
            rows.next();
            assertEquals("akhir", assertInstanceOf(AcceptedRow.class, rows.next()).report().description());
            assertFalse(rows.heldBackCutTail());
        }
        try (CsvRows rows = reader.openDropped(stream(HEADER + GOOD), "utuh.csv", true, () -> null)) {
            rows.next();
            assertFalse(rows.hasNext());
            assertFalse(rows.heldBackCutTail(), "a last line with its line ending is complete");
        }
    }

    @Test
    void aFileWithoutHeaderContinuesTheEarlierFileOfItsNameWhenItsRowsFit() throws IOException {
        try (CsvRows rows = reader.openDropped(stream(GOOD + "2024-10-02," + NIP + ",lanjutan\n"), "tambah.csv", false,
                () -> List.of("tanggal_kejadian", "nip_terlapor", "uraian"))) {
            assertTrue(rows.continuesEarlierFile());
            List<CsvRow> read = new ArrayList<>();
            rows.forEachRemaining(read::add);
            assertEquals(List.of(1L, 2L), read.stream().map(CsvRow::line).toList());
            assertEquals("lanjutan", assertInstanceOf(AcceptedRow.class, read.get(1)).report().description());
        }
        assertThrows(CsvFileException.class, () -> reader.openDropped(stream("2024-10-02,lain\n"), "tambah.csv", false,
                () -> List.of("tanggal_kejadian", "nip_terlapor", "uraian")), "two cells cannot be rows of three columns");
    }

    /**
     * Within its bounds the filter changes nothing: random text of delimiters, quotes, line endings and letters parses
     * to the same records (or the same failure) with it as without it.
     */
    @Test
    void withinTheBoundsTheParserSeesExactlyWhatTheFileHolds() throws IOException {
        Random random = new Random(20241010);
        char[] alphabet = {'a', 'b', ',', ',', '"', '"', '\r', '\n', '\n', ' ', ';'};
        for (int round = 0; round < 5_000; round++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(40);
            for (int i = 0; i < length; i++) {
                text.append(alphabet[random.nextInt(alphabet.length)]);
            }
            String csv = text.toString();
            BoundedCsvReader bounded = new BoundedCsvReader(new StringReader(csv), ',', new CsvBounds(1_000, 1_000));
            assertEquals(parse(new StringReader(csv)), parse(bounded), () -> "differs for " + escaped(csv));
        }
    }

    /**
     * Past its bounds the filter keeps records where they are: the same records on the same lines, whole where nothing
     * was left out, and otherwise cut to the bounds.
     */
    @Test
    void pastTheBoundsRecordsKeepTheirPlaceAndLines() throws IOException {
        Random random = new Random(17081708);
        char[] alphabet = {'a', 'b', 'c', 'd', ',', '"', '"', '\r', '\n', '\n'};
        CsvBounds bounds = new CsvBounds(4, 10);
        CSVFormat format = CSVFormat.Builder.create(CSVFormat.DEFAULT).setIgnoreEmptyLines(false).setTrailingData(true).get();
        int checked = 0;
        for (int round = 0; round < 5_000; round++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(60);
            for (int i = 0; i < length; i++) {
                text.append(alphabet[random.nextInt(alphabet.length)]);
            }
            String csv = text.toString();
            List<List<String>> raw = new ArrayList<>();
            List<Long> rawLines = new ArrayList<>();
            try (CSVParser parser = format.parse(new StringReader(csv))) {
                for (CSVRecord record : parser) {
                    raw.add(record.toList());
                    rawLines.add(parser.getCurrentLineNumber());
                }
            } catch (UncheckedIOException e) {
                continue;
            }
            BoundedCsvReader bounded = new BoundedCsvReader(new StringReader(csv), ',', bounds);
            long dropped = 0;
            int index = 0;
            try (CSVParser parser = format.parse(bounded)) {
                for (CSVRecord record : parser) {
                    String where = "record " + record.getRecordNumber() + " of " + escaped(csv);
                    assertTrue(index < raw.size(), where);
                    BoundedCsvReader.Exceeded exceeded = bounded.exceeded(record.getRecordNumber());
                    List<String> values = record.toList();
                    List<String> whole = raw.get(index);
                    if (exceeded == null) {
                        assertEquals(whole, values, where);
                    } else {
                        dropped += exceeded.droppedLineEnds();
                        assertTrue(values.stream().allMatch(v -> v.length() <= bounds.maxFieldChars()), where);
                        if (!exceeded.recordTooLong()) {
                            assertEquals(whole.size(), values.size(), where);
                            for (int i = 0; i < values.size(); i++) {
                                assertTrue(whole.get(i).startsWith(values.get(i)), where);
                            }
                        }
                    }
                    assertEquals(rawLines.get(index), parser.getCurrentLineNumber() + dropped, where);
                    index++;
                }
            }
            assertEquals(raw.size(), index, () -> "records of " + escaped(csv));
            checked++;
        }
        assertTrue(checked > 1_000, "too few well-formed samples: " + checked);
    }

    private static String parse(java.io.Reader in) throws IOException {
        CSVFormat format = CSVFormat.Builder.create(CSVFormat.DEFAULT).setIgnoreEmptyLines(false).setTrailingData(true).get();
        StringBuilder records = new StringBuilder();
        try (CSVParser parser = format.parse(in)) {
            for (CSVRecord record : parser) {
                records.append(record.getRecordNumber()).append('@').append(parser.getCurrentLineNumber())
                        .append(record.toList()).append('|');
            }
        } catch (UncheckedIOException e) {
            records.append("failed");
        }
        return records.toString();
    }

    private static String escaped(String csv) {
        return csv.replace("\r", "\\r").replace("\n", "\\n");
    }

    private static InputStream stream(String content) {
        return new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8));
    }

    /** {@code total} bytes of one text repeated, made on demand: the file never exists in memory as a whole. */
    private static final class RepeatedLine extends InputStream {
        private final byte[] unit;
        private final long total;
        private long produced;

        RepeatedLine(String unit, long total) {
            this.unit = unit.getBytes(StandardCharsets.UTF_8);
            this.total = total;
        }

        @Override
        public int read() {
            return produced < total ? unit[(int) (produced++ % unit.length)] : -1;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            if (produced >= total) {
                return -1;
            }
            int n = (int) Math.min(length, total - produced);
            for (int i = 0; i < n; i++) {
                buffer[offset + i] = unit[(int) (produced++ % unit.length)];
            }
            return n;
        }
    }
}
