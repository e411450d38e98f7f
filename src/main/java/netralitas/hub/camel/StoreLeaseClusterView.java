package netralitas.hub.camel;

import netralitas.hub.state.LeaseTable;
import org.apache.camel.cluster.CamelClusterMember;
import org.apache.camel.cluster.CamelClusterService;
import org.apache.camel.support.cluster.AbstractCamelClusterView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * One namespace of {@link StoreLeaseClusterService}: tries to take or renew the namespace's lease at start and then
 * every third of the lease, and tells the route policy when this node becomes or stops being the leader. A
 * leader that cannot reach the store steps down before its lease can run out, so that two nodes are never leaders
 * together while their clocks agree.
 */
final class StoreLeaseClusterView extends AbstractCamelClusterView {

    private static final Logger LOG = LoggerFactory.getLogger(StoreLeaseClusterView.class);

    private final LeaseTable leases;
    private final String nodeId;
    private final Duration lease;
    private final Duration period;
    private final Clock clock;
    private final LocalMember localMember = new LocalMember();
    private ScheduledExecutorService renewal;
    private volatile boolean leader;
    private Instant leaseUntil = Instant.MIN;

    StoreLeaseClusterView(CamelClusterService cluster, String namespace, LeaseTable leases, String nodeId,
                          Duration lease, Clock clock) {
        super(cluster, namespace);
        this.leases = leases;
        this.nodeId = nodeId;
        this.lease = lease;
        this.period = lease.dividedBy(3);
        this.clock = clock;
    }

    @Override
    public Optional<CamelClusterMember> getLeader() {
        return leader ? Optional.of(localMember) : Optional.empty();
    }

    @Override
    public CamelClusterMember getLocalMember() {
        return localMember;
    }

    @Override
    public List<CamelClusterMember> getMembers() {
        return List.of(localMember);
    }

    @Override
    protected void doStart() {
        renewal = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "lease-" + getNamespace());
            thread.setDaemon(true);
            return thread;
        });
        renewal.scheduleWithFixedDelay(this::tryLead, 0, period.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    protected void doStop() {
        renewal.shutdownNow();
        if (leader) {
            stepDown();
            try {
                leases.release(getNamespace(), nodeId);
            } catch (Exception e) {
                LOG.warn("Cannot give up the lease of {} (node {}): another node takes it when it runs out ({})",
                        getNamespace(), nodeId, e.getMessage());
            }
        }
    }

    private synchronized void tryLead() {
        try {
            Optional<Instant> held = leases.acquire(getNamespace(), nodeId, lease);
            if (held.isPresent()) {
                leaseUntil = held.get();
                if (!leader) {
                    leader = true;
                    LOG.info("Node {} now leads {} (lease renewed every {} s)", nodeId, getNamespace(),
                            period.toSeconds());
                    fireLeadershipChangedEvent(localMember);
                }
            } else if (leader) {
                stepDown();
            }
        } catch (Exception e) {
            // The store does not answer: stay leader only while the lease surely lasts past the next attempt.
            if (leader && clock.instant().plus(period).isAfter(leaseUntil)) {
                LOG.warn("Node {} steps down from {}: its lease cannot be renewed ({})", nodeId, getNamespace(),
                        e.getMessage());
                stepDown();
            }
        }
    }

    private void stepDown() {
        leader = false;
        LOG.info("Node {} no longer leads {}", nodeId, getNamespace());
        fireLeadershipChangedEvent((CamelClusterMember) null);
    }

    private final class LocalMember implements CamelClusterMember {
        @Override
        public boolean isLeader() {
            return leader;
        }

        @Override
        public boolean isLocal() {
            return true;
        }

        @Override
        public String getId() {
            return nodeId;
        }
    }
}
