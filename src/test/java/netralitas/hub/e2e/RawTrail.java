package netralitas.hub.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * What a test polls while a hub process writes: the audit trail's lines counted as text (no JSON parsing, so a line
 * being written does not fail the count), and the end of the hub's log for a failure message.
 */
final class RawTrail {

    private RawTrail() {
    }

    /** Lines of the trail under {@code auditDir} ({@code data/audit}); 0 before the hub wrote one. */
    static long lines(Path auditDir) throws IOException {
        return lines(auditDir, null);
    }

    /** Lines of one event kind ({@code "DELIVERED"}), or all lines when {@code event} is null. */
    static long lines(Path auditDir, String event) throws IOException {
        if (!Files.isDirectory(auditDir)) {
            return 0;
        }
        String marker = event == null ? "" : "\"event\":\"" + event + "\"";
        long count = 0;
        try (Stream<Path> files = Files.list(auditDir)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".jsonl")).toList()) {
                try (Stream<String> lines = Files.lines(file)) {
                    count += lines.filter(line -> line.contains(marker)).count();
                }
            }
        }
        return count;
    }

    /** The last lines of a hub's log, to show with a failed wait. */
    static String logTail(Path log, int lines) throws IOException {
        List<String> all = Files.readAllLines(log);
        return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    }
}
