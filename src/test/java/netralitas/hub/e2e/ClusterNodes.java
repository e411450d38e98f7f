package netralitas.hub.e2e;

import netralitas.hub.audit.AuditEvent;
import netralitas.hub.audit.AuditLog;
import netralitas.hub.audit.TrailLines;
import netralitas.hub.state.StateStore;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** What the tests of hub processes on one PostgreSQL share: each node's settings and log, and the cluster's one trail. */
final class ClusterNodes {

    private ClusterNodes() {
    }

    /** The shared settings, with node {@code i}'s name, data folder and management port. */
    static Map<String, String> settings(Map<String, String> shared, Path work, int i) throws IOException {
        Map<String, String> settings = new HashMap<>(shared);
        settings.put("hub.node-id", "node-" + i);
        settings.put("hub.data-dir", work.resolve("node-" + i + "/data").toString());
        settings.put("hub.management.port", String.valueOf(TestHub.freePort()));
        return settings;
    }

    static Path log(Path work, int i) {
        return work.resolve("node-" + i + ".log");
    }

    /** The last lines of every node's log, and the leaderships it took or gave up, for a failed wait. */
    static String tails(Path work, int nodes) throws IOException {
        StringBuilder tails = new StringBuilder();
        for (int i = 1; i <= nodes; i++) {
            List<String> leadership = Files.readAllLines(log(work, i)).stream()
                    .filter(line -> line.contains("now leads") || line.contains("no longer leads")).toList();
            tails.append("--- node-").append(i).append(", its leadership: ").append(leadership).append('\n')
                    .append(RawTrail.logTail(log(work, i), 15)).append('\n');
        }
        return tails.toString();
    }

    /** The events of one kind in the trail the nodes keep in the store. */
    static List<AuditEvent> events(StateStore store, String event) {
        try (Stream<AuditEvent> events = new AuditLog(TrailLines.inStore(store.dataSource(), store.location(), () -> { }),
                unreadable -> { throw new IllegalStateException("unreadable trail line: " + unreadable); }).events()) {
            return events.filter(e -> event.equals(e.event().name())).toList();
        }
    }
}
