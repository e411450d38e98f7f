package netralitas.hub.state;

import netralitas.hub.audit.ChainHeadTable;
import netralitas.hub.audit.HeadLookup;
import org.h2.api.ErrorCode;
import org.h2.jdbcx.JdbcConnectionPool;
import org.h2.jdbcx.JdbcDataSource;

import javax.sql.DataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The hub's durable state store (an embedded H2 file under hub.data-dir): the case ledger behind idempotency and the
 * digest queue. The ledger table is created here with the key Camel's default lacks (the default CAMEL_MESSAGEPROCESSED
 * table has no primary key, which makes every lookup a full scan).
 */
public final class HubDatabase {

    private static final Duration BEHIND_MARGIN = Duration.ofSeconds(5);

    private HubDatabase() {
    }

    public static JdbcConnectionPool open(Path dataDir, int maxConnections) throws SQLException {
        // A 16 MB page cache (H2 defaults to 64 MB): the hub must run in a 256 MB heap.
        // WRITE_DELAY=0: each commit is written to the file before it returns (H2 otherwise keeps commits in memory for
        // 500 ms), so a case recorded as handled is still recorded after kill -9 and is never forwarded again.
        // RETENTION_TIME=0: space of old chunks is reused at once; H2's 45 s default, with a chunk per commit, grew the
        // file ninefold (1.5 GB for 50,000 rows). What it protects against is a power cut before the OS wrote its
        // buffers, not a process kill: after a power cut, restore hub.data-dir from its backup.
        // MAX_COMPACT_TIME=0: no compaction when the database closes. With the two settings above, H2 2.3's close-time
        // compaction drops a chunk that the last chunk written still lists, cuts its space off the end of the file and
        // then marks the file as closed cleanly; the next open trusts that mark, misses the chunk, and silently falls
        // back to the newest older state it can read whole, often the empty tables of the first start. A normal stop
        // (SIGTERM, Ctrl+C) thus emptied the case ledger and the digest queue in about half the stops. Without the
        // compaction a clean close only marks a file whose chunks are all there. (It reclaimed little: at most 200 ms.)
        String url = "jdbc:h2:file:" + base(dataDir)
                + ";DB_CLOSE_ON_EXIT=FALSE;CACHE_SIZE=16384;WRITE_DELAY=0;RETENTION_TIME=0;MAX_COMPACT_TIME=0";
        JdbcConnectionPool pool = JdbcConnectionPool.create(url, "hub", "");
        pool.setMaxConnections(maxConnections);
        try {
            createSchema(pool);
        } catch (SQLException e) {
            pool.dispose();
            throw cannotOpen(dataDir.resolve("state/hub.mv.db").toAbsolutePath(), e);
        }
        return pool;
    }

    /**
     * Never reset silently: the file holds the case ledger, so an empty one would forward every report again. Carries
     * no cause on purpose: the start-up error line shows the deepest cause's message, and this one says what to do.
     */
    private static IllegalStateException cannotOpen(Path file, SQLException e) {
        if (e.getErrorCode() == ErrorCode.DATABASE_ALREADY_OPEN_1) {
            return new IllegalStateException("State database " + file + " is in use by another process: is another hub"
                    + " running with the same hub.data-dir? Stop it first.");
        }
        return new IllegalStateException("State database " + file + " cannot be read (" + e.getMessage().lines().findFirst()
                .orElse("") + "). It holds the case ledger and the digest queue: restore it from the last backup of"
                + " hub.data-dir. Moving it aside starts an empty ledger, and every report seen again is then forwarded"
                + " again.");
    }

