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
    private final PendingMoves moves = new PendingMoves(Duration.ofMinutes(1), Duration.ofMinutes(4), clock);
    private final MailboxUid message = new MailboxUid(MailboxUid.REPORT, "INBOX", 7, 42);

    @Test
    void aMessageNeverHandedBackIsDueAndHasNoFolder() {
        assertTrue(moves.isDue(message));
        assertNull(moves.folderOf(message.toString()));
    }

    @Test
    void aMessageStillThereAfterItWasHandedBackIsHeldWithGrowingDelaysAndMovedAgainOnItsTurn() {
        moves.handedBack(message.toString(), "Processed");
        assertFalse(moves.isDue(message), "still in the folder at the next poll: its move failed");
        assertFalse(moves.isDue(message), "held, and the failure counted once");
        assertEquals("Processed", moves.folderOf(message.toString()), "on its turn it is moved, not read");

        clock.advance(Duration.ofMinutes(1));
        assertTrue(moves.isDue(message));
        moves.handedBack(message.toString(), "Processed");
        assertFalse(moves.isDue(message));
        clock.advance(Duration.ofMinutes(1));
        assertFalse(moves.isDue(message), "the second failure waits twice as long");
        clock.advance(Duration.ofMinutes(1));
        assertTrue(moves.isDue(message));
    }

    @Test
    void aMessageThatLeftItsFolderIsForgotten() {
        moves.handedBack(message.toString(), "Quarantine");
        moves.retainPresent(MailboxUid.REPORT, "INBOX", 7, Set.of(41L, 43L));
        assertNull(moves.folderOf(message.toString()));
        assertTrue(moves.isDue(message));

        moves.handedBack(message.toString(), "Quarantine");
        moves.retainPresent(MailboxUid.FOLLOW_UP, "INBOX", 7, Set.of());
        assertEquals("Quarantine", moves.folderOf(message.toString()), "the other mailbox's INBOX is another folder");
    }
}
