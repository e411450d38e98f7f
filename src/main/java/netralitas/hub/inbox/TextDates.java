package netralitas.hub.inbox;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Dates as Indonesians write them in an email: "2024-10-18", "18/10/2024", "18-10-2024", "18.10.2024",
 * "18 Oktober 2024", "18 Okt 2024". Two-digit years ("18/10/24", WhatsApp's stamp) are not taken: too ambiguous.
 */
final class TextDates {

    private static final Pattern ISO = Pattern.compile("(?<![\\d/.-])(\\d{4})-(\\d{1,2})-(\\d{1,2})(?![\\d/-])");
    private static final Pattern DAY_FIRST = Pattern.compile("(?<![\\d/.-])(\\d{1,2})([/.-])(\\d{1,2})\\2(\\d{4})(?![\\d/-])");
    private static final Pattern NAMED_MONTH = Pattern.compile(
            "(?iu)(?<!\\d)(\\d{1,2})\\s+(januari|februari|pebruari|maret|april|mei|juni|juli|agustus|september|oktober"
                    + "|november|nopember|desember|jan|feb|mar|apr|jun|jul|agu|agt|ags|aug|sep|sept|okt|oct|nov|des|dec)"
                    + "\\.?\\s+(\\d{4})(?!\\d)");
    private static final Map<String, Integer> MONTHS = Map.ofEntries(
            Map.entry("jan", 1), Map.entry("feb", 2), Map.entry("peb", 2), Map.entry("mar", 3), Map.entry("apr", 4),
            Map.entry("mei", 5), Map.entry("jun", 6), Map.entry("jul", 7), Map.entry("agu", 8), Map.entry("agt", 8),
            Map.entry("ags", 8), Map.entry("aug", 8), Map.entry("sep", 9), Map.entry("okt", 10), Map.entry("oct", 10),
            Map.entry("nov", 11), Map.entry("nop", 11), Map.entry("des", 12), Map.entry("dec", 12));

    private record Found(int position, LocalDate date) {
    }

    private TextDates() {
    }

    /** Every real date in the text, in order of appearance. */
    static List<LocalDate> findAll(String text) {
        if (text == null || text.isEmpty()) {
            return List.of();
        }
        List<Found> found = new ArrayList<>();
        Matcher iso = ISO.matcher(text);
        while (iso.find()) {
            add(found, iso.start(), iso.group(1), iso.group(2), iso.group(3));
        }
        Matcher dayFirst = DAY_FIRST.matcher(text);
        while (dayFirst.find()) {
            add(found, dayFirst.start(), dayFirst.group(4), dayFirst.group(3), dayFirst.group(1));
        }
        Matcher named = NAMED_MONTH.matcher(text);
        while (named.find()) {
            Integer month = MONTHS.get(named.group(2).substring(0, 3).toLowerCase(Locale.ROOT));
            if (month != null) {
                add(found, named.start(), named.group(3), String.valueOf(month), named.group(1));
            }
        }
        found.sort(Comparator.comparingInt(Found::position));
        return found.stream().map(Found::date).toList();
    }

    private static void add(List<Found> found, int position, String year, String month, String day) {
        try {
            found.add(new Found(position, LocalDate.of(Integer.parseInt(year), Integer.parseInt(month), Integer.parseInt(day))));
        } catch (DateTimeException | NumberFormatException e) {
            // 31/02/2024 is not a date; skip it rather than guess
        }
    }
}
