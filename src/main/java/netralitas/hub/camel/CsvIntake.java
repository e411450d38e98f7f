package netralitas.hub.camel;

import netralitas.hub.cases.ViolationCase;
import netralitas.hub.report.AcceptedRow;
import netralitas.hub.report.CaseIds;
import netralitas.hub.report.CsvReportReader;
import netralitas.hub.report.CsvRow;
import netralitas.hub.report.CsvRows;
import netralitas.hub.report.RejectedRow;
import netralitas.hub.report.RejectedRowsFile;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;

/**
 * Streams a dropped CSV file into the split of route {@code ingest-csv}: each accepted row becomes a
 * {@link ViolationCase}, each bad row a {@link CsvRejection}. The iterator is closeable so that Camel's splitter closes
 * the file when the split ends, however it ends.
 */
public final class CsvIntake {

    private final CsvReportReader reader;

    public CsvIntake(CsvReportReader reader) {
        this.reader = reader;
    }

    public Iterator<Object> rows(InputStream body, String fileName) throws IOException {
        CsvRows rows = reader.open(body, fileName);
        List<String> header = List.copyOf(rows.header());
        return new CaseIterator(rows, fileName, header);
    }

    /**
     * Appends a rejected row to {@code <done>/<stem>.rejected.csv}. Rows run in parallel, so appends are serialised
     * (one header, whole rows); the file is in completion order, each row with its line number.
     */
    public synchronized void reject(CsvRejection rejection, String rejectsFile) throws IOException {
        RejectedRowsFile.append(Path.of(rejectsFile), rejection.header(), rejection.row());
    }

    private record CaseIterator(CsvRows rows, String fileName, List<String> header) implements Iterator<Object>, Closeable {

        @Override
        public boolean hasNext() {
            return rows.hasNext();
        }

        @Override
        public Object next() {
            CsvRow row = rows.next();
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
