package netralitas.hub.inbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * When a report message that failed for a transient reason (BKN or SMTP down), or whose move out of the folder the
 * server refused ({@link PendingMoves}), may be taken again. The message itself stays
 * in the mailbox, which is the durable copy (SPEC §3.2); this schedule only keeps the hub from retrying it on every poll
 * and lets the messages behind it go first. Delays double from {@code firstDelay} up to {@code maxDelay}.
 *
 * <p>Keyed by the message's mailbox, folder, UIDVALIDITY and UID ({@link MailboxUid}): the report mailbox and the
 * follow-up mailbox count their UIDs apart. It is kept in memory on purpose: after a restart every held message is
 * simply due again, so nothing can stay held by a schedule that was lost.
 */
public final class MailRetrySchedule {

    private record Hold(int attempts, Instant due) {
    }

    private final Duration firstDelay;
    private final Duration maxDelay;
    private final Clock clock;
    private final Map<MailboxUid, Hold> holds = new ConcurrentHashMap<>();

    public MailRetrySchedule(Duration firstDelay, Duration maxDelay, Clock clock) {
        if (firstDelay.isNegative() || maxDelay.compareTo(firstDelay) < 0) {
            throw new IllegalArgumentException("retry delays must satisfy 0 <= first (" + firstDelay + ") <= max (" + maxDelay + ")");
        }
        this.firstDelay = firstDelay;
        this.maxDelay = maxDelay;
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Holds the message back once more; returns when it is due again.
     *
     * @param message its key, as {@link MailboxUid#toString()} writes it (exchange property hubMailKey)
     */
    public Instant hold(String message) {
        Hold hold = holds.compute(MailboxUid.parse(message), (key, previous) -> {
            int attempts = previous == null ? 1 : previous.attempts() + 1;
            return new Hold(attempts, clock.instant().plus(delay(firstDelay, maxDelay, attempts)));
        });
        return hold.due();
    }

    /** The wait after the {@code attempts}-th failure: {@code first}, doubled each time, never more than {@code max}. */
    public static Duration delay(Duration first, Duration max, int attempts) {
        Duration delay = first;
        for (int i = 1; i < attempts && delay.compareTo(max) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(max) > 0 ? max : delay;
    }

    public boolean isDue(MailboxUid message) {
        Hold hold = holds.get(message);
        return hold == null || !clock.instant().isBefore(hold.due());
    }

    /** The message was handled (moved out of the folder): forget it. */
    public void release(String message) {
        holds.remove(MailboxUid.parse(message));
    }

    /** Times the message has been held so far (0 when never). */
    public int attempts(MailboxUid message) {
        Hold hold = holds.get(message);
        return hold == null ? 0 : hold.attempts();
    }
}
