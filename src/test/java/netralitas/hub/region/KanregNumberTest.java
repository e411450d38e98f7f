package netralitas.hub.region;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class KanregNumberTest {

    @Test
    void readsArabicRomanAndNames() {
        assertEquals(7, KanregNumber.parse("7"));
        assertEquals(7, KanregNumber.parse("07"));
        assertEquals(7, KanregNumber.parse("VII"));
        assertEquals(4, KanregNumber.parse("iv"));
        assertEquals(9, KanregNumber.parse("IX"));
        assertEquals(14, KanregNumber.parse("XIV"));
        assertEquals(13, KanregNumber.parse("Kantor Regional XIII BKN"));
        assertEquals(7, KanregNumber.parse("KANREG 7"));
    }

    @Test
    void rejectsNonNumbers() {
        assertEquals(-1, KanregNumber.parse(null));
        assertEquals(-1, KanregNumber.parse(""));
        assertEquals(-1, KanregNumber.parse("IIII"));
        assertEquals(-1, KanregNumber.parse("VX"));
        assertEquals(-1, KanregNumber.parse("PALEMBANG"));
        assertEquals(-1, KanregNumber.parse("KANTOR BKN PALEMBANG"));
        assertEquals(-1, KanregNumber.parse("12345"));
    }
}
