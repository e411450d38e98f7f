package netralitas.hub.state;

import netralitas.hub.cases.CaseJson;
import netralitas.hub.cases.ViolationCase;
import netralitas.hub.inbox.AttachmentsLeftOut;
import netralitas.hub.inbox.EvidenceFile;
import netralitas.hub.report.Report;
import netralitas.hub.report.ReportSource;
import netralitas.hub.report.SubjectType;
import netralitas.hub.state.ParkedCaseTable.Kind;
import netralitas.hub.state.ParkedCaseTable.ParkedCase;
import netralitas.hub.testing.MutableClock;
import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Parked cases as rows, on H2 and on a real PostgreSQL server with the same SQL: parked, replaced, due, claimed by
 * exactly one node, taken over once a claim ran out, released only by the node that holds it (SPEC §11).
 */
class ParkedCaseTableTest {

    enum Store { H2, POSTGRESQL }

    private static final Duration RETRY_DELAY = Duration.ofSeconds(30);
    private static final Duration TAKEOVER = Duration.ofSeconds(60);

    private final MutableClock clock = new MutableClock(Instant.parse("2024-10-21T02:00:00Z"));
    private AutoCloseable opened;

    @AfterEach
    void close() throws Exception {
        if (opened != null) {
            opened.close();
        }
    }

    private DataSource open(Store store) {
        if (store == Store.H2) {
            JdbcConnectionPool pool = MigratedH2.inMemory("parked");
            opened = pool::dispose;
            return pool;
        }
        StateStore postgres = StateStore.postgresql(PostgresServer.newDatabase(), PostgresServer.USER, null, 8);
        opened = postgres;
        return postgres.dataSource();
    }

    private ParkedCaseTable table(DataSource dataSource, String node) {
        return new ParkedCaseTable(dataSource, clock, new ClusterNode(node, TAKEOVER), RETRY_DELAY);
    }

    @ParameterizedTest
    @EnumSource(Store.class)
    void aParkedCaseIsARowAnOperatorCanReadAndParkingItAgainReplacesIt(Store store) throws Exception {
        DataSource dataSource = open(store);
        ParkedCaseTable table = table(dataSource, "node-a");
        ViolationCase parked = parkedCase("NH-20241005-PARKIR01");

        assertEquals("deferred NH-20241005-PARKIR01", table.park(parked, Kind.DEFERRED, "BknUnavailableException: 503"));
        try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement();
             ResultSet row = sql.executeQuery("SELECT kind, reason, case_json FROM PARKED_CASES")) {
            assertTrue(row.next());
            assertEquals("DEFERRED", row.getString(1));
            assertEquals("BknUnavailableException: 503", row.getString(2));
            assertTrue(row.getString(3).contains("\"caseId\":\"NH-20241005-PARKIR01\""), row.getString(3));
            assertEquals(CaseJson.write(parked), CaseJson.write(CaseJson.read(row.getString(3))));
            assertFalse(row.next());
        }

