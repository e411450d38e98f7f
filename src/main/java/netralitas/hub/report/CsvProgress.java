package netralitas.hub.report;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Progress of a long CSV, at most one line per interval: rows read, their rate, how far into the file and about how
 * long is left (from the bytes still to read at the rate so far). An operator watching a million-row file sees it move.
 * The share counts the bytes the reader has taken from the file, which it does in pieces of up to 1 MB: exact enough
 * for the large files this is for, coarse for a small one.
 */
public final class CsvProgress {

    private final String fileName;
    private final long fileBytes;
    private final Clock clock;
    private final Duration interval;
    private final Consumer<String> log;
    private final Instant started;
    private Instant nextReport;
    private long rows;

    /** @param fileBytes the file's size, or a negative number when unknown (then no share and no time left) */
    public CsvProgress(String fileName, long fileBytes, Clock clock, Duration interval, Consumer<String> log) {
        this.fileName = fileName;
        this.fileBytes = fileBytes;
        this.clock = clock;
        this.interval = interval;
        this.log = log;
        this.started = clock.instant();
        this.nextReport = started.plus(interval);
    }

    /** One more row read; {@code bytesRead} is how much of the file has been read so far. */
    public void row(long bytesRead) {
        rows++;
        Instant now = clock.instant();
        if (now.isBefore(nextReport)) {
            return;
        }
        nextReport = now.plus(interval);
        double seconds = Math.max(0.001, Duration.between(started, now).toMillis() / 1000.0);
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "CSV %s: %,d rows read (%,.0f rows/s)",
                fileName, rows, rows / seconds));
        if (fileBytes > 0 && bytesRead > 0) {
            double done = Math.min(1.0, (double) bytesRead / fileBytes);
            long secondsLeft = Math.round(seconds * (1 - done) / done);
            line.append(String.format(Locale.ROOT, ", %.0f%% of the file, about %s left", done * 100, duration(secondsLeft)));
        }
        log.accept(line.toString());
    }

    private static String duration(long seconds) {
        if (seconds >= 3_600) {
            return seconds / 3_600 + " h " + seconds % 3_600 / 60 + " min";
        }
        return seconds >= 60 ? seconds / 60 + " min " + seconds % 60 + " s" : seconds + " s";
    }
}
