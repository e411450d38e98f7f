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
    private static final String SEVEN = "INBOX;UIDVALIDITY=1;UID=7";
    private static final MailboxUid SEVEN_UID = MailboxUid.parse(SEVEN);

    private final MailRetrySchedule schedule = new MailRetrySchedule(Duration.ofMinutes(1), Duration.ofMinutes(5), clock);

    @Test
    void aMessageNeverHeldIsDue() {
        assertTrue(schedule.isDue(SEVEN_UID));
        assertEquals(0, schedule.attempts(SEVEN_UID));
    }

    @Test
    void delaysDoubleUpToTheBound() {
        Instant start = clock.instant();
        assertEquals(start.plusSeconds(60), schedule.hold(SEVEN));
        assertEquals(start.plusSeconds(120), schedule.hold(SEVEN));
        assertEquals(start.plusSeconds(240), schedule.hold(SEVEN));
        assertEquals(start.plusSeconds(300), schedule.hold(SEVEN));
        assertEquals(start.plusSeconds(300), schedule.hold(SEVEN));
        assertEquals(5, schedule.attempts(SEVEN_UID));
    }

    @Test
    void aHeldMessageIsDueOnceItsDelayHasPassedAndOthersAreNotAffected() {
        schedule.hold(SEVEN);
        assertFalse(schedule.isDue(SEVEN_UID));
        assertTrue(schedule.isDue(new MailboxUid("INBOX", 1, 8)));
        clock.advance(Duration.ofSeconds(59));
        assertFalse(schedule.isDue(SEVEN_UID));
        clock.advance(Duration.ofSeconds(1));
        assertTrue(schedule.isDue(SEVEN_UID));
    }

    @Test
    void theSameUidInTheFollowUpMailboxIsAnotherMessage() {
        schedule.hold(SEVEN);
        assertTrue(schedule.isDue(new MailboxUid(MailboxUid.FOLLOW_UP, "INBOX", 1, 7)));
        schedule.hold("INBOX;UIDVALIDITY=1;UID=7;MAILBOX=followup");
        schedule.release(SEVEN);
        assertTrue(schedule.isDue(SEVEN_UID));
        assertFalse(schedule.isDue(new MailboxUid(MailboxUid.FOLLOW_UP, "INBOX", 1, 7)), "released in the report mailbox only");
    }

    @Test
    void releaseForgetsTheMessage() {
        schedule.hold(SEVEN);
        schedule.release(SEVEN);
        assertTrue(schedule.isDue(SEVEN_UID));
        assertEquals(0, schedule.attempts(SEVEN_UID));
    }

    @Test
    void inconsistentDelaysAreRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> new MailRetrySchedule(Duration.ofMinutes(5), Duration.ofMinutes(1), clock));
    }
}
