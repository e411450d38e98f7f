package netralitas.hub.state;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import javax.sql.DataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Table DELIVERIES_IN_FLIGHT, on the embedded H2 store and on PostgreSQL. A new instance is a restart of the node. */
class DeliveriesInFlightTest {

    private static final String NODE = "hub-1";

    @ParameterizedTest
    @EnumSource(StateStore.Kind.class)
    void aCaseSentButNeverRecordedIsUncertainAfterARestart(StateStore.Kind kind, @TempDir Path dir) throws Exception {
        try (StateStore store = FreshStores.open(kind, dir)) {
            Set<String> handled = Set.of("NH-1", "NH-2");
            DeliveriesInFlight first = started(store, NODE, handled);
            first.sending("NH-1");
            first.sending("NH-2");
            first.sending("NH-3");
            assertFalse(first.isUncertain("NH-3"), "in flight now is not uncertain");
            assertEquals(List.of("NH-1 hub-1 false", "NH-2 hub-1 false", "NH-3 hub-1 false"), rows(store.dataSource()));

            DeliveriesInFlight second = started(store, NODE, handled);
            assertEquals(List.of("NH-3"), second.uncertain());
            assertTrue(second.isUncertain("NH-3"));
            assertFalse(second.isUncertain("NH-1"));
            assertEquals(List.of("NH-3 hub-1 true"), rows(store.dataSource()), "the handled ones are deleted");
        }
    }

    @ParameterizedTest
    @EnumSource(StateStore.Kind.class)
    void aCaseRecordedAsHandledLeavesNoRow(StateStore.Kind kind, @TempDir Path dir) throws Exception {
        try (StateStore store = FreshStores.open(kind, dir)) {
            DeliveriesInFlight deliveries = started(store, NODE, Set.of());
            deliveries.sending("NH-1");
            deliveries.sending("NH-1");
            assertEquals(List.of("NH-1 hub-1 false"), rows(store.dataSource()), "a retried send keeps its one row");
            recorded(store, NODE, "NH-1");
            deliveries.delivered("NH-1");
            deliveries.delivered("NH-9");
            assertEquals(List.of(), rows(store.dataSource()));
            assertTrue(started(store, NODE, Set.of()).uncertain().isEmpty());
        }
    }

    @ParameterizedTest
    @EnumSource(StateStore.Kind.class)
    void aCaseWhoseMailWasAcceptedButNotRecordedIsUncertainUntilRecordedOrResolved(StateStore.Kind kind,
                                                                                  @TempDir Path dir) throws Exception {
        try (StateStore store = FreshStores.open(kind, dir)) {
            DeliveriesInFlight deliveries = started(store, NODE, Set.of());
            deliveries.sending("NH-1");
            deliveries.sending("NH-2");
            deliveries.sending("NH-3");
            assertFalse(deliveries.isUncertain("NH-1"), "a send that may be retried is not uncertain");
            deliveries.accepted("NH-1");
            deliveries.accepted("NH-2");
            deliveries.accepted("NH-3");
            assertTrue(deliveries.isAccepted("NH-1"));
            assertTrue(deliveries.isUncertain("NH-1"), "accepted and not recorded: never sent again");

            recorded(store, NODE, "NH-2");
            deliveries.delivered("NH-2");
            assertFalse(deliveries.isUncertain("NH-2"), "recorded as handled");
            assertFalse(deliveries.isAccepted("NH-2"));
            deliveries.resolved("NH-3");
            assertFalse(deliveries.isUncertain("NH-3"), "parked for an operator, whose replay sends it normally");
            deliveries.sending("NH-3");
            assertEquals(List.of("NH-1 hub-1 false", "NH-3 hub-1 false"), rows(store.dataSource()),
                    "the replay of NH-3 wrote its row again");
        }
    }

    @ParameterizedTest
    @EnumSource(StateStore.Kind.class)
    void uncertaintySurvivesAnotherRestartUntilResolved(StateStore.Kind kind, @TempDir Path dir) throws Exception {
        try (StateStore store = FreshStores.open(kind, dir)) {
            started(store, NODE, Set.of()).sending("NH-7");
            assertTrue(started(store, NODE, Set.of()).isUncertain("NH-7"));
            DeliveriesInFlight third = started(store, NODE, Set.of());
            assertTrue(third.isUncertain("NH-7"), "still uncertain at the next start");
            third.resolved("NH-7");
            assertFalse(third.isUncertain("NH-7"));
            assertTrue(started(store, NODE, Set.of()).uncertain().isEmpty());
            assertEquals(List.of(), rows(store.dataSource()));
        }
    }

