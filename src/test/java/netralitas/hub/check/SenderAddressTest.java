package netralitas.hub.check;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class SenderAddressTest {

    @Test
    void acceptsPlainAndNamedSenders() {
        assertNull(SenderAddress.problemWith("netralitas-hub@bawaslu.example"));
        assertNull(SenderAddress.problemWith("Netralitas Hub <netralitas-hub@bawaslu.example>"));
        assertNull(SenderAddress.problemWith("\"Bawaslu RI, Netralitas\" <netralitas-hub@bawaslu.example>"));
        assertNull(SenderAddress.problemWith("<netralitas-hub@bawaslu.example>"));
    }

    @Test
    void rejectsWhatWouldBreakTheFromHeader() {
        assertEquals("'Netralitas Hub netralitas-hub@bawaslu.example' is not an e-mail address (local@domain.tld, or"
                + " Name <local@domain.tld>)", SenderAddress.problemWith("Netralitas Hub netralitas-hub@bawaslu.example"));
        assertEquals("'hub@bawaslu' is not an e-mail address (local@domain.tld)",
                SenderAddress.problemWith("Hub <hub@bawaslu>"));
        assertEquals("contains a line break or control character",
                SenderAddress.problemWith("Hub <hub@bawaslu.example>\r\nBcc: x@luar.example"));
        assertEquals("display name 'Badan Pengawas Pemilu – Netralitas' is not ASCII; it would reach the From header unencoded",
                SenderAddress.problemWith("Badan Pengawas Pemilu – Netralitas <hub@bawaslu.example>"));
        assertEquals("display name 'Hub; Bawaslu' holds a special character: put it in double quotes",
                SenderAddress.problemWith("Hub; Bawaslu <hub@bawaslu.example>"));
    }
}
