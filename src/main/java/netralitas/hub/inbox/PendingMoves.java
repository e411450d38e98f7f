package netralitas.hub.inbox;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
 * <p>So a message handed back and found in its folder again is a failed move: it is held back in the mailbox's
 * {@link MailRetrySchedule}, like a message whose BKN or SMTP was away, and on its turn handed back to be moved again
 * without being read. Kept in memory: after a restart such a message is read once more (a DUPLICATE), then held like
 * this again.
 */
public final class PendingMoves {

    private static final Logger LOG = LoggerFactory.getLogger(PendingMoves.class);

    /** A message's folder to move to, and whether it was handed back since the last poll saw it. */
    private record Move(String folder, boolean handedBack) {
    }

    private final MailRetrySchedule schedule;
    private final Map<MailboxUid, Move> moves = new ConcurrentHashMap<>();

    public PendingMoves(MailRetrySchedule schedule) {
        this.schedule = schedule;
    }

    /**
     * The message (written as {@link MailboxUid#toString()}) goes back to the consumer to be moved to {@code folder}:
     * if it is still in its folder at the next poll, the move failed.
     */
    public void handedBack(String message, String folder) {
        moves.put(MailboxUid.parse(message), new Move(folder, true));
    }

    /** The folder a handled message is still to be moved to; null when it was not handled. */
    public String folderOf(String message) {
        Move move = moves.get(MailboxUid.parse(message));
        return move == null ? null : move.folder();
    }

    /**
     * {@code message} is in its folder at this poll: if it was handed back since the last one, its move failed, and it
     * is held back in the schedule from now (said once per failure).
     */
    public void seen(MailboxUid message) {
        moves.computeIfPresent(message, (key, move) -> {
            if (!move.handedBack()) {
                return move;
            }
            Instant due = schedule.hold(key.toString());
            LOG.warn("Mail {} was handled but is still in its folder: moving it to {} failed (the mail server's answer"
                    + " is in the MailConsumer warning before this); moved again, not read, after {} (failure {})", key,
                    move.folder(), due, schedule.attempts(key));
            return new Move(move.folder(), false);
        });
    }

    /** Forgets the messages of the folder that have left it (moved at last, or by someone), and their holds. */
    public void retainPresent(String mailbox, String folder, long uidValidity, Set<Long> presentUids) {
        List<MailboxUid> gone = new ArrayList<>();
        for (MailboxUid message : moves.keySet()) {
            if (message.mailbox().equals(mailbox) && message.folder().equals(folder)
                    && (message.uidValidity() != uidValidity || !presentUids.contains(message.uid()))) {
                gone.add(message);
            }
        }
        for (MailboxUid message : gone) {
            moves.remove(message);
            schedule.release(message.toString());
        }
    }
}
