package netralitas.hub.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class IncidentDatesTest {

    @ParameterizedTest
    @CsvSource({
            "2024-10-05, 2024-10-05",
            "05/10/2024, 2024-10-05",
            "05-10-2024, 2024-10-05",
            "5/3/2024, 2024-03-05",
            "' 29/02/2024 ', 2024-02-29",
            "2024-2-9, 2024-02-09",
    })
    void acceptsTheThreeFormats(String text, LocalDate expected) {
        IncidentDates.Parsed parsed = IncidentDates.parse(text);
        assertTrue(parsed.ok(), parsed.reason());
        assertEquals(expected, parsed.date());
        assertNull(parsed.reason());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "31/02/2024 | tanggal_kejadian '31/02/2024' tidak ada",
            "2023-02-29 | tanggal_kejadian '2023-02-29' tidak ada",
            "00-10-2024 | tanggal_kejadian '00-10-2024' tidak ada",
            "2024-13-01 | tanggal_kejadian '2024-13-01' tidak ada",
            "2024/10/05 | tanggal_kejadian '2024/10/05' tidak dikenali (format yyyy-MM-dd, dd/MM/yyyy atau dd-MM-yyyy)",
            "05/10-2024 | tanggal_kejadian '05/10-2024' tidak dikenali (format yyyy-MM-dd, dd/MM/yyyy atau dd-MM-yyyy)",
            "05-10-24   | tanggal_kejadian '05-10-24' tidak dikenali (format yyyy-MM-dd, dd/MM/yyyy atau dd-MM-yyyy)",
            "5 Oktober 2024 | tanggal_kejadian '5 Oktober 2024' tidak dikenali (format yyyy-MM-dd, dd/MM/yyyy atau dd-MM-yyyy)",
            "kemarin sore | tanggal_kejadian berisi 12 karakter yang bukan tanggal (isinya tidak dikutip; format yyyy-MM-dd, dd/MM/yyyy atau dd-MM-yyyy)",
            "Teguh Santoso 0812-3456-7890 | tanggal_kejadian berisi 28 karakter yang bukan tanggal (isinya tidak dikutip; format yyyy-MM-dd, dd/MM/yyyy atau dd-MM-yyyy)",
    })
    void rejectsImpossibleOrUnknownDates(String text, String reason) {
        IncidentDates.Parsed parsed = IncidentDates.parse(text);
        assertFalse(parsed.ok());
        assertNull(parsed.date());
        assertEquals(reason, parsed.reason());
    }

    @Test
    void blankIsMissing() {
        assertEquals("tanggal_kejadian kosong", IncidentDates.parse(" ").reason());
        assertEquals("tanggal_kejadian kosong", IncidentDates.parse(null).reason());
    }
}
