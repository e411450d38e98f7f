package netralitas.hub.region;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MailAddressSyntaxTest {

    @Test
    void acceptsPlainAddresses() {
        assertTrue(MailAddressSyntax.isValid("bkpsdm.kab-kepahiang@pemda.example"));
        assertTrue(MailAddressSyntax.isValid("a+b_c@sub.domain.example"));
    }

    @Test
    void rejectsAnythingElse() {
        for (String address : new String[] {null, "", "x", "x@y", "x@y.", "x@.y", "@y.example", "x@", "x y@z.example",
                "x@z .example", "x\r\n@z.example", "x@z.example\r\nBcc: a@b.example", "x@z.example\n", "x..y@z.example",
                "x.@z.example", "x@-z.example", "x@z-.example", "Name <x@z.example>", "x@z@y.example",
                "a".repeat(65) + "@z.example"}) {
            assertFalse(MailAddressSyntax.isValid(address), String.valueOf(address));
        }
    }
}
