package netralitas.hub.followup;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.Set;

/**
 * Adds a follow-up period to a moment (SPEC §12): a deadline, a reminder interval. Periods are ISO-8601 texts.
 * A time-based one ({@code PT2M}, {@code PT36H}) is added as it is: a demo's minutes. A date-based one ({@code P14D},
 * {@code P2W}) counts whole days in the hub's time zone: every day, or with business days only Monday to Friday and
 * not the holidays of config/holidays.csv; the deadline keeps the time of day it started from.
 */
public final class FollowUpCalendar {

    private final Set<LocalDate> holidays;
    private final boolean businessDays;
    private final ZoneId zone;

    /**
     * @param holidays     the dates that are no working day (national holidays, cuti bersama)
     * @param businessDays whether whole days count Monday to Friday outside {@code holidays} only
     * @param zone         the hub's time zone, where a day begins and ends
     */
    public FollowUpCalendar(Set<LocalDate> holidays, boolean businessDays, ZoneId zone) {
        this.holidays = Set.copyOf(holidays);
        this.businessDays = businessDays;
        this.zone = zone;
    }

    /** Whether {@code text} is a period this calendar adds: an ISO-8601 duration, positive. */
    public static boolean isPeriod(String text) {
        try {
            return parse(text.strip()) != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** {@code start} plus {@code period} (ISO-8601: {@code P14D}, {@code PT2M}). */
    public Instant after(Instant start, String period) {
        Object parsed = parse(period.strip());
        if (parsed instanceof Duration duration) {
            return start.plus(duration);
        }
        Period days = (Period) parsed;
        ZonedDateTime from = start.atZone(zone);
        ZonedDateTime calendar = from.plusYears(days.getYears()).plusMonths(days.getMonths());
        if (!businessDays) {
            return calendar.plusDays(days.getDays()).toInstant();
        }
        ZonedDateTime day = calendar;
        for (int counted = 0; counted < days.getDays(); ) {
            day = day.plusDays(1);
            if (isWorkingDay(day.toLocalDate())) {
                counted++;
            }
        }
        return day.toInstant();
    }

    /** Whether work is done on that date: with business days, Monday to Friday and not a holiday; else every day. */
    public boolean isWorkingDay(LocalDate date) {
        if (!businessDays) {
            return true;
        }
        DayOfWeek day = date.getDayOfWeek();
        return day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY && !holidays.contains(date);
    }

    /** A Duration for time-based text, a Period (weeks folded into days) for date-based text. */
    private static Object parse(String text) {
        try {
            if (text.toUpperCase().startsWith("PT")) {
                Duration duration = Duration.parse(text);
                if (duration.isNegative() || duration.isZero()) {
                    throw new IllegalArgumentException("A follow-up period must be positive, not " + text);
                }
                return duration;
            }
            Period period = Period.parse(text).normalized();
            if (period.isNegative() || period.isZero()) {
                throw new IllegalArgumentException("A follow-up period must be positive, not " + text);
            }
            return period;
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("\"" + text + "\" is not an ISO-8601 duration such as P14D or PT2M", e);
        }
    }
}
