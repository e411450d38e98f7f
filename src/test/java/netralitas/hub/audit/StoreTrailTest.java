package netralitas.hub.audit;

import netralitas.hub.app.AuditCommand;
import netralitas.hub.cli.HubCommandLine;
import netralitas.hub.state.MigratedH2;
import netralitas.hub.state.PostgresServer;
import netralitas.hub.state.StateStore;
import netralitas.hub.state.StoreOutage;
import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.sql.DataSource;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The trail in the state store (PostgreSQL mode, SPEC §11), on a real PostgreSQL: hubs appending at once continue one
 * chain, which the audit commands read and check against the recorded head; a row changed in the table is named by
 * its seq; the JSON export is the file trail's lines.
 */
class StoreTrailTest {

    private static final ChainKey KEY = MemoryChainHeads.KEY;
    private static final Clock FIXED = Clock.fixed(Instant.parse("2024-11-27T03:15:30.123Z"), ZoneOffset.ofHours(7));

    @TempDir
    Path dir;

    private record Output(int exit, String out, String err) {
    }

    @Test
    void twoNodesAppendingFromManyThreadsMakeOneChain() throws Exception {
        String url = PostgresServer.newDatabase();
        List<String> warnings = new CopyOnWriteArrayList<>();
        try (StateStore nodeA = StateStore.postgresql(url, PostgresServer.USER, null, 4);
             StateStore nodeB = StateStore.postgresql(url, PostgresServer.USER, null, 4)) {
            Map<String, List<AuditEvent>> byThread;
            try (AuditTrail trailA = inStore(nodeA.dataSource(), nodeA.location(), Clock.systemUTC(), KEY, null,
                    warnings::add);
                 AuditTrail trailB = inStore(nodeB.dataSource(), nodeB.location(), Clock.systemUTC(), KEY, null,
                         warnings::add)) {
                byThread = appendConcurrently(Map.of("node-a", trailA, "node-b", trailB), 4, 150);
            }
            assertEquals(List.of(), warnings);
            // Each thread waited for its event's commit before the next: its seqs rise.
            for (List<AuditEvent> events : byThread.values()) {
                for (int i = 1; i < events.size(); i++) {
                    assertTrue(events.get(i).seq() > events.get(i - 1).seq(), "seqs of one thread in order");
                }
            }
            assertEquals(1200, count(nodeA.dataSource(), "SELECT COUNT(DISTINCT seq) FROM AUDIT_EVENT"));
            assertEquals(600, count(nodeB.dataSource(), "SELECT COUNT(*) FROM AUDIT_EVENT WHERE json_line LIKE '%\"route\":\"node-b\"%'"));
            assertEquals(1200, count(nodeA.dataSource(), "SELECT MAX(seq) FROM AUDIT_EVENT"));

            Output verify = command(nodeB, "verify");
            assertEquals(0, verify.exit(), verify.err());
            assertTrue(verify.out().startsWith("OK: 1200 events, chain intact (table AUDIT_EVENT in " + nodeB.location()),
                    verify.out());
            assertTrue(verify.out().contains("State store: the trail ends at the state store's head (seq 1200)"),
                    verify.out());
        }
    }

    @Test
    void threadsAppendingOnTheEmbeddedStoreMakeOneChain() throws Exception {
        JdbcConnectionPool h2 = MigratedH2.inMemory("store-trail");
        try {
            try (AuditTrail trail = inStore(h2, "h2", Clock.systemUTC(), KEY, null, message -> {
            })) {
                appendConcurrently(Map.of("node-a", trail), 4, 100);
                assertEquals(400, trail.head().seq());
            }
            TrailVerification result = new AuditVerifier(KEY).verifyAll(TrailLines.inStore(h2, "h2", null),
                    HeadLookup.of(new ChainHeadTable(h2, Clock.systemUTC())), null, null, netralitas.hub.progress.Progress.silent());
            assertEquals(TrailVerification.Verdict.INTACT, result.verdict(), result.toString());
            assertEquals(400, result.chain().eventsChecked());
        } finally {
            h2.dispose();
        }
    }

