package netralitas.hub.mail;

import java.time.LocalDate;

/**
 * "14 September 2024". Written out by hand because the JDK's month names for Locale "id" depend on the
 * CLDR version and locale provider settings of the machine; an official letter must not change with them.
 */
public final class IndonesianDates {

    private static final String[] MONTHS = {
        "Januari", "Februari", "Maret", "April", "Mei", "Juni",
        "Juli", "Agustus", "September", "Oktober", "November", "Desember"
    };

    private IndonesianDates() {
    }

    public static String format(LocalDate date) {
        return date.getDayOfMonth() + " " + MONTHS[date.getMonthValue() - 1] + " " + date.getYear();
    }
}
