package netralitas.hub.camel;

import org.apache.camel.Exchange;

/**
 * The result of a split that is built on the exchange of its first finished part. Camel copies the result's marks into
 * the exchange that split, and a part whose failure an error handler handled (a row dead-lettered by hub-failures)
 * carries the mark that ends routing: the steps after the split (a file's summary, a batch's acknowledgement) would
 * not run. The marks belong to that part alone.
 */
final class SplitResult {

    private SplitResult() {
    }

    /** {@code part}, without the marks its error handler left, as the split's result. */
    static Exchange adopt(Exchange part) {
        part.getExchangeExtension().setErrorHandlerHandled(null);
        part.getExchangeExtension().setRedeliveryExhausted(false);
        part.getExchangeExtension().setFailureHandled(false);
        return part;
    }
}
