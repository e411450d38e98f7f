package netralitas.hub.state;

import netralitas.hub.followup.FollowUpCase;
import netralitas.hub.followup.FollowUpEntry;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static netralitas.hub.state.FollowUpTableTest.DUE;
import static netralitas.hub.state.FollowUpTableTest.forwarded;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the follow-up clock asks of table FOLLOW_UP, on the embedded H2 store and on PostgreSQL (SPEC §11, §12): the due
 * cases, a claim exactly one node wins, the marks after a reminder or an escalation, the release, the overdue count.
 */
class FollowUpClockTableTest {

    private static final ClusterNode NODE_A = new ClusterNode("node-a", Duration.ofSeconds(30));
    private static final ClusterNode NODE_B = new ClusterNode("node-b", Duration.ofSeconds(30));

    @ParameterizedTest
    @EnumSource(StateStore.Kind.class)
    void dueAreTheOpenCasesPastTheirNextCheckNobodyHolds(StateStore.Kind kind, @TempDir Path dir) throws Exception {
        try (StateStore store = FreshStores.open(kind, dir)) {
            FollowUpTable table = new FollowUpTable(store.dataSource());
            table.open(forwarded("NH-20241012-AAAAAAAA", "<NH-20241012-AAAAAAAA@hub.example>"));
            table.open(forwarded("NH-20241012-BBBBBBBB", "<NH-20241012-BBBBBBBB@hub.example>"));
            table.open(forwarded("NH-20241012-CCCCCCCC", "<NH-20241012-CCCCCCCC@hub.example>"));
            table.open(forwarded("NH-20241012-DDDDDDDD", "<NH-20241012-DDDDDDDD@hub.example>"));
            execute(store, "UPDATE FOLLOW_UP SET closed_at = due_at, next_check_at = NULL, status = 'SELESAI'"
                    + " WHERE case_id = 'NH-20241012-CCCCCCCC'");
            table.escalated("NH-20241012-DDDDDDDD", DUE.plusSeconds(60), "bawaslu@kab.example");

            assertEquals(List.of(), table.due(DUE.minusSeconds(1), 10), "nothing before the deadline");
            assertEquals(List.of("NH-20241012-AAAAAAAA", "NH-20241012-BBBBBBBB"), ids(table.due(DUE, 10)),
                    "closed and escalated cases are not due");
            assertEquals(List.of("NH-20241012-AAAAAAAA"), ids(table.due(DUE, 1)), "at most max");

            assertTrue(table.claim("NH-20241012-AAAAAAAA", DUE, NODE_A).isPresent());
            assertEquals(List.of("NH-20241012-BBBBBBBB"), ids(table.due(DUE.plusSeconds(29), 10)), "claimed: not due");
            assertEquals(List.of("NH-20241012-AAAAAAAA", "NH-20241012-BBBBBBBB"), ids(table.due(DUE.plusSeconds(31), 10)),
                    "a claim that ran out (a node that died) does not hide the case");
        }
    }

    @ParameterizedTest
    @EnumSource(StateStore.Kind.class)
    void aClaimIsWonOnceUntilItIsReleasedOrRunsOut(StateStore.Kind kind, @TempDir Path dir) throws Exception {
        try (StateStore store = FreshStores.open(kind, dir)) {
            FollowUpTable table = new FollowUpTable(store.dataSource());
            String caseId = "NH-20241012-AAAAAAAA";
            table.open(forwarded(caseId, "<" + caseId + "@hub.example>"));

            assertTrue(table.claim(caseId, DUE.minusSeconds(1), NODE_A).isEmpty(), "not due yet");
            FollowUpCase claimed = table.claim(caseId, DUE, NODE_A).orElseThrow();
            assertEquals(caseId, claimed.caseId());
            assertTrue(table.claim(caseId, DUE.plusSeconds(1), NODE_B).isEmpty(), "held by node-a");
            assertFalse(table.release(caseId, NODE_B), "only the holder releases");
            assertTrue(table.release(caseId, NODE_A));
            assertTrue(table.claim(caseId, DUE.plusSeconds(2), NODE_B).isPresent(), "free again after the release");
            assertTrue(table.claim(caseId, DUE.plusSeconds(3), NODE_A).isEmpty());
            assertTrue(table.claim(caseId, DUE.plusSeconds(33), NODE_A).isPresent(), "node-b's claim ran out");
            assertTrue(table.claim("NH-20241012-ZZZZZZZZ", DUE, NODE_A).isEmpty(), "no such case");
        }
    }

