package netralitas.hub.report;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class QuotedInputTest {

    @Test
    void aValueIsQuotedWithoutQuotesInsideOnOneLineAndBounded() {
        assertEquals("'17.08.01'", QuotedInput.of("17.08.01"));
        assertEquals("'abcd; kunjungi evil.example'", QuotedInput.of("ab'cd; kunjungi \"evil.example`"));
        assertEquals("'a b'", QuotedInput.of(" a\r\n\tb "));
        assertEquals("''", QuotedInput.of(null));
        String quoted = QuotedInput.of("x".repeat(10_000));
        assertEquals(QuotedInput.MAX_CHARS + 2, quoted.length());
        assertEquals("'" + "x".repeat(QuotedInput.MAX_CHARS - 1) + "…'", quoted);
    }
}
