package netralitas.hub.audit;

import netralitas.hub.progress.Progress;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * {@code java -jar netralitas-hub.jar audit ...}: show a case's trail, verify the chain, export as CSV (SPEC §8), stats,
 * and an HTML report for auditors.
 * Exit codes: 0 success, 1 the trail is broken (a line that is not an event is named and skipped, and the rest shown)
 * or holds nothing for the request, 2 wrong usage.
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
            "                                                cases not finished yet with how long they have waited",
            "  audit report --out <file.html> [--from YYYY-MM-DD] [--to YYYY-MM-DD]",
            "                                                a self-contained HTML report for auditors (Indonesian):",
            "                                                chain verification, cases per region, cases waiting,",
            "                                                rejects, a timeline per case; exit 1 if the chain is broken",
            "Long runs print progress to stderr every few seconds.");

    private static final String[] COLUMNS = {"seq", "at", "event", "route", "source", "detail"};

    private static final Duration PROGRESS_INTERVAL = Duration.ofSeconds(2);

    private final Clock clock;
    private final Duration progressInterval;
    private final Function<String, String> regionNames;

    public AuditCommand() {
        this(code -> null);
    }

    /**
     * @param regionNames a region's name by Kemendagri code, or null when unknown: the trail records codes only, and
     *                    the HTML report shows the names beside them
     */
    public AuditCommand(Function<String, String> regionNames) {
        this(Clock.systemDefaultZone(), PROGRESS_INTERVAL, regionNames);
    }

    AuditCommand(Clock clock) {
        this(clock, PROGRESS_INTERVAL, code -> null);
    }

    AuditCommand(Clock clock, Duration progressInterval, Function<String, String> regionNames) {
        this.clock = clock;
        this.progressInterval = progressInterval;
        this.regionNames = regionNames;
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
                case "stats" -> rest.isEmpty() ? stats(auditDir, out, err) : usage(err, "stats takes no arguments");
                case "report" -> report(rest, auditDir, out, err);
                case "help", "--help", "-h" -> {
                    out.println(USAGE);
                    yield 0;
                }
                default -> usage(err, "Unknown audit command: " + args.get(0));
            };
        } catch (AuditTrailCorruptException e) {
            err.println("FAILED: " + e.getMessage());
            return 1;
        } catch (UncheckedIOException e) {
            err.println("FAILED: " + e.getMessage() + ": " + e.getCause().getMessage());
            return 1;
        }
    }

    private int stats(Path auditDir, PrintStream out, PrintStream err) {
        Progress progress = progress(err);
        SkippedLines skipped = new SkippedLines(err);
        AuditStats stats;
        try (Stream<AuditEvent> events = new AuditLog(auditDir, skipped).events(progress)) {
            stats = AuditStats.of(events);
        }
        progress.finish();
        stats.print(out, clock);
        return skipped.exitCode();
    }

    /**
     * The lines a reading command skipped because they are not events: the first few named on stderr with file and line
     * as they are met, then how many in all. The command shows what the rest of the trail holds and exits with 1.
     */
    private static final class SkippedLines implements Consumer<AuditLog.UnreadableLine> {

        private static final int NAMED = 10;

        private final PrintStream err;
        private long count;

        SkippedLines(PrintStream err) {
            this.err = err;
        }

        @Override
        public void accept(AuditLog.UnreadableLine line) {
            if (++count <= NAMED) {
                err.println("Skipped " + line.file() + ":" + line.lineNumber() + ": " + line.problem());
            }
        }

        /** 0 when nothing was skipped; else 1, after one line saying how many were. */
        int exitCode() {
            if (count == 0) {
                return 0;
            }
            err.println(count + (count == 1 ? " line of the trail is not an event and was skipped"
                    : " lines of the trail are not events and were skipped") + (count > NAMED ? " (the first " + NAMED
                    + " are named above)" : "") + "; `audit verify` checks the chain");
            return 1;
        }
    }

    private Progress progress(PrintStream err) {
        return Progress.onConsole(err, clock, progressInterval, "events read");
    }

    private int show(List<String> args, Path auditDir, PrintStream out, PrintStream err) {
        if (args.size() != 1 || args.get(0).isBlank()) {
            return usage(err, "show needs exactly one case id");
        }
        String caseId = args.get(0);
        List<String[]> rows = new ArrayList<>();
        SkippedLines skipped = new SkippedLines(err);
        try (Stream<AuditEvent> events = new AuditLog(auditDir, skipped).eventsOf(caseId)) {
            events.forEach(e -> rows.add(new String[]{
                    Long.toString(e.seq()), AuditEvent.AT_FORMAT.format(e.at()), e.event().name(),
                    nullToDash(e.route()), nullToDash(e.source()), AuditTrail.canonicalJson(e.detail())}));
        }
        if (rows.isEmpty()) {
            err.println("No audit events for case " + caseId + " in " + auditDir
                    + " (check the case id; ids are case-sensitive)");
            skipped.exitCode();
            return 1;
        }
        out.println("Case " + caseId + ": " + rows.size() + (rows.size() == 1 ? " event" : " events"));
        printTable(rows, out);
        return skipped.exitCode();
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
        Progress progress = progress(err);
        VerifyResult result = new AuditVerifier().verify(auditDir, progress);
        progress.finish();
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
        Options options = Options.parse(args, "export", List.of("--from", "--to", "--format"));
        if (options.problem() != null) {
            return usage(err, options.problem());
        }
        LocalDate from = options.date("--from");
        LocalDate to = options.date("--to");
        String format = options.values().getOrDefault("--format", "csv");
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
            Progress progress = progress(err);
            SkippedLines skipped = new SkippedLines(err);
            // Buffered here: System.out flushes at every line, which made a big export three times slower. UTF-8
            // whatever the terminal's charset: this is data for other tools. Not closed: that would close stdout.
            Writer data = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
            long written = new AuditExport().export(new AuditLog(auditDir, skipped), from, to, exportFormat, data,
                    progress);
            data.flush();
            out.flush();
            progress.finish();
            err.println("Exported " + written + " events.");
            return skipped.exitCode();
        } catch (IOException e) {
            err.println("Export failed: " + e.getMessage());
            return 1;
        }
    }

    private int report(List<String> args, Path auditDir, PrintStream out, PrintStream err) {
        Options options = Options.parse(args, "report", List.of("--out", "--from", "--to"));
        if (options.problem() != null) {
            return usage(err, options.problem());
        }
        String file = options.values().get("--out");
        if (file == null || file.isBlank()) {
            return usage(err, "report needs --out <file.html>");
        }
        LocalDate from = options.date("--from");
        LocalDate to = options.date("--to");
        if (from != null && to != null && from.isAfter(to)) {
            return usage(err, "--from " + from + " is after --to " + to);
        }
        AuditHtmlReport.Result result;
        try {
            result = new AuditHtmlReport(clock, regionNames).write(auditDir, from, to, Path.of(file), progress(err));
        } catch (IOException | java.io.UncheckedIOException e) {
            err.println("Report failed: " + e.getMessage());
            return 1;
        }
        VerifyResult chain = result.chain();
        String verdict = chain.ok() ? "chain intact (" + chain.eventsChecked() + " events checked)"
                : "chain BROKEN at " + chain.file() + ":" + chain.lineNumber() + ": " + chain.problem();
        out.println("Report written to " + result.file() + ": " + result.events() + " events, " + result.cases()
                + " cases, " + verdict);
        return chain.ok() ? 0 : 1;
    }

    /** {@code --name value} or {@code --name=value} options of a sub-command; dates as YYYY-MM-DD. */
    private record Options(Map<String, String> values, String problem) {

        static Options parse(List<String> args, String command, List<String> known) {
            Map<String, String> values = new HashMap<>();
            for (int i = 0; i < args.size(); i++) {
                String arg = args.get(i);
                String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
                String value;
                if (arg.contains("=")) {
                    value = arg.substring(arg.indexOf('=') + 1);
                } else if (i + 1 < args.size()) {
                    value = args.get(++i);
                } else {
                    return new Options(values, known.contains(name) ? name + " needs a value"
                            : "Unknown " + command + " option: " + name);
                }
                if (!known.contains(name)) {
                    return new Options(values, "Unknown " + command + " option: " + name);
                }
                if ((name.equals("--from") || name.equals("--to")) && !isDate(value)) {
                    return new Options(values, name + " must be a date as YYYY-MM-DD, was " + value);
                }
                values.put(name, value);
            }
            return new Options(values, null);
        }

        LocalDate date(String name) {
            String value = values.get(name);
            return value == null ? null : LocalDate.parse(value);
        }

        private static boolean isDate(String value) {
            try {
                LocalDate.parse(value);
                return true;
            } catch (DateTimeParseException e) {
                return false;
            }
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
