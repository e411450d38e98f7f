package netralitas.hub.audit;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * When the audit trail last recorded a DELIVERED event, read from the end of the newest trail file only (its last
 * megabyte), so that the hub can check at start-up that its case ledger is not behind the trail — as it would be
 * after its database file was cut short and read back in an older state.
 */
public final class LastDelivery {

    private static final int TAIL_BYTES = 1024 * 1024;
    private static final String DELIVERED = "\"event\":\"DELIVERED\"";

    private LastDelivery() {
    }

    /** The time of the last DELIVERED event near the end of the newest trail file (empty when there is none). */
    public static Optional<Instant> in(Path auditDir) throws IOException {
        if (!Files.isDirectory(auditDir)) {
            return Optional.empty();
        }
        Path newest;
        try (Stream<Path> files = Files.list(auditDir)) {
            newest = files.filter(f -> f.getFileName().toString().endsWith(".jsonl")).max(Path::compareTo).orElse(null);
        }
        if (newest == null) {
            return Optional.empty();
        }
        Instant last = null;
        for (String line : tailLines(newest)) {
            if (line.contains(DELIVERED)) {
                try {
                    last = AuditEvent.fromJsonLine(line).at().toInstant();
                } catch (IllegalArgumentException e) {
                    // A torn or damaged line: the trail's own check at start names it.
                }
            }
        }
        return Optional.ofNullable(last);
    }

    /** Whole lines of the file's last megabyte (the first one, probably cut, is dropped unless it starts the file). */
    private static List<String> tailLines(Path file) throws IOException {
        try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
            long start = Math.max(0, in.length() - TAIL_BYTES);
            byte[] bytes = new byte[(int) (in.length() - start)];
            in.seek(start);
            in.readFully(bytes);
            List<String> lines = new ArrayList<>(List.of(new String(bytes, StandardCharsets.UTF_8).split("\n")));
            if (start > 0 && !lines.isEmpty()) {
                lines.remove(0);
            }
            return lines;
        }
    }
}
