package netralitas.hub.bkn;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BknResponseReaderTest {

    private final BknResponseReader reader = new BknResponseReader(
            Clock.fixed(Instant.parse("2024-10-21T03:00:00Z"), ZoneOffset.UTC));

    @Test
    void aTokenAnswerOf429Or5xxIsBknUnavailableWithItsRetryAfter() {
        BknUnavailableException tooMany = assertThrows(BknUnavailableException.class, () -> reader.requireToken(429, "2"));
        assertTrue(tooMany.getMessage().contains("HTTP 429"), tooMany.getMessage());
        assertEquals(2000, tooMany.retryAfterMillis());
        assertThrows(BknUnavailableException.class, () -> reader.requireToken(503, null));
    }

    @Test
    void aTokenRefusedForItsCredentialsIsNotRetried() {
        BknRejectedException refused = assertThrows(BknRejectedException.class, () -> reader.requireToken(401, null));
        assertTrue(refused.getMessage().contains("hub.bkn.consumer-key"), refused.getMessage());
        assertDoesNotThrow(() -> reader.requireToken(200, null));
    }
}
