package netralitas.hub.state;

import netralitas.hub.testing.MutableClock;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import javax.sql.DataSource;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
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
import java.util.function.BiFunction;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two nodes sending to BKN through the places in one store (PostgreSQL, and H2 for the SQL): together never more
 * requests in a window than the limit, never more in flight than the concurrency, whatever the limit; a place a dead
 * node held frees itself; and on PostgreSQL a take reads and rewrites a few rows however many places there are.
 */
class SharedBknPlacesTest {

    private static final int LIMIT = 5;
    private static final int CONCURRENCY = 3;
    private static final Duration WINDOW = Duration.ofMillis(300);
    private static final Clock CLOCK = Clock.systemUTC();

    @TempDir
    Path dir;

    private record Request(Instant start, Instant end) {
    }

    static Stream<Arguments> storesAndLimits() {
        return Stream.of(StateStore.Kind.values())
                .flatMap(kind -> Stream.of(Arguments.of(kind, LIMIT), Arguments.of(kind, 1000)));
    }

    @ParameterizedTest
    @MethodSource("storesAndLimits")
    void twoNodesTogetherKeepTheLimitAndTheConcurrency(StateStore.Kind kind, int limit) throws Exception {
        try (Store store = store(kind, 12);
             SharedBknPlaces a = new SharedBknPlaces(store.dataSource(), limit, CONCURRENCY, WINDOW,
                     Duration.ofSeconds(5), "node-a", CLOCK);
             SharedBknPlaces b = new SharedBknPlaces(store.dataSource(), limit, CONCURRENCY, WINDOW,
                     Duration.ofSeconds(5), "node-b", CLOCK)) {
            int requestCount = limit == LIMIT ? 30 : 150;
            List<Request> requests = Collections.synchronizedList(new ArrayList<>());
            AtomicInteger inFlight = new AtomicInteger();
            AtomicInteger mostInFlight = new AtomicInteger();
            ExecutorService workers = Executors.newFixedThreadPool(limit == LIMIT ? 8 : 12);
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < requestCount; i++) {
                SharedBknPlaces node = i % 2 == 0 ? a : b;
                done.add(workers.submit(() -> {
                    node.acquire();
                    Instant start = CLOCK.instant();
                    mostInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
                    Thread.sleep(ThreadLocalRandom.current().nextInt(2, 30));
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

            assertEquals(requestCount, requests.size());
            assertTrue(mostInFlight.get() <= CONCURRENCY, "in flight at once: " + mostInFlight.get());
            for (Request request : requests) {
                long inWindow = requests.stream().filter(other -> !other.start().isBefore(request.start())
                        && other.start().isBefore(request.start().plus(WINDOW))).count();
                assertTrue(inWindow <= limit,
                        inWindow + " requests began within " + WINDOW + " from " + request.start());
            }
        }
    }

    @ParameterizedTest
    @EnumSource(StateStore.Kind.class)
    void aPlaceHeldByADeadNodeFreesItselfAndReleasesAreCounted(StateStore.Kind kind) throws Exception {
        try (Store store = store(kind, 4); SharedBknPlaces dead = places(store, "node-dead", Duration.ofMillis(200));
             SharedBknPlaces alive = places(store, "node-alive", Duration.ofMillis(200))) {
            for (int i = 0; i < CONCURRENCY; i++) {
                assertEquals(Duration.ZERO, dead.tryAcquire(), "place " + i);
            }
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

    @ParameterizedTest
    @EnumSource(StateStore.Kind.class)
    void requestsEndingTogetherFreeTheirPlacesEach(StateStore.Kind kind) throws Exception {
        // As many of one node's requests as BKN's concurrency, each taking its place and ending at once, over and over:
        // a place always free for each. Rate places plenty, so that only a place left in flight could refuse.
        try (Store store = store(kind, 8);
             SharedBknPlaces node = new SharedBknPlaces(store.dataSource(), 1000, CONCURRENCY, WINDOW,
                     Duration.ofSeconds(30), "node-a", CLOCK)) {
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

    @ParameterizedTest
    @EnumSource(StateStore.Kind.class)
    void aThousandPlacesMostInTheirWindowTakeAndRefuseExactly(StateStore.Kind kind) throws Exception {
        MutableClock clock = new MutableClock(Instant.parse("2024-10-23T03:00:00Z"));
        Duration window = Duration.ofSeconds(1);
        try (Store store = store(kind, 4);
             SharedBknPlaces node = new SharedBknPlaces(store.dataSource(), 1000, CONCURRENCY, window,
                     Duration.ofSeconds(5), "node-a", clock)) {
            for (int i = 0; i < 1000 - CONCURRENCY; i++) {
                assertEquals(Duration.ZERO, node.tryAcquire(), "take " + i + " of the first window");
                node.release();
            }
            for (int i = 0; i < CONCURRENCY; i++) {
                assertEquals(Duration.ZERO, node.tryAcquire(), "the last places of the first window");
            }
            assertTrue(node.tryAcquire().compareTo(Duration.ZERO) > 0, "as many in flight as the concurrency");
            node.release();
            Duration wait = node.tryAcquire();
            assertTrue(wait.compareTo(Duration.ZERO) > 0 && wait.compareTo(window) <= 0,
                    "every place taken within the window, the first frees at its end: " + wait);

            clock.advance(window);
            int taken = 0;
            while (node.tryAcquire().isZero()) {
                taken++;
                node.release();
                assertTrue(taken <= 1000, "more takes in one window than places");
            }
            assertEquals(1000 - CONCURRENCY + 1, taken, "the places released a window ago, not the two under way");
            assertTrue(node.tryAcquire().compareTo(Duration.ZERO) > 0, "none again within the window");

            clock.advance(window);
            assertEquals(Duration.ZERO, node.tryAcquire(), "free again a window later");
            assertTrue(node.tryAcquire().compareTo(Duration.ZERO) > 0,
                    "three in flight: the two never released and this one");
        }
    }

    @ParameterizedTest
    @EnumSource(StateStore.Kind.class)
    void aPlaceWhoseRequestEndedEarlyIsTakenWhileAnEarlierOneWaits(StateStore.Kind kind) throws Exception {
        MutableClock clock = new MutableClock(Instant.parse("2024-10-23T03:00:00Z"));
        Instant start = clock.instant();
        try (Store store = store(kind, 4)) {
            List<SharedBknPlaces> nodes = new ArrayList<>();
            try {
                for (String name : new String[]{"a", "b", "c", "d", "e"}) {
                    nodes.add(new SharedBknPlaces(store.dataSource(), 3, 3, Duration.ofSeconds(1),
                            Duration.ofSeconds(5), "node-" + name, clock));
                }
                for (int i = 0; i < 3; i++) {
                    assertEquals(Duration.ZERO, nodes.get(i).tryAcquire(), "places 1 to 3 in turn");
                }
                nodes.get(2).release();
                clock.set(start.plusMillis(500));
                nodes.get(1).release();
                clock.set(start.plusMillis(600));
                nodes.get(0).release();
                // Written by each node's release writer (a few milliseconds later), each as of the time its request
                // ended.
                for (int i = 0; i < 3; i++) {
                    nodes.get(i).writeEnded();
                }

                clock.set(start.plusMillis(1000));
                assertEquals(Duration.ZERO, nodes.get(3).tryAcquire(), "the place released first");
                clock.set(start.plusMillis(1500));
                assertEquals(Duration.ZERO, nodes.get(4).tryAcquire(),
                        "the place released second, taken before the one taken first, which frees 100 ms later");
                assertEquals(Duration.ofMillis(101), nodes.get(0).tryAcquire(), "until the place released last frees");
            } finally {
                for (SharedBknPlaces node : nodes) {
                    node.close();
                }
            }
        }
    }

    @ParameterizedTest
    @EnumSource(StateStore.Kind.class)
    void aPlaceTakenAheadOfTheCursorLeavesNoneBehindIt(StateStore.Kind kind) throws Exception {
        MutableClock clock = new MutableClock(Instant.parse("2024-10-23T03:00:00Z"));
        Instant start = clock.instant();
        // Ten places, four looked at from the cursor (twice the concurrency of two).
        try (Store store = store(kind, 4);
             SharedBknPlaces first = new SharedBknPlaces(store.dataSource(), 10, 2, Duration.ofSeconds(1),
                     Duration.ofSeconds(5), "node-a", clock);
             SharedBknPlaces node = new SharedBknPlaces(store.dataSource(), 10, 2, Duration.ofSeconds(1),
                     Duration.ofSeconds(5), "node-b", clock)) {
            assertEquals(Duration.ZERO, first.tryAcquire(), "place 1, its request ending last");
            assertEquals(Duration.ZERO, node.tryAcquire(), "place 2");
            node.release();
            clock.set(start.plusMillis(50));
            first.release();
            first.writeEnded();
            clock.set(start.plusMillis(60));
            for (int place = 3; place <= 10; place++) {
                assertEquals(Duration.ZERO, node.tryAcquire(), "place " + place);
                node.release();
            }

            clock.set(start.plusMillis(1000));
            assertEquals(Duration.ZERO, node.tryAcquire(), "place 2's window is over, place 1's not");
            node.release();
            clock.set(start.plusMillis(1060));
            int taken = 0;
            while (node.tryAcquire().isZero()) {
                taken++;
                node.release();
                assertTrue(taken <= 10, "more takes in one window than places");
            }
            assertEquals(9, taken, "every place whose window is over, not only the four from the cursor");
        }
    }

    @ParameterizedTest
    @EnumSource(StateStore.Kind.class)
    void aReleaseGoesWithTheNodesNextTakeOrReachesTheOtherNodesSoonAfter(StateStore.Kind kind) throws Exception {
        try (Store store = store(kind, 4)) {
            CommitCounting counted = new CommitCounting(store.dataSource());
            try (SharedBknPlaces node = new SharedBknPlaces(counted.dataSource(), 1000, 1, WINDOW,
                    Duration.ofSeconds(30), "node-a", CLOCK)) {
                int cycles = 100;
                int before = counted.commits();
                for (int i = 0; i < cycles; i++) {
                    assertEquals(Duration.ZERO, node.tryAcquire(), "take " + i + ", the one request place released");
                    node.release();
                }
                // One transaction per take, and none for a release on the thread that releases: the next take carries
                // it, or the release writer (its own thread, as the scheduling falls) writes it 5 ms later.
                assertEquals(cycles, counted.commits() - before, "commits of the taking thread");

                // The one request place, last released by node-a: another node sees it free once node-a's release
                // writer wrote it, long before it would free itself (30 s).
                SharedBknPlaces other = new SharedBknPlaces(store.dataSource(), 1000, 1, WINDOW, Duration.ofSeconds(30),
                        "node-b", CLOCK);
                long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
                while (!other.tryAcquire().isZero()) {
                    assertTrue(System.nanoTime() < deadline, "node-a's last release never reached the store");
                    Thread.sleep(5);
                }
                other.release();
                other.close();
                assertEquals(Duration.ZERO, node.tryAcquire(), "a node's release is written when it closes");
            }
        }
    }

    @Test
    void aTakeReadsAndRewritesAFewRowsWhateverTheLimit() throws Exception {
        String url = PostgresServer.newDatabase();
        MutableClock clock = new MutableClock(Instant.parse("2024-10-23T03:00:00Z"));
        int cycles = 600;
        // A deployer's high limit: 10,000 places, and every take within the window and the longest request of hundreds
        // before it, as at a few hundred requests a second.
        try (StateStore store = StateStore.postgresql(url, PostgresServer.USER, null, 2);
             SharedBknPlaces node = new SharedBknPlaces(store.dataSource(), 10_000, CONCURRENCY, Duration.ofSeconds(1),
                     Duration.ofSeconds(8), "node-a", clock)) {
            for (int i = 0; i < cycles; i++) {
                assertEquals(Duration.ZERO, node.tryAcquire(), "take " + i);
                clock.advance(Duration.ofMillis(3));
                node.release();
            }
        }
        // The server has every backend's counts once its connections closed; its collector adds them a moment later.
        try (StateStore store = StateStore.postgresql(url, PostgresServer.USER, null, 2);
             Connection connection = store.dataSource().getConnection();
             Statement sql = connection.createStatement()) {
            long[] counts = tableCounts(sql);
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (counts[0] < 5L * cycles && System.nanoTime() < deadline) {
                Thread.sleep(100);
                counts = tableCounts(sql);
            }
            long updates = counts[0];
            long inPlace = counts[1];
            long rowsRead = counts[2];
            assertTrue(updates >= 2L * cycles, "the statistics of the takes and releases arrived: " + updates);
            // Not all: the first update of a place on a full page of the table moves it to another (each place once).
            assertTrue(inPlace >= updates / 2, inPlace + " of " + updates
                    + " updates in place (HOT): an index on a changed column makes each leave a dead entry");
            assertTrue(rowsRead <= 40L * cycles, rowsRead + " rows read for " + cycles + " takes and releases");
        }
    }

    @ParameterizedTest
    @EnumSource(StateStore.Kind.class)
    void placesOfTheReleaseBeforeTheRingKeepTheirState(StateStore.Kind kind) throws Exception {
        Instant start = Instant.parse("2024-10-23T03:00:00Z");
        MutableClock clock = new MutableClock(start);
        DataSource dataSource = FreshStores.unmigrated(kind, dir);
        Flyway.configure().configuration(StateSchema.configure(dataSource, kind).getConfiguration()).target("14.1")
                .load().migrate();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement(
                     "INSERT INTO BKN_PLACE (place, in_flight, held_by, free_at) VALUES (?, ?, ?, ?)")) {
            // As the release before wrote them: row 0, place 1 under way on a node until a second from now, the others
            // free since long ago.
            for (int place = 0; place <= LIMIT; place++) {
                insert.setInt(1, place);
                insert.setBoolean(2, place == 1);
                insert.setString(3, place == 1 ? "node-old" : null);
                insert.setTimestamp(4, Timestamp.from(place == 1 ? start.plusSeconds(1) : Instant.EPOCH));
                insert.executeUpdate();
            }
        }
        StateSchema.migrate(dataSource, kind);

        try (SharedBknPlaces node = new SharedBknPlaces(dataSource, LIMIT, CONCURRENCY, WINDOW, Duration.ofSeconds(5),
                "node-a", clock)) {
            for (int i = 0; i < LIMIT - 1; i++) {
                assertEquals(Duration.ZERO, node.tryAcquire(), "places 2 to 5, take " + i);
                node.release();
            }
            assertTrue(node.tryAcquire().compareTo(Duration.ZERO) > 0,
                    "place 1 still under way, the others in the window");
            clock.set(start.plusSeconds(1));
            assertEquals(Duration.ZERO, node.tryAcquire(), "place 1, free at the time its node set");
        }
    }

    /** BKN_PLACE's updates, those of them in place (HOT), and rows read by scans of every kind. */
    private static long[] tableCounts(Statement sql) throws Exception {
        try (ResultSet row = sql.executeQuery("SELECT n_tup_upd, n_tup_hot_upd, COALESCE(seq_tup_read, 0)"
                + " + COALESCE(idx_tup_fetch, 0) FROM pg_stat_user_tables WHERE relname = 'bkn_place'")) {
            row.next();
            return new long[]{row.getLong(1), row.getLong(2), row.getLong(3)};
        }
    }

    /** A store's connections, the commits of the thread that built this counted. */
    private static final class CommitCounting {

        private final DataSource dataSource;
        private final AtomicInteger commits = new AtomicInteger();
        private final Thread counted = Thread.currentThread();

        CommitCounting(DataSource target) {
            this.dataSource = proxy(DataSource.class, target, (method, result) -> method.getName().equals("getConnection")
                    ? proxy(Connection.class, result, (connectionMethod, returned) -> {
                        if (connectionMethod.getName().equals("commit") && Thread.currentThread() == counted) {
                            commits.incrementAndGet();
                        }
                        return returned;
                    })
                    : result);
        }

        DataSource dataSource() {
            return dataSource;
        }

        int commits() {
            return commits.get();
        }

        /** {@code target} behind {@code type}, each call's result passed through {@code after}. */
        private static <T> T proxy(Class<T> type, Object target, BiFunction<Method, Object, Object> after) {
            return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[]{type}, (self, method, args) -> {
                try {
                    return after.apply(method, method.invoke(target, args));
                } catch (InvocationTargetException e) {
                    throw e.getCause();
                }
            }));
        }
    }

    /** A store's connections, closed after the test. */
    private record Store(DataSource dataSource, AutoCloseable connections) implements AutoCloseable {

        @Override
        public void close() throws Exception {
            connections.close();
        }
    }

    /** On H2 in memory: the SQL is what is tested there, the hub takes BKN's places from PostgreSQL only. */
    private static Store store(StateStore.Kind kind, int connections) {
        if (kind == StateStore.Kind.POSTGRESQL) {
            StateStore store = StateStore.postgresql(PostgresServer.newDatabase(), PostgresServer.USER, null,
                    connections);
            return new Store(store.dataSource(), store);
        }
        JdbcConnectionPool pool = MigratedH2.inMemory("bkn-places");
        pool.setMaxConnections(connections);
        return new Store(pool, pool::dispose);
    }

    private static SharedBknPlaces places(Store store, String nodeId, Duration longestRequest) throws Exception {
        return new SharedBknPlaces(store.dataSource(), LIMIT, CONCURRENCY, WINDOW, longestRequest, nodeId, CLOCK);
    }
}
