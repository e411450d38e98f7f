package netralitas.hub.camel;

import netralitas.hub.state.LeaseTable;
import org.apache.camel.support.cluster.AbstractCamelClusterService;

import java.time.Clock;
import java.time.Duration;

/**
 * Camel's cluster service over the hub's state store, for the routes whose {@code routePolicy} is a
 * {@code ClusteredRoutePolicy}: of the nodes sharing the store, one at a time runs each such route (SPEC §11). Camel ships cluster
 * services for a shared file lock, Kubernetes leases, ZooKeeper, Consul and others; the hub's nodes already share one
 * database and nothing else, so the lease lives there ({@link LeaseTable}). A leader renews its lease every third of
 * hub.cluster.takeover-seconds; a node that dies is replaced after at most that time.
 */
public final class StoreLeaseClusterService extends AbstractCamelClusterService<StoreLeaseClusterView> {

    private final LeaseTable leases;
    private final String nodeId;
    private final Duration lease;
    private final Clock clock;

    public StoreLeaseClusterService(LeaseTable leases, String nodeId, Duration lease, Clock clock) {
        super("state-store");
        this.leases = leases;
        this.nodeId = nodeId;
        this.lease = lease;
        this.clock = clock;
    }

    @Override
    protected StoreLeaseClusterView createView(String namespace) {
        return new StoreLeaseClusterView(this, namespace, leases, nodeId, lease, clock);
    }
}