    @Test
    void verifyNamesTheSeqOfAChangedOrRemovedRow() throws Exception {
        String url = PostgresServer.newDatabase();
        try (StateStore store = StateStore.postgresql(url, PostgresServer.USER, null, 2)) {
            try (AuditTrail trail = inStore(store.dataSource(), store.location(), FIXED, KEY, null, message -> {
            })) {
                appendSome(trail, 10);
            }
            assertEquals(0, command(store, "verify").exit());

            execute(store, "UPDATE AUDIT_EVENT SET json_line = REPLACE(json_line, 'Memasang baliho', 'Memasang spanduk')"
                    + " WHERE seq = 7");
            Output altered = command(store, "verify");
            assertEquals(1, altered.exit(), altered.out());
            assertTrue(altered.err().startsWith("FAILED at table AUDIT_EVENT, seq 7: "), altered.err());
            assertTrue(altered.err().contains("6 events before that line are intact"), altered.err());

            execute(store, "DELETE FROM AUDIT_EVENT WHERE seq >= 4 AND seq <= 7");
            Output removed = command(store, "verify");
            assertEquals(1, removed.exit());
            assertTrue(removed.err().startsWith("FAILED at table AUDIT_EVENT, seq 8: seq jumps to 8 where 4 was expected"),
                    removed.err());

            // The tail cut off with the head left alone: the chain checks line by line, the head does not.
            execute(store, "DELETE FROM AUDIT_EVENT WHERE seq >= 4");
            Output cut = command(store, "verify");
            assertEquals(1, cut.exit());
            assertTrue(cut.err().contains("trail ends at seq 3 but the state store's head is seq 10"), cut.err());
            IllegalStateException refused = assertThrows(IllegalStateException.class, () -> inStore(
                    store.dataSource(), store.location(), FIXED, KEY, null, message -> {
                    }));
            assertTrue(refused.getMessage().contains("its last event is seq 3"), refused.getMessage());
        }
    }

    @Test
    void jsonExportFromTheStoreIsTheFileTrailsLines() throws Exception {
        Path files = dir.resolve("audit");
        try (AuditTrail trail = AuditTrail.open(files, FIXED, KEY, null)) {
            appendSome(trail, 25);
        }
        String url = PostgresServer.newDatabase();
        try (StateStore store = StateStore.postgresql(url, PostgresServer.USER, null, 2)) {
            try (AuditTrail trail = inStore(store.dataSource(), store.location(), FIXED, KEY, null, message -> {
            })) {
                appendSome(trail, 25);
                assertEquals(countsOfFiles(files), trail.countsOn(FIXED.instant().atOffset(ZoneOffset.ofHours(7))
                        .toLocalDate()));
            }
            Output export = command(store, "export", "--format", "json");
            assertEquals(0, export.exit(), export.err());
            StringBuilder lines = new StringBuilder();
            for (Path file : AuditFiles.list(files)) {
                lines.append(Files.readString(file, StandardCharsets.UTF_8));
            }
            assertEquals(lines.toString(), export.out());

            Output show = command(store, "show", "NH-20241127-00000003");
            assertEquals(0, show.exit(), show.err());
            assertTrue(show.out().startsWith("Case NH-20241127-00000003: 1 event"), show.out());

            Path html = dir.resolve("laporan.html");
            Output report = command(store, "report", "--out", html.toString());
            assertEquals(0, report.exit(), report.err());
            assertTrue(Files.readString(html).contains("AUDIT_EVENT"));
        }
    }

    @Test
    void aStoreWithoutATrailTakesOverTheFileTrailOfEmbeddedMode() throws Exception {
        Path files = dir.resolve("audit");
        try (AuditTrail trail = AuditTrail.open(files, FIXED, KEY, null)) {
            appendSome(trail, 30);
        }
        String fileLines = Files.readString(AuditFiles.list(files).get(0), StandardCharsets.UTF_8);
        String url = PostgresServer.newDatabase();
        try (StateStore store = StateStore.postgresql(url, PostgresServer.USER, null, 2)) {
            List<String> notes = new ArrayList<>();
            try (AuditTrail trail = AuditTrail.inStore(store.dataSource(), store.location(), FIXED, KEY, files,
                    message -> {
                    }, notes::add)) {
                assertEquals(30, trail.head().seq());
                trail.append(null, AuditEventType.NOTE, null, "hub", Map.of("alasan", "lanjut di PostgreSQL"));
            }
            assertEquals(1, notes.size());
            assertTrue(notes.get(0).contains("(30 events) was copied into"), notes.get(0));
            Output verify = command(store, "verify");
            assertEquals(0, verify.exit(), verify.err());
            assertTrue(verify.out().startsWith("OK: 31 events, chain intact"), verify.out());
            assertTrue(command(store, "export", "--format", "json").out().startsWith(fileLines));

            // Started again with the files still there: the store's trail goes on, nothing is copied twice.
            try (AuditTrail trail = AuditTrail.inStore(store.dataSource(), store.location(), FIXED, KEY, files,
                    message -> {
                    }, notes::add)) {
                assertEquals(31, trail.head().seq());
            }
            assertEquals(1, notes.size());
        }
    }

