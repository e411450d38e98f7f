package netralitas.hub.audit;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * {@code java -jar netralitas-hub.jar audit ...}: show a case's trail, verify the chain, export as CSV (SPEC §8), stats.
 * Exit codes: 0 success, 1 the trail is broken or holds nothing for the request, 2 wrong usage.
 */
public final class AuditCommand {

    static final String USAGE = String.join(System.lineSeparator(),
            "Usage: audit <command>",
            "  audit show <case id>                          print one case's events in order",
            "  audit verify                                  check the whole hash chain; names the first bad line",
            "  audit export [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--format csv|json]",
            "                                                write events (dates inclusive) to stdout: CSV for",
            "                                                spreadsheets (formula-safe), or the trail's JSON lines",
            "  audit stats                                   events by kind, cases by severity and region, and the",
            "                                                cases not finished yet with how long they have waited");

    private static final String[] COLUMNS = {"seq", "at", "event", "route", "source", "detail"};

    private final Clock clock;

    public AuditCommand() {
        this(Clock.systemDefaultZone());
    }

    AuditCommand(Clock clock) {
        this.clock = clock;
    }

    public int run(List<String> args, Path auditDir, PrintStream out, PrintStream err) {
        if (args.isEmpty()) {
            return usage(err, null);
        }
        List<String> rest = args.subList(1, args.size());
        try {
            return switch (args.get(0)) {
                case "show" -> show(rest, auditDir, out, err);
                case "verify" -> rest.isEmpty() ? verify(auditDir, out, err) : usage(err, "verify takes no arguments");
                case "export" -> export(rest, auditDir, out, err);
                case "stats" -> rest.isEmpty() ? stats(auditDir, out) : usage(err, "stats takes no arguments");
                case "help", "--help", "-h" -> {
                    out.println(USAGE);
                    yield 0;
                }
                default -> usage(err, "Unknown audit command: " + args.get(0));
            };
        } catch (AuditTrailCorruptException e) {
            err.println("FAILED: " + e.getMessage());
            return 1;
        }
    }

    private int stats(Path auditDir, PrintStream out) {
        try (Stream<AuditEvent> events = new AuditLog(auditDir).events()) {
            AuditStats.of(events).print(out, clock);
        }
        return 0;
    }

    private int show(List<String> args, Path auditDir, PrintStream out, PrintStream err) {
        if (args.size() != 1 || args.get(0).isBlank()) {
            return usage(err, "show needs exactly one case id");
        }
        String caseId = args.get(0);
        List<String[]> rows = new ArrayList<>();
        try (Stream<AuditEvent> events = new AuditLog(auditDir).eventsOf(caseId)) {
            events.forEach(e -> rows.add(new String[]{
                    Long.toString(e.seq()), AuditEvent.AT_FORMAT.format(e.at()), e.event().name(),
                    nullToDash(e.route()), nullToDash(e.source()), AuditTrail.canonicalJson(e.detail())}));
        }
        if (rows.isEmpty()) {
            err.println("No audit events for case " + caseId + " in " + auditDir
                    + " (check the case id; ids are case-sensitive)");
            return 1;
        }
        out.println("Case " + caseId + ": " + rows.size() + (rows.size() == 1 ? " event" : " events"));
        printTable(rows, out);
        return 0;
    }

    private static void printTable(List<String[]> rows, PrintStream out) {
        int[] widths = new int[COLUMNS.length];
        for (int c = 0; c < COLUMNS.length; c++) {
            widths[c] = COLUMNS[c].length();
            for (String[] row : rows) {
                widths[c] = Math.max(widths[c], row[c].length());
            }
        }
        out.println(formatRow(COLUMNS, widths));
        String[] rule = new String[COLUMNS.length];
        for (int c = 0; c < COLUMNS.length; c++) {
            rule[c] = "-".repeat(widths[c]);
        }
        out.println(formatRow(rule, widths));
        rows.forEach(row -> out.println(formatRow(row, widths)));
    }

    private static String formatRow(String[] cells, int[] widths) {
        StringBuilder line = new StringBuilder();
        for (int c = 0; c < cells.length; c++) {
            boolean last = c == cells.length - 1;
            // seq right-aligned so numbers line up; the last column is not padded (no trailing blanks)
            String cell = c == 0 ? padLeft(cells[c], widths[c]) : last ? cells[c] : padRight(cells[c], widths[c]);
            line.append(cell);
            if (!last) {
                line.append("  ");
            }
        }
        return line.toString();
    }

    private int verify(Path auditDir, PrintStream out, PrintStream err) {
        VerifyResult result = new AuditVerifier().verify(auditDir);
        if (!result.ok()) {
            err.println("FAILED at " + result.file() + ":" + result.lineNumber() + ": " + result.problem());
            err.println(result.eventsChecked() + " events before that line are intact.");
            return 1;
        }
        List<Path> files = new AuditLog(auditDir).files();
        String names = files.isEmpty() ? "none"
                : files.stream().map(f -> f.getFileName().toString()).collect(Collectors.joining(", "));
        out.println("OK: " + result.eventsChecked() + " events, chain intact (files: " + names + ")");
        return 0;
    }

    private int export(List<String> args, Path auditDir, PrintStream out, PrintStream err) {
        LocalDate from = null;
        LocalDate to = null;
        String format = "csv";
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
            String value;
            if (arg.contains("=")) {
                value = arg.substring(arg.indexOf('=') + 1);
            } else if (i + 1 < args.size()) {
                value = args.get(++i);
            } else {
                return usage(err, name + " needs a value");
            }
            try {
                switch (name) {
                    case "--from" -> from = LocalDate.parse(value);
                    case "--to" -> to = LocalDate.parse(value);
                    case "--format" -> format = value;
                    default -> {
                        return usage(err, "Unknown export option: " + name);
                    }
                }
            } catch (DateTimeParseException e) {
                return usage(err, name + " must be a date as YYYY-MM-DD, was " + value);
            }
        }
        AuditExport.Format exportFormat;
        try {
            exportFormat = AuditExport.Format.valueOf(format.toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return usage(err, "Unsupported export format: " + format + " (csv or json)");
        }
        if (from != null && to != null && from.isAfter(to)) {
            return usage(err, "--from " + from + " is after --to " + to);
        }
        try {
            long written = new AuditExport().export(auditDir, from, to, exportFormat, out);
            out.flush();
            err.println("Exported " + written + " events.");
            return 0;
        } catch (IOException e) {
            err.println("Export failed: " + e.getMessage());
            return 1;
        }
    }

    private static int usage(PrintStream err, String problem) {
        if (problem != null) {
            err.println(problem);
        }
        err.println(USAGE);
        return 2;
    }

    private static String nullToDash(String value) {
        return value == null ? "-" : value;
    }

    private static String padRight(String value, int width) {
        return value + " ".repeat(width - value.length());
    }

    private static String padLeft(String value, int width) {
        return " ".repeat(width - value.length()) + value;
    }
}
