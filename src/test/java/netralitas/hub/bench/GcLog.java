package netralitas.hub.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the hub's {@code -Xlog:gc:file=...} says: the most heap still in use right after a collection (the live set a
 * run needs, which is what {@code -Xmx} must hold), how many pauses, how many of them full, and their total time.
 * Line shape (JDK 17, unified logging): {@code [12.3s][info][gc] GC(7) Pause Young (Normal) (G1 Evacuation Pause)
 * 60M->12M(256M) 3.456ms}.
 */
record GcLog(long pauses, long fullPauses, long peakAfterGcBytes, long peakCommittedBytes, double pauseMillis) {

    private static final Pattern PAUSE = Pattern.compile(
            "GC\\(\\d+\\) (Pause .*?)\\s(\\d+)([KMG])->(\\d+)([KMG])\\((\\d+)([KMG])\\)\\s+([0-9.]+)ms");

    static GcLog read(Path file) throws IOException {
        if (!Files.exists(file)) {
            return new GcLog(0, 0, -1, -1, 0);
        }
        long pauses = 0;
        long full = 0;
        long peakAfter = -1;
        long peakCommitted = -1;
        double millis = 0;
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            while ((line = reader.readLine()) != null) {
                Matcher m = PAUSE.matcher(line);
                if (!m.find()) {
                    continue;
                }
                pauses++;
                if (m.group(1).startsWith("Pause Full")) {
                    full++;
                }
                peakAfter = Math.max(peakAfter, bytes(m.group(4), m.group(5)));
                peakCommitted = Math.max(peakCommitted, bytes(m.group(6), m.group(7)));
                millis += Double.parseDouble(m.group(8));
            }
        }
        return new GcLog(pauses, full, peakAfter, peakCommitted, millis);
    }

    private static long bytes(String number, String unit) {
        long value = Long.parseLong(number);
        return switch (unit) {
            case "K" -> value << 10;
            case "M" -> value << 20;
            default -> value << 30;
        };
    }
}
