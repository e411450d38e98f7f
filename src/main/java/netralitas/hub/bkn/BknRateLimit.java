package netralitas.hub.bkn;

import java.time.Duration;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;

/**
 * At most {@code limit} requests to BKN within any window of {@code window}, as BKN counts them (SPEC §4.2): BKN
 * counts a request when it arrives, at some instant between the moment the hub sends it and the moment its answer (or
 * its failure) is back, and it counts a sliding window, any second, not only clock seconds.
 *
 * <p>So a request holds one of {@code limit} places from the moment it may go ({@link #acquire()}) until {@code window}
 * after it ended ({@link #release()}): whenever BKN counted it, the request that takes its place next arrives at least
 * {@code window} later. No assumption about the network is needed (a new TLS connection, a slow first byte, a pause of
 * either JVM), and the token request and each retry pass here like any other request. The cost: each place stays
 * unused for one round trip per window, so the rate reached is about {@code limit × window / (window + round trip)}.
 *
 * <p>Places free up in the order their requests ended, so the free ones are a queue of the times they free up, and a
 * request waits for the oldest. Camel's throttle EIP cannot do this: it counts a request when it lets it through, not
 * when it ended, so whatever delays the request after that (a new token, a busy CPU, a new connection) pushes it into
 * BKN's next second on top of the requests counted there (docs/architecture.md).
 */
public final class BknRateLimit implements BknPlaces {

    /** The wait of {@link #tryAcquire()} while every place is held by a request still under way. */
    public static final long UNTIL_A_REQUEST_ENDS = Long.MAX_VALUE;

    private final long windowNanos;
    private final LongSupplier nanoClock;
    /** Fair, so that the requests that waited longest take the places that free up, not one that just arrived. */
    private final ReentrantLock lock = new ReentrantLock(true);
    private final Condition placeFreed = lock.newCondition();
    /** When each free place may be taken again (nanoClock), earliest first; {@code unused} places come before them. */
    private final long[] freeAt;
    private int first;
    private int queued;
    private int unused;

    public BknRateLimit(int limit, Duration window) {
        this(limit, window, System::nanoTime);
    }

    /** @param nanoClock a monotonic clock in nanoseconds, like {@link System#nanoTime()} */
    public BknRateLimit(int limit, Duration window, LongSupplier nanoClock) {
        if (limit < 1) {
            throw new IllegalArgumentException("the BKN rate limit must be at least 1 request: " + limit);
        }
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("the BKN rate-limit window must be positive: " + window);
        }
        this.windowNanos = window.toNanos();
        this.nanoClock = nanoClock;
        this.freeAt = new long[limit];
        this.unused = limit;
    }

    @Override
    public void acquire() throws InterruptedException {
        lock.lockInterruptibly();
        try {
            long wait = tryAcquire();
            while (wait != 0) {
                if (wait == UNTIL_A_REQUEST_ENDS) {
                    placeFreed.await();
                } else {
                    placeFreed.awaitNanos(wait);
                }
                wait = tryAcquire();
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * Takes a place if one is free now: 0. Otherwise takes none and answers how many nanoseconds until the next place
     * frees up, or {@link #UNTIL_A_REQUEST_ENDS}.
     */
    public long tryAcquire() {
        lock.lock();
        try {
            if (unused > 0) {
                unused--;
                return 0;
            }
            if (queued == 0) {
                return UNTIL_A_REQUEST_ENDS;
            }
            long wait = freeAt[first] - nanoClock.getAsLong();
            if (wait > 0) {
                return wait;
            }
            first = (first + 1) % freeAt.length;
            queued--;
            return 0;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void release() {
        lock.lock();
        try {
            if (unused + queued == freeAt.length) {
                throw new IllegalStateException("BKN rate limit released more often than acquired");
            }
            freeAt[(first + queued) % freeAt.length] = nanoClock.getAsLong() + windowNanos;
            queued++;
            placeFreed.signalAll();
        } finally {
            lock.unlock();
        }
    }
}
