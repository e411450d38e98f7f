package netralitas.hub.app;

import netralitas.hub.audit.AuditEvent;
import netralitas.hub.audit.AuditExport;
import netralitas.hub.audit.AuditHtmlReport;
import netralitas.hub.audit.AuditLog;
import netralitas.hub.audit.AuditStats;
import netralitas.hub.audit.AuditTrail;
import netralitas.hub.audit.AuditTrailCorruptException;
import netralitas.hub.audit.AuditVerifier;
import netralitas.hub.audit.FollowUpTally;
import netralitas.hub.audit.HeadCheck;
import netralitas.hub.audit.HeadLookup;
import netralitas.hub.audit.ReportTemplate;
import netralitas.hub.audit.TrailAccess;
import netralitas.hub.audit.TrailLines;
import netralitas.hub.audit.TrailVerification;
import netralitas.hub.audit.VerifyResult;
import netralitas.hub.cli.HubCommandLine;
import netralitas.hub.progress.Progress;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

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
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * {@code java -jar netralitas-hub.jar audit ...}: show a case's trail, verify the chain, export as CSV (SPEC §8), stats,
 * an HTML report for auditors, and the pseudonym of a Message-ID.
 * Exit codes: 0 success, 1 the trail is broken (a line that is not an event is named and skipped, and the rest shown)
 * or holds nothing for the request, 2 wrong usage or no chain key for a keyed trail, 3 the chain is intact but its end
 * could not be compared with the state store's head.
 */
@Command(name = "audit",
        description = "Read the audit trail without starting any route.",
        subcommands = {AuditCommand.Show.class, AuditCommand.Verify.class, AuditCommand.Export.class,
                AuditCommand.Stats.class, AuditCommand.FollowUp.class, AuditCommand.Report.class, AuditCommand.Pseudonym.class, HelpCommand.class},
        footer = {"Keyed trails need the hub's chain key: HUB_AUDIT_CHAIN_KEY (or hub.audit.chain-key).",
                "Exit codes: 0 ok, 1 broken, 2 wrong usage or no chain key, 3 intact but the state store's head not"
                        + " compared.",
                "Long runs print progress to stderr every few seconds."})
public final class AuditCommand implements Callable<Integer> {

    /**
     * What an audit command reads: the trail (its folder, or the state store in PostgreSQL mode), region names for the
     * report, the chain key and head, templates.
     */
    public record TrailSource(TrailLines trail, Function<String, String> regionNames, TrailAccess access,
                              Path templateDir) {

        /** The trail in its daily files. */
        public TrailSource(Path auditDir, Function<String, String> regionNames, TrailAccess access, Path templateDir) {
            this(TrailLines.files(auditDir), regionNames, access, templateDir);
        }
    }

    private static final String[] COLUMNS = {"seq", "at", "event", "route", "source", "detail"};

    private static final Duration PROGRESS_INTERVAL = Duration.ofSeconds(2);

    private final Clock clock;
    private final Duration progressInterval;
    private final Function<Path, TrailSource> sourceIn;
    private Supplier<TrailSource> source;
    private PrintStream out = System.out;
    private PrintStream err = System.err;

    @Spec
    private CommandSpec spec;

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

    /**
     * For the hub's command line: the source is resolved only when a command runs, so that {@code --help} needs no
     * hub folder. It may throw {@link netralitas.hub.cli.CommandFailure}.
     */
    public AuditCommand(Supplier<TrailSource> source, PrintStream out, PrintStream err) {
        this.clock = Clock.systemDefaultZone();
        this.progressInterval = PROGRESS_INTERVAL;
        this.sourceIn = dir -> source.get();
        this.source = source;
        this.out = out;
        this.err = err;
    }

    public AuditCommand(Clock clock) {
        this(clock, PROGRESS_INTERVAL, code -> null, TrailAccess.NONE);
    }

    public AuditCommand(Clock clock, Duration progressInterval, Function<String, String> regionNames, TrailAccess access) {
        this(clock, progressInterval, regionNames, access, ReportTemplate.DEFAULT_DIR);
    }

