package netralitas.hub.camel;

import netralitas.hub.mail.Acknowledgement.RejectedLine;
import netralitas.hub.mail.Acknowledgement;
import netralitas.hub.report.CsvRejection;
import org.apache.camel.AggregationStrategy;
import org.apache.camel.Body;
import org.apache.camel.Exchange;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Counts what became of a CSV file's rows, as the split's result: the file's summary line in the log is built from it,
 * and the acknowledgement of a mailed CSV names the first rejected rows with their reasons. Camel calls it for one row
 * at a time even when rows are processed in parallel (no parallelAggregate).
 */
public final class FileTally implements AggregationStrategy {

    /**
     * @param duplicates    of the accepted rows, those handled before (DUPLICATE: a file dropped again, or read again
     *                      after a change): counted apart so that the file's summary does not read as new cases
     * @param firstRejected the rejected rows with the lowest line numbers (rows finish out of order), at most
     *                      {@link Acknowledgement#MAX_ROWS_LISTED}: the rest are only counted
     */
    public record Counts(long accepted, long duplicates, long rejected, List<RejectedLine> firstRejected) {

        public Counts(long accepted, long rejected) {
            this(accepted, 0, rejected, List.of());
        }

        Counts add(Object row, boolean duplicate) {
            if (!(row instanceof CsvRejection rejection)) {
                return new Counts(accepted + 1, duplicates + (duplicate ? 1 : 0), rejected, firstRejected);
            }
            List<RejectedLine> lines = new ArrayList<>(firstRejected);
            lines.add(new RejectedLine(rejection.row().line(), rejection.row().reason()));
            lines.sort(Comparator.comparingLong(RejectedLine::line));
            return new Counts(accepted, duplicates, rejected + 1,
                    List.copyOf(lines.subList(0, Math.min(lines.size(), Acknowledgement.MAX_ROWS_LISTED))));
        }

        @Override
        public String toString() {
            return (accepted + rejected) + " rows: " + accepted + " accepted"
                    + (duplicates > 0 ? " (" + duplicates + " of them handled before: DUPLICATE)" : "") + ", "
                    + rejected + " rejected";
        }
    }

    /**
     * The split's result: the counts, also of a file without a single row, which Camel leaves with the split's own
     * body (the file's stream, whose text the file's summary line would print).
     */
    public Counts countsOf(@Body Object splitResult) {
        return splitResult instanceof Counts counts ? counts : new Counts(0, 0);
    }

    @Override
    public Exchange aggregate(Exchange oldExchange, Exchange newExchange) {
        Counts counts = oldExchange == null ? new Counts(0, 0) : oldExchange.getMessage().getBody(Counts.class);
        Exchange result = oldExchange == null ? SplitResult.adopt(newExchange) : oldExchange;
        // A row that failed (its case could not even be parked: the state store is away) fails the file once the
        // other rows are done; the route that read the file decides what becomes of it. Never counted as accepted.
        if (newExchange.getException() != null) {
            if (result.getException() == null) {
                result.setException(newExchange.getException());
            }
            result.getMessage().setBody(counts);
            return result;
        }
        result.getMessage().setBody(counts.add(newExchange.getMessage().getBody(),
                newExchange.getProperty(Exchange.DUPLICATE_MESSAGE, false, Boolean.class)));
        return result;
    }
}