    @ParameterizedTest
    @EnumSource(StateStore.Kind.class)
    void ofTwoNodesRacingForOneDueCaseExactlyOneWins(StateStore.Kind kind, @TempDir Path dir) throws Exception {
        try (StateStore store = FreshStores.open(kind, dir)) {
            FollowUpTable table = new FollowUpTable(store.dataSource());
            for (int i = 0; i < 20; i++) {
                String caseId = "NH-20241012-RACE%04d".formatted(i);
                table.open(forwarded(caseId, "<" + caseId + "@hub.example>"));
            }
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                CountDownLatch start = new CountDownLatch(1);
                Future<List<String>> a = pool.submit(takeAll(table, NODE_A, start));
                Future<List<String>> b = pool.submit(takeAll(table, NODE_B, start));
                start.countDown();
                List<String> wonByA = a.get();
                List<String> wonByB = b.get();
                List<String> all = new ArrayList<>(wonByA);
                all.addAll(wonByB);
                assertEquals(20, all.size(), "every case claimed once: " + wonByA + " / " + wonByB);
                assertEquals(20, all.stream().distinct().count(), "no case claimed by both nodes");
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @ParameterizedTest
    @EnumSource(StateStore.Kind.class)
    void aReminderCountsAndSetsTheNextCheckAnEscalationStopsTheClock(StateStore.Kind kind, @TempDir Path dir)
            throws Exception {
        try (StateStore store = FreshStores.open(kind, dir)) {
            FollowUpTable table = new FollowUpTable(store.dataSource());
            String caseId = "NH-20241012-AAAAAAAA";
            table.open(forwarded(caseId, "<" + caseId + "@hub.example>"));
            Instant sent = DUE.plusSeconds(5);
            Instant next = sent.plus(Duration.ofDays(7));

            table.claim(caseId, DUE, NODE_A).orElseThrow();
            table.reminded(caseId, 1, sent, next, "bkpsdm.kab-lebong@pemda.example");
            table.release(caseId, NODE_A);
            FollowUpCase reminded = table.find(caseId).orElseThrow();
            assertEquals(1, reminded.reminders());
            assertEquals(next, reminded.nextCheckAt());
            assertEquals(List.of(), table.due(next.minusSeconds(1), 10));
            assertEquals(List.of(caseId), ids(table.due(next, 10)));

            Instant escalatedAt = next.plusSeconds(1);
            table.escalated(caseId, escalatedAt, "bawaslu@kab.example, kanreg-vii@bkn.example");
            FollowUpCase escalated = table.find(caseId).orElseThrow();
            assertEquals(escalatedAt, escalated.escalatedAt());
            assertNull(escalated.nextCheckAt());
            assertEquals(concat(reminded.recipients(), List.of("bawaslu@kab.example", "kanreg-vii@bkn.example")),
                    escalated.recipients(), "whoever the escalation reached may answer for the case");
            assertEquals(List.of(), table.due(escalatedAt.plus(Duration.ofDays(365)), 10), "never due again");
            List<FollowUpEntry> history = table.history(caseId);
            assertEquals(List.of("FORWARDED", "REMINDED", "ESCALATED"), history.stream().map(FollowUpEntry::kind).toList());
            assertEquals("pengingat ke-1 kepada bkpsdm.kab-lebong@pemda.example", history.get(1).detail());
        }
    }

    @ParameterizedTest
    @EnumSource(StateStore.Kind.class)
    void aReminderAfterTheCaseWasClosedDoesNotRestartTheClock(StateStore.Kind kind, @TempDir Path dir) throws Exception {
        try (StateStore store = FreshStores.open(kind, dir)) {
            FollowUpTable table = new FollowUpTable(store.dataSource());
            String caseId = "NH-20241012-AAAAAAAA";
            table.open(forwarded(caseId, "<" + caseId + "@hub.example>"));
            table.claim(caseId, DUE, NODE_A).orElseThrow();
            // The office's SELESAI arrived while the reminder was on its way.
            execute(store, "UPDATE FOLLOW_UP SET closed_at = due_at, next_check_at = NULL, status = 'SELESAI'");

            table.reminded(caseId, 1, DUE.plusSeconds(1), DUE.plus(Duration.ofDays(7)), "bkpsdm@pemda.example");

            FollowUpCase row = table.find(caseId).orElseThrow();
            assertEquals(1, row.reminders(), "the reminder went out: it is counted");
            assertNull(row.nextCheckAt(), "but the clock stays stopped");
        }
    }

    @ParameterizedTest
    @EnumSource(StateStore.Kind.class)
    void overdueCountsOpenCasesPastTheirDeadlineByRegion(StateStore.Kind kind, @TempDir Path dir) throws Exception {
        try (StateStore store = FreshStores.open(kind, dir)) {
            FollowUpTable table = new FollowUpTable(store.dataSource());
            table.open(forwarded("NH-20241012-AAAAAAAA", "<a@hub.example>"));
            table.open(forwarded("NH-20241012-BBBBBBBB", "<b@hub.example>"));
            table.open(forwarded("NH-20241012-CCCCCCCC", "<c@hub.example>"));
            table.open(forwarded("NH-20241012-DDDDDDDD", "<d@hub.example>"));
            execute(store, "UPDATE FOLLOW_UP SET region_code = NULL WHERE case_id = 'NH-20241012-BBBBBBBB'");
            execute(store, "UPDATE FOLLOW_UP SET closed_at = due_at, next_check_at = NULL, status = 'SELESAI'"
                    + " WHERE case_id = 'NH-20241012-CCCCCCCC'");
            table.escalated("NH-20241012-DDDDDDDD", DUE.plusSeconds(60), "bawaslu@kab.example");

            assertEquals(Map.of(), table.overdueByRegion(DUE), "at its deadline a case is not overdue yet");
            assertEquals(Map.of("17.07", 2L, "-", 1L), table.overdueByRegion(DUE.plusSeconds(1)),
                    "escalated and still open counts; finished does not");
        }
    }

    private static Callable<List<String>> takeAll(FollowUpTable table, ClusterNode node, CountDownLatch start) {
        return () -> {
            start.await();
            List<String> won = new ArrayList<>();
            Instant now = DUE.plusSeconds(1);
            for (FollowUpCase due : table.due(now, 100)) {
                Optional<FollowUpCase> claimed = table.claim(due.caseId(), now, node);
                claimed.ifPresent(c -> won.add(c.caseId()));
            }
            return won;
        };
    }

    private static List<String> ids(List<FollowUpCase> cases) {
        return cases.stream().map(FollowUpCase::caseId).toList();
    }

    private static void execute(StateStore store, String sql) throws Exception {
        try (Connection connection = store.dataSource().getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.executeUpdate();
        }
    }

    private static List<String> concat(List<String> first, List<String> second) {
        List<String> all = new java.util.ArrayList<>(first);
        second.stream().filter(address -> !all.contains(address)).forEach(all::add);
        return all;
    }
}
