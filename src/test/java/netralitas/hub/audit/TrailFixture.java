package netralitas.hub.audit;

import netralitas.hub.testing.MutableClock;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Builds small trails on disk and edits their lines the way a tamperer would. */
final class TrailFixture {

    private TrailFixture() {
    }

    /** Writes {@code count} events for cases NTR-1..NTR-count, one minute apart, and closes the trail. */
    static void write(Path dir, MutableClock clock, int count) {
        try (AuditTrail trail = AuditTrail.open(dir, clock)) {
            for (int i = 1; i <= count; i++) {
                trail.append("NTR-" + i, AuditEventType.RECEIVED, "laporan.csv:" + (i + 1), "ingest-csv",
                        Map.of("rows", 40 + i, "nip", "19800101200501100" + (i % 10)));
                clock.advance(java.time.Duration.ofMinutes(1));
            }
        }
    }

    static List<String> lines(Path file) throws IOException {
        return new ArrayList<>(Files.readAllLines(file, StandardCharsets.UTF_8));
    }

    static void rewrite(Path file, List<String> lines) throws IOException {
        StringBuilder text = new StringBuilder();
        for (String line : lines) {
            text.append(line).append('\n');
        }
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }
}