    public AuditCommand(Clock clock, Duration progressInterval, Function<String, String> regionNames, TrailAccess access,
                 Path templateDir) {
        this.clock = clock;
        this.progressInterval = progressInterval;
        this.sourceIn = dir -> new TrailSource(dir, regionNames, access, templateDir);
    }

    /** Runs {@code audit <args>} on the trail in {@code auditDir}, as the command line would; returns the exit code. */
    public int run(List<String> args, Path auditDir, PrintStream out, PrintStream err) {
        this.source = () -> sourceIn.apply(auditDir);
        this.out = out;
        this.err = err;
        return HubCommandLine.of(this, out, err).execute(args.toArray(String[]::new));
    }

    /** {@code audit} alone names the commands it expects. */
    @Override
    public Integer call() {
        throw HubCommandLine.usageError(spec, "audit needs a command: show, verify, export, stats, followup, report or pseudonym");
    }

    /**
     * A reading command's work: a trail that cannot be read is one line on stderr, exit 1. The source is resolved
     * here, after parsing, so a usage error or {@code --help} never touches the hub's folder.
     */
    private int reading(Function<TrailSource, Integer> work) {
        try {
            TrailSource resolved = source.get();
            try (TrailLines trail = resolved.trail()) {
                return work.apply(resolved);
            }
        } catch (AuditTrailCorruptException e) {
            err.println("FAILED: " + e.getMessage());
            return 1;
        } catch (UncheckedIOException e) {
            err.println("FAILED: " + e.getMessage() + ": " + e.getCause().getMessage());
            return 1;
        }
    }

    @Command(name = "show", description = "print one case's events in order")
    static final class Show implements Callable<Integer> {
        @ParentCommand
        private AuditCommand audit;
        @Spec
        private CommandSpec spec;
        @Parameters(paramLabel = "<case id>", description = "the case id, as in the mails (case-sensitive)")
        private String caseId;

        @Override
        public Integer call() {
            if (caseId.isBlank()) {
                throw HubCommandLine.usageError(spec, "show needs exactly one case id");
            }
            return audit.reading(source -> audit.show(caseId, source.trail()));
        }
    }

    @Command(name = "verify", description = "check the whole hash chain (names the first bad line) and its end against the state store's chain head;"
                + " with --anchor, that a head hash mailed to the anchor inbox is a position of the chain")
    static final class Verify implements Callable<Integer> {
        @ParentCommand
        private AuditCommand audit;
        @Spec
        private CommandSpec spec;
        @Option(names = "--anchor", paramLabel = "<hash>", description = "a chain head hash from an anchor mail (64 hex digits)")
        private String anchor;

        @Override
        public Integer call() {
            String hash = null;
            if (anchor != null) {
                hash = anchor.strip().toLowerCase(java.util.Locale.ROOT);
                if (!hash.matches("[0-9a-f]{64}")) {
                    throw HubCommandLine.usageError(spec,
                            "--anchor must be a chain hash: 64 hex digits, as the anchor mail gives it");
                }
            }
            String wanted = hash;
            return audit.reading(source -> audit.verify(wanted, source));
        }
    }

    @Command(name = "export", description = "write events to stdout (dates inclusive): --from/--to by when the hub processed them,"
                + " --incident-from/--incident-to by the incident date of their case; CSV for spreadsheets (formula-safe),"
                + " or the trail's JSON lines")
    static final class Export implements Callable<Integer> {
        @ParentCommand
        private AuditCommand audit;
        @Spec
        private CommandSpec spec;
        @Option(names = "--from", paramLabel = "YYYY-MM-DD", description = "processed on or after this day")
        private LocalDate from;
        @Option(names = "--to", paramLabel = "YYYY-MM-DD", description = "processed on or before this day")
        private LocalDate to;
        @Option(names = "--incident-from", paramLabel = "YYYY-MM-DD", description = "incident on or after this day")
        private LocalDate incidentFrom;
        @Option(names = "--incident-to", paramLabel = "YYYY-MM-DD", description = "incident on or before this day")
        private LocalDate incidentTo;
        @Option(names = "--format", paramLabel = "csv|json", defaultValue = "csv", description = "csv (the default) or json")
        private AuditExport.Format format;

