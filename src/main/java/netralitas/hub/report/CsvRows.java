package netralitas.hub.report;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVException;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The data rows of an opened CSV drop, read one record at a time. Blank lines (and rows whose cells
 * are all blank, as spreadsheets export them) are skipped silently. Obtained from {@link CsvReportReader#open}.
 */
public final class CsvRows implements Iterator<CsvRow>, Closeable {

    /** How much of a cell past the field bound is kept in the rejects file: enough to recognise the row. */
    private static final int KEPT_OF_LONG_CELL = 1000;

    private static final Pattern CONTROLS = Pattern.compile("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F]");

    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    private final BoundedCsvReader bounded;
    private final List<String> header;
    private final ColumnMap columns;
    private final String fileName;
    private final ReportParser reportParser;
    private final CsvBounds bounds;
    private final boolean holdBackCutTail;
    private final boolean continuesEarlierFile;
    private final char delimiter;

    /** Number of physical lines consumed so far; the next record starts on the line after it. */
    private long linesConsumed;
    /**
     * Line endings the parser never saw, but which are lines of the file: inside cells the bounds left out, and Excel's
     * {@code sep=} hint line before the header.
     */
    private long droppedLineEnds;
    /** The first line of a file that continues an earlier one: a row, not a header. */
    private List<String> firstRow;
    private CsvRow next;
    private boolean finished;
    private boolean heldBackCutTail;

    CsvRows(CSVParser parser, Iterator<CSVRecord> records, BoundedCsvReader bounded, List<String> header,
            ColumnMap columns, List<String> firstRow, String fileName, ReportParser reportParser, CsvBounds bounds,
            boolean holdBackCutTail, long linesConsumed, long linesBeforeParser, char delimiter) {
        this.parser = parser;
        this.records = records;
        this.bounded = bounded;
        this.header = List.copyOf(header);
        this.columns = columns;
        this.firstRow = firstRow;
        this.continuesEarlierFile = firstRow != null;
        this.delimiter = delimiter;
        this.fileName = fileName;
        this.reportParser = reportParser;
        this.bounds = bounds;
        this.holdBackCutTail = holdBackCutTail;
        this.droppedLineEnds = linesBeforeParser;
        this.linesConsumed = (firstRow != null ? 0 : linesConsumed) + linesBeforeParser;
    }

    /** A file whose very first line is still being written: nothing to read yet. */
    static CsvRows cutBeforeFirstLineEnd(CSVParser parser) {
        CsvRows rows = new CsvRows(parser, null, null, List.of(), ColumnMap.of(List.of()), null, null, null, null,
                true, 0, 0, ',');
        rows.finished = true;
        rows.heldBackCutTail = true;
        return rows;
    }

    /** The file's delimiter, detected or named by its {@code sep=} line. */
    public char delimiter() {
        return delimiter;
    }

    /** Column names exactly as in the file's header row (BOM removed), or those of the file it continues. */
    public List<String> header() {
        return header;
    }

    /** Whether the file has no header of its own and is read with that of the earlier file of its name. */
    public boolean continuesEarlierFile() {
        return continuesEarlierFile;
    }

    /**
     * Whether the file ended inside a record (no line ending) while it may still be growing: that record was neither
     * read nor rejected, and the file must be read again once it is complete. Known once the rows are read.
     */
    public boolean heldBackCutTail() {
        return heldBackCutTail;
    }

    @Override
    public boolean hasNext() {
        while (next == null && !finished) {
            next = readNext();
        }
        return next != null;
    }

    @Override
    public CsvRow next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        CsvRow row = next;
        next = null;
        return row;
    }

    @Override
    public void close() throws IOException {
        finished = true;
        parser.close();
    }

    /** The next row, or null when a blank record was skipped (or the end reached: see {@link #finished}). */
    private CsvRow readNext() {
        long startLine = linesConsumed + 1;
        if (firstRow != null) {
            List<String> values = firstRow;
            firstRow = null;
            linesConsumed = parser.getCurrentLineNumber();
            return values.stream().allMatch(String::isBlank) ? null : toRow(values, startLine);
        }
        CSVRecord record;
        try {
            if (!records.hasNext()) {
                finished = true;
                return null;
            }
            record = records.next();
        } catch (UncheckedIOException e) {
            if (e.getCause() instanceof CSVException malformed) {
                // The lexer cannot resynchronise after this; whatever is left is one broken record.
                finished = true;
                if (holdBackCutTail && bounded.endedInsideQuotes()) {
                    heldBackCutTail = true;
                    return null;
                }
                return new RejectedRow(startLine, List.of(), unreadableReason(malformed));
            }
            throw e;
        }
        if (holdBackCutTail && record.getRecordNumber() == bounded.unterminatedRecord()) {
            finished = true;
            heldBackCutTail = true;
            return null;
        }
        BoundedCsvReader.Exceeded exceeded = bounded.exceeded(record.getRecordNumber());
        if (exceeded != null) {
            droppedLineEnds += exceeded.droppedLineEnds();
        }
        linesConsumed = parser.getCurrentLineNumber() + droppedLineEnds;
        List<String> values = record.toList();
        if (exceeded != null) {
            return tooLong(values, startLine, exceeded);
        }
        if (values.stream().allMatch(String::isBlank)) {
            return null;
        }
        return toRow(values, startLine);
    }

    private CsvRow toRow(List<String> values, long line) {
        String cellCountProblem = cellCountProblem(values);
        if (cellCountProblem != null) {
            return new RejectedRow(line, values, cellCountProblem);
        }
        ParseResult result = reportParser.parse(columns.fields(values.stream().map(CsvRows::withoutControls).toList()),
                ReportSource.csv(fileName, line));
        return result.isAccepted()
                ? new AcceptedRow(result.report(), line)
                : new RejectedRow(line, values, result.reason());
    }

    /**
     * A cell without the control characters an export tool or a broken editor left in it (NUL, escape …): they would
     * reach the office's mail as they are. Tabs and line breaks stay (a description may have paragraphs).
     */
    private static String withoutControls(String cell) {
        return CONTROLS.matcher(cell).replaceAll("");
    }

    /** A record past a bound: rejected with the bound, its cells cut so that the rejects file stays small too. */
    private RejectedRow tooLong(List<String> values, long line, BoundedCsvReader.Exceeded exceeded) {
        List<String> reasons = new ArrayList<>(2);
        if (exceeded.fieldIndex() >= 0) {
            String canonical = columns.canonicalAt(exceeded.fieldIndex());
            reasons.add("kolom " + (canonical != null ? canonical : "ke-" + (exceeded.fieldIndex() + 1)) + " "
                    + bounds.fieldTooLong(exceeded.fieldChars()));
        }
        if (exceeded.recordTooLong()) {
            reasons.add("baris ini " + bounds.recordTooLong(exceeded.recordChars()) + "; kolom sesudah batas tidak terbaca");
        }
        List<String> kept = values.stream()
                .map(v -> v.length() <= KEPT_OF_LONG_CELL ? v : v.substring(0, KEPT_OF_LONG_CELL) + " … [dipotong]")
                .toList();
        return new RejectedRow(line, kept, String.join("; ", reasons));
    }

    /** Extra cells are tolerated only when empty: a trailing delimiter is common in spreadsheet exports. */
    private String cellCountProblem(List<String> values) {
        int expected = header.size();
        boolean extrasBlank = values.size() > expected
                && values.subList(expected, values.size()).stream().allMatch(String::isBlank);
        if (values.size() == expected || extrasBlank) {
            return null;
        }
        return "jumlah kolom " + values.size() + ", seharusnya " + expected + " sesuai baris judul";
    }

    /** Why the lexer gave up: its messages give a line and position, never the text. */
    static String unreadableReason(Throwable e) {
        String message = String.valueOf(e.getMessage());
        if (message.contains("EOF reached before encapsulated token finished")) {
            return "tanda kutip (\") tidak ditutup sampai akhir berkas: baris ini dan semua baris sesudahnya tidak"
                    + " terbaca; tutup tanda kutipnya lalu kirim ulang baris-baris itu";
        }
        return "format CSV rusak, sisa berkas tidak dapat dibaca (" + message + ")";
    }
}
