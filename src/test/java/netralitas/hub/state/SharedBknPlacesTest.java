package netralitas.hub.state;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two nodes sending to BKN through the places in one PostgreSQL store: together never more requests in a window than
 * the limit, never more in flight than the concurrency; a place a dead node held frees itself.
 */
class SharedBknPlacesTest {

    private static final int LIMIT = 5;
    private static final int CONCURRENCY = 3;
    private static final Duration WINDOW = Duration.ofMillis(300);
    private static final Clock CLOCK = Clock.systemUTC();

    private record Request(Instant start, Instant end) {
    }

    @Test
    void twoNodesTogetherKeepTheLimitAndTheConcurrency() throws Exception {
        try (StateStore store = StateStore.postgresql(PostgresServer.newDatabase(), PostgresServer.USER, null, 8)) {
            SharedBknPlaces a = places(store, "node-a", Duration.ofSeconds(5));
            SharedBknPlaces b = places(store, "node-b", Duration.ofSeconds(5));
            List<Request> requests = Collections.synchronizedList(new ArrayList<>());
            AtomicInteger inFlight = new AtomicInteger();
            AtomicInteger mostInFlight = new AtomicInteger();
            ExecutorService workers = Executors.newFixedThreadPool(8);
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                SharedBknPlaces node = i % 2 == 0 ? a : b;
                done.add(workers.submit(() -> {
                    node.acquire();
                    Instant start = CLOCK.instant();
                    mostInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
                    Thread.sleep(ThreadLocalRandom.current().nextInt(5, 30));
                    inFlight.decrementAndGet();
                    requests.add(new Request(start, CLOCK.instant()));
                    node.release();
                    return null;
                }));
            }
            for (Future<?> future : done) {
                future.get();
            }
            workers.shutdown();

            assertEquals(30, requests.size());
            assertTrue(mostInFlight.get() <= CONCURRENCY, "in flight at once: " + mostInFlight.get());
            for (Request request : requests) {
                long inWindow = requests.stream().filter(other -> !other.start().isBefore(request.start())
                        && other.start().isBefore(request.start().plus(WINDOW))).count();
                assertTrue(inWindow <= LIMIT, inWindow + " requests began within " + WINDOW + " from " + request.start());
            }
        }
    }

    @Test
    void aPlaceHeldByADeadNodeFreesItselfAndReleasesAreCounted() throws Exception {
        try (StateStore store = StateStore.postgresql(PostgresServer.newDatabase(), PostgresServer.USER, null, 4)) {
            SharedBknPlaces dead = places(store, "node-dead", Duration.ofMillis(200));
            for (int i = 0; i < CONCURRENCY; i++) {
                assertEquals(Duration.ZERO, dead.tryAcquire(), "place " + i);
            }
            SharedBknPlaces alive = places(store, "node-alive", Duration.ofMillis(200));
            assertTrue(alive.tryAcquire().compareTo(Duration.ZERO) > 0, "as many requests in flight as allowed");
            // node-dead never releases: its places free themselves after the longest request plus the window.
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (!alive.tryAcquire().isZero()) {
                assertTrue(System.nanoTime() < deadline, "a dead node's place never freed");
                Thread.sleep(20);
            }
            alive.release();
            assertThrows(IllegalStateException.class, alive::release, "released more often than acquired");
        }
    }

    @Test
    void requestsEndingTogetherFreeTheirPlacesEach() throws Exception {
        try (StateStore store = StateStore.postgresql(PostgresServer.newDatabase(), PostgresServer.USER, null, 8)) {
            // As many of one node's requests as BKN's concurrency, each taking its place and ending at once, over and
            // over: a place always free for each. Rate places plenty, so that only a place left in flight could refuse.
            SharedBknPlaces node = new SharedBknPlaces(store.dataSource(), 1000, CONCURRENCY, WINDOW,
                    Duration.ofSeconds(30), "node-a", CLOCK);
            CyclicBarrier together = new CyclicBarrier(CONCURRENCY);
            AtomicInteger refused = new AtomicInteger();
            ExecutorService workers = Executors.newFixedThreadPool(CONCURRENCY);
            List<Future<?>> done = new ArrayList<>();
            for (int worker = 0; worker < CONCURRENCY; worker++) {
                done.add(workers.submit(() -> {
                    for (int round = 0; round < 40; round++) {
                        together.await();
                        if (node.tryAcquire().isZero()) {
                            together.await();
                            node.release();
                        } else {
                            refused.incrementAndGet();
                            together.await();
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> future : done) {
                future.get();
            }
            workers.shutdown();

            assertEquals(0, refused.get(), "takes refused while no more than the concurrency were in flight");
        }
    }

    private static SharedBknPlaces places(StateStore store, String nodeId, Duration longestRequest) throws Exception {
        return new SharedBknPlaces(store.dataSource(), LIMIT, CONCURRENCY, WINDOW, longestRequest, nodeId, CLOCK);
    }
}
