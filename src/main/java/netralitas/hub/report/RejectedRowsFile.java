package netralitas.hub.report;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes rejected rows to {@code <file>.rejected.csv} (SPEC §3.1): every original column, then
 * {@code baris} (line number) and {@code alasan} (reason). The file is opened, appended to and closed
 * on every call, so nothing is lost or half-buffered if the hub stops between rows.
 *
 * <p>It opens in a spreadsheet as its sender's file did: UTF-8 with a byte order mark (without one, Excel reads the
 * names as Windows-1252), and {@code ;} between cells when the file had {@code ;} (Excel set to Indonesian separates
 * with {@code ;}, and put everything into one column of a {@code ,} file), else {@code ,}.
 *
 * <p>Cells that a spreadsheet would evaluate as a formula are prefixed with {@code '}, because the
 * people opening this file will do so in a spreadsheet and the cells come from outside.
 */
public final class RejectedRowsFile {

    public static final String LINE_COLUMN = "baris";
    public static final String REASON_COLUMN = "alasan";

    private static final char BYTE_ORDER_MARK = '\uFEFF';
    private static final CSVFormat COMMAS = format(',');
    private static final CSVFormat SEMICOLONS = format(';');

    private RejectedRowsFile() {
    }

    /**
     * Appends one rejected row, first writing the header when the file does not exist or is empty.
     * A row with fewer cells than the header is padded so that {@code baris} and {@code alasan} stay
     * in their columns; cells beyond the header are kept after {@code alasan} rather than dropped.
     */
    public static void append(Path rejectsCsv, List<String> header, char sourceDelimiter, RejectedRow row)
            throws IOException {
        Path parent = rejectsCsv.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        boolean needsHeader = !Files.exists(rejectsCsv) || Files.size(rejectsCsv) == 0;
        try (BufferedWriter writer = Files.newBufferedWriter(rejectsCsv, StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE);
             CSVPrinter printer = new CSVPrinter(writer, sourceDelimiter == ';' ? SEMICOLONS : COMMAS)) {
            if (needsHeader) {
                writer.write(BYTE_ORDER_MARK);
                List<String> headerCells = new ArrayList<>(escapeAll(header));
                headerCells.add(LINE_COLUMN);
                headerCells.add(REASON_COLUMN);
                printer.printRecord(headerCells);
            }
            printer.printRecord(cells(header.size(), row));
        }
    }

    private static CSVFormat format(char delimiter) {
        return CSVFormat.Builder.create(CSVFormat.DEFAULT)
                .setDelimiter(delimiter)
                .setRecordSeparator("\r\n")
                .get();
    }

    private static List<String> cells(int columns, RejectedRow row) {
        List<String> values = row.values();
        List<String> cells = new ArrayList<>(columns + 2);
        for (int i = 0; i < columns; i++) {
            cells.add(i < values.size() ? SpreadsheetCells.safe(values.get(i)) : "");
        }
        cells.add(Long.toString(row.line()));
        cells.add(SpreadsheetCells.safe(row.reason()));
        for (int i = columns; i < values.size(); i++) {
            cells.add(SpreadsheetCells.safe(values.get(i)));
        }
        return cells;
    }

    private static List<String> escapeAll(List<String> values) {
        return values.stream().map(SpreadsheetCells::safe).toList();
    }
}
