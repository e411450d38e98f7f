package netralitas.hub.camel;

import netralitas.hub.bkn.BknUnavailableException;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/**
 * Runs when a BKN call fails, before Camel computes the redelivery delay: when BKN said how long to wait
 * (Retry-After on a 429/503), that wait replaces the exponential backoff for this attempt.
 */
public final class RetryAfterDelay implements Processor {

    private final long maxDelayMillis;

    public RetryAfterDelay(long maxDelayMillis) {
        this.maxDelayMillis = maxDelayMillis;
    }

    @Override
    public void process(Exchange exchange) {
        BknUnavailableException cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, BknUnavailableException.class);
        if (cause == null) {
            cause = exchange.getException(BknUnavailableException.class);
        }
        if (cause != null && cause.retryAfterMillis() > 0) {
            exchange.getMessage().setHeader(Exchange.REDELIVERY_DELAY, Math.min(cause.retryAfterMillis(), maxDelayMillis));
        } else {
            exchange.getMessage().removeHeader(Exchange.REDELIVERY_DELAY);
        }
    }
}
