package netralitas.hub.followup;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FollowUpCalendarTest {

    private static final ZoneId JAKARTA = ZoneId.of("Asia/Jakarta");
    /** Wednesday 2024-12-18, 10:00 in Jakarta. */
    private static final Instant WEDNESDAY = Instant.parse("2024-12-18T03:00:00Z");
    /** Natal and cuti bersama Natal 2024. */
    private static final Set<LocalDate> CHRISTMAS = Set.of(LocalDate.of(2024, 12, 25), LocalDate.of(2024, 12, 26));

    @Test
    void calendarDaysCountEveryDay() {
        FollowUpCalendar calendar = new FollowUpCalendar(CHRISTMAS, false, JAKARTA);
        assertEquals(Instant.parse("2025-01-01T03:00:00Z"), calendar.after(WEDNESDAY, "P14D"));
        assertEquals(Instant.parse("2025-01-01T03:00:00Z"), calendar.after(WEDNESDAY, "P2W"));
    }

    @Test
    void businessDaysSkipWeekendsAndHolidaysAndKeepTheTimeOfDay() {
        FollowUpCalendar calendar = new FollowUpCalendar(CHRISTMAS, true, JAKARTA);
        // Thu 19, Fri 20, (weekend), Mon 23, Tue 24, (25, 26 holidays), Fri 27: five working days.
        assertEquals(Instant.parse("2024-12-27T03:00:00Z"), calendar.after(WEDNESDAY, "P5D"));
        assertFalse(calendar.isWorkingDay(LocalDate.of(2024, 12, 25)));
        assertFalse(calendar.isWorkingDay(LocalDate.of(2024, 12, 21)));
        assertTrue(calendar.isWorkingDay(LocalDate.of(2024, 12, 24)));
    }

    @Test
    void timeBasedPeriodsAreAddedAsTheyAre() {
        FollowUpCalendar calendar = new FollowUpCalendar(CHRISTMAS, true, JAKARTA);
        assertEquals(WEDNESDAY.plusSeconds(120), calendar.after(WEDNESDAY, "PT2M"));
        assertEquals(Instant.parse("2024-12-25T03:00:00Z"), calendar.after(Instant.parse("2024-12-24T03:00:00Z"), "PT24H"),
                "hours are hours, holiday or not");
    }

    @Test
    void onlyPositiveIsoDurationsArePeriods() {
        assertTrue(FollowUpCalendar.isPeriod("P14D"));
        assertTrue(FollowUpCalendar.isPeriod("PT15M"));
        assertFalse(FollowUpCalendar.isPeriod("14 hari"));
        assertFalse(FollowUpCalendar.isPeriod("P0D"));
        assertFalse(FollowUpCalendar.isPeriod("-P1D"));
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> new FollowUpCalendar(Set.of(), false, JAKARTA).after(WEDNESDAY, "14d"));
        assertEquals("\"14d\" is not an ISO-8601 duration such as P14D or PT2M", refused.getMessage());
    }
}
