package netralitas.hub.camel;

import org.apache.camel.AggregationStrategy;
import org.apache.camel.Exchange;

/**
 * Counts what became of a CSV file's rows, as the split's result: the file's summary line in the log is built from it.
 * Camel calls it for one row at a time even when rows are processed in parallel (no parallelAggregate).
 */
public final class FileTally implements AggregationStrategy {

    public record Counts(long accepted, long rejected) {
        Counts add(boolean rejectedRow) {
            return rejectedRow ? new Counts(accepted, rejected + 1) : new Counts(accepted + 1, rejected);
        }

        @Override
        public String toString() {
            return (accepted + rejected) + " rows: " + accepted + " accepted, " + rejected + " rejected";
        }
    }

    @Override
    public Exchange aggregate(Exchange oldExchange, Exchange newExchange) {
        boolean rejectedRow = newExchange.getMessage().getBody() instanceof CsvRejection;
        Counts counts = oldExchange == null ? new Counts(0, 0) : oldExchange.getMessage().getBody(Counts.class);
        Exchange result = oldExchange == null ? newExchange : oldExchange;
        result.getMessage().setBody(counts.add(rejectedRow));
        // The result is the first row's exchange, and the split copies its state back to the file's exchange: a row
        // that ended with stop (a duplicate) must not end the route of the file, which still has to decide where the
        // file goes.
        result.setRouteStop(false);
        return result;
    }
}
