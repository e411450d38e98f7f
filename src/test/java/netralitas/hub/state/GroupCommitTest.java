package netralitas.hub.state;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import javax.sql.DataSource;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
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
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

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
        try (GroupCommit writer = new GroupCommit(database, 64, "test-writer");
             CaseLedgerTable ledger = new CaseLedgerTable(database, writer, Clock.systemUTC(), "node-a",
                     Duration.ofSeconds(30))) {
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

    @Test
    void withACommitDelayTheWritesOfThreadsAtWorkShareCommits(@TempDir Path data) throws Exception {
        int threads = 4;
        int writesEach = 25;
        try (StateStore store = StateStore.embedded(data, 4)) {
            AtomicInteger transactions = new AtomicInteger();
            DataSource counted = countingConnections(store.dataSource(), transactions);
            ExecutorService workers = Executors.newFixedThreadPool(threads);
            try (GroupCommit writer = new GroupCommit(counted, 64, Duration.ofSeconds(1), "test-writer")) {
                List<Future<?>> done = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    int thread = t;
                    done.add(workers.submit(() -> {
                        Random work = new Random(thread);
                        for (int i = 0; i < writesEach; i++) {
                            // Between two writes a worker does other things (BKN, the mail), for a while that varies.
                            Thread.sleep(work.nextInt(4));
                            String sender = "t" + thread + "-" + i;
                            writer.execute(connection -> insertAckRow(connection, sender));
                        }
                        return null;
                    }));
                }
                for (Future<?> future : done) {
                    future.get();
                }
            } finally {
                workers.shutdown();
            }
            assertEquals(threads * writesEach, count(store.dataSource(), "SELECT COUNT(*) FROM ACK_SENDER_DAY"));
            // A round of the four workers' writes is one commit, but for the first writes, before the writer knew the
            // threads; committed at once, most writes would have a commit of their own (about 100).
            assertTrue(transactions.get() <= writesEach + 2 * threads, transactions.get() + " commits for "
                    + threads * writesEach + " writes");
        }
    }

    @Test
    @Timeout(60)
    void aLoneWriterIsNeverKeptWaitingForOthers(@TempDir Path data) throws Exception {
        try (StateStore store = StateStore.embedded(data, 4);
             GroupCommit writer = new GroupCommit(store.dataSource(), 64, Duration.ofHours(1), "test-writer")) {
            for (int i = 0; i < 10; i++) {
                String sender = "alone-" + i;
                writer.execute(connection -> insertAckRow(connection, sender));
            }
            assertEquals(10, count(store.dataSource(), "SELECT COUNT(*) FROM ACK_SENDER_DAY"));
        }
    }

    /** The data source, counting the connections taken from it: the writer takes one per transaction. */
    private static DataSource countingConnections(DataSource dataSource, AtomicInteger taken) {
        return (DataSource) Proxy.newProxyInstance(GroupCommitTest.class.getClassLoader(),
                new Class<?>[] {DataSource.class}, (proxy, method, args) -> {
                    if (method.getName().equals("getConnection")) {
                        taken.incrementAndGet();
                    }
                    try {
                        return method.invoke(dataSource, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
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
