package netralitas.hub.report;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses the incident date as Bawaslu staff write it (SPEC §3.1): {@code yyyy-MM-dd}, {@code dd/MM/yyyy}
 * or {@code dd-MM-yyyy}. Day and month may have one digit ("5/3/2024"), the year must have four.
 * Impossible dates such as 31/02/2024 are rejected, never rolled over to March.
 */
public final class IncidentDates {

    private static final Pattern ISO = Pattern.compile("(\\d{4})-(\\d{1,2})-(\\d{1,2})");
    private static final Pattern DAY_FIRST = Pattern.compile("(\\d{1,2})([/-])(\\d{1,2})\\2(\\d{4})");
    /** Digits and separators around at most one word (a month's name): what a date written another way looks like. */
    private static final Pattern DATE_SHAPED = Pattern.compile("[0-9 ./,-]*\\p{L}*[0-9 ./,-]*");
    private static final int MAX_DATE_SHAPED_CHARS = 25;
    private static final int MAX_DATE_SHAPED_DIGITS = 8;
    private static final String FORMATS = "format yyyy-MM-dd, dd/MM/yyyy atau dd-MM-yyyy";

    private IncidentDates() {
    }

    /** Either a date or an Indonesian reason; exactly one of them is non-null. */
    public record Parsed(LocalDate date, String reason) {
        public boolean ok() {
            return date != null;
        }
    }

    public static Parsed parse(String text) {
        if (text == null || text.isBlank()) {
            return new Parsed(null, "tanggal_kejadian kosong");
        }
        String value = text.trim();
        Matcher iso = ISO.matcher(value);
        if (iso.matches()) {
            return of(value, iso.group(1), iso.group(2), iso.group(3));
        }
        Matcher dayFirst = DAY_FIRST.matcher(value);
        if (dayFirst.matches()) {
            return of(value, dayFirst.group(4), dayFirst.group(3), dayFirst.group(1));
        }
        if (!dateShaped(value)) {
            return new Parsed(null, "tanggal_kejadian berisi " + value.length() + " karakter yang bukan tanggal (isinya"
                    + " tidak dikutip; " + FORMATS + ")");
        }
        return new Parsed(null, "tanggal_kejadian " + QuotedInput.of(value) + " tidak dikenali (" + FORMATS + ")");
    }

    /**
     * Whether a value that is no date in an accepted format still looks like a date, and may be quoted back in the
     * reason. Other text in the cell (a column shifted by one: a reporter's name and phone number) is not: the reason
     * goes into the audit trail, which never holds a reporter's identity.
     */
    private static boolean dateShaped(String value) {
        return value.length() <= MAX_DATE_SHAPED_CHARS && DATE_SHAPED.matcher(value).matches()
                && value.chars().filter(Character::isDigit).count() <= MAX_DATE_SHAPED_DIGITS;
    }

    private static Parsed of(String value, String year, String month, String day) {
        try {
            return new Parsed(LocalDate.of(Integer.parseInt(year), Integer.parseInt(month), Integer.parseInt(day)), null);
        } catch (DateTimeException e) {
            return new Parsed(null, "tanggal_kejadian " + QuotedInput.of(value) + " tidak ada");
        }
    }
}
