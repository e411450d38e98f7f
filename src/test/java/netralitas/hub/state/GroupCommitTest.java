package netralitas.hub.state;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.sql.DataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Writes of many threads share commits, each caller returns once its write is durable, and a bad write fails alone. */
class GroupCommitTest {

    @Test
    void everyCaseOfManyWorkersIsRecordedOnceOnH2(@TempDir Path data) throws Exception {
        try (StateStore store = StateStore.embedded(data, 4)) {
            manyWorkers(store.dataSource());
        }
    }

    @Test
    void everyCaseOfManyWorkersIsRecordedOnceOnPostgresql() throws Exception {
        try (StateStore store = StateStore.postgresql(PostgresServer.newDatabase(), PostgresServer.USER, null, 4)) {
            manyWorkers(store.dataSource());
        }
    }

    private static void manyWorkers(DataSource database) throws Exception {
        ExecutorService workers = Executors.newFixedThreadPool(8);
        try (GroupCommit writer = new GroupCommit(database, 64, "test-writer")) {
            CaseLedgerTable ledger = new CaseLedgerTable(database, writer, Clock.systemUTC(), "node-a", Duration.ofSeconds(30));
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < 400; i++) {
                String caseId = "NH-20241021-" + (i % 300);
                done.add(workers.submit(() -> {
                    ledger.record(caseId);
                    // Durable when record returns: another connection sees it.
                    assertTrue(ledger.contains(caseId), caseId);
                    return null;
                }));
            }
            for (Future<?> future : done) {
                future.get();
            }
        } finally {
            workers.shutdown();
        }
        assertEquals(300, count(database, "SELECT COUNT(*) FROM CAMEL_MESSAGEPROCESSED"));
    }

    @Test
    void aFailingWriteFailsAloneAndTheOthersOfItsBatchCommit() throws Exception {
        try (StateStore store = StateStore.postgresql(PostgresServer.newDatabase(), PostgresServer.USER, null, 4)) {
            DataSource database = store.dataSource();
            ExecutorService workers = Executors.newFixedThreadPool(6);
            try (GroupCommit writer = new GroupCommit(database, 64, "test-writer")) {
                List<Future<?>> good = new ArrayList<>();
                List<Future<?>> bad = new ArrayList<>();
                for (int i = 0; i < 60; i++) {
                    int n = i;
                    Future<?> future = workers.submit(() -> {
                        writer.execute(connection -> insertAckRow(connection, n % 10 == 0 ? "x".repeat(100) : "s" + n));
                        return null;
                    });
                    (n % 10 == 0 ? bad : good).add(future);
                }
                for (Future<?> future : good) {
                    future.get();
                }
                for (Future<?> future : bad) {
                    Exception failure = assertThrows(Exception.class, future::get);
                    assertTrue(failure.getCause() instanceof SQLException, String.valueOf(failure.getCause()));
                }
            } finally {
                workers.shutdown();
            }
            assertEquals(54, count(database, "SELECT COUNT(*) FROM ACK_SENDER_DAY"), "the good writes");
        }
    }

    @Test
    void closingCommitsWhatIsQueuedAndRefusesMore(@TempDir Path data) throws Exception {
        try (StateStore store = StateStore.embedded(data, 4)) {
            GroupCommit writer = new GroupCommit(store.dataSource(), 8, "test-writer");
            writer.execute(connection -> insertAckRow(connection, "before-close"));
            writer.close();
            assertThrows(IllegalStateException.class, () -> writer.execute(connection -> insertAckRow(connection, "after")));
            assertEquals(1, count(store.dataSource(), "SELECT COUNT(*) FROM ACK_SENDER_DAY"));
        }
    }

    /** ACK_SENDER_DAY.sender holds 64 characters: a longer one is a write the database refuses. */
    private static void insertAckRow(Connection connection, String sender) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO ACK_SENDER_DAY (sender, ack_day, acks) VALUES (?, CURRENT_DATE, 1)")) {
            insert.setString(1, sender);
            insert.executeUpdate();
        }
    }

    private static int count(DataSource database, String query) throws SQLException {
        try (Connection connection = database.getConnection(); Statement sql = connection.createStatement();
             ResultSet rows = sql.executeQuery(query)) {
            rows.next();
            return rows.getInt(1);
        }
    }
}
