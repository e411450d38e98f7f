package netralitas.hub.camel;

import netralitas.hub.mail.Acknowledgement.RejectedLine;
import netralitas.hub.report.CsvRejection;
import netralitas.hub.report.RejectedRow;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

class FileTallyTest {

    private final CamelContext context = new DefaultCamelContext();
    private final FileTally tally = new FileTally();

    @Test
    void rowsFinishingOutOfOrderKeepTheFiveLowestRejectedLinesAndCountTheRest() {
        Exchange result = null;
        for (long line : new long[] {40, 12, 7, 99, 3, 25, 18, 61}) {
            result = tally.aggregate(result, row(new CsvRejection("rekap.csv", List.of("a"), ',',
                    new RejectedRow(line, List.of("Wagiman"), "uraian kosong"))));
            result = tally.aggregate(result, row("a good row"));
        }
        FileTally.Counts counts = result.getMessage().getBody(FileTally.Counts.class);
        assertEquals(8, counts.accepted());
        assertEquals(8, counts.rejected());
        assertEquals(List.of(3L, 7L, 12L, 18L, 25L), counts.firstRejected().stream().map(RejectedLine::line).toList());
        assertEquals("uraian kosong", counts.firstRejected().get(0).reason());
        assertEquals("16 rows: 8 accepted, 8 rejected", counts.toString());
    }

    @Test
    void rowsHandledBeforeAreCountedApartInTheSummary() {
        Exchange duplicate = row("a row dropped again");
        duplicate.setProperty(Exchange.DUPLICATE_MESSAGE, true);
        Exchange result = tally.aggregate(tally.aggregate(null, duplicate), row("a new row"));
        FileTally.Counts counts = result.getMessage().getBody(FileTally.Counts.class);
        assertEquals(2, counts.accepted());
        assertEquals(1, counts.duplicates());
        assertEquals("2 rows: 2 accepted (1 of them handled before: DUPLICATE), 0 rejected", counts.toString());
    }

    /**
     * A row dead-lettered by hub-failures carries its error handler's mark; as the split's result, Camel would copy it
     * into the file's exchange and end the route there: no summary, no check that the file stayed unchanged, and for an
     * emailed CSV no acknowledgement.
     */
    @Test
    void aFirstRowWhoseFailureWasHandledDoesNotEndTheRouteAfterTheSplit() {
        Exchange file = tally.aggregate(null, handled(row("a good row, dead-lettered on its way")));
        assertEquals(1, file.getMessage().getBody(FileTally.Counts.class).accepted());
        Exchange batch = new CsvBatchOutcomes().aggregate(null, handled(row(new FileTally.Counts(1, 0))));

        for (Exchange exchange : List.of(file, batch)) {
            assertFalse(exchange.getExchangeExtension().isErrorHandlerHandledSet());
            assertFalse(exchange.getExchangeExtension().isRedeliveryExhausted());
        }
    }

    private static Exchange handled(Exchange exchange) {
        exchange.getExchangeExtension().setErrorHandlerHandled(true);
        exchange.getExchangeExtension().setRedeliveryExhausted(true);
        return exchange;
    }

    private Exchange row(Object body) {
        Exchange exchange = new DefaultExchange(context);
        exchange.getMessage().setBody(body);
        return exchange;
    }
}
