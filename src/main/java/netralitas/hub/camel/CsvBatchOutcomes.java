package netralitas.hub.camel;

import netralitas.hub.mail.Acknowledgement.CsvFileOutcome;
import netralitas.hub.report.CsvFileException;
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
        Exchange result = oldExchange == null ? newExchange : oldExchange;
        result.getMessage().setBody(List.copyOf(outcomes));
        return result;
    }

    private static CsvFileOutcome outcome(Exchange exchange) {
        Exception unreadable = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        if (unreadable != null) {
            return new CsvFileOutcome(0, 0, fileReason(unreadable, exchange.getProperty("hubFileName", String.class)), null);
        }
        FileTally.Counts counts = exchange.getMessage().getBody(FileTally.Counts.class);
        if (counts == null) {
            // A CSV with a header and no rows: the split had nothing to count.
            counts = new FileTally.Counts(0, 0);
        }
        return new CsvFileOutcome(counts.accepted(), counts.rejected(), null, counts.firstRejected());
    }

    /**
     * The reader's own reason, not the message of the bean invocation that wraps it, and without the file's name: the
     * sender chose it and the Message-ID in front of it, and either may hold a quote that would end the quoting early.
     */
    private static String fileReason(Exception caught, String fileName) {
        String reason = caught.getMessage();
        for (Throwable cause = caught; cause != null; cause = cause.getCause()) {
            if (cause instanceof CsvFileException file) {
                reason = file.getMessage();
                break;
            }
        }
        return reason == null || fileName == null ? reason : reason.replace(fileName, "…");
    }
}
