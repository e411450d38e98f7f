package netralitas.hub.state;

import java.time.Duration;
import java.util.function.Consumer;

/**
 * Runs a write to the state store again while the store is away ({@link StoreOutage}), with doubling delays, for a
 * write that no route step can redeliver: the case ledger's record, made by Camel when a case completes. Each failed
 * attempt is logged once; after the last one the failure is thrown as it is.
 */
public final class StoreRetry {

    private final int maxRetries;
    private final Duration firstDelay;
    private final Duration maxDelay;
    private final Consumer<String> warnings;

    /**
     * @param maxRetries hub.state.max-redeliveries
     * @param firstDelay hub.state.redelivery-delay-ms
     * @param maxDelay   hub.state.max-redelivery-delay-ms
     * @param warnings   where each failed attempt is logged
     */
    public StoreRetry(int maxRetries, Duration firstDelay, Duration maxDelay, Consumer<String> warnings) {
        this.maxRetries = maxRetries;
        this.firstDelay = firstDelay;
        this.maxDelay = maxDelay;
        this.warnings = warnings;
    }

    /** Runs {@code write}, again after a store outage, at most {@code maxRetries} more times. */
    public void run(String what, Runnable write) {
        Duration delay = firstDelay;
        for (int attempt = 1; ; attempt++) {
            try {
                write.run();
                return;
            } catch (RuntimeException e) {
                if (!StoreOutage.in(e) || attempt > maxRetries) {
                    throw e;
                }
                warnings.accept("The state store does not answer: " + what + " failed (attempt " + attempt + " of "
                        + (maxRetries + 1) + "), tried again in " + delay.toMillis() + " ms: "
                        + String.valueOf(e.getMessage()).lines().findFirst().orElse(""));
                try {
                    Thread.sleep(delay.toMillis());
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
                delay = delay.multipliedBy(2).compareTo(maxDelay) > 0 ? maxDelay : delay.multipliedBy(2);
            }
        }
    }
}
