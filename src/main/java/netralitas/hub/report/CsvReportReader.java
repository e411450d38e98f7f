package netralitas.hub.report;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Opens a CSV drop (SPEC §3.1) as a stream of validated rows. Nothing but the current record is held
 * in memory, so a million-row file goes through a 256 MB heap.
 *
 * <p>The file-level problems that make a drop unusable (empty, required columns missing) throw
 * {@link CsvFileException} from {@link #open}; everything row-level becomes a {@link RejectedRow}.
 */
public final class CsvReportReader {

    /** How far ahead the header line is scanned to pick the delimiter; also the mark limit. */
    private static final int HEADER_SCAN_LIMIT = 1 << 20;
    private static final int BUFFER_SIZE = 1 << 16;

    private final ReportParser reportParser;

    public CsvReportReader(ReportParser reportParser) {
        this.reportParser = Objects.requireNonNull(reportParser, "reportParser");
    }

    /**
     * @param in       the file content; closed when the returned rows are closed (or when this throws)
     * @param fileName used in messages and in each report's {@link ReportSource}
     * @throws CsvFileException when the file is empty or lacks the required columns
     */
    public CsvRows open(InputStream in, String fileName) throws IOException {
        Reader reader = utf8(in);
        CSVParser parser = null;
        try {
            skipByteOrderMark(reader);
            char delimiter = detectDelimiter(reader);
            parser = CSVFormat.Builder.create(CSVFormat.DEFAULT)
                    .setDelimiter(delimiter)
                    // Blank lines are reported as records so that line numbers stay exact; CsvRows skips them.
                    .setIgnoreEmptyLines(false)
                    // "abc"def is read as abcdef rather than failing the rest of the file.
                    .setTrailingData(true)
                    .get()
                    .parse(reader);
            Iterator<CSVRecord> records = parser.iterator();
            List<String> header = readHeader(records, fileName);
            ColumnMap columns = ColumnMap.of(header);
            requireColumns(columns, header, fileName);
            return new CsvRows(parser, records, header, columns, fileName, reportParser,
                    parser.getCurrentLineNumber());
        } catch (IOException | RuntimeException e) {
            if (parser != null) {
                parser.close();
            } else {
                reader.close();
            }
            throw e;
        }
    }

    private static Reader utf8(InputStream in) {
        // Invalid bytes become U+FFFD: one mis-encoded name must not make the whole file unreadable.
        var decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        return new BufferedReader(new InputStreamReader(Objects.requireNonNull(in, "in"), decoder), BUFFER_SIZE);
    }

    private static void skipByteOrderMark(Reader reader) throws IOException {
        reader.mark(1);
        if (reader.read() != '\uFEFF') {
            reader.reset();
        }
    }

    /** ';' when the header line has more semicolons than commas outside quotes, else ','. */
    private static char detectDelimiter(Reader reader) throws IOException {
        reader.mark(HEADER_SCAN_LIMIT);
        int semicolons = 0;
        int commas = 0;
        boolean quoted = false;
        for (int i = 0; i < HEADER_SCAN_LIMIT - 1; i++) {
            int c = reader.read();
            if (c == -1 || (!quoted && (c == '\n' || c == '\r'))) {
                break;
            }
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && c == ';') {
                semicolons++;
            } else if (!quoted && c == ',') {
                commas++;
            }
        }
        reader.reset();
        return semicolons > commas ? ';' : ',';
    }

    private static List<String> readHeader(Iterator<CSVRecord> records, String fileName) throws CsvFileException {
        try {
            if (!records.hasNext()) {
                throw new CsvFileException("Berkas '" + fileName + "' kosong: baris judul kolom tidak ada");
            }
            List<String> header = new ArrayList<>(records.next().toList());
            if (header.stream().allMatch(String::isBlank)) {
                throw new CsvFileException("Berkas '" + fileName + "': baris pertama kosong, seharusnya baris judul kolom");
            }
            return header;
        } catch (UncheckedIOException e) {
            throw new CsvFileException("Berkas '" + fileName + "': baris judul kolom tidak dapat dibaca ("
                    + e.getCause().getMessage() + ")");
        }
    }

    private static void requireColumns(ColumnMap columns, List<String> header, String fileName) throws CsvFileException {
        List<String> missing = new ArrayList<>();
        if (!columns.has(ReportFields.URAIAN)) {
            missing.add(ReportFields.URAIAN);
        }
        if (!columns.has(ReportFields.TANGGAL_KEJADIAN)) {
            missing.add(ReportFields.TANGGAL_KEJADIAN + " (atau tanggal / incident_date)");
        }
        if (!columns.has(ReportFields.NIP_TERLAPOR) && !columns.has(ReportFields.NAMA_TERLAPOR)) {
            missing.add(ReportFields.NIP_TERLAPOR + " atau " + ReportFields.NAMA_TERLAPOR);
        }
        if (!missing.isEmpty()) {
            throw new CsvFileException("Berkas '" + fileName + "' tidak dapat diproses: kolom wajib tidak ada: "
                    + String.join("; ", missing) + ". Judul kolom yang ada: " + String.join(", ", header));
        }
    }
}
