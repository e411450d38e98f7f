package netralitas.hub.state;

import netralitas.hub.settings.HubSettings;

import java.time.Duration;

/**
 * This hub among the nodes sharing one state store (SPEC §11): the name its claims carry, and how long a claim holds
 * before another node may take the work over. The one place that reads them from the settings.
 *
 * @param id       hub.node-id, else the host name
 * @param takeover hub.cluster.takeover-seconds
 */
public record ClusterNode(String id, Duration takeover) {

    public ClusterNode {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("A node needs a name (hub.node-id)");
        }
        if (takeover.isNegative() || takeover.isZero()) {
            throw new IllegalArgumentException("hub.cluster.takeover-seconds must be positive, not " + takeover.toSeconds());
        }
    }

    public static ClusterNode of(HubSettings settings) {
        return new ClusterNode(settings.nodeId(), Duration.ofSeconds(settings.integer("hub.cluster.takeover-seconds")));
    }
}