    @ParameterizedTest
    @EnumSource(StateStore.Kind.class)
    void aCaseParkedAsUncertainStaysUncertainEverywhereUntilReplayed(StateStore.Kind kind, @TempDir Path dir)
            throws Exception {
        try (StateStore store = FreshStores.open(kind, dir)) {
            DeliveriesInFlight node = started(store, NODE, Set.of());
            node.sending("NH-1");
            node.accepted("NH-1");
            node.parkedUncertain("NH-1");
            node.parkedUncertain("NH-2");
            assertTrue(node.isUncertain("NH-1"), "parked: read again, it is parked again");
            assertFalse(node.isAccepted("NH-1"));
            assertEquals(List.of("NH-1 hub-1 true", "NH-2 hub-1 true"), rows(store.dataSource()),
                    "a row kept, or written when the case had none");

            DeliveriesInFlight restarted = started(store, NODE, Set.of());
            assertEquals(List.of("NH-1", "NH-2"), restarted.uncertain(), "after a restart");
            DeliveriesInFlight other = started(store, "hub-2", Set.of());

            other.resolved("NH-1");
            assertFalse(other.isUncertain("NH-1"), "replayed by an operator");
            assertEquals(List.of("NH-2 hub-1 true"), rows(store.dataSource()));
            assertFalse(started(store, NODE, Set.of()).isUncertain("NH-1"));
        }
    }

    @ParameterizedTest
    @EnumSource(StateStore.Kind.class)
    void aSendTheServerRefusedIsNotInDoubt(StateStore.Kind kind, @TempDir Path dir) throws Exception {
        try (StateStore store = FreshStores.open(kind, dir)) {
            DeliveriesInFlight deliveries = started(store, NODE, Set.of());
            deliveries.sending("NH-1");
            deliveries.notSent("NH-1");
            deliveries.sending("NH-2");
            deliveries.notSent("NH-2");
            deliveries.sending("NH-2");
            deliveries.notSent("NH-3");
            assertEquals(List.of("NH-2"), started(store, NODE, Set.of()).uncertain(),
                    "refused once, then sent again when the hub died");
        }
    }

    @ParameterizedTest
    @EnumSource(StateStore.Kind.class)
    void aNodeStartingLeavesTheRowsOfAnotherNodeAlone(StateStore.Kind kind, @TempDir Path dir) throws Exception {
        try (StateStore store = FreshStores.open(kind, dir)) {
            DeliveriesInFlight other = started(store, "hub-2", Set.of());
            other.sending("NH-2");
            started(store, NODE, Set.of()).sending("NH-1");

            DeliveriesInFlight restarted = started(store, NODE, Set.of());
            assertEquals(List.of("NH-1"), restarted.uncertain(), "hub-2 is still sending NH-2");
            assertEquals(List.of("NH-1 hub-1 true", "NH-2 hub-2 false"), rows(store.dataSource()));
            recorded(store, "hub-2", "NH-2");
            other.delivered("NH-2");

            // hub-2 gone: whoever takes its work over resolves its rows.
            started(store, "hub-2", Set.of()).sending("NH-3");
            assertEquals(List.of("NH-3"), restarted.nodeStopped("hub-2", Set.of()::contains));
            assertEquals(List.of("NH-1", "NH-3"), restarted.uncertain());
        }
    }

    @ParameterizedTest
    @EnumSource(StateStore.Kind.class)
    void aCaseAlreadyInTheTableIsNotSentASecondTime(StateStore.Kind kind, @TempDir Path dir) throws Exception {
        try (StateStore store = FreshStores.open(kind, dir)) {
            started(store, "hub-2", Set.of()).sending("NH-1");
            SQLException refused = assertThrows(SQLException.class,
                    () -> started(store, NODE, Set.of()).sending("NH-1"));
            assertTrue(refused.getMessage().contains("Case NH-1 is already being sent"), refused.getMessage());
        }
    }

    @ParameterizedTest
    @EnumSource(StateStore.Kind.class)
    void aNodeIdWiderThanItsColumnIsRefusedAtStart(StateStore.Kind kind, @TempDir Path dir) {
        try (StateStore store = FreshStores.open(kind, dir)) {
            IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                    () -> new DeliveriesInFlight(store.dataSource(), new GroupCommit(store.dataSource(), 8, "test-writer"), "n".repeat(256)));
            assertTrue(refused.getMessage().startsWith("hub.node-id must have at most 255 characters, not 256"),
                    refused.getMessage());
        }
    }

    /** The ledger records the case, which clears its row in the same transaction. */
    private static void recorded(StateStore store, String node, String caseId) {
        try (GroupCommit writer = new GroupCommit(store.dataSource(), 8, "test-ledger");
             CaseLedgerTable ledger = new CaseLedgerTable(store.dataSource(), writer, Clock.systemUTC(), node,
                     Duration.ofSeconds(30))) {
            ledger.record(caseId);
        }
    }

    private static DeliveriesInFlight started(StateStore store, String node, Set<String> handled) throws SQLException {
        DeliveriesInFlight deliveries = new DeliveriesInFlight(store.dataSource(), new GroupCommit(store.dataSource(), 8, "test-writer"), node);
        deliveries.nodeStopped(node, handled::contains);
        return deliveries;
    }

    private static List<String> rows(DataSource database) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection connection = database.getConnection(); Statement sql = connection.createStatement();
             ResultSet row = sql.executeQuery("SELECT case_id, node_id, uncertain, started_at FROM DELIVERIES_IN_FLIGHT"
                     + " ORDER BY case_id")) {
            while (row.next()) {
                assertTrue(row.getTimestamp(4) != null, "started_at");
                rows.add(row.getString(1) + " " + row.getString(2) + " " + row.getBoolean(3));
            }
        }
        return rows;
    }
}
