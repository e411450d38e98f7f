package netralitas.hub.audit;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class CaseStatesTest {

    @Test
    void keepsOneValuePerCaseThroughGrowth() {
        CaseStates states = new CaseStates();
        for (int i = 0; i < 100_000; i++) {
            states.put("NTR-2024-" + i, i % 1000);
        }
        states.put("NTR-2024-7", 4242);
        assertEquals(100_000, states.size());
        assertEquals(4242, states.get("NTR-2024-7"));
        assertEquals(999, states.get("NTR-2024-99999"));
        assertEquals(-1, states.get("NTR-2024-100000"));
        assertEquals(-1, states.get(""));
        long[] sum = {0};
        states.forEachValue(v -> sum[0] += v);
        long expected = 0;
        for (int i = 0; i < 100_000; i++) {
            expected += i == 7 ? 4242 : i % 1000;
        }
        assertEquals(expected, sum[0]);
    }

    @Test
    void similarIdsGetDistinctKeys() {
        Set<Long> keys = new HashSet<>();
        for (int i = 0; i < 200_000; i++) {
            keys.add(CaseStates.key("NTR-2024-" + String.format("%06d", i)));
        }
        assertEquals(200_000, keys.size());
        assertNotEquals(CaseStates.key("ab"), CaseStates.key("ba"));
    }

    @Test
    void negativeValuesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new CaseStates().put("x", -1));
    }
}
