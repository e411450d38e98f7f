package netralitas.hub.bench;

import netralitas.hub.nip.NipCheck;
import netralitas.hub.nip.NipKind;
import netralitas.hub.nip.NipValidator;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NipSequenceTest {

    private final NipValidator validator = new NipValidator(Clock.fixed(Instant.parse("2024-10-31T00:00:00Z"), ZoneOffset.UTC));

    @Test
    void theFirstHundredThousandAreValidAndDistinct() {
        Set<String> seen = new HashSet<>();
        for (long i = 0; i < 100_000; i++) {
            String nip = NipSequence.nip(i);
            NipCheck check = validator.check(nip);
            assertTrue(check.valid(), i + " → " + nip + ": " + check.reason());
            assertEquals(NipSequence.isPppk(nip), check.kind() == NipKind.PPPK, nip);
            assertTrue(seen.add(nip), "repeated " + nip + " at " + i);
        }
    }

    @Test
    void indicesFarApartAreValidAndDistinctToo() {
        Set<String> seen = new HashSet<>();
        for (long i = 0; i < NipSequence.CAPACITY; i += NipSequence.CAPACITY / 5_000 + 1) {
            String nip = NipSequence.nip(i);
            assertTrue(validator.check(nip).valid(), i + " → " + nip);
            assertTrue(seen.add(nip), "repeated " + nip);
        }
        assertTrue(validator.check(NipSequence.nip(NipSequence.CAPACITY - 1)).valid());
    }

    @Test
    void neighboursAreBornOnDifferentDays() {
        Set<String> birthDates = new HashSet<>();
        for (long i = 0; i < 1_000; i++) {
            birthDates.add(NipSequence.nip(i).substring(0, 8));
        }
        assertTrue(birthDates.size() > 900, "distinct birth dates among 1,000 neighbours: " + birthDates.size());
    }

    @Test
    void theSameIndexIsAlwaysTheSameNip() {
        assertEquals(NipSequence.nip(123_456), NipSequence.nip(123_456));
    }

    @Test
    void someArePppkAndBothGendersOccur() {
        long pppk = 0;
        long women = 0;
        for (long i = 0; i < 10_000; i++) {
            String nip = NipSequence.nip(i);
            pppk += NipSequence.isPppk(nip) ? 1 : 0;
            women += NipSequence.isFemale(nip) ? 1 : 0;
        }
        assertTrue(pppk > 500 && pppk < 1_500, "PPPK share about 10%: " + pppk);
        assertTrue(women > 3_000 && women < 7_000, "women: " + women);
    }

    @Test
    void outOfRangeIndicesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> NipSequence.nip(-1));
        assertThrows(IllegalArgumentException.class, () -> NipSequence.nip(NipSequence.CAPACITY));
    }
}
