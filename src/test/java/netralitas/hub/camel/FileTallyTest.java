package netralitas.hub.camel;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

class FileTallyTest {

    private final CamelContext context = new DefaultCamelContext();

    /** Route intake ends a duplicate with stop; the file's route must go on to decide where the file goes. */
    @Test
    void aRowThatStoppedItsRouteDoesNotStopTheFilesRoute() {
        FileTally tally = new FileTally();
        Exchange duplicate = row("a case");
        duplicate.setRouteStop(true);
        Exchange result = tally.aggregate(null, duplicate);
        Exchange rejected = row(null);
        rejected.getMessage().setBody(new CsvRejection("f.csv", java.util.List.of(), null));
        result = tally.aggregate(result, rejected);

        assertFalse(result.isRouteStop());
        assertEquals(new FileTally.Counts(1, 1), result.getMessage().getBody());
    }

    private Exchange row(Object body) {
        Exchange exchange = new DefaultExchange(context);
        exchange.getMessage().setBody(body);
        return exchange;
    }
}
