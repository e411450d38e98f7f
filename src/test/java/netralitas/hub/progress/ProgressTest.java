package netralitas.hub.progress;

import netralitas.hub.testing.MutableClock;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProgressTest {

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream err = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    private final MutableClock clock = new MutableClock(Instant.parse("2024-11-27T02:00:00Z"));

    private List<String> lines() {
        return bytes.toString(StandardCharsets.UTF_8).lines().toList();
    }

    @Test
    void aRunShorterThanTheIntervalPrintsNothingNotEvenAtTheEnd() {
        Progress progress = Progress.onConsole(err, clock, Duration.ofSeconds(2), "events read");
        for (int i = 0; i < 1_000; i++) {
            progress.advance(1, i * 100L, 100_000);
        }
        clock.advance(Duration.ofMillis(1_999));
        progress.advance(1, 100_000, 100_000);
        progress.finish();
        assertEquals(List.of(), lines());
        assertEquals(1_001, progress.count());
    }

    @Test
    void aLongRunPrintsAtMostOneLinePerIntervalWithRateShareAndTimeLeft() {
        Progress progress = Progress.onConsole(err, clock, Duration.ofSeconds(2), "events read");
        clock.advance(Duration.ofSeconds(2));
        progress.advance(1_234_567, 610_000, 1_000_000);
        progress.advance(10, 620_000, 1_000_000); // same instant: no second line
        assertEquals(List.of("… 1,234,567 events read (617,284/s), 61% done, about 1 s left"), lines());

        clock.advance(Duration.ofSeconds(1));
        progress.advance(1, 700_000, 1_000_000);
        assertEquals(1, lines().size(), "only a second since the last line");
        clock.advance(Duration.ofSeconds(1));
        progress.advance(1, 800_000, 1_000_000);
        assertEquals(2, lines().size());
        assertTrue(lines().get(1).startsWith("… 1,234,579 events read (308,645/s), 80% done"), lines().get(1));

        progress.finish();
        assertEquals("… done: 1,234,579 events read in 4 s (308,645/s)", lines().get(2));
    }

    @Test
    void withoutAKnownSizeOnlyCountAndRateAreShown() {
        Progress progress = Progress.onConsole(err, clock, Duration.ofSeconds(5), "cases replayed");
        clock.advance(Duration.ofSeconds(10));
        progress.advance(500);
        assertEquals(List.of("… 500 cases replayed (50/s)"), lines());
    }

    @Test
    void silentProgressCountsButNeverPrints() {
        Progress progress = Progress.silent();
        progress.advance(5, 1, 10);
        progress.finish();
        assertEquals(5, progress.count());
        assertEquals(5, progress.count(), "reading the count changes nothing");
        assertEquals(0, Progress.silent().count(), "each silent progress counts on its own");
    }

    @Test
    void theIntervalMustBePositive() {
        assertThrows(IllegalArgumentException.class, () -> Progress.onConsole(err, clock, Duration.ofMillis(-1), "x"));
    }

    @Test
    void aZeroIntervalPrintsEveryAdvance() {
        Progress progress = Progress.onConsole(err, clock, Duration.ZERO, "rows read");
        progress.advance(1);
        progress.advance(1);
        assertEquals(2, lines().size(), lines().toString());
    }

    @Test
    void aLongCsvInTheLogWithShareAndTimeLeft() {
        List<String> log = new ArrayList<>();
        Progress progress = new Progress(log::add, clock, Duration.ofSeconds(10), "CSV besar.csv:", "rows read");
        for (int i = 1; i <= 5_000; i++) {
            clock.advance(Duration.ofMillis(2));
            progress.advance(1, i * 50L, 1_000_000);
        }
        // 5,000 rows in 10 s: the first line comes at 10 s, a quarter of the file read, 30 s to go at this rate.
        assertEquals(List.of("CSV besar.csv: 5,000 rows read (500/s), 25% done, about 30 s left"), log);
    }

    @Test
    void longRemainingTimesReadInHoursAndMinutes() {
        List<String> log = new ArrayList<>();
        Progress progress = new Progress(log::add, clock, Duration.ofSeconds(60), "CSV juta.csv:", "rows read");
        clock.advance(Duration.ofSeconds(60));
        progress.advance(1, 1_000_000, 100_000_000);
        assertEquals(List.of("CSV juta.csv: 1 rows read (0/s), 1% done, about 1 h 39 min left"), log);
    }
}
