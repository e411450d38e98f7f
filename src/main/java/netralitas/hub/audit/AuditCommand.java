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
 * an HTML report for auditors, and the pseudonym of a Message-ID.
 * Exit codes: 0 success, 1 the trail is broken (a line that is not an event is named and skipped, and the rest shown)
 * or holds nothing for the request, 2 wrong usage or no chain key for a keyed trail, 3 the chain is intact but its end
 * could not be compared with the state store's head.
 */
public final class AuditCommand {

    static final String USAGE = String.join(System.lineSeparator(),
            "Usage: audit <command>",
            "  audit show <case id>                          print one case's events in order",
            "  audit verify [--anchor <hash>]                check the whole hash chain (names the first bad line) and",
            "                                                its end against the state store's chain head; with",
            "                                                --anchor, that a head hash mailed to the anchor inbox is",
            "                                                a position of the chain",
            "  audit export [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--incident-from YYYY-MM-DD]",
            "               [--incident-to YYYY-MM-DD] [--format csv|json]",
            "                                                write events to stdout (dates inclusive): --from/--to by",
            "                                                when the hub processed them, --incident-from/--incident-to",
            "                                                by the incident date of their case; CSV for spreadsheets",
            "                                                (formula-safe), or the trail's JSON lines",
            "  audit stats                                   events by kind, cases by severity and region, and the",
            "                                                cases not finished yet with how long they have waited",
            "  audit report --out <file.html> [--from YYYY-MM-DD] [--to YYYY-MM-DD]",
            "                                                a self-contained HTML report for auditors (Indonesian):",
            "                                                chain verification, cases per region, cases waiting,",
            "                                                rejects, a timeline per case; exit 1 if the chain is broken",
            "  audit pseudonym <message-id>                  the pseudonym the trail records for an email's Message-ID",
            "Keyed trails need the hub's chain key: HUB_AUDIT_CHAIN_KEY (or hub.audit.chain-key).",
            "Exit codes: 0 ok, 1 broken, 2 wrong usage or no chain key, 3 intact but the state store's head not compared.",
            "Long runs print progress to stderr every few seconds.");

    private static final String[] COLUMNS = {"seq", "at", "event", "route", "source", "detail"};

    private static final Duration PROGRESS_INTERVAL = Duration.ofSeconds(2);

    private final Clock clock;
    private final Duration progressInterval;
    private final Function<String, String> regionNames;
    private final TrailAccess access;
    private final Path templateDir;

    /** Without a chain key or state store: for unkeyed trails ({@link TrailAccess#NONE}). */
    public AuditCommand() {
        this(code -> null, TrailAccess.NONE);
    }

    /**
     * @param regionNames a region's name by Kemendagri code, or null when unknown: the trail records codes only, and
     *                    the HTML report shows the names beside them
     * @param access      the chain key and the state store's chain head
     */
    public AuditCommand(Function<String, String> regionNames, TrailAccess access) {
        this(regionNames, access, ReportTemplate.DEFAULT_DIR);
    }

    /** @param templateDir the hub's {@code config/templates}, holding the HTML report's template */
    public AuditCommand(Function<String, String> regionNames, TrailAccess access, Path templateDir) {
        this(Clock.systemDefaultZone(), PROGRESS_INTERVAL, regionNames, access, templateDir);
    }

    AuditCommand(Clock clock) {
        this(clock, PROGRESS_INTERVAL, code -> null, TrailAccess.NONE);
    }

    AuditCommand(Clock clock, Duration progressInterval, Function<String, String> regionNames, TrailAccess access) {
        this(clock, progressInterval, regionNames, access, ReportTemplate.DEFAULT_DIR);
    }

    AuditCommand(Clock clock, Duration progressInterval, Function<String, String> regionNames, TrailAccess access,
                 Path templateDir) {
        this.templateDir = templateDir;
        this.clock = clock;
        this.progressInterval = progressInterval;
        this.regionNames = regionNames;
        this.access = access;
    }

