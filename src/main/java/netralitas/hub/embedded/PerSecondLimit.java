package netralitas.hub.embedded;

/**
 * A fixed one-second window counter, the way API gateways commonly enforce "N requests per second": the count
 * restarts at each new second of the clock, so a client that spreads its calls evenly is never refused.
 */
final class PerSecondLimit {

    private int limit;
    private long windowSecond = Long.MIN_VALUE;
    private int usedInWindow;

    /** @param limit requests allowed per clock second; 0 or less disables the limit */
    synchronized void setLimit(int limit) {
        this.limit = Math.max(0, limit);
        usedInWindow = 0;
    }

    synchronized int limit() {
        return limit;
    }

    /** Counts one request arriving at {@code epochMillis}; true when it is beyond the limit of its second. */
    synchronized boolean exceeded(long epochMillis) {
        if (limit == 0) {
            return false;
        }
        long second = Math.floorDiv(epochMillis, 1000L);
        if (second != windowSecond) {
            windowSecond = second;
            usedInWindow = 0;
        }
        usedInWindow++;
        return usedInWindow > limit;
    }
}
