package netralitas.hub.state;

import org.apache.camel.processor.idempotent.jdbc.JdbcMessageIdRepository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

import static org.junit.jupiter.api.Assertions.assertEquals;

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

            StateStore reopened = StateStore.embedded(dataDir, 4);
            try (Connection connection = reopened.dataSource().getConnection(); Statement sql = connection.createStatement();
                 ResultSet count = sql.executeQuery("SELECT COUNT(*) FROM CAMEL_MESSAGEPROCESSED")) {
                count.next();
                assertEquals(cases, count.getInt(1), "cases in the ledger after a clean close");
            } finally {
                reopened.close();
            }
        }
    }
}