        clock.advance(Duration.ofMinutes(1));
        assertEquals("dead letter NH-20241005-PARKIR01", table.park(parked, Kind.DEAD_LETTER, null));
        assertEquals(List.of(), table.list(Kind.DEFERRED));
        List<ParkedCase> deadLetters = table.list(Kind.DEAD_LETTER);
        assertEquals(1, deadLetters.size());
        assertEquals("unknown", deadLetters.get(0).reason());
        assertEquals(clock.instant(), deadLetters.get(0).parkedAt());
        assertEquals(Optional.empty(), deadLetters.get(0).dueAt(), "a dead letter waits for replay");
    }

    @ParameterizedTest
    @EnumSource(Store.class)
    void aDeferredCaseIsDueAfterTheRetryDelayAndTakenOnceThenReleased(Store store) throws Exception {
        ParkedCaseTable table = table(open(store), "node-a");
        table.park(parkedCase("NH-20241005-PARKIR02"), Kind.DEFERRED, "451 4.3.0");
        clock.advance(Duration.ofSeconds(1));
        table.park(parkedCase("NH-20241005-PARKIR01"), Kind.DEFERRED, "451 4.3.0");

        assertEquals(List.of(), table.due(Kind.DEFERRED, 10), "not due before the retry delay");
        clock.advance(RETRY_DELAY);
        assertEquals(List.of("NH-20241005-PARKIR02", "NH-20241005-PARKIR01"), table.due(Kind.DEFERRED, 10),
                "oldest first");
        assertEquals(List.of("NH-20241005-PARKIR02"), table.due(Kind.DEFERRED, 1));
        assertNull(table.claim("NH-20241005-PARKIR02", Kind.DEAD_LETTER), "another kind");

        ViolationCase taken = table.claim("NH-20241005-PARKIR02", Kind.DEFERRED);
        assertNotNull(taken);
        assertEquals("NH-20241005-PARKIR02", taken.getCaseId());
        assertNull(table.claim("NH-20241005-PARKIR02", Kind.DEFERRED), "held");
        assertEquals(List.of("NH-20241005-PARKIR01"), table.due(Kind.DEFERRED, 10));
        assertEquals(Optional.of("node-a"), table.list(Kind.DEFERRED).get(0).claimedBy());

        assertTrue(table.release("NH-20241005-PARKIR02"));
        assertEquals(List.of("NH-20241005-PARKIR01"), table.list(Kind.DEFERRED).stream().map(ParkedCase::caseId).toList());
    }

    @ParameterizedTest
    @EnumSource(Store.class)
    void aCaseParkedAgainWhileOnItsWayKeepsItsNewRow(Store store) throws Exception {
        ParkedCaseTable table = table(open(store), "node-a");
        ViolationCase parked = parkedCase("NH-20241005-PARKIR01");
        table.park(parked, Kind.DEFERRED, "503");
        clock.advance(RETRY_DELAY);
        assertNotNull(table.claim(parked.getCaseId(), Kind.DEFERRED));

        table.park(parked, Kind.DEFERRED, "503 again");
        assertFalse(table.release(parked.getCaseId()), "its claim went with the old row");
        List<ParkedCase> rows = table.list(Kind.DEFERRED);
        assertEquals(1, rows.size());
        assertEquals("503 again", rows.get(0).reason());
        assertEquals(Optional.of(clock.instant().plus(RETRY_DELAY)), rows.get(0).dueAt());
        assertEquals(Optional.empty(), rows.get(0).claimedBy());
    }

    @ParameterizedTest
    @EnumSource(Store.class)
    void aDeadLetterIsDueOnlyOnceReplayAsksForIt(Store store) throws Exception {
        ParkedCaseTable table = table(open(store), "node-a");
        table.park(parkedCase("NH-20241005-PARKIR01"), Kind.DEAD_LETTER, "550 5.1.1 User unknown");
        table.park(parkedCase("NH-20241005-PARKIR02"), Kind.DEFERRED, "503");
        clock.advance(Duration.ofDays(1));
        assertEquals(List.of(), table.due(Kind.DEAD_LETTER, 10));
        assertNull(table.claim("NH-20241005-PARKIR01", Kind.DEAD_LETTER));

        assertFalse(table.requestReplay("NH-20241005-PARKIR02"), "a deferred case is not replayed");
        assertFalse(table.requestReplay("NH-20241005-NOTHERE1"));
        assertTrue(table.requestReplay("NH-20241005-PARKIR01"));
        assertEquals(List.of("NH-20241005-PARKIR01"), table.due(Kind.DEAD_LETTER, 10));
        assertNotNull(table.claim("NH-20241005-PARKIR01", Kind.DEAD_LETTER));
    }

    @ParameterizedTest
    @EnumSource(Store.class)
    void aClaimThatRanOutIsTakenOverByAnotherNode(Store store) throws Exception {
        DataSource dataSource = open(store);
        ParkedCaseTable died = table(dataSource, "node-a");
        ParkedCaseTable other = table(dataSource, "node-b");
        died.park(parkedCase("NH-20241005-PARKIR01"), Kind.DEFERRED, "503");
        clock.advance(RETRY_DELAY);
        assertNotNull(died.claim("NH-20241005-PARKIR01", Kind.DEFERRED));

        clock.advance(TAKEOVER);
        assertEquals(List.of(), other.due(Kind.DEFERRED, 10), "held until the claim runs out");
        assertNull(other.claim("NH-20241005-PARKIR01", Kind.DEFERRED));
        clock.advance(Duration.ofMillis(1));
        assertEquals(List.of("NH-20241005-PARKIR01"), other.due(Kind.DEFERRED, 10));
        assertNotNull(other.claim("NH-20241005-PARKIR01", Kind.DEFERRED));

        assertFalse(died.release("NH-20241005-PARKIR01"), "no longer its row");
        assertTrue(other.release("NH-20241005-PARKIR01"));
        assertEquals(List.of(), other.list(Kind.DEFERRED));
    }

    @ParameterizedTest
    @EnumSource(Store.class)
    void twoNodesRacingForTheSameRowsTakeEachExactlyOnce(Store store) throws Exception {
        DataSource dataSource = open(store);
        ParkedCaseTable first = table(dataSource, "node-a");
        ParkedCaseTable second = table(dataSource, "node-b");
        int rows = 200;
        for (int i = 0; i < rows; i++) {
            first.park(parkedCase(String.format("NH-20241005-R%07d", i)), Kind.DEFERRED, "503");
        }
        clock.advance(RETRY_DELAY);

        CountDownLatch start = new CountDownLatch(1);
        ExecutorService nodes = Executors.newFixedThreadPool(2);
        try {
            Future<List<String>> byFirst = nodes.submit(takeAll(first, start));
            Future<List<String>> bySecond = nodes.submit(takeAll(second, start));
            start.countDown();
            List<String> takenByFirst = byFirst.get();
            List<String> takenBySecond = bySecond.get();

            Set<String> both = new HashSet<>(takenByFirst);
            both.retainAll(takenBySecond);
            assertEquals(Set.of(), both, "taken by both nodes");
            assertEquals(rows, takenByFirst.size() + takenBySecond.size(), "every row taken");
            assertEquals(rows, new HashSet<>(concat(takenByFirst, takenBySecond)).size());
        } finally {
            nodes.shutdownNow();
        }
        assertEquals(List.of(), first.list(Kind.DEFERRED), "each released by the node that took it");
    }

    /** A node's resume-deferred route in a loop: due rows, claim each, release the ones it won. */
    private static Callable<List<String>> takeAll(ParkedCaseTable node, CountDownLatch start) {
        return () -> {
            start.await();
            List<String> taken = Collections.synchronizedList(new ArrayList<>());
            for (List<String> due = node.due(Kind.DEFERRED, 20); !due.isEmpty(); due = node.due(Kind.DEFERRED, 20)) {
                for (String caseId : due) {
                    ViolationCase claimed = node.claim(caseId, Kind.DEFERRED);
                    if (claimed != null) {
                        taken.add(claimed.getCaseId());
                        assertTrue(node.release(caseId));
                    }
                }
            }
            return taken;
        };
    }

    private static List<String> concat(List<String> first, List<String> second) {
        List<String> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }

    private static ViolationCase parkedCase(String caseId) {
        Report report = new Report(ReportSource.email("<p@pelapor.example>"), null, LocalDate.of(2024, 10, 5),
                "197803122003121004", null, null, null, SubjectType.ASN, null, null, null, "uraian", null, List.of(),
                null, null);
        ViolationCase parked = new ViolationCase(caseId, report);
        parked.attachEvidence(List.of(new EvidenceFile("foto-1.jpg", "image/jpeg", 1, new byte[] {1}, false)),
                new AttachmentsLeftOut(7, 7_000, List.of("foto-21.jpg"), 20, 1, 1024));
        return parked;
    }
}
