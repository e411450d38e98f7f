package netralitas.hub.state;

import netralitas.hub.settings.HubSettings;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;

/**
 * This hub among the nodes sharing one state store (SPEC §11): the name its claims carry, and how long a claim holds
 * before another node may take the work over. The one place that reads them from the settings.
 *
 * @param id       hub.node-id, else the host name
 * @param takeover hub.cluster.takeover-seconds, else 30 seconds
 */
public record ClusterNode(String id, Duration takeover) {

    static final Duration DEFAULT_TAKEOVER = Duration.ofSeconds(30);

    public ClusterNode {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("A node needs a name (hub.node-id)");
        }
        if (takeover.isNegative() || takeover.isZero()) {
            throw new IllegalArgumentException("hub.cluster.takeover-seconds must be positive, not " + takeover.toSeconds());
        }
    }

    public static ClusterNode of(HubSettings settings) {
        String id = settings.optional("hub.node-id").orElseGet(ClusterNode::hostName);
        Duration takeover = settings.optional("hub.cluster.takeover-seconds")
                .map(seconds -> Duration.ofSeconds(settings.longValue("hub.cluster.takeover-seconds")))
                .orElse(DEFAULT_TAKEOVER);
        return new ClusterNode(id, takeover);
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            // The host name is what hostname(1) says even where it does not resolve: the exception carries it first.
            String message = e.getMessage() == null ? "" : e.getMessage();
            int colon = message.indexOf(':');
            return colon > 0 ? message.substring(0, colon) : "localhost";
        }
    }
}
