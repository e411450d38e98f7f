package netralitas.hub.inbox;

import netralitas.hub.testing.MutableClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PendingMovesTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2024-10-21T03:00:00Z"));
    private final MailRetrySchedule schedule = new MailRetrySchedule(Duration.ofMinutes(1), Duration.ofMinutes(4), clock);
    private final PendingMoves moves = new PendingMoves(schedule);
    private final MailboxUid message = new MailboxUid(MailboxUid.REPORT, "INBOX", 7, 42);

    @Test
    void aMessageNeverHandedBackIsNotHeldAndHasNoFolder() {
        moves.seen(message);
        assertTrue(schedule.isDue(message));
        assertNull(moves.folderOf(message.toString()));
    }

    @Test
    void aMessageStillThereAfterItWasHandedBackIsHeldWithGrowingDelaysAndMovedAgainOnItsTurn() {
        moves.handedBack(message.toString(), "Processed");
        moves.seen(message);
        assertFalse(schedule.isDue(message), "still in the folder at the next poll: its move failed");
        moves.seen(message);
        assertEquals(1, schedule.attempts(message), "seen again while held: the failure is counted once");
        assertEquals("Processed", moves.folderOf(message.toString()), "on its turn it is moved, not read");

        clock.advance(Duration.ofMinutes(1));
        assertTrue(schedule.isDue(message));
        moves.handedBack(message.toString(), "Processed");
        moves.seen(message);
        clock.advance(Duration.ofMinutes(1));
        assertFalse(schedule.isDue(message), "the second failure waits twice as long");
        clock.advance(Duration.ofMinutes(1));
        assertTrue(schedule.isDue(message));
    }

    @Test
    void aMessageThatLeftItsFolderIsForgottenWithItsHold() {
        moves.handedBack(message.toString(), "Quarantine");
        moves.seen(message);
        moves.retainPresent(MailboxUid.REPORT, "INBOX", 7, Set.of(41L, 43L));
        assertNull(moves.folderOf(message.toString()));
        assertTrue(schedule.isDue(message));
        assertEquals(0, schedule.attempts(message));

        moves.handedBack(message.toString(), "Quarantine");
        moves.retainPresent(MailboxUid.FOLLOW_UP, "INBOX", 7, Set.of());
        assertEquals("Quarantine", moves.folderOf(message.toString()), "the other mailbox's INBOX is another folder");
    }
}
