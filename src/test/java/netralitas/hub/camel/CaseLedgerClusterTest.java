package netralitas.hub.camel;

import netralitas.hub.state.CaseLedgerTable;
import netralitas.hub.state.DeliveriesInFlight;
import netralitas.hub.state.GroupCommit;
import netralitas.hub.state.PostgresServer;
import netralitas.hub.state.StateStore;
import netralitas.hub.state.StoreRetry;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two nodes' ledgers on one PostgreSQL: a case another node is processing is waited for, and then is a duplicate (the
 * other node recorded it) or is taken over (the other node died): never lost as a false duplicate, and never sent twice
 * when the dead node was sending it.
 */
class CaseLedgerClusterTest {

    private static final Duration TAKEOVER = Duration.ofMillis(900);
    private static final StoreRetry NO_RETRY = new StoreRetry(0, Duration.ZERO, Duration.ZERO, warning -> { });

    @Test
    void aCaseHeldByAnotherNodeIsADuplicateOnceThatNodeRecordedIt() throws Exception {
        try (StateStore store = postgresql(); GroupCommit writer = new GroupCommit(store.dataSource(), 16, "w");
             CaseLedgerTable tableA = table(store, writer, "node-a"); CaseLedgerTable tableB = table(store, writer, "node-b")) {
            CaseLedger a = ledger(store, tableA, "node-a");
            CaseLedger b = ledger(store, tableB, "node-b");
            assertTrue(a.add(exchange(), "NH-1"));
            CompletableFuture<Boolean> second = CompletableFuture.supplyAsync(() -> b.add(exchange(), "NH-1"));
            Thread.sleep(TAKEOVER.toMillis() / 2);
            assertFalse(second.isDone(), "node-b waits while node-a processes the case");
            a.confirm("NH-1");
            assertFalse(second.get(10, TimeUnit.SECONDS), "recorded by node-a: a duplicate on node-b");
        }
    }

    @Test
    void aCaseHeldByADeadNodeIsTakenOver() throws Exception {
        try (StateStore store = postgresql(); GroupCommit writer = new GroupCommit(store.dataSource(), 16, "w");
             CaseLedgerTable tableB = table(store, writer, "node-b")) {
            CaseLedgerTable tableA = table(store, writer, "node-a");
            assertTrue(ledger(store, tableA, "node-a").add(exchange(), "NH-2"));
            tableA.close(); // node-a dies: its claim is no longer renewed
            CaseLedger b = ledger(store, tableB, "node-b");
            assertTrue(CompletableFuture.supplyAsync(() -> b.add(exchange(), "NH-2")).get(10, TimeUnit.SECONDS),
                    "taken over by node-b after the takeover time");
        }
    }

    @Test
    void aCaseWhoseNodeDiedWhileSendingItIsUncertainOnTheNodeThatTakesItOver() throws Exception {
        try (StateStore store = postgresql(); GroupCommit writer = new GroupCommit(store.dataSource(), 16, "w");
             CaseLedgerTable tableB = table(store, writer, "node-b")) {
            CaseLedgerTable tableA = table(store, writer, "node-a");
            DeliveriesInFlight sendingOnA = new DeliveriesInFlight(store.dataSource(), writer, "node-a");
            assertTrue(new CaseLedger(tableA, sendingOnA, NO_RETRY).add(exchange(), "NH-5"));
            sendingOnA.sending("NH-5");
            tableA.close(); // node-a dies with the email on its way to the SMTP server

            Exchange takenOver = exchange();
            CaseLedger b = ledger(store, tableB, "node-b");
            assertFalse(CompletableFuture.supplyAsync(() -> b.add(takenOver, "NH-5")).get(10, TimeUnit.SECONDS),
                    "not sent again");
            assertTrue(takenOver.getProperty(HubProperties.DELIVERY_UNCERTAIN, false, Boolean.class),
                    "parked as delivery uncertain");
            new DeliveriesInFlight(store.dataSource(), writer, "node-b").resolved("NH-5"); // route park-uncertain
            assertTrue(CompletableFuture.supplyAsync(() -> b.add(exchange(), "NH-5")).get(10, TimeUnit.SECONDS),
                    "replayed by an operator: sent normally");
        }
    }

    private static Exchange exchange() {
        return new DefaultExchange(new DefaultCamelContext());
    }

    private static StateStore postgresql() {
        return StateStore.postgresql(PostgresServer.newDatabase(), PostgresServer.USER, null, 6);
    }

    private static CaseLedgerTable table(StateStore store, GroupCommit writer, String nodeId) {
        return new CaseLedgerTable(store.dataSource(), writer, Clock.systemUTC(), nodeId, TAKEOVER);
    }

    private static CaseLedger ledger(StateStore store, CaseLedgerTable table, String nodeId) {
        return new CaseLedger(table, new DeliveriesInFlight(store.dataSource(),
                new GroupCommit(store.dataSource(), 8, "test-writer"), nodeId), NO_RETRY);
    }
}
