package netralitas.hub.mail;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;

class IndonesianDatesTest {

    @Test
    void monthNamesAreIndonesian() {
        assertEquals("14 September 2024", IndonesianDates.format(LocalDate.of(2024, 9, 14)));
        assertEquals("17 Agustus 1945", IndonesianDates.format(LocalDate.of(1945, 8, 17)));
        assertEquals("1 Januari 2025", IndonesianDates.format(LocalDate.of(2025, 1, 1)));
        assertEquals("27 Februari 2024", IndonesianDates.format(LocalDate.of(2024, 2, 27)));
        assertEquals("31 Mei 2024", IndonesianDates.format(LocalDate.of(2024, 5, 31)));
        assertEquals("31 Desember 2024", IndonesianDates.format(LocalDate.of(2024, 12, 31)));
    }
}
