package netralitas.hub.bkn;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The limiter on a clock that moves only when the test says so. */
class BknRateLimitTest {

    private static final long MS = 1_000_000L;
    private static final Duration SECOND = Duration.ofSeconds(1);

    private final AtomicLong now = new AtomicLong(5_000 * MS);

    private void advanceMillis(long millis) {
        now.addAndGet(millis * MS);
    }

    @Test
    void theLimitGoesAtOnceThenNothingWhileTheRequestsAreUnderWay() {
        BknRateLimit limit = new BknRateLimit(3, SECOND, now::get);
        for (int i = 0; i < 3; i++) {
            assertEquals(0, limit.tryAcquire());
        }
        assertEquals(BknRateLimit.UNTIL_A_REQUEST_ENDS, limit.tryAcquire());
        advanceMillis(60_000);
        assertEquals(BknRateLimit.UNTIL_A_REQUEST_ENDS, limit.tryAcquire(), "a request still under way holds its place");
    }

    @Test
    void aPlaceFreesUpOneWindowAfterItsRequestEndedNotAfterItStarted() {
        BknRateLimit limit = new BknRateLimit(1, SECOND, now::get);
        assertEquals(0, limit.tryAcquire());
        advanceMillis(300);
        limit.release();

        assertEquals(1_000 * MS, limit.tryAcquire(), "BKN may have counted it as late as its answer");
        advanceMillis(999);
        assertEquals(MS, limit.tryAcquire());
        advanceMillis(1);
        assertEquals(0, limit.tryAcquire());
    }

    @Test
    void placesFreeUpInTheOrderTheirRequestsEnded() {
        BknRateLimit limit = new BknRateLimit(2, SECOND, now::get);
        limit.tryAcquire();
        limit.tryAcquire();
        advanceMillis(100);
        limit.release();
        advanceMillis(400);
        limit.release();

        advanceMillis(600);
        assertEquals(0, limit.tryAcquire(), "the first freed at 100 + 1,000 ms");
        assertEquals(400 * MS, limit.tryAcquire(), "the second at 500 + 1,000 ms");
        advanceMillis(400);
        assertEquals(0, limit.tryAcquire());
        assertEquals(BknRateLimit.UNTIL_A_REQUEST_ENDS, limit.tryAcquire());
    }

    @Test
    void releasingMoreThanWasAcquiredIsAnError() {
        BknRateLimit limit = new BknRateLimit(2, SECOND, now::get);
        limit.tryAcquire();
        limit.release();
        assertThrows(IllegalStateException.class, limit::release);
    }

    @Test
    void refusesANonsensicalLimitOrWindow() {
        assertThrows(IllegalArgumentException.class, () -> new BknRateLimit(0, SECOND, now::get));
        assertThrows(IllegalArgumentException.class, () -> new BknRateLimit(5, Duration.ZERO, now::get));
    }

    /**
     * Greedy clients and BKN answering after anything from 1 ms to 1.5 s: whichever instant between sending and the
     * answer BKN counted each request, no second can hold more than the limit, and the limit is reached.
     */
    @Test
    void noSecondAsBknMightCountItHoldsMoreThanTheLimit() {
        for (int limitPerSecond : new int[] {1, 5, 50}) {
            List<long[]> requests = simulate(limitPerSecond, limitPerSecond + 3, 3_000, new Random(limitPerSecond));
            assertEquals(limitPerSecond, worstSecond(requests, 1_000 * MS), "limit " + limitPerSecond);
        }
    }

    /** The sending and ending times of {@code count} requests by {@code clients} greedy clients, in virtual time. */
    private List<long[]> simulate(int limitPerSecond, int clients, int count, Random random) {
        BknRateLimit limit = new BknRateLimit(limitPerSecond, SECOND, now::get);
        // {time, client, kind}: kind 0 = the client wants to send, 1 = its request ends
        PriorityQueue<long[]> events = new PriorityQueue<>((a, b) -> Long.compare(a[0], b[0]));
        Deque<Long> waitingForAnEnd = new ArrayDeque<>();
        long[] sentAt = new long[clients];
        List<long[]> requests = new ArrayList<>();
        for (int client = 0; client < clients; client++) {
            events.add(new long[] {now.get(), client, 0});
        }
        while (requests.size() < count) {
            long[] event = events.poll();
            now.set(Math.max(now.get(), event[0]));
            int client = (int) event[1];
            if (event[2] == 1) {
                limit.release();
                requests.add(new long[] {sentAt[client], now.get()});
                events.add(new long[] {now.get() + random.nextInt(30) * MS, client, 0});
                while (!waitingForAnEnd.isEmpty()) {
                    events.add(new long[] {now.get(), waitingForAnEnd.poll(), 0});
                }
                continue;
            }
            long wait = limit.tryAcquire();
            if (wait == 0) {
                sentAt[client] = now.get();
                long latency = random.nextInt(10) == 0 ? 200 + random.nextInt(1_300) : 1 + random.nextInt(80);
                events.add(new long[] {now.get() + latency * MS, client, 1});
            } else if (wait == BknRateLimit.UNTIL_A_REQUEST_ENDS) {
                waitingForAnEnd.add((long) client);
            } else {
                events.add(new long[] {now.get() + wait, client, 0});
            }
        }
        return requests;
    }

    /**
     * The most requests BKN could have counted within one window: for each request j, those that may have arrived
     * within the window starting at j's answer (ended no earlier, sent less than a window after).
     */
    private static int worstSecond(List<long[]> requests, long windowNanos) {
        int worst = 0;
        for (long[] j : requests) {
            int inWindow = 0;
            for (long[] i : requests) {
                if (i[1] >= j[1] && i[0] < j[1] + windowNanos) {
                    inWindow++;
                }
            }
            worst = Math.max(worst, inWindow);
        }
        return worst;
    }

    @Test
    void aWaitingRequestGoesOnceARequestEndedAndItsWindowPassed() throws Exception {
        BknRateLimit limit = new BknRateLimit(1, Duration.ofMillis(20), now::get);
        limit.acquire();
        AtomicBoolean acquired = new AtomicBoolean();
        Thread waiter = new Thread(() -> {
            try {
                limit.acquire();
                acquired.set(true);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        waiter.start();
        awaitState(waiter, Thread.State.WAITING);
        assertFalse(acquired.get());

        limit.release();
        advanceMillis(20);
        waiter.join(TimeUnit.SECONDS.toMillis(30));
        assertTrue(acquired.get(), "the waiter took the place");
    }

    private static void awaitState(Thread thread, Thread.State state) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (thread.getState() != state) {
            assertTrue(System.nanoTime() < deadline, "thread never reached " + state + ": " + thread.getState());
            Thread.sleep(5);
        }
    }
}
