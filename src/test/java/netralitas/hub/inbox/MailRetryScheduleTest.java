package netralitas.hub.inbox;

import netralitas.hub.testing.MutableClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MailRetryScheduleTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2024-10-21T03:00:00Z"));
    private final MailRetrySchedule schedule = new MailRetrySchedule(Duration.ofMinutes(1), Duration.ofMinutes(5), clock);

    @Test
    void aMessageNeverHeldIsDue() {
        assertTrue(schedule.isDue(7));
        assertEquals(0, schedule.attempts(7));
    }

    @Test
    void delaysDoubleUpToTheBound() {
        Instant start = clock.instant();
        assertEquals(start.plusSeconds(60), schedule.hold(7));
        assertEquals(start.plusSeconds(120), schedule.hold(7));
        assertEquals(start.plusSeconds(240), schedule.hold(7));
        assertEquals(start.plusSeconds(300), schedule.hold(7));
        assertEquals(start.plusSeconds(300), schedule.hold(7));
        assertEquals(5, schedule.attempts(7));
    }

    @Test
    void aHeldMessageIsDueOnceItsDelayHasPassedAndOthersAreNotAffected() {
        schedule.hold(7);
        assertFalse(schedule.isDue(7));
        assertTrue(schedule.isDue(8));
        clock.advance(Duration.ofSeconds(59));
        assertFalse(schedule.isDue(7));
        clock.advance(Duration.ofSeconds(1));
        assertTrue(schedule.isDue(7));
    }

    @Test
    void releaseForgetsTheMessage() {
        schedule.hold(7);
        schedule.release(7);
        assertTrue(schedule.isDue(7));
        assertEquals(0, schedule.attempts(7));
    }

    @Test
    void inconsistentDelaysAreRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> new MailRetrySchedule(Duration.ofMinutes(5), Duration.ofMinutes(1), clock));
    }
}
