package netralitas.hub.report;

import netralitas.hub.testing.MutableClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class CsvProgressTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2024-10-21T03:00:00Z"));

    @Test
    void oneLinePerIntervalWithRateShareAndTimeLeft() {
        List<String> lines = new ArrayList<>();
        CsvProgress progress = new CsvProgress("besar.csv", 1_000_000, clock, Duration.ofSeconds(10), lines::add);
        for (int i = 1; i <= 5_000; i++) {
            clock.advance(Duration.ofMillis(2));
            progress.row(i * 50L);
        }
        // 5,000 rows in 10 s: the first line comes at 10 s, a quarter of the file read, 30 s to go at this rate.
        assertEquals(List.of("CSV besar.csv: 5,000 rows read (500 rows/s), 25% of the file, about 30 s left"), lines);
    }

    @Test
    void withoutTheFileSizeOnlyRowsAndRate() {
        List<String> lines = new ArrayList<>();
        CsvProgress progress = new CsvProgress("lampiran.csv", -1, clock, Duration.ofSeconds(1), lines::add);
        clock.advance(Duration.ofSeconds(2));
        progress.row(100);
        assertEquals(List.of("CSV lampiran.csv: 1 rows read (1 rows/s)"), lines);
    }

    @Test
    void longRemainingTimesReadInHoursAndMinutes() {
        List<String> lines = new ArrayList<>();
        CsvProgress progress = new CsvProgress("juta.csv", 100_000_000, clock, Duration.ofSeconds(60), lines::add);
        clock.advance(Duration.ofSeconds(60));
        progress.row(1_000_000);
        assertEquals(List.of("CSV juta.csv: 1 rows read (0 rows/s), 1% of the file, about 1 h 39 min left"), lines);
    }
}
