package netralitas.hub.camel;

import netralitas.hub.mail.Acknowledgement.CsvFileOutcome;
import org.apache.camel.AggregationStrategy;
import org.apache.camel.Exchange;

import java.util.ArrayList;
import java.util.List;

/**
 * Route {@code ingest-mail-csv}: collects what became of each CSV attached to one email, for the acknowledgement that
 * goes back to the sender: counts, the first rejected rows with the hub's reasons, or why a file could not be read.
 * The rejects files themselves stay under hub.data-dir/mail-rejects for Bawaslu staff: mailed back, they would carry
 * the sender's rows to whatever address the acknowledgement goes to.
 */
public final class CsvBatchOutcomes implements AggregationStrategy {

    @Override
    @SuppressWarnings("unchecked")
    public Exchange aggregate(Exchange oldExchange, Exchange newExchange) {
        List<CsvFileOutcome> outcomes = oldExchange == null ? new ArrayList<>()
                : new ArrayList<>(oldExchange.getMessage().getBody(List.class));
        outcomes.add(outcome(newExchange));
        Exchange result = oldExchange == null ? SplitResult.adopt(newExchange) : oldExchange;
        result.getMessage().setBody(List.copyOf(outcomes));
        return result;
    }

    private static CsvFileOutcome outcome(Exchange exchange) {
        String unreadable = exchange.getProperty(HubProperties.FILE_REASON, String.class);
        if (unreadable != null) {
            // The reader's reason speaks of the file, never names it: the sender chose the name.
            return new CsvFileOutcome(0, 0, unreadable, null);
        }
        FileTally.Counts counts = exchange.getMessage().getBody(FileTally.Counts.class);
        if (counts == null) {
            // A CSV with a header and no rows: the split had nothing to count.
            counts = new FileTally.Counts(0, 0);
        }
        return new CsvFileOutcome(counts.accepted(), counts.rejected(), null, counts.firstRejected());
    }
}
