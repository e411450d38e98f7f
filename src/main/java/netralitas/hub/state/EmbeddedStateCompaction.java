package netralitas.hub.state;

import org.h2.jdbcx.JdbcDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Optional;

/**
 * The embedded file rewritten with its live pages only, at a clean stop, when most of it is space H2 would only reuse.
 * While the hub runs, H2 writes a chunk per group commit and {@link EmbeddedStateHousekeeping} moves live pages out of
 * old chunks, but the file keeps its largest size: after 20,000 cases it was 30 MB, 11 MB of it live. H2's
 * {@code SHUTDOWN COMPACT} copies the live pages into a new file and renames it over the old one, and H2 clears up a
 * copy cut short by a kill at the next open (its {@code MVStoreTool.compactCleanUp}): the old file is untouched until
 * the rename. This is not the close-time compaction that lost rows (moving chunks inside the file, MAX_COMPACT_TIME=0
 * in {@link EmbeddedStateFile}): the store is closed normally first, compaction off, and the copy is made from the
 * closed file.
 *
 * <p>The copy makes a stop longer: 1.1 to 1.2 s after 100,000 cases on the benchmark machine (docs/benchmarks.md). It
 * runs only when it frees at least {@link #MIN_RECLAIMED_BYTES} and more than the live data (the file at least twice
 * its live data).
 */
final class EmbeddedStateCompaction {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedStateCompaction.class);

    static final long MIN_RECLAIMED_BYTES = 16L * 1024 * 1024;

    private EmbeddedStateCompaction() {
    }

    /** The file's size and its live data, as H2 counts them while the store is open. */
    record Occupancy(long fileBytes, long liveBytes) {

        /** Whether a copy frees at least {@code minReclaimedBytes} and more than it keeps. */
        boolean worthCompacting(long minReclaimedBytes) {
            long reclaimed = fileBytes - liveBytes;
            return reclaimed >= minReclaimedBytes && reclaimed > liveBytes;
        }
    }

    /**
     * H2's own figures: the share of the file in chunks ({@code info.FILL_RATE}) and the share of the chunks' space in
     * live pages ({@code info.CHUNKS_FILL_RATE}). Empty when H2 does not give them.
     */
    static Optional<Occupancy> occupancy(DataSource openStore) {
        long fileBytes = -1;
        int fillRate = -1;
        int chunksFillRate = -1;
        try (Connection connection = openStore.getConnection(); Statement sql = connection.createStatement();
             ResultSet rows = sql.executeQuery("SELECT SETTING_NAME, SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS"
                     + " WHERE SETTING_NAME IN ('info.FILE_SIZE', 'info.FILL_RATE', 'info.CHUNKS_FILL_RATE')")) {
            while (rows.next()) {
                switch (rows.getString(1)) {
                    case "info.FILE_SIZE" -> fileBytes = Long.parseLong(rows.getString(2));
                    case "info.FILL_RATE" -> fillRate = Integer.parseInt(rows.getString(2));
                    default -> chunksFillRate = Integer.parseInt(rows.getString(2));
                }
            }
        } catch (SQLException | NumberFormatException e) {
            LOG.debug("State file occupancy not known, not compacted: {}", e.toString());
            return Optional.empty();
        }
        if (fileBytes < 0 || fillRate < 0 || chunksFillRate < 0) {
            return Optional.empty();
        }
        return Optional.of(new Occupancy(fileBytes, fileBytes * fillRate / 100 * chunksFillRate / 100));
    }

    /**
     * Copies the closed file's live pages into a new file that replaces it. A failure leaves the file as it was, and the
     * hub stops all the same: it is logged, not thrown.
     */
    static void compact(Path dataDir, Occupancy before) {
        Path file = EmbeddedStateFile.file(dataDir);
        long started = System.nanoTime();
        JdbcDataSource closedFile = EmbeddedStateFile.fileDataSource(dataDir);
        try (Connection connection = closedFile.getConnection(); Statement sql = connection.createStatement()) {
            sql.execute("SHUTDOWN COMPACT");
        } catch (SQLException e) {
            LOG.warn("State file {} not compacted at stop, left as it was: {}", file, e.getMessage().lines().findFirst()
                    .orElse(""));
            return;
        }
        LOG.info("State file {} compacted at stop: {} before, about {} of it live, {} after ({} ms)", file,
                megabytes(before.fileBytes()), megabytes(before.liveBytes()), megabytes(sizeOf(file)),
                (System.nanoTime() - started) / 1_000_000);
    }

    private static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return -1;
        }
    }

    private static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024.0));
    }
}
