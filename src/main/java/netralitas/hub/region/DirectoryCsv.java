package netralitas.hub.region;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.PushbackReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Reads one headed CSV file of the directory row by row. A defective row is reported and skipped, so one pass names
 * every bad row; only a file that cannot be read at all (missing, no header, broken quoting) stops early.
 */
final class DirectoryCsv {

    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .setIgnoreHeaderCase(true)
            .setTrim(true)
            // Blank lines come through as records and are skipped below, so line numbers stay exact.
            .setIgnoreEmptyLines(false)
            .get();

    /**
     * One data row; {@link #line()} is its 1-based line in the file. A structural defect (a missing code) is thrown
     * with {@link #error}; an address defect is only recorded, so every inbox column of the row gets checked.
     */
    static final class Row {
        private final Path file;
        private final long line;
        private final CSVRecord record;
        private final List<RegionDataException.Problem> recorded = new ArrayList<>();

        private Row(Path file, long line, CSVRecord record) {
            this.file = file;
            this.line = line;
            this.record = record;
        }

        long line() {
            return line;
        }

        /** The trimmed value, never blank. */
        String required(String column) {
            String value = optional(column);
            if (value.isEmpty()) {
                throw error("empty " + column);
            }
            return value;
        }

        /** The trimmed value, "" when blank. */
        String optional(String column) {
            return record.isSet(column) ? record.get(column).trim() : "";
        }

        /** The address, or null after recording why it is unusable; check {@link #hasProblems()} before using the row. */
        String address(String column) {
            String value = optional(column);
            if (value.isEmpty()) {
                record("empty " + column + " (an inbox address is required)");
                return null;
            }
            if (!MailAddressSyntax.isValid(value)) {
                record("invalid e-mail address in " + column + ": '" + value + "'");
                return null;
            }
            return value;
        }

        boolean hasProblems() {
            return !recorded.isEmpty();
        }

        private void record(String problem) {
            recorded.add(new RegionDataException.Problem(file, line, problem));
        }

        RegionDataException error(String problem) {
            return new RegionDataException(file, line, problem);
        }
    }

    private DirectoryCsv() {
    }

    /**
     * Hands every well-formed row to {@code consumer}; the problems of the others, and those the consumer throws or
     * records, are added to {@code problems}.
     *
     * @return false when the file could not be read through (its rows are then not all known)
     */
    static boolean read(Path file, List<String> requiredColumns, Consumer<Row> consumer,
                        List<RegionDataException.Problem> problems) {
        try {
            readRows(file, requiredColumns, consumer, problems);
            return true;
        } catch (RegionDataException e) {
            problems.addAll(e.problems());
            return false;
        }
    }

    private static void readRows(Path file, List<String> requiredColumns, Consumer<Row> consumer,
                                 List<RegionDataException.Problem> problems) {
        try (Reader reader = withoutBom(Files.newBufferedReader(file, StandardCharsets.UTF_8));
             CSVParser parser = CSVParser.parse(reader, FORMAT)) {
            checkHeader(file, parser.getHeaderMap(), requiredColumns);
            int columns = parser.getHeaderNames().size();
            Iterator<CSVRecord> records = parser.iterator();
            while (true) {
                // The parser counts line breaks consumed so far; the next record starts on the line after them.
                long line = parser.getCurrentLineNumber() + 1;
                if (!hasNext(file, line, records)) {
                    break;
                }
                CSVRecord record = records.next();
                if (record.size() == 1 && record.get(0).isBlank()) {
                    continue;
                }
                Row row = new Row(file, line, record);
                if (record.size() != columns) {
                    problems.add(new RegionDataException.Problem(file, line,
                            "expected " + columns + " columns, found " + record.size()));
                    continue;
                }
                try {
                    consumer.accept(row);
                    problems.addAll(row.recorded);
                } catch (RegionDataException e) {
                    problems.addAll(row.recorded);
                    problems.addAll(e.problems());
                }
            }
        } catch (NoSuchFileException e) {
            throw new RegionDataException(file, "cannot read: no such file", e);
        } catch (IOException e) {
            throw new RegionDataException(file, "cannot read: " + e.getMessage(), e);
        } catch (IllegalArgumentException | IllegalStateException e) {
            if (e instanceof RegionDataException) {
                throw e;
            }
            throw new RegionDataException(file, "not a valid CSV file: " + e.getMessage(), e);
        }
    }

    private static boolean hasNext(Path file, long line, Iterator<CSVRecord> records) {
        try {
            return records.hasNext();
        } catch (RuntimeException e) {
            throw new RegionDataException(file, line, "malformed CSV: " + e.getMessage());
        }
    }

    private static void checkHeader(Path file, Map<String, Integer> header, List<String> required) {
        Set<String> present = header == null ? Set.of()
                : header.keySet().stream().map(h -> h.trim().toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
        List<String> missing = required.stream().filter(c -> !present.contains(c)).toList();
        if (!missing.isEmpty()) {
            throw new RegionDataException(file, 1, "missing column(s) " + String.join(", ", missing));
        }
    }

    /** Line breaks and other control characters written as escapes, so a quoted cell cannot split a message. */
    static String printable(String value) {
        StringBuilder out = new StringBuilder(value.length());
        value.codePoints().forEach(c -> {
            if (c == '\n') {
                out.append("\\n");
            } else if (c == '\r') {
                out.append("\\r");
            } else if (Character.isISOControl(c)) {
                out.append(String.format("\\u%04x", c));
            } else {
                out.appendCodePoint(c);
            }
        });
        return out.toString();
    }

    private static Reader withoutBom(Reader reader) throws IOException {
        PushbackReader pushback = new PushbackReader(reader, 1);
        int first = pushback.read();
        if (first != -1 && first != '\uFEFF') {
            pushback.unread(first);
        }
        return pushback;
    }
}
