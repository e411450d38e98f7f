package netralitas.hub.mail;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * "14 September 2024". Written out by hand because the JDK's month names for Locale "id" depend on the
 * CLDR version and locale provider settings of the machine; an official letter must not change with them.
 */
public final class IndonesianDates {

    private static final String[] MONTHS = {
        "Januari", "Februari", "Maret", "April", "Mei", "Juni",
        "Juli", "Agustus", "September", "Oktober", "November", "Desember"
    };

    private static final String[] DAYS = {"Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu"};

    private IndonesianDates() {
    }

    public static String format(LocalDate date) {
        return date.getDayOfMonth() + " " + MONTHS[date.getMonthValue() - 1] + " " + date.getYear();
    }

    /**
     * "Senin, 28 Oktober 2024 pukul 10.00 WIB": a moment as an Indonesian letter writes a deadline, in {@code zone}.
     * Indonesia's three zones are named (WIB, WITA, WIT); any other offset is written as UTC±hh:mm.
     */
    public static String formatMoment(Instant moment, ZoneId zone) {
        ZonedDateTime at = moment.atZone(zone);
        return DAYS[at.getDayOfWeek().getValue() - 1] + ", " + format(at.toLocalDate()) + " pukul "
                + String.format("%02d.%02d", at.getHour(), at.getMinute()) + " " + zoneName(at);
    }

    private static String zoneName(ZonedDateTime at) {
        int seconds = at.getOffset().getTotalSeconds();
        return switch (seconds) {
            case 7 * 3600 -> "WIB";
            case 8 * 3600 -> "WITA";
            case 9 * 3600 -> "WIT";
            case 0 -> "UTC";
            default -> "UTC" + at.getOffset().getId();
        };
    }
}
