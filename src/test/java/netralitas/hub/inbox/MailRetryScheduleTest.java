package netralitas.hub.inbox;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MailRetryScheduleTest {

    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2024-10-21T03:00:00Z"));
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    };
    private final MailRetrySchedule schedule = new MailRetrySchedule(Duration.ofMinutes(1), Duration.ofMinutes(5), clock);

    @Test
    void aMessageNeverHeldIsDue() {
        assertTrue(schedule.isDue(7));
        assertEquals(0, schedule.attempts(7));
    }

    @Test
    void delaysDoubleUpToTheBound() {
        Instant start = now.get();
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
        now.set(now.get().plusSeconds(59));
        assertFalse(schedule.isDue(7));
        now.set(now.get().plusSeconds(1));
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
