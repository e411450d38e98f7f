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

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * What a node's claims left behind become (SPEC §11): a case claim of its own that a failed exchange left is taken back
 * at once by the node itself and runs out for the others, and a node starting again under the same name gives up the
 * claims its earlier run held.
 */
class ClaimRenewalTest {

    private static final Duration TAKEOVER = Duration.ofMillis(900);

    @Test
    void aCaseClaimThisNodeLeftBehindIsTakenBackAtOnceNotWaitedFor() throws Exception {
        try (StateStore store = StateStore.postgresql(PostgresServer.newDatabase(), PostgresServer.USER, null, 6);
             GroupCommit writer = new GroupCommit(store.dataSource(), 8, "w");
             CaseLedgerTable nodeA = new CaseLedgerTable(store.dataSource(), writer, Clock.systemUTC(), "node-a",
                     TAKEOVER)) {
            assertEquals(CaseLedgerTable.Claim.CLAIMED, nodeA.claim("NH-20241005-STALE001"));
            // Its exchange failed and its release with it (the store was away): the row stays.
            assertEquals(CaseLedgerTable.Claim.CLAIMED, nodeA.claim("NH-20241005-STALE001"),
                    "node-a's own claim does not make it wait for itself");
        }
    }

    /**
     * A claim whose release failed is not renewed: another node takes the case over once it ran out. (Renewed for
     * ever, it held the case from the node that led the drop folder next, which waited for it for ever.)
     */
    @Test
    void aCaseClaimWhoseReleaseFailedRunsOutForTheOtherNodes() throws Exception {
        try (StateStore store = StateStore.postgresql(PostgresServer.newDatabase(), PostgresServer.USER, null, 6);
             GroupCommit writerA = new GroupCommit(store.dataSource(), 8, "a");
             GroupCommit writerB = new GroupCommit(store.dataSource(), 8, "b");
             CaseLedgerTable nodeA = new CaseLedgerTable(store.dataSource(), writerA, Clock.systemUTC(), "node-a",
                     TAKEOVER);
             CaseLedgerTable nodeB = new CaseLedgerTable(store.dataSource(), writerB, Clock.systemUTC(), "node-b",
                     TAKEOVER)) {
            assertEquals(CaseLedgerTable.Claim.CLAIMED, nodeA.claim("NH-20241005-STALE002"));
            assertEquals(CaseLedgerTable.Claim.CLAIMED, nodeA.claim("NH-20241005-INFLIGHT"));
            writerA.close(); // node-a's writes fail from now on, as while the store is away; its renewals still run
            assertThrows(IllegalStateException.class, () -> nodeA.release("NH-20241005-STALE002"));

            Thread.sleep(TAKEOVER.multipliedBy(2).toMillis());
            assertEquals(CaseLedgerTable.Claim.CLAIMED, nodeB.claim("NH-20241005-STALE002"), "ran out: taken over");
            assertEquals(CaseLedgerTable.Claim.HELD_ELSEWHERE, nodeB.claim("NH-20241005-INFLIGHT"),
                    "still in flight on node-a: renewed");
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
