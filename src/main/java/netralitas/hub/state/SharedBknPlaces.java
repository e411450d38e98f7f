package netralitas.hub.state;

import netralitas.hub.bkn.BknPlaces;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * BKN's rate limit and concurrency for all the nodes of one state store together (SPEC §11), in table BKN_PLACE: the
 * same places as {@link netralitas.hub.bkn.BknRateLimit}, shared, and as many request places as BKN's concurrency. A
 * request holds a place of the rate limit (rows 1 to {@code limit}) from its start until one window after its end, and
 * a request place (rows -1 to {@code -maxConcurrency}) from its start until its end. A taker locks row 0, so takers
 * choose one at a time across the cluster, and takes a request place that is free and a place whose {@code free_at} has
 * passed; a node's release frees one pair of the places this node holds, by their numbers. A place taken by a node that
 * dies frees itself after {@code maxRequest} plus the window, its request place with it.
 *
 * <p>A release is written with the node's next take, in its transaction, or by the node's release writer at most
 * {@link #RELEASE_DELAY} later when no take comes: a release of its own, as each used to be, was one of the 6.8
 * transactions a case cost PostgreSQL; now 6.1 (the release writer still writes about a third of the releases, at 20,000
 * rows: docs/benchmarks.md, "The late night's changes"). The node's own takes count a place
 * whose request ended as released at once; another node sees it in flight that much longer. The time a place frees at
 * is the time its request ended, whenever it is written.
 *
 * <p>A take costs the same whatever the limit (a deployer may set thousands): the places are a ring, row 0 keeps a
 * cursor on it, and a take reads the request places and the few places from the cursor by number, then writes three
 * or four rows by number. Searching the places instead (the earliest {@code free_at}, a count of those in flight) read
 * every place taken within the last window and request, and, through an index on {@code free_at}, a dead entry left by
 * each take until PostgreSQL vacuumed; no column a take or a release writes is indexed now, so each update stays in
 * place (HOT). The ring takes places in the order they were taken before. When the place at the cursor still waits for
 * its window while one within the next {@code 2 × maxConcurrency} places is free (its request ended earlier; such
 * places are near, as their requests ran while the cursor's did), the free one takes over the cursor's wait and the
 * cursor's place is taken: the places from the cursor stay in the order they free, as the earliest {@code free_at}
 * would pick, and none is left behind the cursor for a round.
 *
 * <p>Times are the nodes' clocks; they must agree to well within the rate-limit window (NTP), as BKN's own count
 * assumes of the hub anyway.
 */
public final class SharedBknPlaces implements BknPlaces {

    private static final Logger LOG = LoggerFactory.getLogger(SharedBknPlaces.class);

    /** A taker looks again at most this long after it found no place, whatever the rows promise. */
    private static final Duration LONGEST_WAIT = Duration.ofMillis(200);
    /** This transaction's commit does not wait for the disk (PostgreSQL only). */
    private static final String WITHOUT_FLUSH = "SET LOCAL synchronous_commit TO OFF";
    /** Row 0, the lock every taker holds while it chooses, keeps the ring's cursor. */
    private static final String LOCK = "SELECT next_place FROM BKN_PLACE WHERE place = 0 FOR UPDATE";
    /** A place's row written by number, under row 0's lock: a take's rows, and the releases it carries. */
    private static final String UPDATE_BY_NUMBER = "UPDATE BKN_PLACE SET in_flight = ?, held_by = ?, free_at = ?,"
            + " next_place = ? WHERE place = ?";
    /** When every place is held by a request under way, the next one frees when a request ends: soon, or later. */
    private static final Duration IN_FLIGHT_WAIT = Duration.ofMillis(25);
    /** A release no take of this node carried is written by the release writer this long after it. */
    static final Duration RELEASE_DELAY = Duration.ofMillis(5);

    private final DataSource dataSource;
    private final int limit;
    private final int maxConcurrency;
    private final Duration window;
    private final Duration maxRequest;
    private final String nodeId;
    private final Clock clock;
    /** How many places from the cursor a take reads: twice the concurrency, never more than the limit. */
    private final int lookAhead;
    /**
     * The request places and the places from the cursor, read by number right after row 0 is locked: on PostgreSQL in
     * the lock's round trip, each statement with its own snapshot, so that it reads what the previous taker committed.
     */
    private final String readPlaces;
    /** On H2, which has neither multi-statement executes nor synchronous_commit, the tests' other store. */
    private final boolean postgres;
    /**
     * This node's requests under way, at most {@code maxConcurrency}: a worker of this node waits here, and wakes the
     * moment another of its requests ends, rather than looking at the store every {@link #IN_FLIGHT_WAIT} while the
     * node alone fills the places. Fair, as {@link netralitas.hub.bkn.BknRateLimit} is.
     */
    private final Semaphore nodeRequests;
    /**
     * The places this node holds, by number, so that a release names the rows it frees. Chosen in the store instead,
     * two releases at once either freed one place twice (and left the other in flight until its free_at) or, skipping
     * each other's locked rows, found none of their own that their snapshot showed.
     */
    private final Deque<Held> heldPlaces = new ConcurrentLinkedDeque<>();
    /**
     * Places whose request ended and that the store still shows in flight: the next take or the release writer writes
     * them. Taken out only under {@link #nodeTakes}, so that a take of this node never reads as in flight a place whose
     * release another of its threads is writing.
     */
    private final Queue<Ended> endedPlaces = new ConcurrentLinkedQueue<>();
    /**
     * This node's takes and release writes, one at a time, as row 0 makes them anyway: a thread waits here rather than
     * on row 0 in the store. Fair, as {@link #nodeRequests} is.
     */
    private final ReentrantLock nodeTakes = new ReentrantLock(true);
    private final AtomicBoolean releaseWriteDue = new AtomicBoolean();
    private final ScheduledExecutorService releaseWriter;

    /** A place of the rate limit and the request place taken with it. */
    private record Held(int place, int request) {
    }

    /** Places whose request ended at {@code at}. */
    private record Ended(Held held, Instant at) {
    }

    /**
     * @param maxRequest the longest a request may last (timeouts of connect and response), after which a place
     *                   taken by a node that never released it is free again
     */
    public SharedBknPlaces(DataSource dataSource, int limit, int maxConcurrency, Duration window, Duration maxRequest,
                           String nodeId, Clock clock) throws SQLException {
        this.dataSource = dataSource;
        this.limit = limit;
        this.maxConcurrency = maxConcurrency;
        this.window = window;
        this.maxRequest = maxRequest;
        this.nodeId = nodeId;
        this.clock = clock;
        this.lookAhead = Math.min(limit, 2 * maxConcurrency);
        String cursor = "(SELECT CASE WHEN next_place BETWEEN 1 AND " + limit + " THEN next_place ELSE 1 END"
                + " FROM BKN_PLACE WHERE place = 0)";
        this.readPlaces = "SELECT place, in_flight, free_at, held_by FROM BKN_PLACE WHERE place BETWEEN " + -maxConcurrency
                + " AND -1 OR place BETWEEN " + cursor + " AND " + cursor + " + " + (lookAhead - 1)
                + " OR place BETWEEN 1 AND " + cursor + " + " + (lookAhead - 1 - limit);
        this.nodeRequests = new Semaphore(maxConcurrency, true);
        this.releaseWriter = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "bkn-place-release");
            thread.setDaemon(true);
            return thread;
        });
        try (Connection connection = dataSource.getConnection()) {
            this.postgres = "PostgreSQL".equals(connection.getMetaData().getDatabaseProductName());
        }
        createPlaces();
    }

    /**
     * Rows {@code -maxConcurrency} to {@code limit}, in one transaction; a limit or a concurrency lowered later leaves
     * the rows beyond it unused.
     */
    private void createPlaces() throws SQLException {
        try {
            Transaction.run(dataSource, connection -> {
                try (PreparedStatement insert = connection.prepareStatement("INSERT INTO BKN_PLACE (place, in_flight,"
                        + " free_at) SELECT ?, FALSE, ? WHERE NOT EXISTS (SELECT 1 FROM BKN_PLACE WHERE place = ?)")) {
                    for (int place = -maxConcurrency; place <= limit; place++) {
                        insert.setInt(1, place);
                        insert.setTimestamp(2, Timestamp.from(Instant.EPOCH));
                        insert.setInt(3, place);
                        insert.addBatch();
                    }
                    insert.executeBatch();
                }
                return null;
            });
        } catch (SQLException e) {
            if (!"23505".equals(e.getSQLState())) {
                throw e; // else another node created them at the same moment
            }
        }
    }

    @Override
    public void acquire() throws InterruptedException {
        nodeRequests.acquire();
        boolean taken = false;
        try {
            while (true) {
                Duration wait;
                try {
                    wait = tryAcquire();
                } catch (SQLException e) {
                    throw new IllegalStateException("Cannot take a place of BKN's rate limit in the state store: "
                            + String.valueOf(e.getMessage()).lines().findFirst().orElse(""), e);
                }
                if (wait.isZero()) {
                    taken = true;
                    return;
                }
                Thread.sleep(Math.max(1, wait.toMillis()));
            }
        } finally {
            if (!taken) {
                nodeRequests.release();
            }
        }
    }

    /** Takes a place if one is free now (zero), else how long to wait before trying again. */
    Duration tryAcquire() throws SQLException {
        Take take = underNodeLock(this::takeUnderLock);
        if (take.held() != null) {
            heldPlaces.add(take.held());
        }
        return take.pause();
    }

    /** The work of a take or a release write: row 0 locked, the rows it needs read, this node's ended places freed. */
    @FunctionalInterface
    private interface LockedWork<T> {
        T run(Connection connection, Locked locked, Map<Integer, Place> released) throws SQLException;
    }

    /**
     * Runs {@code work} in a transaction, under this node's lock and row 0's, with the places of the requests that ended
     * since the last take read and freed; they are written with whatever the work writes. When the transaction fails,
     * they wait for the next.
     */
    private <T> T underNodeLock(LockedWork<T> work) throws SQLException {
        nodeTakes.lock();
        try {
            List<Ended> ended = new ArrayList<>();
            for (Ended next = endedPlaces.poll(); next != null; next = endedPlaces.poll()) {
                ended.add(next);
            }
            try {
                return Transaction.run(dataSource, connection -> {
                    Locked locked = lockAndRead(connection, ended);
                    return work.run(connection, locked, release(locked.rows(), ended));
                });
            } catch (SQLException | RuntimeException e) {
                endedPlaces.addAll(ended);
                throw e;
            }
        } finally {
            nodeTakes.unlock();
        }
    }

    /** Places taken (and no wait), or none and how long to wait. */
    private record Take(Held held, Duration pause) {
    }

    /** A row as a taker reads it. */
    private record Place(boolean inFlight, Instant freeAt, String heldBy) {

        boolean isFree(Instant now) {
            return !freeAt.isAfter(now);
        }

        /** Held by a request that may still be under way: free when it ends, which no one can tell. */
        boolean isUnderWay(Instant now) {
            return inFlight && !isFree(now);
        }
    }

    private Take takeUnderLock(Connection connection, Locked locked, Map<Integer, Place> released) throws SQLException {
        // Round trips, each waited for while holding row 0, are what a take costs: the lock and the reading in one,
        // the writing in one. A place lives for a second or so: not worth a disk flush. After a crash of the server
        // the places read as of a moment before, which frees a place a little early at worst, as a restarted BKN
        // client would.
        int[] ring = new int[lookAhead];
        for (int i = 0; i < lookAhead; i++) {
            ring[i] = (locked.cursor() - 1 + i) % limit + 1;
        }
        Map<Integer, Place> rows = locked.rows();
        Instant now = clock.instant();
        Integer request = null;
        for (int row = -1; row >= -maxConcurrency && request == null; row--) {
            Place candidate = rows.get(row);
            if (candidate != null && !candidate.isUnderWay(now)) {
                request = row;
            }
        }
        if (request == null) {
            writeReleases(connection, released);
            return new Take(null, IN_FLIGHT_WAIT);
        }
        Integer front = null;
        for (int candidate : ring) {
            if (rows.containsKey(candidate) && !rows.get(candidate).isUnderWay(now)) {
                front = candidate;
                break;
            }
        }
        Integer free = null;
        for (int candidate : ring) {
            if (rows.containsKey(candidate) && rows.get(candidate).isFree(now)) {
                free = candidate;
                break;
            }
        }
        // A free place is not under way: when one is free, there is a front.
        if (free == null) {
            writeReleases(connection, released);
            return new Take(null, untilAPlaceFrees(rows, ring, now));
        }
        // The place at the front is the one taken longest ago; when its window still runs and one further on is free
        // (its request ended earlier), the two exchange: the free one takes the front's wait, and the front is taken.
        // So the places from the cursor stay in the order they free, and none is left behind it for a round.
        Held held = new Held(front, request);
        write(connection, released, held, front.equals(free) ? null : free, rows.get(front).freeAt(),
                nextCursor(rows, ring, front, now), now);
        return new Take(held, Duration.ZERO);
    }

    /**
     * The places of {@code ended} freed in {@code rows}, as read under row 0's lock: the place one window after its
     * request ended, the request place when it ended. Returns them, to be written ahead of anything else.
     */
    private Map<Integer, Place> release(Map<Integer, Place> rows, List<Ended> ended) {
        Map<Integer, Place> released = new HashMap<>();
        for (Ended end : ended) {
            release(rows, released, end.held().place(), end.at().plus(window));
            release(rows, released, end.held().request(), end.at());
        }
        return released;
    }

    private void release(Map<Integer, Place> rows, Map<Integer, Place> released, int row, Instant freeAt) {
        Place read = rows.get(row);
        // No longer this node's: it outlived its free_at and another node took it. Under row 0's lock no other node
        // writes a place this node holds.
        if (read != null && read.inFlight() && nodeId.equals(read.heldBy())) {
            Place free = new Place(false, freeAt, null);
            rows.put(row, free);
            released.put(row, free);
        }
    }

    /** Row 0's cursor, and the rows a take chooses from. */
    private record Locked(int cursor, Map<Integer, Place> rows) {
    }

    /** Locks row 0 and reads the request places, the places from the cursor and those of {@code ended}. */
    private Locked lockAndRead(Connection connection, List<Ended> ended) throws SQLException {
        String read = ended.isEmpty() ? readPlaces : readPlaces + " OR place IN (" + ended.stream()
                .flatMap(end -> Stream.of(end.held().place(), end.held().request()))
                .map(String::valueOf).collect(Collectors.joining(", ")) + ")";
        try (Statement sql = connection.createStatement()) {
            Integer cursor = null;
            Map<Integer, Place> rows = new HashMap<>();
            boolean isRows = sql.execute(postgres ? WITHOUT_FLUSH + "; " + LOCK + "; " + read : LOCK);
            while (true) {
                if (isRows) {
                    try (ResultSet result = sql.getResultSet()) {
                        if (cursor == null) {
                            if (!result.next()) {
                                throw new SQLException("BKN_PLACE has no row 0, the lock of its takers");
                            }
                            cursor = result.getInt(1);
                        } else {
                            readInto(rows, result);
                        }
                    }
                } else if (sql.getUpdateCount() == -1) {
                    break;
                }
                isRows = sql.getMoreResults();
            }
            if (!postgres) {
                try (ResultSet result = sql.executeQuery(read)) {
                    readInto(rows, result);
                }
            }
            // NULL (0) before the ring, or beyond a limit lowered since: the ring starts again at place 1, as read.
            return new Locked(cursor >= 1 && cursor <= limit ? cursor : 1, rows);
        }
    }

    private static void readInto(Map<Integer, Place> rows, ResultSet result) throws SQLException {
        while (result.next()) {
            rows.put(result.getInt(1), new Place(result.getBoolean(2), result.getTimestamp(3).toInstant(),
                    result.getString(4)));
        }
    }

    /** The first place from the cursor neither just taken nor under way: the next take looks there first. */
    private int nextCursor(Map<Integer, Place> rows, int[] ring, int taken, Instant now) {
        for (int candidate : ring) {
            Place row = rows.get(candidate);
            if (candidate != taken && row != null && !row.isUnderWay(now)) {
                return candidate;
            }
        }
        return ring[ring.length - 1] % limit + 1;
    }

    /**
     * One round trip: the places released, the request place and the place, both until the longest request is over,
     * the place that takes the front's wait if there is one, and the cursor. A row written twice keeps its second.
     */
    private void write(Connection connection, Map<Integer, Place> released, Held held, Integer waiting,
                       Instant frontFreeAt, int cursor, Instant now) throws SQLException {
        try (PreparedStatement write = connection.prepareStatement(UPDATE_BY_NUMBER)) {
            addReleases(write, released);
            Timestamp until = Timestamp.from(now.plus(maxRequest).plus(window));
            for (int row : new int[]{held.request(), held.place()}) {
                addRow(write, row, true, nodeId, until, null);
            }
            if (waiting != null) {
                addRow(write, waiting, false, null, Timestamp.from(frontFreeAt), null);
            }
            addRow(write, 0, false, null, Timestamp.from(Instant.EPOCH), cursor);
            write.executeBatch();
        }
    }

    /** The places released, when the take takes none: one round trip, none when there are none. */
    private static void writeReleases(Connection connection, Map<Integer, Place> released) throws SQLException {
        if (released.isEmpty()) {
            return;
        }
        try (PreparedStatement write = connection.prepareStatement(UPDATE_BY_NUMBER)) {
            addReleases(write, released);
            write.executeBatch();
        }
    }

    private static void addReleases(PreparedStatement write, Map<Integer, Place> released) throws SQLException {
        for (Map.Entry<Integer, Place> row : released.entrySet()) {
            addRow(write, row.getKey(), false, null, Timestamp.from(row.getValue().freeAt()), null);
        }
    }

    private static void addRow(PreparedStatement write, int row, boolean inFlight, String heldBy, Timestamp freeAt,
                               Integer cursor) throws SQLException {
        write.setBoolean(1, inFlight);
        write.setString(2, heldBy);
        write.setTimestamp(3, freeAt);
        if (cursor == null) {
            write.setNull(4, Types.INTEGER);
        } else {
            write.setInt(4, cursor);
        }
        write.setInt(5, row);
        write.addBatch();
    }

    /** No place now: every place looked at is held by a request under way, or frees later. */
    private static Duration untilAPlaceFrees(Map<Integer, Place> rows, int[] ring, Instant now) {
        Instant nextFree = null;
        for (int candidate : ring) {
            Place row = rows.get(candidate);
            if (row != null && !row.inFlight() && (nextFree == null || row.freeAt().isBefore(nextFree))) {
                nextFree = row.freeAt();
            }
        }
        if (nextFree == null) {
            return IN_FLIGHT_WAIT;
        }
        Duration untilFree = Duration.between(now, nextFree).plusMillis(1);
        return untilFree.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : untilFree;
    }

    @Override
    public void release() {
        try {
            Held held = heldPlaces.poll();
            if (held == null) {
                throw new IllegalStateException("BKN rate limit released more often than acquired by node " + nodeId);
            }
            endedPlaces.add(new Ended(held, clock.instant()));
            if (releaseWriteDue.compareAndSet(false, true)) {
                releaseWriter.schedule(this::writeEnded, RELEASE_DELAY.toMillis(), TimeUnit.MILLISECONDS);
            }
        } finally {
            nodeRequests.release();
        }
    }

    /**
     * The release writer: writes the places whose request ended and that no take of this node carried, as a take
     * would, under row 0's lock.
     */
    void writeEnded() {
        releaseWriteDue.set(false);
        nodeTakes.lock();
        try {
            if (endedPlaces.isEmpty()) {
                return; // a take carried them
            }
            underNodeLock((connection, locked, released) -> {
                writeReleases(connection, released);
                return null;
            });
        } catch (SQLException | RuntimeException e) {
            LOG.warn("Cannot free the places of BKN's rate limit whose requests ended in the state store (the next take"
                    + " tries again; each frees itself at its free_at): {}",
                    String.valueOf(e.getMessage()).lines().findFirst().orElse(""));
        } finally {
            nodeTakes.unlock();
        }
    }

    /** Writes the places whose request ended, then stops the release writer; before the store closes. */
    @Override
    public void close() {
        releaseWriter.shutdown();
        try {
            releaseWriter.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        writeEnded();
    }
}
