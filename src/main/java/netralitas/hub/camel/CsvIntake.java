package netralitas.hub.camel;

import netralitas.hub.cases.ViolationCase;
import netralitas.hub.progress.Progress;
import netralitas.hub.report.AcceptedRow;
import netralitas.hub.report.CaseIds;
import netralitas.hub.report.CountingInputStream;
import netralitas.hub.report.CsvReportReader;
import netralitas.hub.report.CsvRow;
import netralitas.hub.report.CsvRows;
import netralitas.hub.report.RejectedRow;
import netralitas.hub.report.RejectedRowsFile;


import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
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

    /** @param fileBytes the CSV's size, for the progress lines of a long file (negative when unknown) */
    public Iterator<Object> rows(InputStream body, String fileName, long fileBytes) throws IOException {
        CountingInputStream counted = new CountingInputStream(body);
        CsvRows rows = reader.open(counted, fileName);
        List<String> header = List.copyOf(rows.header());
        return new CaseIterator(rows, fileName, fileBytes, header, counted,
                new Progress(progressLog, clock, progressInterval, "CSV " + fileName + ":", "rows read"));
    }

    /**
     * Appends a rejected row to {@code <done>/<stem>.rejected.csv}. Rows run in parallel, so appends are serialised
     * (one header, whole rows); the file is in completion order, each row with its line number.
     */
    public synchronized void reject(CsvRejection rejection, String rejectsFile) throws IOException {
        RejectedRowsFile.append(Path.of(rejectsFile), rejection.header(), rejection.row());
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
            return new CsvRejection(fileName, header, (RejectedRow) row);
        }

        @Override
        public void close() throws IOException {
            rows.close();
        }
    }
}
