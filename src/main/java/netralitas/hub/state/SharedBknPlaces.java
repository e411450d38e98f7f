package netralitas.hub.state;

import netralitas.hub.bkn.BknPlaces;

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
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.Semaphore;

/**
 * BKN's rate limit and concurrency for all the nodes of one state store together (SPEC §11), in table BKN_PLACE: the
 * same places as {@link netralitas.hub.bkn.BknRateLimit}, shared, and as many request places as BKN's concurrency. A
 * request holds a place of the rate limit (rows 1 to {@code limit}) from its start until one window after its end, and
 * a request place (rows -1 to {@code -maxConcurrency}) from its start until its end. A taker locks row 0, so takers
 * choose one at a time across the cluster, and takes a request place that is free and a place whose {@code free_at} has
 * passed; a node's release frees one pair of the places this node holds, by their numbers. A place taken by a node that
 * dies frees itself after {@code maxRequest} plus the window, its request place with it.
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

    /** A taker looks again at most this long after it found no place, whatever the rows promise. */
    private static final Duration LONGEST_WAIT = Duration.ofMillis(200);
    /** This transaction's commit does not wait for the disk (PostgreSQL only). */
    private static final String WITHOUT_FLUSH = "SET LOCAL synchronous_commit TO OFF";
    /** Row 0, the lock every taker holds while it chooses, keeps the ring's cursor. */
    private static final String LOCK = "SELECT next_place FROM BKN_PLACE WHERE place = 0 FOR UPDATE";
    /** When every place is held by a request under way, the next one frees when a request ends: soon, or later. */
    private static final Duration IN_FLIGHT_WAIT = Duration.ofMillis(25);

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

    /** A place of the rate limit and the request place taken with it. */
    private record Held(int place, int request) {
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
        this.readPlaces = "SELECT place, in_flight, free_at FROM BKN_PLACE WHERE place BETWEEN " + -maxConcurrency
                + " AND -1 OR place BETWEEN " + cursor + " AND " + cursor + " + " + (lookAhead - 1)
                + " OR place BETWEEN 1 AND " + cursor + " + " + (lookAhead - 1 - limit);
        this.nodeRequests = new Semaphore(maxConcurrency, true);
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
        Take take = Transaction.run(dataSource, this::takeUnderLock);
        if (take.held() != null) {
            heldPlaces.add(take.held());
        }
        return take.pause();
    }

    /** Places taken (and no wait), or none and how long to wait. */
    private record Take(Held held, Duration pause) {
    }

    /** A row as a taker reads it. */
    private record Place(boolean inFlight, Instant freeAt) {

        boolean isFree(Instant now) {
            return !freeAt.isAfter(now);
        }

        /** Held by a request that may still be under way: free when it ends, which no one can tell. */
        boolean isUnderWay(Instant now) {
            return inFlight && !isFree(now);
        }
    }

    private Take takeUnderLock(Connection connection) throws SQLException {
        // Round trips, each waited for while holding row 0, are what a take costs: the lock and the reading in one,
        // the writing in one. A place lives for a second or so: not worth a disk flush. After a crash of the server
        // the places read as of a moment before, which frees a place a little early at worst, as a restarted BKN
        // client would.
        Locked locked = lockAndRead(connection);
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
            return new Take(null, untilAPlaceFrees(rows, ring, now));
        }
        // The place at the front is the one taken longest ago; when its window still runs and one further on is free
        // (its request ended earlier), the two exchange: the free one takes the front's wait, and the front is taken.
        // So the places from the cursor stay in the order they free, and none is left behind it for a round.
        Held held = new Held(front, request);
        write(connection, held, front.equals(free) ? null : free, rows.get(front).freeAt(),
                nextCursor(rows, ring, front, now), now);
        return new Take(held, Duration.ZERO);
    }

    /** Row 0's cursor, and the rows a take chooses from. */
    private record Locked(int cursor, Map<Integer, Place> rows) {
    }

    private Locked lockAndRead(Connection connection) throws SQLException {
        try (Statement sql = connection.createStatement()) {
            Integer cursor = null;
            Map<Integer, Place> rows = new HashMap<>();
            boolean isRows = sql.execute(postgres ? WITHOUT_FLUSH + "; " + LOCK + "; " + readPlaces : LOCK);
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
                try (ResultSet result = sql.executeQuery(readPlaces)) {
                    readInto(rows, result);
                }
            }
            // NULL (0) before the ring, or beyond a limit lowered since: the ring starts again at place 1, as read.
            return new Locked(cursor >= 1 && cursor <= limit ? cursor : 1, rows);
        }
    }

    private static void readInto(Map<Integer, Place> rows, ResultSet result) throws SQLException {
        while (result.next()) {
            rows.put(result.getInt(1), new Place(result.getBoolean(2), result.getTimestamp(3).toInstant()));
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
     * One round trip: the request place and the place, both until the longest request is over, the place that takes
     * the front's wait if there is one, and the cursor.
     */
    private void write(Connection connection, Held held, Integer waiting, Instant frontFreeAt, int cursor, Instant now)
            throws SQLException {
        try (PreparedStatement write = connection.prepareStatement("UPDATE BKN_PLACE SET in_flight = ?, held_by = ?,"
                + " free_at = ?, next_place = ? WHERE place = ?")) {
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

    private static void withoutFlush(Connection connection) throws SQLException {
        try (Statement set = connection.createStatement()) {
            set.execute(WITHOUT_FLUSH);
        }
    }

    @Override
    public void release() {
        try {
            releaseInStore();
        } finally {
            nodeRequests.release();
        }
    }

    private void releaseInStore() {
        Held held = heldPlaces.poll();
        if (held == null) {
            throw new IllegalStateException("BKN rate limit released more often than acquired by node " + nodeId);
        }
        try {
            Transaction.run(dataSource, connection -> {
                if (postgres) {
                    withoutFlush(connection);
                }
                // No row when the place outlived its free_at and another node took it: then it is free already.
                try (PreparedStatement release = connection.prepareStatement("UPDATE BKN_PLACE SET in_flight = FALSE,"
                        + " free_at = ? WHERE place = ? AND held_by = ? AND in_flight")) {
                    Instant now = clock.instant();
                    release.setTimestamp(1, Timestamp.from(now.plus(window)));
                    release.setInt(2, held.place());
                    release.setString(3, nodeId);
                    release.addBatch();
                    release.setTimestamp(1, Timestamp.from(now));
                    release.setInt(2, held.request());
                    release.setString(3, nodeId);
                    release.addBatch();
                    release.executeBatch();
                }
                return null;
            });
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot free place " + held.place() + " of BKN's rate limit in the state"
                    + " store (it frees itself at its free_at): "
                    + String.valueOf(e.getMessage()).lines().findFirst().orElse(""), e);
        }
    }
}
