package netralitas.hub.state;

import netralitas.hub.audit.ChainHeadTable;
import netralitas.hub.audit.HeadLookup;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.pool.HikariPool;
import org.h2.api.ErrorCode;
import org.h2.jdbcx.JdbcDataSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;

/**
 * The embedded state store's file: H2 under {@code hub.data-dir/state} (one node). How it is opened, and the errors that
 * say what to do when it cannot be.
 */
public final class EmbeddedStateFile {

    private EmbeddedStateFile() {
    }

    /** The store's file, for messages. */
    public static Path file(Path dataDir) {
        return dataDir.resolve("state/hub.mv.db").toAbsolutePath();
    }

    /** Opens the file (created when absent) and brings its schema up to date. */
    static HikariDataSource open(Path dataDir, int maxConnections) {
        JdbcDataSource file = fileDataSource(dataDir);
        // HikariCP rather than H2's own JdbcConnectionPool: H2's pool sends ROLLBACK when it hands a connection out and
        // when it takes it back, and in H2 2.3 every ROLLBACK writes the store's pending commits as a chunk of their own
        // (TransactionStore.endTransaction). That made two chunk writes per statement, outside the group commit: 6.7 %
        // of the hub's CPU and most of the file's chunks (docs/benchmarks.md, benchmark 7). HikariCP rolls back only a
        // connection returned with work neither committed nor rolled back.
        HikariConfig config = new HikariConfig();
        config.setPoolName("embedded-state");
        config.setDataSource(file);
        config.setMaximumPoolSize(maxConnections);
        // The connections live as long as the hub: H2 closes the file when its last connection closes.
        config.setMinimumIdle(maxConnections);
        config.setMaxLifetime(0);
        HikariDataSource pool;
        try {
            pool = new HikariDataSource(config);
        } catch (HikariPool.PoolInitializationException e) {
            if (e.getCause() instanceof SQLException cause) {
                throw cannotOpen(file(dataDir), cause);
            }
            throw e;
        }
        try {
            StateSchema.migrate(pool, StateStore.Kind.EMBEDDED_H2);
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
        return pool;
    }

    /** The file as the store opens it, without a pool. */
    static JdbcDataSource fileDataSource(Path dataDir) {
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
        // The space of old chunks is reclaimed while the hub runs instead (EmbeddedStateHousekeeping), and the file is
        // copied whole at a clean stop when most of it is free (EmbeddedStateCompaction).
        // COMPRESS=TRUE: pages are written compressed (LZF). A case's JSON and the ledger's keys compress well, and with a
        // chunk per group commit the file grew 2,510 bytes per case without it, 1,499 with it (20,000 rows,
        // bench/load-run.sh), for about 4 % more CPU.
        // QUERY_CACHE_SIZE=64: each connection keeps the plans of its last 64 statements instead of 8. A case takes
        // about ten statements (ledger, deliveries, follow-up, related cases, chain head); with 8 cached, each was
        // parsed again each time: 12 % of the CPU of the delivery route's writes alone (docs/benchmarks.md, benchmark 9).
        JdbcDataSource file = new JdbcDataSource();
        file.setURL("jdbc:h2:file:" + base(dataDir)
                + ";DB_CLOSE_ON_EXIT=FALSE;CACHE_SIZE=16384;WRITE_DELAY=0;RETENTION_TIME=0;MAX_COMPACT_TIME=0;COMPRESS=TRUE"
                + ";QUERY_CACHE_SIZE=64");
        file.setUser("hub");
        file.setPassword("");
        return file;
    }

    /**
     * Never reset silently: the file holds the case ledger, so an empty one would forward every report again. Carries
     * no cause on purpose: the start-up error line shows the deepest cause's message, and this one says what to do.
     */
    private static IllegalStateException cannotOpen(Path file, SQLException e) {
        if (e.getErrorCode() == ErrorCode.DATABASE_ALREADY_OPEN_1) {
            return new StateStoreInUseException(file, "State database " + file + " is in use by another process: is"
                    + " another hub running with the same hub.data-dir? Stop it first.");
        }
        return new IllegalStateException("State database " + file + " cannot be read (" + e.getMessage().lines().findFirst()
                .orElse("") + "). It holds the case ledger and the digest queue: restore it from the last backup of"
                + " hub.data-dir. Moving it aside starts an empty ledger, and every report seen again is then forwarded"
                + " again.");
    }

    /**
     * The chain head for the audit commands, read without starting the hub and without changing the file. H2 admits
     * one process at a time: while the hub runs, the head cannot be read here, and the lookup says so.
     */
    public static HeadLookup readChainHead(Path dataDir) {
        Path file = file(dataDir);
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
