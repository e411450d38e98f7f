package netralitas.hub.inbox;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Messages the hub handled and handed back to the IMAP consumer to be moved out of their folder (to the processed or
 * the quarantine folder). The consumer moves a message after its exchange and only logs when the server refuses the
 * move (a folder outside the server's namespace, a full quota, no right to write): the message stays in the folder as
 * if new. Read again on the next poll, which comes at once after a poll that found messages, it was handled again and
 * again, each time a DUPLICATE in the trail and an acknowledgement to the reporter (seen against Dovecot: 1,657 in 20
 * seconds).
 *
 * <p>So a message handed back and found in its folder again is a failed move: it is held back, with the delays of
 * {@link MailRetrySchedule}, and on its turn handed back to be moved again without being read. Kept in memory: after
 * a restart such a message is read once more (a DUPLICATE), then held like this again.
 */
public final class PendingMoves {

    private static final Logger LOG = LoggerFactory.getLogger(PendingMoves.class);

    private record Move(String folder, int failures, Instant due, boolean handedBack) {
    }

    private final Duration firstDelay;
    private final Duration maxDelay;
    private final Clock clock;
    private final Map<MailboxUid, Move> moves = new ConcurrentHashMap<>();

    public PendingMoves(Duration firstDelay, Duration maxDelay, Clock clock) {
        this.firstDelay = firstDelay;
        this.maxDelay = maxDelay;
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * The message (written as {@link MailboxUid#toString()}) goes back to the consumer to be moved to {@code folder}:
     * if it is still in its folder at the next poll, the move failed.
     */
    public void handedBack(String message, String folder) {
        moves.compute(MailboxUid.parse(message), (key, previous) -> new Move(folder,
                previous == null ? 0 : previous.failures(), previous == null ? clock.instant() : previous.due(), true));
    }

    /** The folder a handled message is still to be moved to; null when it was not handled. */
    public String folderOf(String message) {
        Move move = moves.get(MailboxUid.parse(message));
        return move == null ? null : move.folder();
    }

    /**
     * Whether the consumer may take {@code message}, which is in its folder now: not when it was handed back to be
     * moved since the last poll (the move failed: held back from now, and said once), nor while it is held.
     */
    public boolean isDue(MailboxUid message) {
        Move move = moves.computeIfPresent(message, (key, previous) -> {
            if (!previous.handedBack()) {
                return previous;
            }
            int failures = previous.failures() + 1;
            Instant due = clock.instant().plus(MailRetrySchedule.delay(firstDelay, maxDelay, failures));
            LOG.warn("Mail {} was handled but is still in its folder: moving it to {} failed (the mail server's answer"
                    + " is in the MailConsumer warning before this); moved again, not read, after {} (failure {})", key,
                    previous.folder(), due, failures);
            return new Move(previous.folder(), failures, due, false);
        });
        return move == null || (!move.handedBack() && !clock.instant().isBefore(move.due()));
    }

    /** Forgets the messages of the folder that have left it (moved at last, or by someone). */
    public void retainPresent(String mailbox, String folder, long uidValidity, Set<Long> presentUids) {
        moves.keySet().removeIf(message -> message.mailbox().equals(mailbox) && message.folder().equals(folder)
                && (message.uidValidity() != uidValidity || !presentUids.contains(message.uid())));
    }
}
