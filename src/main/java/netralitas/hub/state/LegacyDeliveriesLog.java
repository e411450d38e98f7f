package netralitas.hub.state;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Release 0.1 kept the deliveries in flight in an append-only file, {@code data/state/deliveries-in-flight.log}: one
 * line {@code <case id>} when a case's email went out, {@code -<case id>} when the SMTP server refused it. At the first
 * start of this release its unresolved cases become rows of {@link DeliveriesInFlight} (and so, unless recorded as
 * handled, uncertain), and the file is moved to {@code data/imported-0.1/state/}, kept for the operator, never read again.
 */
public final class LegacyDeliveriesLog {

    static final String FILE = "state/deliveries-in-flight.log";
    static final String IMPORTED = "imported-0.1";

    private static final String NOT_SENT = "-";

    private LegacyDeliveriesLog() {
    }

    /** Imports the file under {@code dataDir} if there is one; returns the cases it held unresolved (empty when none). */
    public static List<String> importInto(Path dataDir, DeliveriesInFlight deliveries) throws IOException, SQLException {
        Path file = dataDir.resolve(FILE);
        if (!Files.exists(file)) {
            return List.of();
        }
        List<String> unresolved = unresolved(Files.readString(file, StandardCharsets.UTF_8));
        // Rows first, then the move: a start stopped in between imports the file again, which adds nothing.
        deliveries.imported(unresolved);
        Path target = dataDir.resolve(IMPORTED).resolve(FILE);
        Files.createDirectories(target.getParent());
        for (int n = 1; Files.exists(target); n++) {
            target = dataDir.resolve(IMPORTED).resolve(FILE + "." + n);
        }
        Files.move(file, target);
        return unresolved;
    }

    /** The cases written and not refused after, in the order they were first written. */
    static List<String> unresolved(String content) {
        Set<String> unresolved = new LinkedHashSet<>();
        // Only whole lines: a line cut short was being written when the hub died, before its email was sent.
        for (String line : content.substring(0, content.lastIndexOf('\n') + 1).split("\n")) {
            String entry = line.strip();
            if (entry.startsWith(NOT_SENT)) {
                unresolved.remove(entry.substring(NOT_SENT.length()));
            } else if (!entry.isEmpty()) {
                unresolved.add(entry);
            }
        }
        return List.copyOf(unresolved);
    }
}
