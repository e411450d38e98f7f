package netralitas.hub.audit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A test clock that moves on by a fixed step every time it is read: a long run, without waiting for one. */
final class TickingClock extends Clock {

    private Instant now;
    private final Duration step;

    TickingClock(Instant start, Duration step) {
        this.now = start;
        this.step = step;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.ofHours(7);
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException();
    }

    @Override
    public synchronized Instant instant() {
        Instant current = now;
        now = now.plus(step);
        return current;
    }
}
