package netralitas.hub.embedded;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/** What the simulator received, for assertions about how the hub treats BKN (caching, throttling, retries). */
final class BknTraffic {

    private final AtomicInteger dataRequests = new AtomicInteger();
    private final Map<String, AtomicInteger> dataRequestsByNip = new ConcurrentHashMap<>();
    private final AtomicInteger tokenRequests = new AtomicInteger();
    private final AtomicInteger tooManyRequestsSent = new AtomicInteger();
    private final AtomicInteger unauthorizedSent = new AtomicInteger();
    private final AtomicInteger droppedWhileDown = new AtomicInteger();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger peakInFlight = new AtomicInteger();
    private final AtomicLong firstDataRequestMillis = new AtomicLong(Long.MAX_VALUE);
    private final AtomicLong lastDataRequestMillis = new AtomicLong(Long.MIN_VALUE);
    private final SlidingSecond requestsInSecond = new SlidingSecond();

    /**
     * Counts a request of either endpoint as it arrives; returns the requests of the second ending with it (itself
     * included), the figure the rate limit judges.
     */
    int requestArrived(Clock clock) {
        return requestsInSecond.arrive(clock);
    }

    void dataRequestStarted(String nip) {
        long now = System.currentTimeMillis();
        firstDataRequestMillis.accumulateAndGet(now, Math::min);
        lastDataRequestMillis.accumulateAndGet(now, Math::max);
        dataRequests.incrementAndGet();
        dataRequestsByNip.computeIfAbsent(nip, key -> new AtomicInteger()).incrementAndGet();
        int concurrent = inFlight.incrementAndGet();
        peakInFlight.accumulateAndGet(concurrent, Math::max);
    }

    void dataRequestFinished() {
        inFlight.decrementAndGet();
    }

    void tokenRequested() {
        tokenRequests.incrementAndGet();
    }

    void tooManyRequestsSent() {
        tooManyRequestsSent.incrementAndGet();
    }

    void unauthorizedSent() {
        unauthorizedSent.incrementAndGet();
    }

    void droppedWhileDown() {
        droppedWhileDown.incrementAndGet();
    }

    int dataRequests() {
        return dataRequests.get();
    }

    /** Milliseconds from the first data request to the last (0 with fewer than two). */
    long dataRequestSpanMillis() {
        long first = firstDataRequestMillis.get();
        long last = lastDataRequestMillis.get();
        return first == Long.MAX_VALUE || last <= first ? 0 : last - first;
    }

    int dataRequestsFor(String nip) {
        AtomicInteger count = dataRequestsByNip.get(nip);
        return count == null ? 0 : count.get();
    }

    int tokenRequests() {
        return tokenRequests.get();
    }

    int tooManyRequests() {
        return tooManyRequestsSent.get();
    }

    int unauthorized() {
        return unauthorizedSent.get();
    }

    int dropped() {
        return droppedWhileDown.get();
    }

    int inFlight() {
        return inFlight.get();
    }

    int peakInFlight() {
        return peakInFlight.get();
    }

    int worstSecond() {
        return requestsInSecond.worst();
    }

    /** The peak restarts from what is in flight now, so requests still running are not forgotten. */
    void reset() {
        dataRequests.set(0);
        dataRequestsByNip.clear();
        tokenRequests.set(0);
        tooManyRequestsSent.set(0);
        unauthorizedSent.set(0);
        droppedWhileDown.set(0);
        peakInFlight.set(inFlight.get());
        requestsInSecond.resetWorst();
        firstDataRequestMillis.set(Long.MAX_VALUE);
        lastDataRequestMillis.set(Long.MIN_VALUE);
    }
}
