package netralitas.hub.state;

import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The part of H2's housekeeping that the embedded file needs and no longer got. H2 writes a chunk per commit and frees a
 * chunk once none of its pages is in use; the live pages left in old chunks are moved to new ones by its background
 * writer, which H2 starts only when commits are delayed (WRITE_DELAY above 0). With every commit written at once
 * (WRITE_DELAY=0, {@link EmbeddedStateFile}) nothing moved them: 20,000 cases left 14,016 chunks, 12 % of their
 * space in use, 436 MB of file for 45 MB of rows. Every period this moves the live pages of the emptiest chunks into
 * the next commit (H2's {@link MVStore#compact}, the rewrite its background writer runs), so old chunks are freed and
 * their space is written again: 110 MB for the same cases (docs/benchmarks.md, benchmark 7).
 *
 * <p>A rewritten page is committed data copied into the next chunk; the chunk it came from stays until that chunk is
 * written, so a kill at any moment finds the rows in one or the other. What this never does is the close-time
 * compaction (moving chunks and cutting the file's end), which lost committed rows (MAX_COMPACT_TIME=0).
 */
final class EmbeddedStateHousekeeping implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedStateHousekeeping.class);

    /** Chunks are rewritten while less than this share (%) of their space is in use. */
    static final int TARGET_FILL_RATE = 80;
    /**
     * At most this many bytes of pages are moved per period, so that a worker's commit never waits long for it. At
     * 512 KB the rewrite fell behind the commits of the delivery route's writes at 450 cases a second: 10,000 cases left
     * 1,919 bytes of file per case with 28 % of the chunks' space in use, 1,228 at 2 MB (docs/benchmarks.md, benchmark
     * 7, "The evening's changes").
     */
    static final int MAX_BYTES_PER_PERIOD = 2 * 1024 * 1024;
    static final Duration PERIOD = Duration.ofMillis(250);

    private final MVStore store;
    private final ScheduledExecutorService scheduler;

    private EmbeddedStateHousekeeping(MVStore store) {
        this.store = store;
        this.scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "state-housekeeping");
            thread.setDaemon(true);
            return thread;
        });
        scheduler.scheduleWithFixedDelay(this::compact, PERIOD.toMillis(), PERIOD.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Starts the housekeeping of the H2 file behind {@code dataSource} (an embedded H2 connection pool). */
    static EmbeddedStateHousekeeping start(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            SessionLocal session = (SessionLocal) connection.unwrap(JdbcConnection.class).getSession();
            return new EmbeddedStateHousekeeping(session.getDatabase().getStore().getMvStore());
        }
    }

    private void compact() {
        try {
            store.compact(TARGET_FILL_RATE, MAX_BYTES_PER_PERIOD);
        } catch (RuntimeException e) {
            // The store closing under it, or a failed write that the next commit reports to its caller as well.
            LOG.debug("State file housekeeping skipped: {}", e.toString());
        }
    }

    /** Stops it, before the file is closed. */
    @Override
    public void close() {
        scheduler.shutdownNow();
        try {
            scheduler.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
