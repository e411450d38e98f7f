package netralitas.hub.state;

import netralitas.hub.cases.ViolationCase;
import netralitas.hub.report.Report;
import netralitas.hub.report.ReportSource;
import netralitas.hub.report.SubjectType;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A node renews all its claims while it runs (SPEC §11): a parked case taken back and a follow-up being reminded stay
 * its own however long the work takes; once the node stops they are taken over, and a node starting again under the
 * same name gives up what its earlier run held.
 */
class ClaimRenewalTest {

    private static final Duration TAKEOVER = Duration.ofMillis(900);

    @Test
    void aRunningNodeKeepsItsClaimsAndADeadNodesRunOut() throws Exception {
        try (StateStore store = StateStore.postgresql(PostgresServer.newDatabase(), PostgresServer.USER, null, 6);
             GroupCommit writer = new GroupCommit(store.dataSource(), 8, "w")) {
            ParkedCaseTable parkedOnA = parked(store, "node-a");
            ParkedCaseTable parkedOnB = parked(store, "node-b");
            parkedOnA.park(parkedCase("NH-20241005-PARKED01"), ParkedCaseTable.Kind.DEFERRED, "BKN down",
                    Instant.now().minusSeconds(60), Instant.now().minusSeconds(1));
            FollowUpTable followUps = new FollowUpTable(store.dataSource());
            followUps.open(FollowUpTableTest.forwarded("NH-20241012-AAAAAAAA", "<NH-20241012-AAAAAAAA@hub.example>"));

            CaseLedgerTable nodeA = new CaseLedgerTable(store.dataSource(), writer, Clock.systemUTC(), "node-a", TAKEOVER);
            assertNotNull(parkedOnA.claim("NH-20241005-PARKED01", ParkedCaseTable.Kind.DEFERRED));
            assertTrue(followUps.claim("NH-20241012-AAAAAAAA", Instant.now(), node("node-a")).isPresent());

            Thread.sleep(TAKEOVER.multipliedBy(3).toMillis());
            assertNull(parkedOnB.claim("NH-20241005-PARKED01", ParkedCaseTable.Kind.DEFERRED),
                    "renewed by node-a, though its work took longer than the takeover time");
            assertTrue(followUps.claim("NH-20241012-AAAAAAAA", Instant.now(), node("node-b")).isEmpty());

            nodeA.close();
            Thread.sleep(TAKEOVER.multipliedBy(2).toMillis());
            assertNotNull(parkedOnB.claim("NH-20241005-PARKED01", ParkedCaseTable.Kind.DEFERRED), "node-a stopped");
            assertTrue(followUps.claim("NH-20241012-AAAAAAAA", Instant.now(), node("node-b")).isPresent());
        }
    }

    @Test
    void aNodeStartingAgainGivesUpWhatItsEarlierRunHeld() throws Exception {
        try (StateStore store = StateStore.postgresql(PostgresServer.newDatabase(), PostgresServer.USER, null, 6);
             GroupCommit writer = new GroupCommit(store.dataSource(), 8, "w")) {
            ParkedCaseTable parkedOnA = parked(store, "node-a");
            parkedOnA.park(parkedCase("NH-20241005-PARKED02"), ParkedCaseTable.Kind.DEFERRED, "BKN down",
                    Instant.now().minusSeconds(60), Instant.now().minusSeconds(1));
            assertNotNull(parkedOnA.claim("NH-20241005-PARKED02", ParkedCaseTable.Kind.DEFERRED));
            assertNull(parked(store, "node-b").claim("NH-20241005-PARKED02", ParkedCaseTable.Kind.DEFERRED));

            try (CaseLedgerTable restarted = new CaseLedgerTable(store.dataSource(), writer, Clock.systemUTC(), "node-a",
                    Duration.ofMinutes(5))) {
                assertNotNull(parked(store, "node-b").claim("NH-20241005-PARKED02", ParkedCaseTable.Kind.DEFERRED),
                        "freed at once, not after the takeover time");
            }
        }
    }

    private static ParkedCaseTable parked(StateStore store, String node) {
        return new ParkedCaseTable(store.dataSource(), Clock.systemUTC(), node(node), Duration.ofSeconds(1));
    }

    private static ClusterNode node(String id) {
        return new ClusterNode(id, TAKEOVER);
    }

    private static ViolationCase parkedCase(String caseId) {
        return new ViolationCase(caseId, new Report(ReportSource.csv("laporan.csv", 2), null, LocalDate.of(2024, 10, 5),
                "197803122003121004", null, null, null, SubjectType.ASN, null, null, null, "uraian", null, List.of(),
                null, null));
    }
}
