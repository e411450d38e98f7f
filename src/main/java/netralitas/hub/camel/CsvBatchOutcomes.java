package netralitas.hub.camel;

import netralitas.hub.mail.Acknowledgement.CsvFileOutcome;
import org.apache.camel.AggregationStrategy;
import org.apache.camel.Exchange;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Route {@code ingest-mail-csv}: collects what became of each CSV attached to one email, for the acknowledgement that
 * goes back to the sender (with the rejects files attached).
 */
public final class CsvBatchOutcomes implements AggregationStrategy {

    @Override
    @SuppressWarnings("unchecked")
    public Exchange aggregate(Exchange oldExchange, Exchange newExchange) {
        List<CsvFileOutcome> outcomes = oldExchange == null ? new ArrayList<>()
                : new ArrayList<>(oldExchange.getMessage().getBody(List.class));
        outcomes.add(outcome(newExchange));
        Exchange result = oldExchange == null ? newExchange : oldExchange;
        result.getMessage().setBody(List.copyOf(outcomes));
        return result;
    }

    private static CsvFileOutcome outcome(Exchange exchange) {
        String fileName = exchange.getProperty("hubFileName", String.class);
        String unreadable = exchange.getProperty("hubFileReason", String.class);
        if (unreadable != null) {
            return new CsvFileOutcome(shortName(fileName), 0, 0, unreadable, null);
        }
        FileTally.Counts counts = exchange.getMessage().getBody(FileTally.Counts.class);
        if (counts == null) {
            // A CSV with a header and no rows: the split had nothing to count.
            counts = new FileTally.Counts(0, 0);
        }
        Path rejects = Path.of(exchange.getProperty("hubRejectsFile", String.class));
        return new CsvFileOutcome(shortName(fileName), counts.accepted(), counts.rejected(), null,
                Files.exists(rejects) ? rejects.toString() : null);
    }

    /** The attachment's own name, without the Message-ID the audit source carries in front of it. */
    private static String shortName(String fileName) {
        return fileName.substring(fileName.lastIndexOf('/') + 1);
    }
}
