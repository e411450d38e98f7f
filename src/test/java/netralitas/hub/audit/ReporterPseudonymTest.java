package netralitas.hub.audit;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReporterPseudonymTest {

    private final ReporterPseudonym pseudonym = ReporterPseudonym.withKey("kunci-uji-yang-cukup-panjang-123");

    @Test
    void isStableThirtyTwoHexDigits() {
        String first = pseudonym.of("Sri Wahyuningsih", "sri.w@pelapor.example");
        assertEquals(first, pseudonym.of("Sri Wahyuningsih", "sri.w@pelapor.example"));
        assertEquals(first, ReporterPseudonym.withKey("kunci-uji-yang-cukup-panjang-123")
                .of("Sri Wahyuningsih", "sri.w@pelapor.example"));
        assertTrue(first.matches("[0-9a-f]{32}"), first);
        assertFalse(first.contains("sri"));
    }

    @Test
    void dependsOnTheKey() {
        ReporterPseudonym other = ReporterPseudonym.withKey("kunci-lain-yang-cukup-panjang-456");
        assertNotEquals(pseudonym.of("Sri Wahyuningsih", "sri.w@pelapor.example"),
                other.of("Sri Wahyuningsih", "sri.w@pelapor.example"));
    }

    @Test
    void ignoresCaseSpacingAndPhoneFormatting() {
        assertEquals(pseudonym.of("Budi  Santoso ", "0812-3456-7890"),
                pseudonym.of("budi santoso", "+62 812 3456 7890"));
        assertEquals(pseudonym.of("Budi Santoso", "Budi.S@Pelapor.Example"),
                pseudonym.of("BUDI SANTOSO", " budi.s@pelapor.example "));
    }

    @Test
    void differentPeopleOrContactsDiffer() {
        String base = pseudonym.of("Budi Santoso", "081234567890");
        assertNotEquals(base, pseudonym.of("Budi Santosa", "081234567890"));
        assertNotEquals(base, pseudonym.of("Budi Santoso", "081234567891"));
        // the boundary between name and contact matters
        assertNotEquals(pseudonym.of("ab", "c@x.example"), pseudonym.of("a", "bc@x.example"));
    }

    @Test
    void anonymousReportLinksToNoOne() {
        assertNull(pseudonym.of(null, null));
        assertNull(pseudonym.of("  ", ""));
        assertTrue(pseudonym.of(null, "081234567890").matches("[0-9a-f]{32}"));
    }

    @Test
    void refusesAMissingOrShortKey() {
        assertThrows(IllegalArgumentException.class, () -> ReporterPseudonym.withKey(null));
        assertThrows(IllegalArgumentException.class, () -> ReporterPseudonym.withKey("pendek"));
        assertThrows(IllegalArgumentException.class, () -> new ReporterPseudonym(new byte[0]));
    }

    @Test
    void keyArrayIsCopied() {
        byte[] key = "kunci-uji-yang-cukup-panjang-123".getBytes();
        ReporterPseudonym p = new ReporterPseudonym(key);
        String before = p.of("Budi", "081234567890");
        key[0] = 'X';
        assertEquals(before, p.of("Budi", "081234567890"));
    }
}
