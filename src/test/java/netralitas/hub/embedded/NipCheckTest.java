package netralitas.hub.embedded;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The test-side check must itself reject bad NIPs, or the dev-data test proves nothing. */
class NipCheckTest {

    private static final LocalDate TODAY = LocalDate.of(2025, 1, 1);

    @Test
    void acceptsPnsAndPppk() {
        assertNull(NipCheck.problem("198702142010011003", TODAY));
        assertNull(NipCheck.problem("199107142022212005", TODAY));
    }

    @Test
    void namesTheFailingPart() {
        assertEquals("not 18 digits", NipCheck.problem("19870214201001100", TODAY));
        assertEquals("birth date", NipCheck.problem("198013322010011003", TODAY));
        assertEquals("appointment month", NipCheck.problem("198702142010131003", TODAY));
        assertEquals("appointment year", NipCheck.problem("198702141985011003", TODAY));
        assertEquals("appointment year", NipCheck.problem("198702142026011003", TODAY));
        assertEquals("gender", NipCheck.problem("198702142010013003", TODAY));
        assertEquals("sequence", NipCheck.problem("198702142010011000", TODAY));
    }
}