    @Test
    void aFileTrailThatDoesNotMatchTheHeadInTheStoreIsNotTakenOver() throws Exception {
        Path files = dir.resolve("audit");
        try (AuditTrail trail = AuditTrail.open(files, FIXED, KEY, null)) {
            appendSome(trail, 12);
        }
        String url = PostgresServer.newDatabase();
        try (StateStore store = StateStore.postgresql(url, PostgresServer.USER, null, 2)) {
            // The head the upgrade brought over from the embedded store is further on than the files: they were cut.
            new ChainHeadTable(store.dataSource(), FIXED).advance(new ChainHead(15, "a".repeat(64)));
            IllegalStateException cut = assertThrows(IllegalStateException.class, () -> inStore(store.dataSource(),
                    store.location(), FIXED, KEY, files, message -> {
                    }));
            assertTrue(cut.getMessage().contains("trail ends at seq 12 but the state store's head is seq 15"),
                    cut.getMessage());
            assertEquals(0, count(store.dataSource(), "SELECT COUNT(*) FROM AUDIT_EVENT"));

            Path day = AuditFiles.list(files).get(0);
            Files.writeString(day, Files.readString(day).replace("nomor 5 ", "nomor 6 "));
            IllegalStateException altered = assertThrows(IllegalStateException.class, () -> inStore(
                    store.dataSource(), store.location(), FIXED, KEY, files, message -> {
                    }));
            assertTrue(altered.getMessage().contains(day + ":5: hash does not match"), altered.getMessage());
        }
    }

    @Test
    void stepsOfACaseAreKeptInTheCommitOfItsOutcome() throws Exception {
        String url = PostgresServer.newDatabase();
        try (StateStore store = StateStore.postgresql(url, PostgresServer.USER, null, 2)) {
            AtomicInteger commits = new AtomicInteger();
            try (AuditTrail trail = inStore(countingCommits(store.dataSource(), commits), store.location(),
                    Clock.systemUTC(), KEY, null, m -> {
                    })) {
                commits.set(0);
                for (int round = 1; round <= 20; round++) {
                    String caseId = "NH-20241127-" + round;
                    for (AuditEventType step : List.of(AuditEventType.RECEIVED, AuditEventType.ENRICHED,
                            AuditEventType.CLASSIFIED, AuditEventType.ROUTED)) {
                        trail.record(caseId, step, "laporan.csv:2", "case-pipeline", Map.of());
                    }
                    trail.record(caseId, AuditEventType.DELIVERED, "laporan.csv:2", "case-pipeline", Map.of());
                    assertEquals(round * 5L, count(store.dataSource(), "SELECT COUNT(*) FROM AUDIT_EVENT"));
                    assertEquals(5, count(store.dataSource(), "SELECT COUNT(*) FROM AUDIT_EVENT WHERE case_id = '"
                            + caseId + "' AND seq > " + (round - 1) * 5));
                }
                assertEquals(20, commits.get(), "one commit per case");
            }
        }
    }

    @Test
    void stepsWithoutAnOutcomeAfterThemAreKeptAllTheSame() throws Exception {
        String url = PostgresServer.newDatabase();
        try (StateStore store = StateStore.postgresql(url, PostgresServer.USER, null, 2);
             AuditTrail trail = inStore(store.dataSource(), store.location(), Clock.systemUTC(), KEY, null, m -> {
             })) {
            trail.record("NH-1", AuditEventType.RECEIVED, "laporan.csv:2", "case-pipeline", Map.of());
            trail.record("NH-1", AuditEventType.ENRICHED, "laporan.csv:2", "case-pipeline", Map.of());
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (count(store.dataSource(), "SELECT COUNT(*) FROM AUDIT_EVENT") < 2) {
                assertTrue(System.nanoTime() < deadline, "the steps were not kept");
                Thread.sleep(20);
            }
        }
    }

