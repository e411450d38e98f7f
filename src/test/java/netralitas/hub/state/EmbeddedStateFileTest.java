package netralitas.hub.state;

import org.apache.camel.processor.idempotent.jdbc.JdbcMessageIdRepository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The state database keeps every case recorded before a clean close, which is what a normal stop does. The number of
 * cases matters: H2's compaction on close used to lose all of them after some numbers of commits (the first is 3).
 */
class EmbeddedStateFileTest {

    @Test
    void aCleanCloseKeepsEveryRecordedCase(@TempDir Path work) throws Exception {
        for (int cases = 1; cases <= 12; cases++) {
            Path dataDir = work.resolve("after-" + cases);
            StateStore database = StateStore.embedded(dataDir, 4);
            JdbcMessageIdRepository ledger = new JdbcMessageIdRepository(database.dataSource(), "cases");
            ledger.setCreateTableIfNotExists(false);
            ledger.start();
            for (int i = 0; i < cases; i++) {
                ledger.add("NH-20241024-CASE" + i);
            }
            ledger.stop();
            database.close();

            assertEquals(cases, ledgerRowsAfterReopening(dataDir), "cases in the ledger after a clean close");
        }
    }

    /**
     * A commit each, as the hub writes: without housekeeping the chunks H2 writes keep a few live pages each for ever
     * (12 % of the file in use after a 20,000-case run). The space of old chunks is reclaimed while the store runs, and
     * what it rewrote is all there after a clean close and a reopen.
     */
    @Test
    void oldChunksAreReclaimedWhileTheStoreRunsAndNothingIsLost(@TempDir Path work) throws Exception {
        Path dataDir = work.resolve("data");
        int cases = 3000;
        StateStore database = StateStore.embedded(dataDir, 4);
        try (Connection connection = database.dataSource().getConnection();
             PreparedStatement insert = connection.prepareStatement(INSERT_CASE)) {
            for (int i = 0; i < cases; i++) {
                recordCase(insert);
            }
            // What the housekeeping moved is written by the next commit: the writes go on while it works.
            Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
            int fillRate = chunksFillRate(connection);
            while (fillRate < 50 && Instant.now().isBefore(deadline)) {
                Thread.sleep(EmbeddedStateHousekeeping.PERIOD.toMillis());
                recordCase(insert);
                cases++;
                fillRate = chunksFillRate(connection);
            }
            assertTrue(fillRate >= 50, "share of the chunks' space in use: " + fillRate + " %");
        }
        database.close();

        assertEquals(cases, ledgerRowsAfterReopening(dataDir), "cases in the ledger after a clean close");
    }

    /**
     * The copy a clean stop makes of a file mostly free ({@link EmbeddedStateCompaction}): the file shrinks to about its
     * live data, and every row is there after a reopen.
     */
    @Test
    void aFileMostlyFreeIsCopiedAtStopWithEveryRow(@TempDir Path work) throws Exception {
        Path dataDir = work.resolve("data");
        int cases = 2000;
        StateStore database = StateStore.embedded(dataDir, 4);
        try (Connection connection = database.dataSource().getConnection();
             PreparedStatement insert = connection.prepareStatement(INSERT_CASE)) {
            for (int i = 0; i < cases; i++) {
                recordCase(insert);
            }
        }
        EmbeddedStateCompaction.Occupancy before = EmbeddedStateCompaction.occupancy(database.dataSource()).orElseThrow();
        database.close();
        long closed = Files.size(EmbeddedStateFile.file(dataDir));
        assertTrue(before.liveBytes() > 0 && before.liveBytes() < closed / 2,
                "a commit per row leaves most of the file free: " + before + ", " + closed + " bytes closed");

        EmbeddedStateCompaction.compact(dataDir, before);

        long compacted = Files.size(EmbeddedStateFile.file(dataDir));
        assertTrue(compacted < closed / 2, "file after the copy: " + compacted + " bytes, " + closed + " before");
        assertEquals(cases, ledgerRowsAfterReopening(dataDir), "cases in the ledger after the copy");
    }

    /** A copy cut short by a kill leaves its temporary file beside the store: the next open discards it. */
    @Test
    void aCopyCutShortIsDiscardedAtTheNextOpen(@TempDir Path work) throws Exception {
        Path dataDir = work.resolve("data");
        StateStore database = StateStore.embedded(dataDir, 4);
        JdbcMessageIdRepository ledger = new JdbcMessageIdRepository(database.dataSource(), "cases");
        ledger.setCreateTableIfNotExists(false);
        ledger.start();
        ledger.add("NH-20241024-CASE1");
        ledger.stop();
        database.close();
        Path copy = Path.of(EmbeddedStateFile.file(dataDir) + ".tempFile");
        Files.write(copy, new byte[8192]);

        assertEquals(1, ledgerRowsAfterReopening(dataDir), "cases in the ledger");
        assertFalse(Files.exists(copy), "the copy cut short is discarded");
    }

    @Test
    void aCopyIsWorthItWhenItFreesMoreThanItKeepsAndAtLeastTheMinimum() {
        long mb = 1024 * 1024;
        assertTrue(new EmbeddedStateCompaction.Occupancy(30 * mb, 11 * mb).worthCompacting(16 * mb));
        assertFalse(new EmbeddedStateCompaction.Occupancy(30 * mb, 16 * mb).worthCompacting(16 * mb),
                "frees less than it keeps");
        assertFalse(new EmbeddedStateCompaction.Occupancy(10 * mb, mb).worthCompacting(16 * mb), "frees too little");
    }

    private static final String INSERT_CASE =
            "INSERT INTO CAMEL_MESSAGEPROCESSED (processorName, messageId, createdAt) VALUES ('cases', ?, ?)";

    /** A case recorded in a commit of its own (autocommit): a chunk of the file each. */
    private static void recordCase(PreparedStatement insert) throws SQLException {
        insert.setString(1, "NH-" + UUID.randomUUID());
        insert.setTimestamp(2, Timestamp.from(Instant.now()));
        insert.executeUpdate();
    }

    private static int ledgerRowsAfterReopening(Path dataDir) throws SQLException {
        try (StateStore reopened = StateStore.embedded(dataDir, 4);
             Connection connection = reopened.dataSource().getConnection(); Statement sql = connection.createStatement();
             ResultSet count = sql.executeQuery("SELECT COUNT(*) FROM CAMEL_MESSAGEPROCESSED")) {
            count.next();
            return count.getInt(1);
        }
    }

    private static int chunksFillRate(Connection connection) throws SQLException {
        try (Statement sql = connection.createStatement(); ResultSet row = sql.executeQuery("SELECT SETTING_VALUE FROM"
                + " INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = 'info.CHUNKS_FILL_RATE'")) {
            row.next();
            return Integer.parseInt(row.getString(1));
        }
    }
}