    public int run(List<String> args, Path auditDir, PrintStream out, PrintStream err) {
        if (args.isEmpty()) {
            return usage(err, null);
        }
        List<String> rest = args.subList(1, args.size());
        try {
            return switch (args.get(0)) {
                case "show" -> show(rest, auditDir, out, err);
                case "verify" -> verify(rest, auditDir, out, err);
                case "export" -> export(rest, auditDir, out, err);
                case "stats" -> rest.isEmpty() ? stats(auditDir, out, err) : usage(err, "stats takes no arguments");
                case "report" -> report(rest, auditDir, out, err);
                case "pseudonym" -> pseudonym(rest, out, err);
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

    private int verify(List<String> args, Path auditDir, PrintStream out, PrintStream err) {
        Options options = Options.parse(args, "verify", List.of("--anchor"));
        if (options.problem() != null) {
            return usage(err, options.problem());
        }
        String anchor = options.values().get("--anchor");
        if (anchor != null) {
            anchor = anchor.strip().toLowerCase(java.util.Locale.ROOT);
            if (!anchor.matches("[0-9a-f]{64}")) {
                return usage(err, "--anchor must be a chain hash: 64 hex digits, as the anchor mail gives it");
            }
        }
        HeadLookup lookup = access.head().get();
        Progress progress = progress(err);
        TrailVerification result = new AuditVerifier(access.key()).verifyAll(auditDir, lookup, anchor, null, progress);
        progress.finish();
        VerifyResult chain = result.chain();
        if (!chain.ok()) {
            err.println((chain.keyMissing() ? "NO CHAIN KEY at " : "FAILED at ") + chain.file() + ":"
                    + chain.lineNumber() + ": " + chain.problem());
            err.println(chain.eventsChecked() + " events before that line are intact.");
            return result.exitCode();
        }
        List<Path> files = new AuditLog(auditDir).files();
        String names = files.isEmpty() ? "none"
                : files.stream().map(f -> f.getFileName().toString()).collect(Collectors.joining(", "));
        HeadCheck head = result.head();
        TrailVerification.AnchorCheck anchorCheck = result.anchor();
        String summary = chain.eventsChecked() + " events, chain intact";
        switch (result.verdict()) {
            case INTACT -> out.println("OK: " + summary + " (files: " + names + ")");
            case UNKEYED -> out.println("OK: " + summary + ", unkeyed: proves order, not authenticity (files: " + names
                    + ")");
            case BROKEN -> {
                List<String> problems = new ArrayList<>();
                if (!head.ok()) {
                    problems.add(head.message());
                }
                if (anchorCheck != null && !anchorCheck.found()) {
                    problems.add("the anchor " + anchorCheck.hash() + " is not a position of this trail's chain: the"
                            + " trail was rewritten before that anchor was mailed, or the hash is not of this trail");
                }
                err.println("FAILED: " + String.join("; ", problems));
                out.println("Files: " + summary + " line by line (files: " + names + ")");
            }
            case INCOMPLETE -> {
                err.println("INCOMPLETE: " + head.message());
                out.println("Files: " + summary + " (files: " + names + ")");
            }
        }
        out.println("Chain: " + keying(chain));
        out.println("Head: seq " + chain.eventsChecked() + ", hash " + chain.lastHash());
        if (result.exitCode() == 0) {
            out.println("State store: " + head.message());
        }
        if (anchorCheck != null && anchorCheck.found()) {
            out.println("Anchor: " + anchorCheck.hash() + " is the hash of event seq " + anchorCheck.seq()
                    + "; the chain is intact from there to its end (seq " + chain.eventsChecked() + ")");
        }
        return result.exitCode();
    }

    private static String keying(VerifyResult chain) {
        if (chain.keyedFrom() == 0) {
            return chain.eventsChecked() == 0 ? "empty" : "unkeyed (plain SHA-256, written by a release before the keyed"
                    + " chain): proves order, not authenticity";
        }
        if (chain.keyedFrom() == 1) {
            return "keyed (HMAC-SHA256 under the chain key) from seq 1";
        }
        return "keyed (HMAC-SHA256 under the chain key) from seq " + chain.keyedFrom() + "; events 1.."
                + (chain.keyedFrom() - 1) + " were written unkeyed by an earlier release and are pinned by the keyed"
                + " events after them";
    }

    private int pseudonym(List<String> args, PrintStream out, PrintStream err) {
        if (args.size() != 1 || args.get(0).isBlank()) {
            return usage(err, "pseudonym needs exactly one Message-ID (quote it: '<id@host>')");
        }
        if (access.key() == null) {
            err.println("No chain key: set HUB_AUDIT_CHAIN_KEY (hub.audit.chain-key) to the hub's chain key; the"
                    + " pseudonym is keyed under it.");
            return 2;
        }
        out.println(access.key().messageIdPseudonym(args.get(0)));
        return 0;
    }

    private int export(List<String> args, Path auditDir, PrintStream out, PrintStream err) {
        Options options = Options.parse(args, "export",
                List.of("--from", "--to", "--incident-from", "--incident-to", "--format"));
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
        AuditExport.IncidentRange incident =
                new AuditExport.IncidentRange(options.date("--incident-from"), options.date("--incident-to"));
        if (incident.from() != null && incident.to() != null && incident.from().isAfter(incident.to())) {
            return usage(err, "--incident-from " + incident.from() + " is after --incident-to " + incident.to());
        }
        try {
            Progress progress = progress(err);
            SkippedLines skipped = new SkippedLines(err);
            // Buffered here: System.out flushes at every line, which made a big export three times slower. UTF-8
            // whatever the terminal's charset: this is data for other tools. Not closed: that would close stdout.
            Writer data = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
            long written = new AuditExport().export(new AuditLog(auditDir, skipped), from, to, incident, exportFormat,
                    data, progress);
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
            result = new AuditHtmlReport(clock, regionNames, access, templateDir).write(auditDir, from, to, Path.of(file),
                    progress(err));
        } catch (IOException | java.io.UncheckedIOException e) {
            err.println("Report failed: " + e.getMessage());
            return 1;
        }
        TrailVerification verification = result.verification();
        VerifyResult chain = verification.chain();
        String verdict = !chain.ok() ? "chain " + (chain.keyMissing() ? "NOT VERIFIED (no chain key)" : "BROKEN") + " at "
                + chain.file() + ":" + chain.lineNumber() + ": " + chain.problem()
                : switch (verification.verdict()) {
                    case INTACT -> "chain intact (" + chain.eventsChecked() + " events checked, keyed), "
                            + verification.head().message();
                    case UNKEYED -> "chain intact (" + chain.eventsChecked() + " events checked), unkeyed: proves"
                            + " order, not authenticity";
                    case BROKEN, INCOMPLETE -> "chain intact line by line (" + chain.eventsChecked() + " events), but "
                            + verification.head().message();
                };
        out.println("Report written to " + result.file() + ": " + result.events() + " events, " + result.cases()
                + " cases, " + verdict);
        return verification.exitCode();
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
                if ((name.equals("--from") || name.equals("--to") || name.startsWith("--incident-")) && !isDate(value)) {
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
