package netralitas.hub.report;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.apache.commons.csv.CSVException;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The data rows of an opened CSV drop, read one record at a time. Blank lines (and rows whose cells
 * are all blank, as spreadsheets export them) are skipped silently. Obtained from {@link CsvReportReader#open}.
 */
public final class CsvRows implements Iterator<CsvRow>, Closeable {

    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    private final List<String> header;
    private final ColumnMap columns;
    private final String fileName;
    private final ReportParser reportParser;

    /** Number of physical lines consumed so far; the next record starts on the line after it. */
    private long linesConsumed;
    private CsvRow next;
    private boolean finished;

    CsvRows(CSVParser parser, Iterator<CSVRecord> records, List<String> header, ColumnMap columns,
            String fileName, ReportParser reportParser, long linesConsumed) {
        this.parser = parser;
        this.records = records;
        this.header = List.copyOf(header);
        this.columns = columns;
        this.fileName = fileName;
        this.reportParser = reportParser;
        this.linesConsumed = linesConsumed;
    }

    /** Column names exactly as in the file's header row (BOM removed). */
    public List<String> header() {
        return header;
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
                return new RejectedRow(startLine, List.of(), unreadableReason(malformed));
            }
            throw e;
        }
        linesConsumed = parser.getCurrentLineNumber();
        List<String> values = record.toList();
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
        ParseResult result = reportParser.parse(columns.fields(values), ReportSource.csv(fileName, line));
        return result.isAccepted()
                ? new AcceptedRow(result.report(), line)
                : new RejectedRow(line, values, result.reason());
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

    private static String unreadableReason(CSVException e) {
        String message = String.valueOf(e.getMessage());
        if (message.contains("EOF reached before encapsulated token finished")) {
            return "tanda kutip (\") tidak ditutup sampai akhir berkas; sisa berkas tidak dapat dibaca";
        }
        return "format CSV rusak, sisa berkas tidak dapat dibaca (" + message + ")";
    }
}
