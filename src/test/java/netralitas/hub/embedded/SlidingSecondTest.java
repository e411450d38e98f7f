package netralitas.hub.embedded;

import netralitas.hub.testing.MutableClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SlidingSecondTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2024-10-08T02:00:00.900Z"));
    private final SlidingSecond second = new SlidingSecond();

    private int arriveAfter(long millis) {
        clock.advance(Duration.ofMillis(millis));
        return second.arrive(clock);
    }

    @Test
    void aBurstAcrossAClockSecondIsOneSecondOfRequests() {
        // Three at .900, three at 1.100 of the next clock second: a per-clock-second count sees 3 and 3.
        for (int i = 1; i <= 3; i++) {
            assertEquals(i, arriveAfter(0));
        }
        assertEquals(4, arriveAfter(200));
        assertEquals(5, arriveAfter(0));
        assertEquals(6, arriveAfter(0));
        assertEquals(6, second.worst());
    }

    @Test
    void anArrivalExactlyOneSecondLaterIsInTheNextWindow() {
        assertEquals(1, arriveAfter(0));
        assertEquals(2, arriveAfter(999));
        assertEquals(2, arriveAfter(1), "the first left the window 1,000 ms after it arrived");
        assertEquals(1, arriveAfter(1_000));
        assertEquals(2, second.worst());
    }

    @Test
    void evenSpacingAtTheRateNeverExceedsIt() {
        for (int i = 0; i < 500; i++) {
            arriveAfter(200);
        }
        assertEquals(5, second.worst(), "one every 200 ms: five in any second (the sixth is 1,000 ms after the first)");
    }

    @Test
    void theRingGrowsWithTheBusiestSecond() {
        for (int i = 0; i < 1_000; i++) {
            second.arrive(clock);
        }
        assertEquals(1_000, second.worst());
        assertEquals(1, arriveAfter(1_000));
    }

    @Test
    void aClockSteppingBackCountsAsTheNewestArrival() {
        arriveAfter(0);
        clock.advance(Duration.ofMillis(-5_000));
        assertEquals(2, second.arrive(clock));
        assertEquals(1, arriveAfter(6_000));
    }

    @Test
    void resetForgetsTheWorstButNotTheLastSecond() {
        arriveAfter(0);
        arriveAfter(0);
        second.resetWorst();
        assertEquals(0, second.worst());
        assertEquals(3, arriveAfter(500), "BKN still counts the two before the reset");
        assertEquals(3, second.worst());
    }
}
