package netralitas.hub.embedded;

import java.time.Clock;

/**
 * Requests counted the way a gateway with a sliding-window limit counts them: at each arrival, the requests of the
 * second that ends there (those less than 1,000 ms earlier, and itself). A fixed per-clock-second count would let a
 * client send its limit at the end of one second and again at the start of the next, twice the limit within one
 * second, and never notice. The largest count seen is kept: it shows whether a client held its rate as BKN counts it.
 */
final class SlidingSecond {

    private static final long WINDOW_MILLIS = 1000;

    /** Arrival times of the last second, oldest first, in a ring that grows with the busiest second. */
    private long[] arrivals = new long[64];
    private int oldest;
    private int count;
    private long newest = Long.MIN_VALUE;
    private int worst;

    /**
     * Counts a request arriving now on {@code clock}; returns how many arrived within the second ending with it, itself
     * included. The clock is read under the lock so that arrivals are recorded in order; should it step back, an
     * arrival counts as simultaneous with the newest one, never as older.
     */
    synchronized int arrive(Clock clock) {
        long now = Math.max(clock.millis(), newest);
        while (count > 0 && arrivals[oldest] <= now - WINDOW_MILLIS) {
            oldest = (oldest + 1) % arrivals.length;
            count--;
        }
        if (count == arrivals.length) {
            long[] larger = new long[arrivals.length * 2];
            for (int i = 0; i < count; i++) {
                larger[i] = arrivals[(oldest + i) % arrivals.length];
            }
            arrivals = larger;
            oldest = 0;
        }
        arrivals[(oldest + count) % arrivals.length] = now;
        count++;
        newest = now;
        worst = Math.max(worst, count);
        return count;
    }

    /** The most requests that arrived within one second (any second, not only clock seconds) since the last reset. */
    synchronized int worst() {
        return worst;
    }

    /** Forgets the worst count; the arrivals of the last second still count for the next ones, as they do at BKN. */
    synchronized void resetWorst() {
        worst = 0;
    }
}
