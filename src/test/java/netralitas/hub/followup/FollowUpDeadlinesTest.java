package netralitas.hub.followup;

import netralitas.hub.classify.Severity;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The deadline of each kind of case (SPEC §12), on the shipped holidays.csv. */
class FollowUpDeadlinesTest {

    private static final ZoneId JAKARTA = ZoneId.of("Asia/Jakarta");
    /** Friday 22 November 2024, 10:00 WIB: the week of the Pilkada (Wednesday 27 November, Keppres 33/2024). */
    private static final Instant FRIDAY = Instant.parse("2024-11-22T03:00:00Z");

    private static FollowUpDeadlines deadlines(boolean businessDays) {
        FollowUpCalendar calendar = new FollowUpCalendar(HolidayCalendarFile.dates(
                HolidayCalendarFile.load(Path.of("config", HolidayCalendarFile.FILE))), businessDays, JAKARTA);
        return new FollowUpDeadlines(calendar, businessDays, "P14D", "P10D", "P30D", "P7D");
    }

    @Test
    void eachSeverityHasItsPeriodAndBawasluItsOwnWhateverTheSeverity() {
        FollowUpDeadlines deadlines = deadlines(false);
        assertEquals("P14D", deadlines.period(Severity.BERAT, false));
        assertEquals("P10D", deadlines.period(Severity.SEDANG, false));
        assertEquals("P30D", deadlines.period(Severity.RINGAN, false));
        assertEquals("P7D", deadlines.period(Severity.BERAT, true));
        assertEquals("P7D", deadlines.period(Severity.RINGAN, true));
        assertThrows(IllegalArgumentException.class, () -> deadlines.period(Severity.BUKAN_PELANGGARAN, false));
    }

    @Test
    void businessDaysSkipTheWeekendAndThePilkadaHoliday() {
        // Mon 25, Tue 26, (Wed 27 Pilkada), Thu 28, Fri 29, Mon 2 Dec, Tue 3, Wed 4: the seventh working day.
        assertEquals(Instant.parse("2024-12-04T03:00:00Z"), deadlines(true).dueAt(FRIDAY, Severity.SEDANG, true));
        assertEquals(Instant.parse("2024-11-29T03:00:00Z"), deadlines(false).dueAt(FRIDAY, Severity.SEDANG, true));
        assertEquals(Instant.parse("2024-12-13T03:00:00Z"), deadlines(true).dueAt(FRIDAY, Severity.BERAT, false));
        // Across Christmas and its cuti bersama (25, 26 December) and New Year (1 January 2025): 14 working days.
        assertEquals(Instant.parse("2025-01-08T03:00:00Z"),
                deadlines(true).dueAt(Instant.parse("2024-12-16T03:00:00Z"), Severity.BERAT, false));
    }

    @Test
    void describesThePeriodAndHowItsDaysCount() {
        assertEquals("P14D hari kerja", deadlines(true).describe(Severity.BERAT, false));
        assertEquals("P7D hari kalender", deadlines(false).describe(Severity.SEDANG, true));
        FollowUpDeadlines demo = new FollowUpDeadlines(new FollowUpCalendar(java.util.Set.of(), true, JAKARTA), true,
                "PT2M", "PT2M", "PT2M", "PT2M");
        assertEquals("PT2M", demo.describe(Severity.BERAT, false));
        assertEquals(FRIDAY.plusSeconds(120), demo.dueAt(FRIDAY, Severity.BERAT, false));
    }

    @Test
    void aSettingThatIsNoPeriodIsRefusedWithItsName() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new FollowUpDeadlines(
                new FollowUpCalendar(java.util.Set.of(), false, JAKARTA), false, "P14D", "14 hari", "P30D", "P7D"));
        assertEquals("hub.followup.deadline.sedang: '14 hari' is not an ISO-8601 duration such as P14D or PT2M",
                e.getMessage());
    }
}