        @Override
        public Integer call() {
            ordered(spec, "--from", from, "--to", to);
            ordered(spec, "--incident-from", incidentFrom, "--incident-to", incidentTo);
            return audit.reading(source -> audit.export(from, to, new AuditExport.IncidentRange(incidentFrom, incidentTo),
                    format, source.trail()));
        }
    }

    @Command(name = "stats", description = "events by kind, cases by severity and region, and the cases not finished yet with how long they have"
                + " waited")
    static final class Stats implements Callable<Integer> {
        @ParentCommand
        private AuditCommand audit;

        @Override
        public Integer call() {
            return audit.reading(source -> audit.stats(source.trail()));
        }
    }

    @Command(name = "followup", description = "per region: cases forwarded, answered, finished and overdue (with the days"
                + " overdue), then the overdue cases with their reminders and escalation; from the audit trail alone")
    static final class FollowUp implements Callable<Integer> {
        /** How the tables are printed. */
        enum Format { TEXT, CSV }

        @ParentCommand
        private AuditCommand audit;
        @Option(names = "--format", paramLabel = "text|csv", defaultValue = "text",
                description = "text (the default) or csv: the regions, an empty line, the overdue cases")
        private Format format;

        @Override
        public Integer call() {
            return audit.reading(source -> audit.followUp(format, source));
        }
    }

    @Command(name = "report", description = "a self-contained HTML report for auditors (Indonesian): chain verification, cases per region, cases"
                + " waiting, rejects, a timeline per case; exit 1 if the chain is broken")
    static final class Report implements Callable<Integer> {
        @ParentCommand
        private AuditCommand audit;
        @Spec
        private CommandSpec spec;
        @Option(names = "--out", required = true, paramLabel = "<file.html>", description = "where to write the report")
        private String file;
        @Option(names = "--from", paramLabel = "YYYY-MM-DD", description = "events processed on or after this day")
        private LocalDate from;
        @Option(names = "--to", paramLabel = "YYYY-MM-DD", description = "events processed on or before this day")
        private LocalDate to;

        @Override
        public Integer call() {
            if (file.isBlank()) {
                throw HubCommandLine.usageError(spec, "report needs --out <file.html>");
            }
            ordered(spec, "--from", from, "--to", to);
            return audit.reading(source -> audit.report(Path.of(file), from, to, source));
        }
    }

    @Command(name = "pseudonym",
            description = "the pseudonym the trail records for an email's Message-ID")
    static final class Pseudonym implements Callable<Integer> {
        @ParentCommand
        private AuditCommand audit;
        @Spec
        private CommandSpec spec;
        @Parameters(paramLabel = "<message-id>", description = "the Message-ID, quoted: '<id@host>'")
        private String messageId;

        @Override
        public Integer call() {
            if (messageId.isBlank()) {
                throw HubCommandLine.usageError(spec, "pseudonym needs exactly one Message-ID (quote it: '<id@host>')");
            }
            return audit.reading(source -> audit.pseudonym(messageId, source.access()));
        }
    }

    private static void ordered(CommandSpec spec, String fromName, LocalDate from, String toName, LocalDate to) {
        if (from != null && to != null && from.isAfter(to)) {
            throw HubCommandLine.usageError(spec, fromName + " " + from + " is after " + toName + " " + to);
        }
    }

    private int stats(TrailLines trail) {
        Progress progress = progress(err);
        SkippedLines skipped = new SkippedLines(err);
        AuditStats stats;
        try (Stream<AuditEvent> events = new AuditLog(trail, skipped).events(progress)) {
            stats = AuditStats.of(events);
        }
        progress.finish();
        stats.print(out, clock);
        return skipped.exitCode();
    }

