package netralitas.hub.inbox;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AutomatedAddressesTest {

    @ParameterizedTest
    @ValueSource(strings = {"noreply@pelapor.example", "no-reply@x.example", "do-not-reply@x.example",
            "MAILER-DAEMON@mail.pelapor.example", "postmaster@x.example", "bounces+123@list.example",
            "notifications@x.example", "info-noreply@x.example", "bounce-42@x.example", "", "no-at-sign"})
    void machinesAreRecognised(String address) {
        assertTrue(AutomatedAddresses.looksAutomated(address), address);
    }

    @ParameterizedTest
    @ValueSource(strings = {"dimas.aryo@pelapor.example", "noriyanto@pelapor.example", "daemonia.sari@x.example"})
    void peopleAreNot(String address) {
        assertFalse(AutomatedAddresses.looksAutomated(address), address);
    }

    @Test
    void nullIsNeverAnsweredTo() {
        assertTrue(AutomatedAddresses.looksAutomated(null));
    }
}
