package netralitas.hub.text;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HeaderValuesTest {

    @Test
    void crLfInjectionBecomesOneLine() {
        String s = HeaderValues.sanitize("Rudi\r\nBcc: semua@korban.example\r\n\r\nbody", 200);
        assertEquals("Rudi Bcc: semua@korban.example body", s);
        assertFalse(s.contains("\r") || s.contains("\n"));
    }

    @Test
    void otherControlAndSeparatorCharactersBecomeSpaces() {
        assertEquals("a b c d e f", HeaderValues.sanitize("a\tb\u0000c\u0085d\u2028e\u000Bf", 50));
    }

    @Test
    void whitespaceIsCollapsedAndTrimmed() {
        assertEquals("Rudi Hartono", HeaderValues.sanitize("  Rudi \u00A0\u00A0   Hartono \n", 50));
    }

    @Test
    void bidiOverridesAreDropped() {
        assertEquals("abcdef", HeaderValues.sanitize("abc\u202Edef\u202C\u2066", 50));
    }

    @Test
    void longValueIsCutWithEllipsisWithinBound() {
        String s = HeaderValues.sanitize("x".repeat(500), 20);
        assertEquals(20, s.length());
        assertTrue(s.endsWith("…"));
        assertEquals("x".repeat(19) + "…", s);
    }

    @Test
    void valueExactlyAtBoundIsKept() {
        assertEquals("abcde", HeaderValues.sanitize("abcde", 5));
        assertEquals("abcd…", HeaderValues.sanitize("abcdef", 5));
    }

    @Test
    void cutNeverSplitsASurrogatePair() {
        String s = HeaderValues.sanitize("ab\uD83D\uDE00cdef", 4);
        assertEquals("ab…", s);
    }

    @Test
    void nullIsEmptyAndBadBoundIsRejected() {
        assertEquals("", HeaderValues.sanitize(null, 10));
        assertEquals("", HeaderValues.sanitize(" \r\n ", 10));
        assertThrows(IllegalArgumentException.class, () -> HeaderValues.sanitize("a", 0));
    }
}