    private int followUp(FollowUp.Format format, TrailSource source) {
        Progress progress = progress(err);
        SkippedLines skipped = new SkippedLines(err);
        FollowUpTally tally;
        try (Stream<AuditEvent> events = new AuditLog(source.trail(), skipped).events(progress)) {
            tally = FollowUpTally.of(events);
        }
        progress.finish();
        if (format == FollowUp.Format.CSV) {
            try {
                Writer data = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
                tally.writeCsv(data, clock);
                data.flush();
            } catch (IOException e) {
                err.println("FAILED: " + e.getMessage());
                return 1;
            }
        } else {
            tally.print(out, clock, source.regionNames());
        }
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

    private int show(String caseId, TrailLines trail) {
        List<String[]> rows = new ArrayList<>();
        SkippedLines skipped = new SkippedLines(err);
        try (Stream<AuditEvent> events = new AuditLog(trail, skipped).eventsOf(caseId)) {
            events.forEach(e -> rows.add(new String[]{
                    Long.toString(e.seq()), AuditEvent.AT_FORMAT.format(e.at()), e.event().name(),
                    nullToDash(e.route()), nullToDash(e.source()), AuditTrail.canonicalJson(e.detail())}));
        }
        if (rows.isEmpty()) {
            err.println("No audit events for case " + caseId + " in " + trail.location()
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

    private int verify(String anchor, TrailSource source) {
        TrailAccess access = source.access();
        TrailLines trail = source.trail();
        HeadLookup lookup = access.head().get();
        Progress progress = progress(err);
        TrailVerification result = new AuditVerifier(access.key()).verifyAll(trail, lookup, anchor, null, progress);
        progress.finish();
        VerifyResult chain = result.chain();
        if (!chain.ok()) {
            err.println((chain.keyMissing() ? "NO CHAIN KEY at " : "FAILED at ")
                    + trail.where(chain.file(), chain.lineNumber()) + ": " + chain.problem());
            err.println(chain.eventsChecked() + " events before that line are intact.");
            return result.exitCode();
        }
        String names = trail.contents();
        HeadCheck head = result.head();
        TrailVerification.AnchorCheck anchorCheck = result.anchor();
        String summary = chain.eventsChecked() + " events, chain intact";
        switch (result.verdict()) {
            case INTACT -> out.println("OK: " + summary + " (" + names + ")");
            case UNKEYED -> out.println("OK: " + summary + ", unkeyed: proves order, not authenticity (" + names
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
                out.println("Files: " + summary + " line by line (" + names + ")");
            }
            case INCOMPLETE -> {
                err.println("INCOMPLETE: " + head.message());
                out.println("Files: " + summary + " (" + names + ")");
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

    private int pseudonym(String messageId, TrailAccess access) {
        if (access.key() == null) {
            err.println("No chain key: set HUB_AUDIT_CHAIN_KEY (hub.audit.chain-key) to the hub's chain key; the"
                    + " pseudonym is keyed under it.");
            return 2;
        }
        out.println(access.key().messageIdPseudonym(messageId));
        return 0;
    }

    private int export(LocalDate from, LocalDate to, AuditExport.IncidentRange incident, AuditExport.Format exportFormat,
                       TrailLines trail) {
        try {
            Progress progress = progress(err);
            SkippedLines skipped = new SkippedLines(err);
            // Buffered here: System.out flushes at every line, which made a big export three times slower. UTF-8
            // whatever the terminal's charset: this is data for other tools. Not closed: that would close stdout.
            Writer data = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
            long written = new AuditExport().export(new AuditLog(trail, skipped), from, to, incident, exportFormat,
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

    private int report(Path file, LocalDate from, LocalDate to, TrailSource source) {
        AuditHtmlReport.Result result;
        try {
            result = new AuditHtmlReport(clock, source.regionNames(), source.access(), source.templateDir())
                    .write(source.trail(), from, to, file, progress(err));
        } catch (IOException | java.io.UncheckedIOException e) {
            err.println("Report failed: " + e.getMessage());
            return 1;
        }
        TrailVerification verification = result.verification();
        VerifyResult chain = verification.chain();
        String verdict = !chain.ok() ? "chain " + (chain.keyMissing() ? "NOT VERIFIED (no chain key)" : "BROKEN") + " at "
                + source.trail().where(chain.file(), chain.lineNumber()) + ": " + chain.problem()
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
