package netralitas.hub.cases;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DeliveriesInFlightTest {

    @Test
    void aCaseSentButNeverRecordedIsUncertainAfterARestart(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("state/deliveries-in-flight.log");
        Set<String> handled = Set.of("NH-1", "NH-2");
        try (DeliveriesInFlight first = DeliveriesInFlight.open(file, handled::contains)) {
            first.sending("NH-1");
            first.sending("NH-2");
            first.sending("NH-3");
            assertFalse(first.isUncertain("NH-3"), "in flight now is not uncertain");
        }
        try (DeliveriesInFlight second = DeliveriesInFlight.open(file, handled::contains)) {
            assertEquals(List.of("NH-3"), second.uncertain());
            assertTrue(second.isUncertain("NH-3"));
            assertFalse(second.isUncertain("NH-1"));
        }
        assertEquals("NH-3\n", Files.readString(file), "compacted to the uncertain cases");
    }

    @Test
    void uncertaintySurvivesAnotherRestartUntilResolved(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("deliveries-in-flight.log");
        Files.writeString(file, "NH-7\n", StandardCharsets.UTF_8);
        try (DeliveriesInFlight first = DeliveriesInFlight.open(file, id -> false)) {
            assertTrue(first.isUncertain("NH-7"));
        }
        try (DeliveriesInFlight second = DeliveriesInFlight.open(file, id -> false)) {
            second.resolved("NH-7");
            assertFalse(second.isUncertain("NH-7"));
        }
        try (DeliveriesInFlight third = DeliveriesInFlight.open(file, id -> false)) {
            assertTrue(third.uncertain().isEmpty());
        }
    }

    @Test
    void aLineCutShortByACrashIsIgnored(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("deliveries-in-flight.log");
        Files.writeString(file, "NH-8\nNH-9", StandardCharsets.UTF_8);
        try (DeliveriesInFlight log = DeliveriesInFlight.open(file, id -> false)) {
            assertEquals(List.of("NH-8"), log.uncertain());
        }
    }

    @Test
    void aSendTheServerRefusedIsNotInDoubt(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("deliveries-in-flight.log");
        try (DeliveriesInFlight log = DeliveriesInFlight.open(file, id -> false)) {
            log.sending("NH-1");
            log.notSent("NH-1");
            log.sending("NH-2");
            log.notSent("NH-2");
            log.sending("NH-2");
        }
        try (DeliveriesInFlight log = DeliveriesInFlight.open(file, id -> false)) {
            assertEquals(List.of("NH-2"), log.uncertain(), "refused once, then sent again when the hub died");
        }
    }
}
