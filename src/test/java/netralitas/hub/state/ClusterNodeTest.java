package netralitas.hub.state;

import netralitas.hub.settings.HubSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** A node's name and takeover time: from the settings; without hub.node-id, the host name. */
class ClusterNodeTest {

    @Test
    void withoutANodeIdTheNodeIsTheHost(@TempDir Path home) throws Exception {
        ClusterNode node = ClusterNode.of(settings(home, "hub.cluster.takeover-seconds = 30\n"));
        assertEquals(InetAddress.getLocalHost().getHostName(), node.id());
        assertEquals(Duration.ofSeconds(30), node.takeover());
    }

    @Test
    void theSettingsNameTheNodeAndItsTakeoverTime(@TempDir Path home) throws Exception {
        ClusterNode node = ClusterNode.of(settings(home, "hub.node-id = hub-2\nhub.cluster.takeover-seconds = 45\n"));
        assertEquals(new ClusterNode("hub-2", Duration.ofSeconds(45)), node);
    }

    @Test
    void aTakeoverTimeThatIsNotPositiveIsRefused(@TempDir Path home) throws Exception {
        HubSettings settings = settings(home, "hub.cluster.takeover-seconds = 0\n");
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> ClusterNode.of(settings));
        assertEquals("hub.cluster.takeover-seconds must be positive, not 0", refused.getMessage());
    }

    private static HubSettings settings(Path home, String lines) throws Exception {
        Files.createDirectories(home.resolve("config"));
        Files.writeString(home.resolve("config/application.properties"), lines);
        return HubSettings.load(home);
    }
}
