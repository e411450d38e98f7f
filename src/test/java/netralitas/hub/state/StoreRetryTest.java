package netralitas.hub.state;

import org.junit.jupiter.api.Test;

import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

class StoreRetryTest {

    private final List<String> warnings = new ArrayList<>();
    private final StoreRetry retry = new StoreRetry(3, Duration.ofMillis(1), Duration.ofMillis(2), warnings::add);

    @Test
    void aWriteIsTriedAgainWhileTheStoreIsAwayEachFailureLoggedOnce() {
        AtomicInteger calls = new AtomicInteger();
        retry.run("recording case NH-1", () -> {
            if (calls.incrementAndGet() < 3) {
                throw outage();
            }
        });
        assertEquals(3, calls.get());
        assertEquals(List.of(
                "The state store does not answer: recording case NH-1 failed (attempt 1 of 4), tried again in 1 ms:"
                        + " Cannot record: Connection is not available",
                "The state store does not answer: recording case NH-1 failed (attempt 2 of 4), tried again in 2 ms:"
                        + " Cannot record: Connection is not available"), warnings);
    }

    @Test
    void theLastFailureIsThrownAsItIs() {
        AtomicInteger calls = new AtomicInteger();
        IllegalStateException last = outage();
        assertSame(last, assertThrows(IllegalStateException.class, () -> retry.run("x", () -> {
            calls.incrementAndGet();
            throw last;
        })));
        assertEquals(4, calls.get(), "the first attempt and three more");
    }

    @Test
    void anyOtherFailureIsThrownAtOnce() {
        AtomicInteger calls = new AtomicInteger();
        assertThrows(IllegalArgumentException.class, () -> retry.run("x", () -> {
            calls.incrementAndGet();
            throw new IllegalArgumentException("bad");
        }));
        assertEquals(1, calls.get());
        assertEquals(List.of(), warnings);
    }

    private static IllegalStateException outage() {
        return new IllegalStateException("Cannot record: Connection is not available",
                new SQLTransientConnectionException("state-store - Connection is not available"));
    }
}
