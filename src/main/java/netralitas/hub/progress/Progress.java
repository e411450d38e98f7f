package netralitas.hub.progress;

import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Progress of a long pass over big input (a million-row CSV, the audit trail, parked cases), for the engineer watching
 * the log or the terminal: at most one line per interval, and only once the work has run longer than one interval, so
 * quick runs stay silent. Commands write it to stderr so that their stdout (an export) stays clean data. Not
 * thread-safe: one reader calls it.
 *
 * <pre>… 1,234,567 events read (812,000/s), 61% done, about 8 s left</pre>
 */
public final class Progress {

    private final Consumer<String> sink;
    private final String label;
    private final Clock clock;
    private final Duration interval;
    private final String unit;
    private final Instant started;
    private Instant nextReport;
    private long count;
    private boolean reported;

    /**
     * @param sink     where the lines go (a command's stderr, the hub's log)
     * @param interval the least time between two lines, and before the first (zero: a line for every advance)
     * @param label    what the lines start with: "…" on a terminal, "CSV laporan.csv:" in the log
     * @param unit     what is counted, as it reads after the number: "events read", "rows read"
     */
    public Progress(Consumer<String> sink, Clock clock, Duration interval, String label, String unit) {
        this.sink = sink;
        this.clock = Objects.requireNonNull(clock, "clock");
        this.interval = Objects.requireNonNull(interval, "interval");
        if (interval.isNegative()) {
            throw new IllegalArgumentException("interval must not be negative, was " + interval);
        }
        this.label = Objects.requireNonNull(label, "label");
        this.unit = Objects.requireNonNull(unit, "unit");
        this.started = clock.instant();
        this.nextReport = started.plus(interval);
    }

    /** Prints nothing, ever: for callers that do not want progress. */
    public static Progress silent() {
        return new Progress(null, Clock.systemUTC(), Duration.ofDays(1), "", "");
    }

    /** Lines for a command's terminal, on stderr. */
    public static Progress onConsole(PrintStream err, Clock clock, Duration interval, String unit) {
        return new Progress(err::println, clock, interval, "…", unit);
    }

    /**
     * {@code count} more units done.
     *
     * @param bytesDone  how much of the input has been read so far (a total, not an increment); negative if unknown
     * @param bytesTotal the input's size; negative or zero if unknown (then no share and no time left is shown)
     */
    public void advance(long count, long bytesDone, long bytesTotal) {
        this.count += count;
        if (sink == null) {
            return;
        }
        Instant now = clock.instant();
        if (now.isBefore(nextReport)) {
            return;
        }
        nextReport = now.plus(interval);
        reported = true;
        double seconds = seconds(now);
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%s %,d %s (%,.0f/s)",
                label, this.count, unit, this.count / seconds));
        if (bytesTotal > 0 && bytesDone > 0) {
            double done = Math.min(1.0, (double) bytesDone / bytesTotal);
            long secondsLeft = Math.round(seconds * (1 - done) / done);
            line.append(String.format(Locale.ROOT, ", %.0f%% done, about %s left", Math.floor(done * 100),
                    duration(secondsLeft)));
        }
        sink.accept(line.toString());
    }

    /** {@code count} more units done, input size unknown. */
    public void advance(long count) {
        advance(count, -1, -1);
    }

    /** Closes a run that printed progress with its total; a run that stayed silent stays silent. */
    public void finish() {
        if (sink == null || !reported) {
            return;
        }
        reported = false;
        Instant now = clock.instant();
        sink.accept(String.format(Locale.ROOT, "%s done: %,d %s in %s (%,.0f/s)", label, count, unit,
                duration(Math.round(seconds(now))), count / seconds(now)));
    }

    /** Units counted so far. */
    public long count() {
        return count;
    }

    private double seconds(Instant now) {
        return Math.max(0.001, Duration.between(started, now).toMillis() / 1000.0);
    }

    private static String duration(long seconds) {
        if (seconds >= 3_600) {
            return seconds / 3_600 + " h " + seconds % 3_600 / 60 + " min";
        }
        return seconds >= 60 ? seconds / 60 + " min " + seconds % 60 + " s" : seconds + " s";
    }
}
