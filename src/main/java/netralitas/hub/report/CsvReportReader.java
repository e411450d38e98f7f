package netralitas.hub.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Opens a CSV drop (SPEC §3.1) as a stream of validated rows. Nothing but the current record is held
 * in memory, and no record longer than {@link CsvBounds} ever is, so a million-row file, or one line of 50 MB, goes
 * through a 256 MB heap.
 *
 * <p>The file-level problems that make a drop unusable (empty, no usable header) throw {@link CsvFileException} from
 * {@link #open}; everything row-level becomes a {@link RejectedRow}. Neither reason quotes a cell of the file: a
 * header line may be a data line holding a reporter's name and phone number.
 */
public final class CsvReportReader {

    /** How far ahead the header line is scanned to pick the delimiter; also the mark limit. */
    private static final int HEADER_SCAN_LIMIT = 1 << 20;
    private static final String SEPARATOR_HINT = "sep=";
    private static final int BUFFER_SIZE = 1 << 16;
    private static final String NO_HEADER = "berkas tidak memiliki baris judul kolom yang dikenali: ";

    private final ReportParser reportParser;
    private final CsvBounds bounds;

    public CsvReportReader(ReportParser reportParser, CsvBounds bounds) {
        this.reportParser = Objects.requireNonNull(reportParser, "reportParser");
        this.bounds = Objects.requireNonNull(bounds, "bounds");
    }

    /**
     * A CSV that is complete as it is given (an email attachment, a file named on the command line).
     *
     * @param in       the file content; closed when the returned rows are closed (or when this throws)
     * @param fileName used in messages and in each report's {@link ReportSource}
     * @throws CsvFileException when the file is empty or lacks a usable header
     */
    public CsvRows open(InputStream in, String fileName) throws IOException {
        return open(in, fileName, false, () -> null);
    }

    /**
     * A file of the drop folder, whose writer may not have finished with it (SPEC §3.1).
     *
     * @param mayBeUnfinished a last record without a line ending is not read but held back
     *                        ({@link CsvRows#heldBackCutTail()}): the file is young enough to be still growing
     * @param earlierHeader   the header of the file this one may continue, or null; asked only when the first line is
     *                        not a header. A writer that appends to a file the hub has already taken away creates a new
     *                        file of the same name that holds only the rows appended.
     */
    public CsvRows openDropped(InputStream in, String fileName, boolean mayBeUnfinished,
                               Supplier<List<String>> earlierHeader) throws IOException {
        return open(in, fileName, mayBeUnfinished, earlierHeader);
    }

    private CsvRows open(InputStream in, String fileName, boolean mayBeUnfinished,
                         Supplier<List<String>> earlierHeader) throws IOException {
        Reader reader = CsvEncoding.reader(in, BUFFER_SIZE);
        CSVParser parser = null;
        try {
            skipByteOrderMark(reader);
            Character hinted = separatorHint(reader);
            char delimiter = hinted != null ? hinted : detectDelimiter(reader);
            long linesBeforeHeader = hinted != null ? 1 : 0;
            BoundedCsvReader bounded = new BoundedCsvReader(reader, delimiter, bounds);
            parser = CSVFormat.Builder.create(CSVFormat.DEFAULT)
                    .setDelimiter(delimiter)
                    // Blank lines are reported as records so that line numbers stay exact; CsvRows skips them.
                    .setIgnoreEmptyLines(false)
                    // "abc"def is read as abcdef rather than failing the rest of the file (BoundedCsvReader knows).
                    .setTrailingData(true)
                    .get()
                    .parse(bounded);
            Iterator<CSVRecord> records = parser.iterator();
            List<String> firstLine = readFirstLine(records, bounded, mayBeUnfinished);
            if (firstLine == null) {
                return CsvRows.cutBeforeFirstLineEnd(parser);
            }
            ColumnMap columns = ColumnMap.of(firstLine);
            List<String> missing = missingColumns(columns);
            if (missing.isEmpty()) {
                return new CsvRows(parser, records, bounded, firstLine, columns, null, fileName, reportParser, bounds,
                        mayBeUnfinished, parser.getCurrentLineNumber(), linesBeforeHeader, delimiter);
            }
            List<String> earlier = earlierHeader.get();
            if (earlier != null && earlier.size() == firstLine.size() && missingColumns(ColumnMap.of(earlier)).isEmpty()) {
                return new CsvRows(parser, records, bounded, earlier, ColumnMap.of(earlier), firstLine, fileName,
                        reportParser, bounds, mayBeUnfinished, parser.getCurrentLineNumber(), linesBeforeHeader, delimiter);
            }
            throw new CsvFileException(headerProblem(firstLine.size(), columns, missing));
        } catch (IOException | RuntimeException e) {
            if (parser != null) {
                parser.close();
            } else {
                reader.close();
            }
            throw e;
        }
    }

    private static void skipByteOrderMark(Reader reader) throws IOException {
        reader.mark(1);
        if (reader.read() != '\uFEFF') {
            reader.reset();
        }
    }

    /**
     * The delimiter of Excel's hint line ({@code sep=;}), which Excel writes and reads as the first line of a CSV so that
     * the file opens in columns whatever the reader's regional settings; the line is consumed. Null, and nothing
     * consumed, when the first line is not such a hint.
     */
    private static Character separatorHint(Reader reader) throws IOException {
        reader.mark(SEPARATOR_HINT.length() + 3);
        char[] start = new char[SEPARATOR_HINT.length() + 2];
        int read = reader.read(start);
        if (read >= SEPARATOR_HINT.length() + 1
                && new String(start, 0, SEPARATOR_HINT.length()).equalsIgnoreCase(SEPARATOR_HINT)
                && ";,\t|".indexOf(start[SEPARATOR_HINT.length()]) >= 0) {
            int end = read > SEPARATOR_HINT.length() + 1 ? start[SEPARATOR_HINT.length() + 1] : -1;
            if (end == '\n' || end == -1) {
                return start[SEPARATOR_HINT.length()];
            }
            if (end == '\r') {
                reader.mark(1);
                if (reader.read() != '\n') {
                    reader.reset();
                }
                return start[SEPARATOR_HINT.length()];
            }
        }
        reader.reset();
        return null;
    }

    /**
     * The most frequent of ';', tab and ',' outside quotes in the header line; ',' when there is none or a tie with it,
     * ';' over a tab.
     */
    private char detectDelimiter(Reader reader) throws IOException {
        // A header line past the record bound is rejected anyway; scanning further would only hold more of it.
        int limit = (int) Math.min(HEADER_SCAN_LIMIT, bounds.maxRecordChars() + 2L);
        reader.mark(limit);
        int semicolons = 0;
        int tabs = 0;
        int commas = 0;
        boolean quoted = false;
        for (int i = 0; i < limit - 1; i++) {
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
            } else if (!quoted && c == '\t') {
                tabs++;
            }
        }
        reader.reset();
        if (semicolons > commas && semicolons >= tabs) {
            return ';';
        }
        return tabs > commas ? '\t' : ',';
    }

    /** The cells of the first line (the header, or the first row of a continued file); null when it is not complete. */
    private List<String> readFirstLine(Iterator<CSVRecord> records, BoundedCsvReader bounded, boolean mayBeUnfinished)
            throws CsvFileException {
        CSVRecord record;
        try {
            if (!records.hasNext()) {
                throw new CsvFileException("berkas kosong: tidak ada baris judul kolom");
            }
            record = records.next();
        } catch (UncheckedIOException e) {
            if (mayBeUnfinished && bounded.endedInsideQuotes()) {
                return null;
            }
            throw new CsvFileException("baris judul kolom tidak dapat dibaca: " + CsvRows.unreadableReason(e.getCause()));
        }
        if (mayBeUnfinished && record.getRecordNumber() == bounded.unterminatedRecord()) {
            return null;
        }
        BoundedCsvReader.Exceeded exceeded = bounded.exceeded(record.getRecordNumber());
        if (exceeded != null) {
            throw new CsvFileException(NO_HEADER + (exceeded.recordTooLong()
                    ? "baris pertama " + bounds.recordTooLong(exceeded.recordChars())
                    : "kolom ke-" + (exceeded.fieldIndex() + 1) + " baris pertama " + bounds.fieldTooLong(exceeded.fieldChars())));
        }
        List<String> cells = record.toList();
        if (cells.stream().allMatch(String::isBlank)) {
            throw new CsvFileException("baris pertama kosong, seharusnya baris judul kolom");
        }
        return cells;
    }

    private static List<String> missingColumns(ColumnMap columns) {
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
        return missing;
    }

    /** Counts and canonical names only: the first line's own cells may be a reporter's name and phone number. */
    private static String headerProblem(int cells, ColumnMap columns, List<String> missing) {
        int recognised = columns.recognised();
        String found = "baris pertama berisi " + cells + " kolom, " + recognised + " di antaranya dikenali";
        String absent = "; kolom wajib tidak ada: " + String.join("; ", missing);
        return recognised == 0 ? NO_HEADER + found + absent : "baris judul kolom tidak lengkap: " + found + absent;
    }
}
