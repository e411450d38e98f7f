package netralitas.hub.followup;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The clock's decision for a due case (SPEC §12): reminders while fewer than the maximum went out, then escalation. */
class ReminderScheduleTest {

    private static final ZoneId WIB = ZoneId.of("Asia/Jakarta");
    /** Friday 1 November 2024, 09:00 WIB. */
    private static final Instant FRIDAY = Instant.parse("2024-11-01T02:00:00Z");
    private static final FollowUpCalendar BUSINESS_DAYS = new FollowUpCalendar(Set.of(LocalDate.of(2024, 11, 4)), true, WIB);

    @Test
    void remindsWhileFewerThanTheMaximumWentOutThenEscalates() {
        ReminderSchedule schedule = new ReminderSchedule(BUSINESS_DAYS, "PT3S", 2);

        ReminderSchedule.Step first = schedule.next(due(0), FRIDAY);
        assertFalse(first.escalate());
        assertEquals(1, first.reminder());
        assertEquals(FRIDAY.plusSeconds(3), first.nextCheckAt());

        ReminderSchedule.Step second = schedule.next(due(1), FRIDAY);
        assertFalse(second.escalate());
        assertEquals(2, second.reminder());

        ReminderSchedule.Step third = schedule.next(due(2), FRIDAY);
        assertTrue(third.escalate());
        assertNull(third.nextCheckAt(), "an escalated case is never looked at again");
    }

    @Test
    void withoutRemindersTheDeadlineEscalatesAtOnce() {
        assertTrue(new ReminderSchedule(BUSINESS_DAYS, "P7D", 0).next(due(0), FRIDAY).escalate());
    }

    @Test
    void theNextLookCountsBusinessDaysAcrossTheWeekendAndAHoliday() {
        // Friday + 2 business days, Monday 4 November a holiday: Wednesday 6 November, same time of day.
        ReminderSchedule.Step step = new ReminderSchedule(BUSINESS_DAYS, "P2D", 2).next(due(0), FRIDAY);
        assertEquals(Instant.parse("2024-11-06T02:00:00Z"), step.nextCheckAt());
        ReminderSchedule.Step everyDay = new ReminderSchedule(new FollowUpCalendar(Set.of(), false, WIB), "P2D", 2)
                .next(due(0), FRIDAY);
        assertEquals(Instant.parse("2024-11-03T02:00:00Z"), everyDay.nextCheckAt());
    }

    @Test
    void aBadSettingIsRefusedWithItsName() {
        IllegalArgumentException interval = assertThrows(IllegalArgumentException.class,
                () -> new ReminderSchedule(BUSINESS_DAYS, "7 hari", 2));
        assertTrue(interval.getMessage().contains("hub.followup.reminder-interval"), interval.getMessage());
        IllegalArgumentException max = assertThrows(IllegalArgumentException.class,
                () -> new ReminderSchedule(BUSINESS_DAYS, "P7D", -1));
        assertTrue(max.getMessage().contains("hub.followup.max-reminders"), max.getMessage());
    }

    private static FollowUpCase due(int reminders) {
        Instant forwarded = FRIDAY.minusSeconds(86_400 * 14);
        return new FollowUpCase("NH-20241018-AAAAAAAA", "<NH-20241018-AAAAAAAA@hub.example>", "17.08", "SEDANG", null,
                null, List.of("bkpsdm@kepahiang.example"), forwarded, FRIDAY, FollowUpStatus.TERKIRIM, null, reminders,
                FRIDAY, null, null, CaseSummaryFixture.of("NH-20241018-AAAAAAAA"));
    }
}
