package netralitas.hub.camel;

import netralitas.hub.state.LeaseTable;
import netralitas.hub.state.PostgresServer;
import netralitas.hub.state.StateStore;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.impl.cluster.ClusteredRoutePolicy;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two hub nodes (two CamelContexts) on one PostgreSQL, each with a route under a ClusteredRoutePolicy of the same
 * namespace: one runs it at a time, and when it stops, the other takes over.
 */
class StoreLeaseClusterServiceTest {

    private static final Duration LEASE = Duration.ofMillis(1500);

    @Test
    void oneNodeConsumesAtATimeAndTheOtherTakesOver() throws Exception {
        try (StateStore store = StateStore.postgresql(PostgresServer.newDatabase(), PostgresServer.USER, null, 4)) {
            AtomicInteger ticksA = new AtomicInteger();
            AtomicInteger ticksB = new AtomicInteger();
            CamelContext a = node(store, "node-a", ticksA);
            CamelContext b = node(store, "node-b", ticksB);
            try {
                awaitTrue(() -> ticksA.get() + ticksB.get() >= 10, "ticks of the leader");
                boolean aLeads = ticksA.get() > 0;
                assertTrue(aLeads != ticksB.get() > 0, "exactly one node consumed: " + ticksA + " / " + ticksB);
                assertEquals(aLeads ? "node-a" : "node-b",
                        new LeaseTable(store.dataSource(), Clock.systemUTC()).holder("ticks").orElseThrow());

                CamelContext leader = aLeads ? a : b;
                AtomicInteger follower = aLeads ? ticksB : ticksA;
                leader.stop();
                awaitTrue(() -> follower.get() >= 5, "ticks of the node that took over");
            } finally {
                a.stop();
                b.stop();
            }
        }
    }

    private static CamelContext node(StateStore store, String nodeId, AtomicInteger ticks) throws Exception {
        CamelContext context = new DefaultCamelContext();
        StoreLeaseClusterService cluster = new StoreLeaseClusterService(new LeaseTable(store.dataSource(),
                Clock.systemUTC()), nodeId, LEASE, Clock.systemUTC());
        context.addService(cluster);
        ClusteredRoutePolicy leadership = ClusteredRoutePolicy.forNamespace(cluster, "ticks");
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("timer:tick?period=50").routePolicy(leadership).process(exchange -> ticks.incrementAndGet());
            }
        });
        context.start();
        return context;
    }

    private static void awaitTrue(java.util.function.BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "timed out waiting for " + what);
            Thread.sleep(20);
        }
    }
}
