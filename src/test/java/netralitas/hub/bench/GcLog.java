package netralitas.hub.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the hub's GC log ({@code -Xlog:gc:file=...:time,uptime,level,tags}) says about the window of a run (drop to
 * done): the most heap still in use right after a collection, the same per quarter of the run (a live set that keeps
 * growing shows as rising quarters), pauses, full collections, and the live set measured by the full collection that
 * {@code jcmd GC.class_histogram} forces when the run is over.
 *
 * <p>Line shape (JDK 17): {@code [2024-10-08T10:00:01.234+0000][12.3s][info][gc] GC(7) Pause Young (Normal)
 * (G1 Evacuation Pause) 60M->12M(256M) 3.456ms}. Lines without the time decorator count whatever the window.
 *
 * @param quarterPeaks peak heap after GC in each quarter of the window, -1 where no collection happened
 * @param liveAtEnd    heap after the last histogram-forced full collection, -1 when there was none
 */
record GcLog(long pauses, long fullPauses, long peakAfterGcBytes, long peakCommittedBytes, double pauseMillis,
             long[] quarterPeaks, long liveAtEnd) {

    private static final Pattern PAUSE = Pattern.compile(
            "GC\\(\\d+\\) (Pause .*?)\\s(\\d+)([KMG])->(\\d+)([KMG])\\((\\d+)([KMG])\\)\\s+([0-9.]+)ms");
    private static final Pattern TIME = Pattern.compile("^\\[(\\d{4}-\\d\\d-\\d\\dT[0-9:.]+[+-]\\d{4})]");
    private static final DateTimeFormatter TIME_FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ");
    private static final String INSPECTION = "Heap Inspection";

    /** @param fromEpochMs start of the run window, 0 for the whole log; {@code toEpochMs} its end, 0 for no end */
    static GcLog read(Path file, long fromEpochMs, long toEpochMs) throws IOException {
        long[] quarters = {-1, -1, -1, -1};
        if (!Files.exists(file)) {
            return new GcLog(0, 0, -1, -1, 0, quarters, -1);
        }
        long pauses = 0;
        long full = 0;
        long peakAfter = -1;
        long peakCommitted = -1;
        double millis = 0;
        long liveAtEnd = -1;
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            while ((line = reader.readLine()) != null) {
                Matcher m = PAUSE.matcher(line);
                if (!m.find()) {
                    continue;
                }
                long after = bytes(m.group(4), m.group(5));
                if (m.group(1).contains(INSPECTION)) {
                    liveAtEnd = after;
                    continue;
                }
                long at = epochMillis(line);
                if (at >= 0 && (at < fromEpochMs || (toEpochMs > 0 && at > toEpochMs))) {
                    continue;
                }
                pauses++;
                if (m.group(1).startsWith("Pause Full")) {
                    full++;
                }
                peakAfter = Math.max(peakAfter, after);
                peakCommitted = Math.max(peakCommitted, bytes(m.group(6), m.group(7)));
                millis += Double.parseDouble(m.group(8));
                if (at >= 0 && fromEpochMs > 0 && toEpochMs > fromEpochMs) {
                    int quarter = (int) Math.min(3, 4 * (at - fromEpochMs) / (toEpochMs - fromEpochMs));
                    quarters[quarter] = Math.max(quarters[quarter], after);
                }
            }
        }
        return new GcLog(pauses, full, peakAfter, peakCommitted, millis, quarters, liveAtEnd);
    }

    private static long epochMillis(String line) {
        Matcher m = TIME.matcher(line);
        return m.find() ? OffsetDateTime.parse(m.group(1), TIME_FORMAT).toInstant().toEpochMilli() : -1;
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
