package netralitas.hub.camel;

import netralitas.hub.cases.ViolationCase;
import netralitas.hub.progress.Progress;
import netralitas.hub.report.AcceptedRow;
import netralitas.hub.report.CaseIds;
import netralitas.hub.report.CountingInputStream;
import netralitas.hub.report.CsvFileException;
import netralitas.hub.report.CsvRejection;
import netralitas.hub.report.CsvReportReader;
import netralitas.hub.report.CsvRow;
import netralitas.hub.report.CsvRows;
import netralitas.hub.report.RejectedRow;
import netralitas.hub.report.RejectedRowsFile;
import netralitas.hub.text.HeaderValues;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.function.Consumer;

/**
 * Streams a dropped CSV file into the split of route {@code ingest-csv}: each accepted row becomes a
 * {@link ViolationCase}, each bad row a {@link CsvRejection}. The iterator is closeable so that Camel's splitter closes
 * the file when the split ends, however it ends.
 */
public final class CsvIntake {

    /** An I/O error's own words in a reason: they name a file or a system error, bounded all the same. */
    private static final int MAX_FAILURE_CHARS = 300;

    private final CsvReportReader reader;
    private final Clock clock;
    private final Duration progressInterval;
    private final Consumer<String> progressLog;

    /** @param progressLog where the progress lines of a long file go: the hub's log, or a command's console */
    public CsvIntake(CsvReportReader reader, Clock clock, Duration progressInterval, Consumer<String> progressLog) {
        this.reader = reader;
        this.clock = clock;
        this.progressInterval = progressInterval;
        this.progressLog = progressLog;
    }

    /**
     * @param fileBytes the CSV's size, for the progress lines of a long file (negative when unknown)
     * @param dropped   a file of the drop folder, which may still be growing or continue an earlier file of its name;
     *                  null for a CSV that is complete as given (an email attachment, a dry run)
     */
    public Iterator<Object> rows(InputStream body, String fileName, long fileBytes, DroppedCsv dropped)
            throws IOException {
        CountingInputStream counted = new CountingInputStream(body);
        CsvRows rows;
        if (dropped == null) {
            rows = reader.open(counted, fileName);
        } else {
            rows = reader.openDropped(counted, fileName, dropped.mayBeUnfinished(), () -> earlierHeader(dropped));
            dropped.reading(rows);
            if (rows.continuesEarlierFile()) {
                progressLog.accept("CSV " + fileName + ": no header line of its own; read with the header of the"
                        + " earlier file of this name in done/, which it continues");
            }
        }
        List<String> header = List.copyOf(rows.header());
        return new CaseIterator(rows, fileName, fileBytes, header, counted,
                new Progress(progressLog, clock, progressInterval, "CSV " + fileName + ":", "rows read"));
    }

    /**
     * Why a CSV could not be read (for the audit trail, the log, the reason file and the sender): the file's own
     * problem as {@link CsvFileException} says it, never the text of Camel's method invocation around it, and never a
     * message that could quote the file's cells.
     */
    public String unreadable(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof CsvFileException fileProblem) {
                return fileProblem.getMessage();
            }
        }
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof IOException io) {
                return "berkas tidak dapat dibaca sampai selesai: " + HeaderValues.sanitize(
                        io.getClass().getSimpleName() + " " + io.getMessage(), MAX_FAILURE_CHARS);
            }
        }
        return "berkas tidak dapat dibaca sampai selesai: kesalahan internal hub (" + failure.getClass().getSimpleName() + ")";
    }

    /**
     * Appends a rejected row to {@code <done>/<stem>.rejected.csv}. Rows run in parallel, so appends are serialised
     * (one header, whole rows); the file is in completion order, each row with its line number.
     */
    public synchronized void reject(CsvRejection rejection, String rejectsFile) throws IOException {
        RejectedRowsFile.append(Path.of(rejectsFile), rejection.header(), rejection.delimiter(), rejection.row());
    }

    /** The header of the newest earlier file of this name that has one. */
    private List<String> earlierHeader(DroppedCsv dropped) {
        for (Path earlier : dropped.earlierFiles()) {
            try (CsvRows rows = reader.open(Files.newInputStream(earlier, LinkOption.NOFOLLOW_LINKS),
                    earlier.getFileName().toString())) {
                return rows.header();
            } catch (IOException e) {
                // Itself a continuation, or unreadable: an older one may have the header.
            }
        }
        return null;
    }

    private record CaseIterator(CsvRows rows, String fileName, long fileBytes, List<String> header,
                                CountingInputStream counted, Progress progress) implements Iterator<Object>, Closeable {

        @Override
        public boolean hasNext() {
            return rows.hasNext();
        }

        @Override
        public Object next() {
            CsvRow row = rows.next();
            progress.advance(1, counted.count(), fileBytes);
            if (row instanceof AcceptedRow accepted) {
                return new ViolationCase(CaseIds.forReport(accepted.report()), accepted.report());
            }
            return new CsvRejection(fileName, header, rows.delimiter(), (RejectedRow) row);
        }

        @Override
        public void close() throws IOException {
            rows.close();
        }
    }
}