    @Test
    void aBatchIsWrittenOnceTheStoreAnswersAgain() throws Exception {
        String url = PostgresServer.newDatabase();
        List<String> warnings = new CopyOnWriteArrayList<>();
        try (StateStore store = StateStore.postgresql(url, PostgresServer.USER, null, 2);
             AuditTrail trail = inStore(store.dataSource(), store.location(), Clock.systemUTC(), KEY, null,
                     warnings::add)) {
            trail.append("NH-1", AuditEventType.RECEIVED, "laporan.csv:2", "ingest-csv", Map.of());
            execute(store, "ALTER TABLE AUDIT_EVENT RENAME TO AUDIT_EVENT_AWAY");
            ExecutorService appender = Executors.newSingleThreadExecutor();
            try {
                Future<AuditEvent> delivered = appender.submit(() -> trail.append("NH-1", AuditEventType.DELIVERED,
                        "laporan.csv:2", "case-pipeline", Map.of()));
                long deadline = System.nanoTime() + 10_000_000_000L;
                while (warnings.isEmpty()) {
                    assertTrue(System.nanoTime() < deadline, "the failed batch is reported");
                    Thread.sleep(20);
                }
                execute(store, "ALTER TABLE AUDIT_EVENT_AWAY RENAME TO AUDIT_EVENT");
                assertEquals(2, delivered.get().seq());
            } finally {
                appender.shutdownNow();
            }
            assertTrue(warnings.get(0).startsWith("1 audit event(s) not written, trying again in 100 ms: "),
                    warnings.get(0));
            assertEquals(2, count(store.dataSource(), "SELECT COUNT(*) FROM AUDIT_EVENT"));
        }
    }

    /**
     * A caller that gives up on a store that does not answer takes its event back while the writer has not taken it:
     * it is never written after that, and the failure reads as the store not answering, which the pipeline waits for.
     * An event the writer holds is waited for until its batch is kept.
     */
    @Test
    void aCallerThatGivesUpTakesItsQueuedEventBack() throws Exception {
        String url = PostgresServer.newDatabase();
        List<String> warnings = new CopyOnWriteArrayList<>();
        StoreChain.Timing timing = new StoreChain.Timing(Duration.ofMillis(500), Duration.ofSeconds(30));
        try (StateStore store = StateStore.postgresql(url, PostgresServer.USER, null, 2);
             StoreChain chain = StoreChain.open(store.dataSource(), store.location(), Clock.systemUTC(), KEY, null,
                     warnings::add, note -> {
                     }, timing)) {
            chain.append(AuditTrail.pending("NH-1", AuditEventType.RECEIVED, "laporan.csv:2", "ingest-csv", Map.of()));
            execute(store, "ALTER TABLE AUDIT_EVENT RENAME TO AUDIT_EVENT_AWAY");
            ExecutorService appender = Executors.newSingleThreadExecutor();
            try {
                Future<AuditEvent> held = appender.submit(() -> chain.append(AuditTrail.pending("NH-1",
                        AuditEventType.DELIVERED, "laporan.csv:2", "case-pipeline", Map.of())));
                long deadline = System.nanoTime() + 10_000_000_000L;
                while (warnings.isEmpty()) {
                    assertTrue(System.nanoTime() < deadline, "the writer took the first batch and failed");
                    Thread.sleep(20);
                }

                IllegalStateException gaveUp = assertThrows(IllegalStateException.class, () -> chain.append(
                        AuditTrail.pending("NH-2", AuditEventType.DELIVERED, "laporan.csv:3", "case-pipeline",
                                Map.of())));
                assertTrue(StoreOutage.in(gaveUp), "read as the store not answering: " + gaveUp);

                execute(store, "ALTER TABLE AUDIT_EVENT_AWAY RENAME TO AUDIT_EVENT");
                assertEquals(2, held.get().seq(), "waited for past its caller's first wait, until its batch was kept");
            } finally {
                appender.shutdownNow();
            }
            assertEquals(0, count(store.dataSource(), "SELECT COUNT(*) FROM AUDIT_EVENT WHERE case_id = 'NH-2'"),
                    "the event taken back is never written");
        }
    }

