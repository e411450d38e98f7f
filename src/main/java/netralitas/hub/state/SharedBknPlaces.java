package netralitas.hub.state;

import netralitas.hub.bkn.BknPlaces;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Deque;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.Semaphore;

/**
 * BKN's rate limit and concurrency for all the nodes of one state store together (SPEC §11), in table BKN_PLACE: the
 * same places as {@link netralitas.hub.bkn.BknRateLimit}, shared. A taker locks row 0, so takers choose one at a time
 * across the cluster, and takes a place whose {@code free_at} has passed, unless {@code maxConcurrency} places are in
 * flight. Places are interchangeable: a node's release frees one of the places this node holds, by its number.
 *
 * <p>Times are the nodes' clocks; they must agree to well within the rate-limit window (NTP), as BKN's own count
 * assumes of the hub anyway. A place taken by a node that dies frees itself after {@code maxRequest} plus the window.
 */
public final class SharedBknPlaces implements BknPlaces {

    /** A taker looks again at most this long after it found no place, whatever the rows promise. */
    private static final Duration LONGEST_WAIT = Duration.ofMillis(200);
    /** This transaction's commit does not wait for the disk (PostgreSQL only). */
    private static final String WITHOUT_FLUSH = "SET LOCAL synchronous_commit TO OFF";
    /** When every place is held by a request under way, the next one frees when a request ends: soon, or later. */
    private static final Duration IN_FLIGHT_WAIT = Duration.ofMillis(25);

    private final DataSource dataSource;
    private final int limit;
    private final int maxConcurrency;
    private final Duration window;
    private final Duration maxRequest;
    private final String nodeId;
    private final Clock clock;
    /**
     * This node's requests under way, at most {@code maxConcurrency}: a worker of this node waits here, and wakes the
     * moment another of its requests ends, rather than looking at the store every {@link #IN_FLIGHT_WAIT} while the
     * node alone fills the places. Fair, as {@link netralitas.hub.bkn.BknRateLimit} is.
     */
    private final Semaphore nodeRequests;
    /**
     * The places this node holds, by number, so that a release names the row it frees. Chosen in the store instead, two
     * releases at once either freed one place twice (and left the other in flight until its free_at) or, skipping each
     * other's locked rows, found none of their own that their snapshot showed.
     */
    private final Deque<Integer> heldPlaces = new ConcurrentLinkedDeque<>();

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
        this.nodeRequests = new Semaphore(maxConcurrency, true);
        createPlaces();
    }

    /** Rows 0 (the lock) to {@code limit}, in one transaction; a limit lowered later leaves the rows above it unused. */
    private void createPlaces() throws SQLException {
        try {
            Transaction.run(dataSource, connection -> {
                try (PreparedStatement insert = connection.prepareStatement("INSERT INTO BKN_PLACE (place, in_flight,"
                        + " free_at) SELECT ?, FALSE, ? WHERE NOT EXISTS (SELECT 1 FROM BKN_PLACE WHERE place = ?)")) {
                    for (int place = 0; place <= limit; place++) {
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
        if (take.place() != null) {
            heldPlaces.add(take.place());
        }
        return take.pause();
    }

    /** A place taken (and no wait), or none and how long to wait. */
    private record Take(Integer place, Duration pause) {
    }

    private Take takeUnderLock(Connection connection) throws SQLException {
        // Round trips, each waited for while holding row 0, are what a take costs: the lock in one, the take in one.
        // A place lives for a second or so: not worth a disk flush. After a crash of the server the places read as of
        // a moment before, which frees a place a little early at worst, as a restarted BKN client would.
        try (Statement lock = connection.createStatement()) {
            lock.execute(WITHOUT_FLUSH + "; SELECT place FROM BKN_PLACE WHERE place = 0 FOR UPDATE");
        }
        Timestamp now = Timestamp.from(clock.instant());
        try (PreparedStatement take = connection.prepareStatement("UPDATE BKN_PLACE SET in_flight = TRUE, held_by = ?,"
                + " free_at = ? WHERE place = (SELECT place FROM BKN_PLACE WHERE free_at <= ? AND place BETWEEN 1 AND ?"
                + " ORDER BY free_at LIMIT 1) AND (SELECT COUNT(*) FROM BKN_PLACE WHERE free_at > ? AND in_flight"
                + " AND place BETWEEN 1 AND ?) < ? RETURNING place")) {
            take.setString(1, nodeId);
            take.setTimestamp(2, Timestamp.from(now.toInstant().plus(maxRequest).plus(window)));
            take.setTimestamp(3, now);
            take.setInt(4, limit);
            take.setTimestamp(5, now);
            take.setInt(6, limit);
            take.setInt(7, maxConcurrency);
            try (ResultSet taken = take.executeQuery()) {
                if (taken.next()) {
                    return new Take(taken.getInt(1), Duration.ZERO);
                }
            }
        }
        return new Take(null, untilAPlaceFrees(connection, now));
    }

    /** No place now: every place is held by a request under way, or the window's places free later. */
    private Duration untilAPlaceFrees(Connection connection, Timestamp now) throws SQLException {
        try (PreparedStatement inFlight = connection.prepareStatement("SELECT COUNT(*) FROM BKN_PLACE"
                + " WHERE free_at > ? AND in_flight AND place BETWEEN 1 AND ?")) {
            inFlight.setTimestamp(1, now);
            inFlight.setInt(2, limit);
            try (ResultSet count = inFlight.executeQuery()) {
                count.next();
                if (count.getInt(1) >= maxConcurrency) {
                    return IN_FLIGHT_WAIT;
                }
            }
        }
        try (PreparedStatement next = connection.prepareStatement("SELECT MIN(free_at) FROM BKN_PLACE"
                + " WHERE free_at > ? AND NOT in_flight AND place BETWEEN 1 AND ?")) {
            next.setTimestamp(1, now);
            next.setInt(2, limit);
            try (ResultSet row = next.executeQuery()) {
                Timestamp nextFree = row.next() ? row.getTimestamp(1) : null;
                Duration untilFree = nextFree == null ? IN_FLIGHT_WAIT
                        : Duration.between(now.toInstant(), nextFree.toInstant()).plusMillis(1);
                return untilFree.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : untilFree;
            }
        }
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
        Integer place = heldPlaces.poll();
        if (place == null) {
            throw new IllegalStateException("BKN rate limit released more often than acquired by node " + nodeId);
        }
        try {
            Transaction.run(dataSource, connection -> {
                withoutFlush(connection);
                // No row when the place outlived its free_at and another node took it: then it is free already.
                try (PreparedStatement release = connection.prepareStatement("UPDATE BKN_PLACE SET in_flight = FALSE,"
                        + " free_at = ? WHERE place = ? AND held_by = ? AND in_flight")) {
                    release.setTimestamp(1, Timestamp.from(clock.instant().plus(window)));
                    release.setInt(2, place);
                    release.setString(3, nodeId);
                    release.executeUpdate();
                }
                return null;
            });
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot free place " + place + " of BKN's rate limit in the state store"
                    + " (it frees itself at its free_at): "
                    + String.valueOf(e.getMessage()).lines().findFirst().orElse(""), e);
        }
    }
}