    /**
     * H2 reads a file that was cut short back in an older state without an error: the ledger would then have forgotten
     * the last cases it recorded, and they would be forwarded again. The audit trail (a separate file) knows when the
     * last case was delivered; a ledger whose newest record is clearly older than that is behind, and the hub refuses
     * to start on it. (A case delivered just before a crash may miss its record by milliseconds: hence the margin.)
     */
    public static void requireNotBehind(DataSource database, Path dataDir, Optional<Instant> lastDelivery) throws SQLException {
        if (lastDelivery.isEmpty()) {
            return;
        }
        Timestamp newest;
        try (Connection connection = database.getConnection(); Statement sql = connection.createStatement();
             ResultSet row = sql.executeQuery("SELECT MAX(createdAt) FROM CAMEL_MESSAGEPROCESSED")) {
            row.next();
            newest = row.getTimestamp(1);
        }
        Instant delivered = lastDelivery.get();
        if (newest == null || newest.toInstant().plus(BEHIND_MARGIN).isBefore(delivered)) {
            throw new IllegalStateException("State database " + dataDir.resolve("state/hub.mv.db").toAbsolutePath()
                    + " is behind the audit trail: its newest case was recorded " + (newest == null ? "never" : newest.toInstant())
                    + ", the trail's last delivery is of " + delivered + " (the file was cut short or restored from an"
                    + " older copy). Restore hub.data-dir from the backup that matches the audit trail: started on this"
                    + " file, the hub would forward delivered cases again.");
        }
    }

    private static void createSchema(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement()) {
            sql.execute("CREATE TABLE IF NOT EXISTS CAMEL_MESSAGEPROCESSED (processorName VARCHAR(255) NOT NULL, "
                    + "messageId VARCHAR(100) NOT NULL, createdAt TIMESTAMP, PRIMARY KEY (processorName, messageId))");
        }
        createChainHeadTable(dataSource);
    }

    /** The audit chain head (SPEC §8): a table of its own, one row. */
    private static void createChainHeadTable(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement()) {
            sql.execute(ChainHeadTable.CREATE);
        }
    }

    /**
     * The chain head for the audit commands, read without starting the hub and without changing the file. H2 admits
     * one process at a time: while the hub runs, the head cannot be read here, and the lookup says so.
     */
    public static HeadLookup readChainHead(Path dataDir) {
        Path file = dataDir.resolve("state/hub.mv.db").toAbsolutePath();
        if (!Files.isRegularFile(file)) {
            return HeadLookup.noStore("no state store at " + file);
        }
        JdbcDataSource readOnly = new JdbcDataSource();
        readOnly.setURL("jdbc:h2:file:" + base(dataDir) + ";IFEXISTS=TRUE;ACCESS_MODE_DATA=r");
        readOnly.setUser("hub");
        try (Connection probe = readOnly.getConnection()) {
            return HeadLookup.of(new ChainHeadTable(readOnly, Clock.systemUTC()));
        } catch (SQLException e) {
            return e.getErrorCode() == ErrorCode.DATABASE_ALREADY_OPEN_1
                    ? HeadLookup.unavailable("the state store " + file + " is in use by the running hub (H2 admits one"
                    + " process): stop the hub to compare, or hold the head hash below against the last anchor mail")
                    : HeadLookup.unavailable("the state store " + file + " cannot be read: " + firstLine(e.getMessage()));
        } catch (IllegalStateException e) {
            // A state store of a release before the keyed chain has no head table: it recorded none.
            if (e.getCause() instanceof SQLException sql && (sql.getErrorCode() == ErrorCode.TABLE_OR_VIEW_NOT_FOUND_1
                    || sql.getErrorCode() == ErrorCode.TABLE_OR_VIEW_NOT_FOUND_DATABASE_EMPTY_1)) {
                return HeadLookup.noneRecorded();
            }
            return HeadLookup.unavailable("the state store " + file + " cannot be read: " + e.getMessage());
        }
    }

    private static String base(Path dataDir) {
        return dataDir.resolve("state/hub").toAbsolutePath().toString();
    }

    private static String firstLine(String message) {
        return message == null ? "" : message.lines().findFirst().orElse("");
    }
}