    @Test
    void aBatchWhoseCommitWasKeptButNotAnsweredIsNotWrittenAgain() throws Exception {
        String url = PostgresServer.newDatabase();
        List<String> warnings = new CopyOnWriteArrayList<>();
        try (StateStore store = StateStore.postgresql(url, PostgresServer.USER, null, 2)) {
            // As when PostgreSQL shuts down under the commit: the commit is kept, its answer lost, and the store does
            // not answer the next three connections (the check of the outcome among them).
            CommitAnswerLost database = new CommitAnswerLost(store.dataSource(), 3);
            try (AuditTrail trail = inStore(database.proxy(), store.location(), Clock.systemUTC(), KEY, null,
                    warnings::add)) {
                trail.append("NH-1", AuditEventType.RECEIVED, "laporan.csv:2", "ingest-csv", Map.of());
                database.loseTheNextCommitsAnswer();

                AuditEvent delivered = trail.append("NH-1", AuditEventType.DELIVERED, "laporan.csv:2",
                        "case-pipeline", Map.of());

                assertEquals(2, delivered.seq());
            }
            assertEquals(2, count(store.dataSource(), "SELECT COUNT(*) FROM AUDIT_EVENT"), "written once: " + warnings);
            assertTrue(warnings.stream().anyMatch(w -> w.contains("outcome the store cannot tell yet")), warnings.toString());
        }
    }

    /**
     * The store stays away longer than the writer tries a batch whose commit was kept but not answered: the batch is
     * given up, its caller fails, and the step is tried again once the store answers. Its event, the same, is answered
     * with the one kept, not written a second time (the trail would show the case DELIVERED twice).
     */
    @Test
    void aStepTriedAgainAfterItsBatchWasGivenUpInDoubtFindsItsEventKept() throws Exception {
        String url = PostgresServer.newDatabase();
        List<String> warnings = new CopyOnWriteArrayList<>();
        StoreChain.Timing timing = new StoreChain.Timing(Duration.ofMillis(300), Duration.ofMillis(300));
        try (StateStore store = StateStore.postgresql(url, PostgresServer.USER, null, 2)) {
            CommitAnswerLost database = new CommitAnswerLost(store.dataSource(), Integer.MAX_VALUE);
            try (StoreChain chain = StoreChain.open(database.proxy(), store.location(), Clock.systemUTC(), KEY, null,
                    warnings::add, note -> {
                    }, timing)) {
                chain.append(AuditTrail.pending("NH-1", AuditEventType.RECEIVED, "laporan.csv:2", "ingest-csv",
                        Map.of()));
                PendingEvent delivered = AuditTrail.pending("NH-1", AuditEventType.DELIVERED, "laporan.csv:2",
                        "case-pipeline", Map.of("to", "bkpsdm@kab-lebong.example"));
                database.loseTheNextCommitsAnswer();
                assertThrows(IllegalStateException.class, () -> chain.append(delivered), "given up in doubt");
                assertTrue(warnings.stream().anyMatch(w -> w.contains("outcome the store could not tell, given up")),
                        warnings.toString());

                database.answerAgain();
                assertEquals(2, chain.append(delivered).seq(), "the event kept, answered");
                assertEquals(3, chain.append(AuditTrail.pending("NH-2", AuditEventType.DELIVERED, "laporan.csv:3",
                        "case-pipeline", Map.of("to", "bkpsdm@kab-lebong.example"))).seq());
            }
            assertEquals(3, count(store.dataSource(), "SELECT COUNT(*) FROM AUDIT_EVENT"), "written once: " + warnings);
        }
    }

    /** The data source, with each commit on its connections counted. */
    private static DataSource countingCommits(DataSource real, AtomicInteger commits) {
        return (DataSource) Proxy.newProxyInstance(StoreTrailTest.class.getClassLoader(),
                new Class<?>[]{DataSource.class}, (proxy, method, args) -> {
                    Object result = CommitAnswerLost.invoke(method, real, args);
                    if (!method.getName().equals("getConnection")) {
                        return result;
                    }
                    Connection connection = (Connection) result;
                    return Proxy.newProxyInstance(StoreTrailTest.class.getClassLoader(),
                            new Class<?>[]{Connection.class}, (p, m, a) -> {
                                if (m.getName().equals("commit")) {
                                    commits.incrementAndGet();
                                }
                                return CommitAnswerLost.invoke(m, connection, a);
                            });
                });
    }

    /** A data source whose next commit is kept but answered with an error, after which it refuses some connections. */
    private static final class CommitAnswerLost {
        private final DataSource real;
        private final AtomicInteger refusals = new AtomicInteger();
        private final int refusalsAfterLoss;
        private volatile boolean loseNext;

