package netralitas.hub.embedded;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PerSecondLimitTest {

    @Test
    void allowsTheLimitThenRefusesWithinTheSameSecond() {
        PerSecondLimit limit = new PerSecondLimit();
        limit.setLimit(2);
        assertFalse(limit.exceeded(10_000));
        assertFalse(limit.exceeded(10_500));
        assertTrue(limit.exceeded(10_999));
    }

    @Test
    void aNewSecondStartsAFreshWindow() {
        PerSecondLimit limit = new PerSecondLimit();
        limit.setLimit(1);
        assertFalse(limit.exceeded(10_999));
        assertTrue(limit.exceeded(10_999));
        assertFalse(limit.exceeded(11_000));
    }

    @Test
    void zeroOrNegativeMeansNoLimit() {
        PerSecondLimit limit = new PerSecondLimit();
        limit.setLimit(-3);
        for (int i = 0; i < 1000; i++) {
            assertFalse(limit.exceeded(5_000));
        }
    }

    @Test
    void changingTheLimitRestartsTheCount() {
        PerSecondLimit limit = new PerSecondLimit();
        limit.setLimit(1);
        assertFalse(limit.exceeded(1_000));
        assertTrue(limit.exceeded(1_000));
        limit.setLimit(1);
        assertFalse(limit.exceeded(1_000));
    }
}
