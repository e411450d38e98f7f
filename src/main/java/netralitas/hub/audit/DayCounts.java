package netralitas.hub.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;

/** The events of one day's trail file by kind, for the daily anchor mail (SPEC §8). One line in memory at a time. */
public final class DayCounts {

    private DayCounts() {
    }

    /**
     * @return the count of each kind present, in the order of {@link AuditEventType}; lines that are not events are
     *         not counted (`audit verify` names them)
     */
    public static Map<AuditEventType, Long> of(Path auditDir, LocalDate date) {
        Map<AuditEventType, Long> counts = new EnumMap<>(AuditEventType.class);
        Path file = AuditFiles.fileFor(auditDir, date);
        if (!Files.isRegularFile(file)) {
            return counts;
        }
        try (TrailLineReader reader = new TrailLineReader(file)) {
            TrailLineReader.Line line;
            while ((line = reader.next()) != null) {
                if (line.text() == null || !line.terminated()) {
                    continue;
                }
                try {
                    counts.merge(AuditEvent.fromJsonLine(line.text()).event(), 1L, Long::sum);
                } catch (IllegalArgumentException e) {
                    // not an event: counted by no kind
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
        return counts;
    }
}