        CommitAnswerLost(DataSource real, int refusalsAfterLoss) {
            this.real = real;
            this.refusalsAfterLoss = refusalsAfterLoss;
        }

        void loseTheNextCommitsAnswer() {
            loseNext = true;
        }

        void answerAgain() {
            refusals.set(0);
        }

        DataSource proxy() {
            return (DataSource) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[]{DataSource.class},
                    (proxy, method, args) -> {
                        if (method.getName().equals("getConnection")) {
                            if (refusals.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                                throw new SQLException("the database system is shutting down", "57P03");
                            }
                            return connection((Connection) invoke(method, real, args));
                        }
                        return invoke(method, real, args);
                    });
        }

        private static Object invoke(Method method, Object target, Object[] args) throws Throwable {
            try {
                return method.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }

        private Connection connection(Connection connection) {
            return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[]{Connection.class},
                    (proxy, method, args) -> {
                        Object result = invoke(method, connection, args);
                        if (method.getName().equals("commit") && loseNext) {
                            loseNext = false;
                            refusals.set(refusalsAfterLoss);
                            throw new SQLException("terminating connection due to administrator command", "57P01");
                        }
                        return result;
                    });
        }
    }

    private static AuditTrail inStore(DataSource database, String location, Clock clock, ChainKey key, Path files,
                                      Consumer<String> warnings) {
        return AuditTrail.inStore(database, location, clock, key, files, warnings, note -> {
        });
    }

    private static Map<AuditEventType, Long> countsOfFiles(Path files) {
        return DayCounts.of(files, FIXED.instant().atOffset(ZoneOffset.ofHours(7)).toLocalDate());
    }

    /** Events with a detail of several kinds of value, text outside ASCII among them. */
    private static void appendSome(AuditTrail trail, int count) {
        for (int i = 1; i <= count; i++) {
            Map<String, Object> detail = new HashMap<>();
            detail.put("uraian", "Memasang baliho paslon nomor " + i + " — Kab. Kepahiang");
            detail.put("baris", i);
            detail.put("penerima", List.of("inspektorat@kepahiangkab.example", "bkd@kepahiangkab.example"));
            trail.append(String.format("NH-20241127-%08d", i), i % 3 == 0 ? AuditEventType.DELIVERED
                    : AuditEventType.RECEIVED, "laporan.csv:" + (i + 1), "ingest-csv", detail);
        }
    }

    private static Map<String, List<AuditEvent>> appendConcurrently(Map<String, AuditTrail> nodes, int threadsPerNode,
                                                                    int eventsPerThread) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(nodes.size() * threadsPerNode);
        try {
            Map<String, Future<List<AuditEvent>>> running = new HashMap<>();
            for (Map.Entry<String, AuditTrail> node : nodes.entrySet()) {
                for (int t = 0; t < threadsPerNode; t++) {
                    String name = node.getKey() + "-" + t;
                    running.put(name, threads.submit(() -> {
                        List<AuditEvent> written = new ArrayList<>();
                        for (int i = 0; i < eventsPerThread; i++) {
                            written.add(node.getValue().append(name + "-" + i, AuditEventType.RECEIVED, name,
                                    node.getKey(), Map.of("i", i)));
                        }
                        return written;
                    }));
                }
            }
            Map<String, List<AuditEvent>> result = new HashMap<>();
            for (Map.Entry<String, Future<List<AuditEvent>>> thread : running.entrySet()) {
                result.put(thread.getKey(), thread.getValue().get());
            }
            return result;
        } finally {
            threads.shutdownNow();
        }
    }

    private static Output command(StateStore store, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream outStream = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8);
        DataSource database = store.dataSource();
        TrailAccess access = new TrailAccess(KEY, () -> HeadLookup.of(new ChainHeadTable(database, Clock.systemUTC())));
        AuditCommand audit = new AuditCommand(() -> new AuditCommand.TrailSource(
                TrailLines.inStore(database, store.location(), null), code -> null, access, ReportTemplate.DEFAULT_DIR),
                outStream, errStream);
        int exit = HubCommandLine.of(audit, outStream, errStream).execute(args);
        return new Output(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static void execute(StateStore store, String sql) throws SQLException {
        try (Connection connection = store.dataSource().getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static long count(DataSource database, String sql) throws SQLException {
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getLong(1);
        }
    }
}
