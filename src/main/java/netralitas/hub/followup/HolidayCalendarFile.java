package netralitas.hub.followup;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads config/holidays.csv (SPEC §12): the national holidays and cuti bersama that a deadline counted in business
 * days skips. Lines starting with {@code #} are comments; the first other line is the header
 * {@code date,name,kind,source}; then one date per line (a cell may be quoted, but a row is one line, so every problem
 * names its line exactly). Every bad row is reported, not only the first, and the file is refused as a whole: a
 * calendar with a date missing would move deadlines without anyone noticing.
 */
public final class HolidayCalendarFile {

    public static final String FILE = "holidays.csv";

    private static final List<String> COLUMNS = List.of("date", "name", "kind", "source");
    private static final CSVFormat ROW = CSVFormat.DEFAULT.builder().setTrim(true).get();

    private HolidayCalendarFile() {
    }

    /** The holidays of {@code file}, in the file's order. */
    public static List<Holiday> load(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw refused(file, 0, "cannot read: no such file", e);
        } catch (IOException e) {
            throw refused(file, 0, "cannot read: " + e.getMessage(), e);
        }
        List<HolidayFileException.Problem> problems = new ArrayList<>();
        List<Holiday> holidays = new ArrayList<>();
        Map<LocalDate, Integer> seen = new HashMap<>();
        boolean header = false;
        for (int index = 0; index < lines.size(); index++) {
            int line = index + 1;
            String text = index == 0 ? lines.get(0).replace("\uFEFF", "") : lines.get(index);
            if (text.isBlank() || text.stripLeading().startsWith("#")) {
                continue;
            }
            List<String> cells;
            try {
                cells = cells(text);
            } catch (IOException | RuntimeException e) {
                problems.add(new HolidayFileException.Problem(file, line, "malformed CSV: " + e.getMessage()));
                continue;
            }
            if (!header) {
                header = true;
                List<String> names = cells.stream().map(c -> c.toLowerCase(Locale.ROOT)).toList();
                if (!names.equals(COLUMNS)) {
                    throw refused(file, line, "the header must be " + String.join(",", COLUMNS) + ", not "
                            + printable(text), null);
                }
                continue;
            }
            String problem = problem(cells);
            if (problem != null) {
                problems.add(new HolidayFileException.Problem(file, line, problem));
                continue;
            }
            Holiday holiday = new Holiday(LocalDate.parse(cells.get(0)), cells.get(1),
                    Holiday.Kind.valueOf(cells.get(2).toUpperCase(Locale.ROOT)), cells.get(3));
            Integer earlier = seen.putIfAbsent(holiday.date(), line);
            if (earlier != null) {
                problems.add(new HolidayFileException.Problem(file, line,
                        "date " + holiday.date() + " is listed already on line " + earlier));
                continue;
            }
            holidays.add(holiday);
        }
        if (!header) {
            problems.add(new HolidayFileException.Problem(file, 0, "no header line " + String.join(",", COLUMNS)));
        }
        if (!problems.isEmpty()) {
            throw new HolidayFileException(problems, null);
        }
        return List.copyOf(holidays);
    }

    /** The dates of {@code holidays}, for a {@link FollowUpCalendar}. */
    public static Set<LocalDate> dates(List<Holiday> holidays) {
        return holidays.stream().map(Holiday::date).collect(Collectors.toUnmodifiableSet());
    }

    /** Why a data row is unusable, or null. */
    private static String problem(List<String> cells) {
        if (cells.size() != COLUMNS.size()) {
            return "expected " + COLUMNS.size() + " columns (" + String.join(",", COLUMNS) + "), found " + cells.size();
        }
        try {
            LocalDate.parse(cells.get(0));
        } catch (DateTimeParseException e) {
            return "'" + printable(cells.get(0)) + "' is not a date (YYYY-MM-DD)";
        }
        if (cells.get(1).isEmpty()) {
            return "empty name";
        }
        String kind = cells.get(2).toUpperCase(Locale.ROOT);
        if (!kind.equals(Holiday.Kind.LIBUR_NASIONAL.name()) && !kind.equals(Holiday.Kind.CUTI_BERSAMA.name())) {
            return "kind '" + printable(cells.get(2)) + "' is neither libur_nasional nor cuti_bersama";
        }
        if (cells.get(3).isEmpty()) {
            return "empty source (name the decree that set the date, e.g. SKB 1017/2024)";
        }
        return null;
    }

    private static List<String> cells(String line) throws IOException {
        try (CSVParser parser = CSVParser.parse(line, ROW)) {
            List<CSVRecord> records = parser.getRecords();
            if (records.size() != 1) {
                throw new IOException("a row must be one line");
            }
            List<String> cells = new ArrayList<>();
            records.get(0).forEach(cells::add);
            return cells;
        }
    }

    private static HolidayFileException refused(Path file, long line, String text, Throwable cause) {
        return new HolidayFileException(List.of(new HolidayFileException.Problem(file, line, text)), cause);
    }

    /** A cell as a message quotes it: control characters escaped, at most 80 characters. */
    private static String printable(String value) {
        String shown = value.length() > 80 ? value.substring(0, 80) + "…" : value;
        return shown.codePoints().mapToObj(c -> Character.isISOControl(c) ? String.format("\\u%04x", c)
                : new String(Character.toChars(c))).collect(Collectors.joining());
    }
}
