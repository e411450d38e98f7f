package netralitas.hub.audit;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.OffsetDateTime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

class ReportTextTest {

    @Test
    void numbersUseIndonesianGrouping() {
        assertEquals("1.234.567", ReportText.number(1_234_567));
        assertEquals("0", ReportText.number(0));
    }

    @Test
    void timesNameTheIndonesianZones() {
        assertEquals("2024-11-27 09:00:00 WIB", ReportText.time(OffsetDateTime.parse("2024-11-27T09:00:00.123+07:00")));
        assertEquals("2024-11-27 10:00:00 WITA", ReportText.time(OffsetDateTime.parse("2024-11-27T10:00:00+08:00")));
        assertEquals("2024-11-27 11:00:00 WIT", ReportText.time(OffsetDateTime.parse("2024-11-27T11:00:00+09:00")));
        assertEquals("2024-11-27 02:00:00 UTC", ReportText.time(OffsetDateTime.parse("2024-11-27T02:00:00Z")));
        assertEquals("2024-11-27 07:30:00 +05:30", ReportText.time(OffsetDateTime.parse("2024-11-27T07:30:00+05:30")));
    }

    @Test
    void agesReadAsIndonesian() {
        assertEquals("3 hari 4 jam", ReportText.age(Duration.ofHours(76).plusMinutes(5)));
        assertEquals("2 jam 5 menit", ReportText.age(Duration.ofMinutes(125)));
        assertEquals("7 menit", ReportText.age(Duration.ofSeconds(7 * 60 + 59)));
        assertEquals("12 detik", ReportText.age(Duration.ofSeconds(12)));
        assertEquals("0 detik", ReportText.age(Duration.ofSeconds(-5)));
    }

    @Test
    void everyEventKindHasALabel() {
        for (AuditEventType type : AuditEventType.values()) {
            assertNotNull(ReportText.eventLabel(type), type.name());
        }
    }
}
