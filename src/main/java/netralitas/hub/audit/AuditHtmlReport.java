package netralitas.hub.audit;

import netralitas.hub.classify.Severity;
import netralitas.hub.progress.Progress;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * {@code audit report}: one self-contained HTML file for an auditor (Indonesian, nothing fetched from anywhere, a small
 * inline script for search and filters) — whether the hash chain holds, cases done, ended and open by the rule
 * {@code audit stats} uses ({@link CaseStatus}), cases per region, the open cases with their age, the delivery check,
 * the rejected reports and a timeline per case in its region's time zone. The page is
 * {@code config/templates/audit-report.html.ftlh} ({@link ReportTemplate}); this class reads the trail once, verifying
 * and counting in the same pass, and hands the template preformatted text and bounded lists: only the first cases'
 * timelines are kept, built one at a time as the template writes them, so the tables are complete for any size of
 * trail while the file stays one an auditor can open.
 */
public final class AuditHtmlReport {

    /** Cases shown with a timeline; the rest are counted in the tables and a command away. */
    public static final int DEFAULT_TIMELINE_CASES = 2_000;
    private static final int TIMELINE_EVENTS_PER_CASE = 40;
    private static final int DEFAULT_LIST_ROWS = 1_000;
    private static final int MAX_VALUE_CHARS = 400;
    /** Columns of the region table: done, ended without delivery, and open (where the open ones wait). */
    private static final CaseStatus[] STATUS_COLUMNS = {CaseStatus.DELIVERED, CaseStatus.DIGEST_SENT,
            CaseStatus.CLOSED, CaseStatus.REJECTED, CaseStatus.TRIAGE, CaseStatus.DIGEST_QUEUED, CaseStatus.DEFERRED,
            CaseStatus.DEAD_LETTERED, CaseStatus.IN_PROGRESS};

    /**
     * What was written.
     *
     * @param events events within the period read into the report
     * @param cases  distinct cases among them
     * @param verification the verification of the whole trail (not only the period): chain, state store's head
     */
    public record Result(Path file, long events, long cases, TrailVerification verification) {

        /** The chain of the files on their own. */
        public VerifyResult chain() {
            return verification.chain();
        }
    }

    private final Clock clock;
    private final Function<String, String> regionNames;
    private final TrailAccess access;
    private final int timelineCases;
    private final int listRows;
    private final ReportTemplate templates;

    /**
     * Without chain key or state store ({@link TrailAccess#NONE}): a keyed trail is then reported as not verified.
     *
     * @param regionNames the name of a region by Kemendagri code (null when unknown); the trail records codes only
     */
    public AuditHtmlReport(Clock clock, Function<String, String> regionNames) {
        this(clock, regionNames, TrailAccess.NONE);
    }

    /**
     * With the template of the project's own {@code config/templates} (relative to the working folder).
     *
     * @param access the chain key and the state store's head, to verify the trail fully
     */
    public AuditHtmlReport(Clock clock, Function<String, String> regionNames, TrailAccess access) {
        this(clock, regionNames, access, ReportTemplate.DEFAULT_DIR);
    }

    /** @param templateDir the folder holding {@value ReportTemplate#NAME} (the hub's {@code config/templates}) */
    public AuditHtmlReport(Clock clock, Function<String, String> regionNames, TrailAccess access, Path templateDir) {
        this(clock, regionNames, access, DEFAULT_TIMELINE_CASES, DEFAULT_LIST_ROWS, templateDir);
    }

    AuditHtmlReport(Clock clock, Function<String, String> regionNames, int timelineCases, int listRows) {
        this(clock, regionNames, TrailAccess.NONE, timelineCases, listRows, ReportTemplate.DEFAULT_DIR);
    }

    AuditHtmlReport(Clock clock, Function<String, String> regionNames, TrailAccess access, int timelineCases,
                    int listRows, Path templateDir) {
        this.templates = new ReportTemplate(templateDir);
        this.clock = Objects.requireNonNull(clock, "clock");
        this.regionNames = regionNames == null ? code -> null : regionNames;
        this.access = Objects.requireNonNull(access, "access");
        this.timelineCases = timelineCases;
        this.listRows = listRows;
    }

    /**
     * Reads the trail in {@code auditDir} and writes the report to {@code outFile} (replacing it only once complete).
     * A broken chain is not an error here: the report shows where it broke, and {@link Result#chain()} says so.
     *
     * @param from inclusive local date of the events to report; null for no lower bound
     * @param to   inclusive; null for no upper bound
     */
    public Result write(Path auditDir, LocalDate from, LocalDate to, Path outFile, Progress progress)
            throws IOException {
        return write(TrailLines.files(auditDir), from, to, outFile, progress);
    }

    /** As above, for a trail wherever it is kept: its files, or the state store's table. */
    public Result write(TrailLines trail, LocalDate from, LocalDate to, Path outFile, Progress progress)
            throws IOException {
        TrailFacts facts = new TrailFacts(from, to, timelineCases, TIMELINE_EVENTS_PER_CASE, listRows);
        HeadLookup lookup = access.head().get();
        long headSeq = lookup.kind() == HeadLookup.Kind.FOUND ? lookup.head().seq() : -1;
        AuditVerifier.Scan scan = new AuditVerifier(access.key())
                .scan(trail, new AuditVerifier.Watch(headSeq, null), facts::add, progress);
        TrailVerification verification = AuditVerifier.verification(scan, lookup, null);
        progress.finish();
        Path absolute = outFile.toAbsolutePath();
        if (absolute.getParent() != null) {
            Files.createDirectories(absolute.getParent());
        }
        Path partial = absolute.resolveSibling(absolute.getFileName() + ".part");
        try {
            try (Writer out = Files.newBufferedWriter(partial, StandardCharsets.UTF_8)) {
                render(trail, facts, scan, verification, out);
            }
            try {
                Files.move(partial, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(partial, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException | RuntimeException e) {
            if (Files.isRegularFile(partial)) {
                Files.deleteIfExists(partial);
            }
            throw e;
        }
        return new Result(absolute, facts.events(), facts.tally().cases(), verification);
    }

    void render(TrailLines trail, TrailFacts facts, AuditVerifier.Scan scan, TrailVerification verification, Writer out)
            throws IOException {
        OffsetDateTime now = OffsetDateTime.now(clock);
        Map<String, Object> model = new HashMap<>();
        model.put("header", header(trail, facts, now));
        model.put("chain", chain(facts, scan, verification));
        model.put("regions", regions(facts.tally()));
        model.put("events", events(facts));
        model.put("stages", stages(facts.tally()));
        Map<String, String> anchors = anchors(facts.timelines().timelines());
        model.put("waiting", waiting(facts.tally(), anchors, now));
        model.put("deliveries", deliveries(facts.tally(), anchors));
        model.put("rejections", rejections(facts, anchors));
        model.put("timelines", timelines(facts, anchors, now));
        model.put("followUp", followUp(facts.followUps(), anchors, now));
        model.put("filters", filters(facts.tally()));
        templates.render(out, model);
    }

    private Map<String, Object> header(TrailLines trail, TrailFacts facts, OffsetDateTime now) {
        List<Path> files = trail.parts().stream().map(TrailLines.Part::name).toList();
        Map<String, Object> header = new HashMap<>();
        header.put("generated", ReportText.time(now.atZoneSameInstant(RegionZone.WIB.offset()).toOffsetDateTime()));
        header.put("auditDir", trail instanceof TrailFiles folder ? folder.auditDir().toAbsolutePath().toString()
                : trail.location());
        header.put("fileCount", ReportText.number(files.size()));
        header.put("firstFile", files.isEmpty() ? null : files.get(0).getFileName().toString());
        header.put("lastFile", files.size() > 1 ? files.get(files.size() - 1).getFileName().toString() : null);
        if (facts.from() != null || facts.to() != null) {
            header.put("filter", (facts.from() == null ? "awal jejak" : facts.from().toString()) + " s.d. "
                    + (facts.to() == null ? "akhir jejak" : facts.to().toString()) + " (inklusif)");
        }
        header.put("events", ReportText.number(facts.events()));
        header.put("cases", ReportText.number(facts.tally().cases()));
        header.put("period", facts.first() == null ? null
                : ReportText.time(wib(facts.first())) + " s.d. " + ReportText.time(wib(facts.last())));
        return header;
    }

    private static OffsetDateTime wib(OffsetDateTime at) {
        return at.withOffsetSameInstant(RegionZone.WIB.offset());
    }

    private static Map<String, Object> chain(TrailFacts facts, AuditVerifier.Scan scan, TrailVerification verification) {
        VerifyResult result = scan.result();
        Map<String, Object> chain = new HashMap<>();
        chain.put("periodOnly", facts.from() != null || facts.to() != null);
        chain.put("checked", ReportText.number(result.eventsChecked()));
        if (result.keyMissing()) {
            chain.put("kind", "KEY_MISSING");
            chain.put("file", result.file().getFileName().toString());
            chain.put("line", String.valueOf(result.lineNumber()));
            return chain;
        }
        if (!result.ok()) {
            chain.put("kind", "BROKEN_LINE");
            chain.put("file", result.file() == null ? "?" : result.file().getFileName().toString());
            chain.put("path", result.file() == null ? "" : result.file().toString());
            chain.put("line", String.valueOf(result.lineNumber()));
            chain.put("problem", result.problem());
            chain.put("unverified", ReportText.number(scan.unverifiedEvents()));
            chain.put("unreadable", scan.unreadableLines() > 0 ? ReportText.number(scan.unreadableLines()) : null);
            return chain;
        }
        HeadCheck head = verification.head();
        chain.put("kind", verification.verdict().name());
        chain.put("headSentence", headSentence(head));
        chain.put("headProblem", headProblem(head));
        chain.put("problem", head.message());
        chain.put("headSeq", String.valueOf(result.eventsChecked()));
        chain.put("headHash", result.lastHash());
        chain.put("keyedUntil", result.keyedFrom() > 1 ? String.valueOf(result.keyedFrom() - 1) : null);
        return chain;
    }

    private static String headSentence(HeadCheck head) {
        if (head.outcome() == HeadCheck.Outcome.BEHIND) {
            return " (kepala tercatat di peristiwa " + head.stored().seq() + "; peristiwa sesudahnya ditulis sebelum hub"
                    + " berhenti mendadak dan bersambung dengannya)";
        }
        return "";
    }

    private static String headProblem(HeadCheck head) {
        return switch (head.outcome()) {
            case CUT -> "baris di ujung jejak telah dihapus";
            case REWRITTEN -> "jejak telah ditulis ulang";
            case TOO_FAR_AHEAD -> "basis data status lebih tua daripada jejak";
            case MISSING -> "kepala rantai tidak ada di basis data status";
            default -> "tidak cocok";
        };
    }

    private Map<String, Object> regions(CaseTally tally) {
        List<Map<String, Object>> rows = new ArrayList<>();
        long[] total = new long[2 + Severity.values().length + STATUS_COLUMNS.length + 2];
        for (CaseTally.RegionRow row : tally.rows()) {
            Map<String, Object> r = new HashMap<>();
            r.put("key", regionKey(row.index(), row.code()));
            r.put("code", row.code());
            r.put("name", row.code() != null ? regionNames.apply(row.code()) : specialRegion(row.index()));
            r.put("zone", RegionZone.of(row.code()).name());
            List<Map<String, Object>> cells = new ArrayList<>();
            int column = 0;
            total[column++] += cell(cells, "cases", row.cases(), false);
            for (Severity severity : Severity.values()) {
                total[column++] += cell(cells, severity.name(), row.severity(severity), false);
            }
            for (CaseStatus status : STATUS_COLUMNS) {
                // "rejected" is the column of rejected reports (rows and mails too); selectors ignore case.
                String name = status == CaseStatus.REJECTED ? "quarantined" : status.name();
                total[column++] += cell(cells, name, row.status(status), !status.finished());
            }
            total[column++] += cell(cells, "not-finished", row.notFinished(), true);
            total[column++] += cell(cells, "duplicates", row.duplicates(), false);
            total[column] += cell(cells, "rejected", row.rejected(), false);
            r.put("cells", cells);
            rows.add(r);
        }
        List<Map<String, Object>> headings = new ArrayList<>();
        for (CaseStatus status : STATUS_COLUMNS) {
            headings.add(Map.of("label", status.label(), "stage", status.stage().name()));
        }
        List<String> severities = new ArrayList<>();
        for (Severity severity : Severity.values()) {
            severities.add(severityLabel(severity));
        }
        List<String> totals = new ArrayList<>();
        for (long value : total) {
            totals.add(ReportText.number(value));
        }
        return Map.of("rows", rows, "statusColumns", headings, "severities", severities, "totals", totals,
                "doneColumns", count(CaseStatus.Stage.DONE), "endedColumns", count(CaseStatus.Stage.ENDED),
                "openColumns", count(CaseStatus.Stage.OPEN) + 1);
    }

    private static int count(CaseStatus.Stage stage) {
        int n = 0;
        for (CaseStatus status : STATUS_COLUMNS) {
            if (status.stage() == stage) {
                n++;
            }
        }
        return n;
    }

    private static long cell(List<Map<String, Object>> cells, String column, long value, boolean warnWhenPositive) {
        String css = value == 0 ? "zero" : warnWhenPositive ? "warn" : "";
        cells.add(Map.of("col", column, "css", css, "value", ReportText.number(value)));
        return value;
    }

    private static String regionKey(int index, String code) {
        return code != null ? code : switch (index) {
            case CaseTally.TRIAGE -> "TRIASE";
            case CaseTally.CENTRAL -> "PUSAT";
            default -> "TANPA_WILAYAH";
        };
    }

    private static String specialRegion(int index) {
        return switch (index) {
            case CaseTally.TRIAGE -> "Triase Bawaslu";
            case CaseTally.CENTRAL -> "Instansi pusat";
            default -> "Tanpa wilayah";
        };
    }

    private static String severityLabel(Severity severity) {
        return severity == Severity.BUKAN_PELANGGARAN ? "Bukan pelanggaran" : severity.name();
    }

    private static List<Map<String, Object>> events(TrailFacts facts) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Map.Entry<AuditEventType, Long> entry : facts.byEvent().entrySet()) {
            rows.add(Map.of("event", entry.getKey().name(), "label", ReportText.eventLabel(entry.getKey()),
                    "count", ReportText.number(entry.getValue())));
        }
        return rows;
    }

    private static Map<String, Object> stages(CaseTally tally) {
        long[] counts = new long[CaseStatus.Stage.values().length];
        for (CaseTally.RegionRow row : tally.rows()) {
            for (CaseStatus status : CaseStatus.values()) {
                counts[status.stage().ordinal()] += row.status(status);
            }
        }
        Map<String, Object> stages = new HashMap<>();
        for (CaseStatus.Stage stage : CaseStatus.Stage.values()) {
            stages.put(stage.name(), ReportText.number(counts[stage.ordinal()]));
        }
        stages.put("openCount", counts[CaseStatus.Stage.OPEN.ordinal()]);
        return stages;
    }

    private Map<String, Object> waiting(CaseTally tally, Map<String, String> anchors, OffsetDateTime now) {
        List<CaseTally.Open> open = tally.notFinished();
        List<Map<String, Object>> rows = new ArrayList<>();
        for (CaseTally.Open o : open.subList(0, Math.min(listRows, open.size()))) {
            CaseStatus status = tally.statusOf(o.caseId());
            int region = tally.regionOf(o.caseId());
            RegionZone zone = RegionZone.of(tally.regionCode(region));
            Map<String, Object> row = new HashMap<>();
            row.put("caseId", o.caseId());
            row.put("anchor", anchors.get(o.caseId()));
            row.put("region", regionText(tally, region));
            row.put("regionKey", regionKey(region, tally.regionCode(region)));
            row.put("since", zoned(o.since(), zone));
            row.put("age", ReportText.age(Duration.between(o.since(), now)));
            row.put("last", o.last().name());
            row.put("lastAt", zoned(o.lastAt(), zone));
            row.put("status", status.name());
            row.put("statusLabel", status.label());
            Severity severity = tally.severityOf(o.caseId());
            row.put("severity", severity == null ? null : severity.name());
            rows.add(row);
        }
        return Map.of("rows", rows, "total", ReportText.number(open.size()),
                "left", open.size() > listRows ? ReportText.number(open.size() - listRows) : "");
    }

    private static Map<String, Object> deliveries(CaseTally tally, Map<String, String> anchors) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (CaseTally.DeliveryProblem problem : tally.deliveryProblems()) {
            Map<String, Object> row = new HashMap<>();
            row.put("caseId", problem.caseId());
            row.put("anchor", anchors.get(problem.caseId()));
            row.put("at", zoned(problem.at(), RegionZone.of(tally.regionCode(tally.regionOf(problem.caseId())))));
            row.put("problem", problem.problem());
            rows.add(row);
        }
        long left = tally.deliveryProblemCount() - rows.size();
        return Map.of("rows", rows, "total", ReportText.number(tally.deliveryProblemCount()),
                "left", left > 0 ? ReportText.number(left) : "");
    }

    private Map<String, Object> rejections(TrailFacts facts, Map<String, String> anchors) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (TrailFacts.Rejection rejection : facts.rejections()) {
            Map<String, Object> row = new HashMap<>();
            row.put("at", ReportText.time(wib(rejection.at())));
            row.put("caseId", rejection.caseId());
            row.put("anchor", rejection.caseId() == null ? null : anchors.get(rejection.caseId()));
            row.put("source", shorten(rejection.source()));
            row.put("reason", rejection.reason() != null ? shorten(rejection.reason()) : null);
            row.put("detail", detail(rejection.detail()));
            rows.add(row);
        }
        long left = facts.rejectionsTotal() - facts.rejections().size();
        return Map.of("rows", rows, "total", facts.rejectionsTotal(), "left", left > 0 ? ReportText.number(left) : "");
    }

    private Map<String, Object> filters(CaseTally tally) {
        List<Map<String, String>> regions = new ArrayList<>();
        for (CaseTally.RegionRow row : tally.rows()) {
            String name = row.code() != null ? regionNames.apply(row.code()) : specialRegion(row.index());
            regions.add(Map.of("key", regionKey(row.index(), row.code()),
                    "label", (row.code() == null ? "" : row.code() + " ") + (name == null ? "" : name)));
        }
        List<Map<String, String>> severities = new ArrayList<>();
        for (Severity severity : Severity.values()) {
            severities.add(Map.of("key", severity.name(), "label", severityLabel(severity)));
        }
        List<Map<String, String>> statuses = new ArrayList<>();
        for (CaseStatus.Stage stage : CaseStatus.Stage.values()) {
            statuses.add(Map.of("key", stage.name(), "label", stage.label()));
        }
        for (CaseStatus status : CaseStatus.values()) {
            statuses.add(Map.of("key", status.name(), "label", "· " + status.label()));
        }
        return Map.of("regions", regions, "severities", severities, "statuses", statuses);
    }

    private Map<String, Object> timelines(TrailFacts facts, Map<String, String> anchors, OffsetDateTime now) {
        CaseTally tally = facts.tally();
        CaseTimelines timelines = facts.timelines();
        long left = tally.cases() - timelines.size();
        // Built one case at a time while the template writes it: 2,000 timelines never sit in memory as HTML models.
        Iterable<Map<String, Object>> cases = () -> new Iterator<>() {
            private final Iterator<CaseTimelines.Timeline> source = timelines.timelines().iterator();

            @Override
            public boolean hasNext() {
                return source.hasNext();
            }

            @Override
            public Map<String, Object> next() {
                CaseTimelines.Timeline timeline = source.next();
                return timeline(timeline, tally, anchors.get(timeline.caseId()), now);
            }
        };
        return Map.of("cases", cases, "shown", ReportText.number(timelines.size()), "count", timelines.size(),
                "left", left > 0 ? ReportText.number(left) : "");
    }

    private Map<String, Object> timeline(CaseTimelines.Timeline timeline, CaseTally tally, String anchor,
                                         OffsetDateTime now) {
        String caseId = timeline.caseId();
        CaseStatus status = tally.statusOf(caseId);
        Severity severity = tally.severityOf(caseId);
        int region = tally.regionOf(caseId);
        RegionZone zone = RegionZone.of(tally.regionCode(region));
        CaseTally.Open open = tally.open(caseId);
        List<CaseTimelines.Entry> entries = new ArrayList<>(timeline.entries());
        if (timeline.tail() != null) {
            entries.add(timeline.tail());
        }
        int outcome = outcomeIndex(entries, region == CaseTally.TRIAGE);
        OffsetDateTime received = entries.get(0).at();
        Map<String, Object> model = new HashMap<>();
        model.put("caseId", caseId);
        model.put("anchor", anchor);
        model.put("status", status.name());
        model.put("statusLabel", status.label());
        model.put("stage", status.stage().name());
        model.put("severity", severity == null ? null : severity.name());
        model.put("severityLabel", severity == null ? null : severityLabel(severity));
        model.put("region", regionText(tally, region));
        model.put("regionKey", regionKey(region, tally.regionCode(region)));
        model.put("zone", zone.label());
        model.put("waiting", open == null ? null : ReportText.age(Duration.between(open.since(), now)));
        OffsetDateTime end = open == null ? entries.get(outcome < 0 ? entries.size() - 1 : outcome).at() : now;
        model.put("age", ReportText.age(Duration.between(received, end)));
        model.put("received", zoned(received, zone));
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            CaseTimelines.Entry e = entries.get(i);
            Map<String, Object> row = new HashMap<>();
            row.put("gap", timeline.tail() != null && i == entries.size() - 1
                    ? ReportText.number(timeline.omittedEvents()) : null);
            row.put("outcome", i == outcome);
            row.put("at", zoned(e.at(), zone));
            row.put("seq", String.valueOf(e.seq()));
            row.put("event", e.event().name());
            row.put("label", ReportText.eventLabel(e.event()));
            row.put("route", e.route() == null ? "—" : e.route());
            row.put("source", e.source() == null ? "—" : shorten(e.source()));
            row.put("detail", detail(e.detail()));
            rows.add(row);
        }
        model.put("entries", rows);
        model.put("followUp", followUpSteps(entries, zone));
        return model;
    }

    /**
     * SPEC §12 for auditors: per region the cases forwarded, answered, finished, overdue and bounced (FollowUpTally, the
     * rule of {@code audit followup}), and the overdue cases, deadlines in their region's time zone.
     */
    private Map<String, Object> followUp(FollowUpTally tally, Map<String, String> anchors, OffsetDateTime now) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (FollowUpTally.RegionRow row : tally.regions(now.toInstant())) {
            rows.add(followUpRow(row, FollowUpTally.NO_REGION.equals(row.region()) ? null : row.region()));
        }
        List<Map<String, Object>> overdue = new ArrayList<>();
        List<FollowUpTally.OverdueCase> late = tally.overdue(now.toInstant());
        for (FollowUpTally.OverdueCase c : late.subList(0, Math.min(late.size(), listRows))) {
            String code = FollowUpTally.NO_REGION.equals(c.region()) ? null : c.region();
            Map<String, Object> row = new HashMap<>();
            row.put("caseId", c.caseId());
            row.put("anchor", anchors.getOrDefault(c.caseId(), ""));
            row.put("region", code == null ? "Tanpa wilayah (triase/pusat)" : code + nameBeside(code));
            row.put("severity", c.severity());
            row.put("deadline", zoned(c.deadline(), RegionZone.of(code)));
            row.put("days", ReportText.number(c.daysOverdue()));
            row.put("reminders", ReportText.number(c.reminders()));
            row.put("escalated", c.escalated());
            row.put("bounced", c.bounced());
            overdue.add(row);
        }
        return Map.of("rows", rows, "total", followUpRow(tally.total(now.toInstant()), null), "overdue", overdue,
                "overdueTotal", ReportText.number(late.size()),
                "overdueLeft", late.size() > listRows ? ReportText.number(late.size() - listRows) : "");
    }

    private Map<String, Object> followUpRow(FollowUpTally.RegionRow row, String code) {
        Map<String, Object> r = new HashMap<>();
        r.put("key", code == null ? "TANPA_WILAYAH" : code);
        r.put("code", code == null ? "—" : code);
        String name = code == null ? "Tanpa wilayah (triase/pusat)" : regionNames.apply(code);
        r.put("name", name == null ? "" : name);
        r.put("forwarded", ReportText.number(row.forwarded()));
        r.put("answered", ReportText.number(row.answered()));
        r.put("finished", ReportText.number(row.finished()));
        r.put("overdue", ReportText.number(row.overdue()));
        r.put("overdueWarn", row.overdue() > 0);
        r.put("days", ReportText.number(row.mostDaysOverdue()));
        r.put("bounced", ReportText.number(row.bounced()));
        r.put("bouncedWarn", row.bounced() > 0);
        return r;
    }

    private String nameBeside(String code) {
        String name = regionNames.apply(code);
        return name == null ? "" : " " + name;
    }

    /**
     * A case's follow-up in short (SPEC §12): forwarded with its deadline, the office's replies with their status, the
     * reminders, the escalation, the closing status, a related case. Empty for a case not followed up.
     */
    private static List<Map<String, Object>> followUpSteps(List<CaseTimelines.Entry> entries, RegionZone zone) {
        List<Map<String, Object>> steps = new ArrayList<>();
        for (CaseTimelines.Entry e : entries) {
            Map<String, Object> d = e.detail();
            String text = switch (e.event()) {
                case DELIVERED, DIGEST_SENT -> d.get("deadline") == null ? null
                        : "diteruskan; batas tindak lanjut " + deadlineText(d.get("deadline"), zone);
                case FOLLOW_UP -> "tanggapan: " + value(d.get("status"))
                        + (d.get("sanction") == null ? "" : "; sanksi: " + value(d.get("sanction")))
                        + (d.get("from") == null ? "" : "; dari " + value(d.get("from")))
                        + (Boolean.TRUE.equals(d.get("spoofed")) || "true".equals(String.valueOf(d.get("spoofed")))
                        ? " — pengirim bukan penerima kasus: tidak mengubah status" : "");
                case REMINDED -> "pengingat ke-" + value(d.get("reminder")) + " kepada " + value(d.get("to"));
                case ESCALATED -> "eskalasi kepada " + value(d.get("to"));
                case FOLLOW_UP_CLOSED -> "selesai ditindaklanjuti: " + value(d.get("status"));
                case LINKED -> "terkait dengan kasus " + value(d.get("relatedTo"));
                case BOUNCED -> "surat tidak terkirim kepada " + failedAddresses(d.get("failed"));
                default -> null;
            };
            if (text != null) {
                Map<String, Object> step = new HashMap<>();
                step.put("at", zoned(e.at(), zone));
                step.put("event", e.event() == AuditEventType.DELIVERED || e.event() == AuditEventType.DIGEST_SENT
                        ? "FORWARDED" : e.event().name());
                step.put("text", shortened(text));
                step.put("spoofed", e.event() == AuditEventType.FOLLOW_UP && text.contains("bukan penerima"));
                steps.add(step);
            }
        }
        return steps;
    }

    private static String deadlineText(Object deadline, RegionZone zone) {
        try {
            return zoned(OffsetDateTime.parse(deadline.toString()), zone);
        } catch (DateTimeParseException e) {
            return deadline.toString();
        }
    }

    private static String value(Object value) {
        return value == null ? "—" : value.toString();
    }

    /** The addresses of a BOUNCED event's {@code failed} list, or that the bounce named none. */
    private static String failedAddresses(Object failed) {
        List<String> addresses = new ArrayList<>();
        if (failed instanceof List<?> list) {
            for (Object item : list) {
                if (item instanceof Map<?, ?> recipient) {
                    addresses.add(value(recipient.get("address")));
                }
            }
        }
        return addresses.isEmpty() ? "(alamat tidak disebutkan)" : String.join(", ", addresses);
    }

    private static String shortened(String text) {
        return text.length() <= MAX_VALUE_CHARS ? text : text.substring(0, MAX_VALUE_CHARS) + "…";
    }

    /** A time in the region's zone, its offset shown: "2024-11-27 10:00:41 WITA (UTC+08:00)". */
    private static String zoned(OffsetDateTime at, RegionZone zone) {
        return ReportText.time(at.withOffsetSameInstant(zone.offset())) + " (UTC" + zone.offset().getId() + ")";
    }

    /** The event that decided where the case stands: the last one that changed its status. */
    private static int outcomeIndex(List<CaseTimelines.Entry> entries, boolean triage) {
        CaseStatus status = null;
        int index = -1;
        for (int i = 0; i < entries.size(); i++) {
            CaseStatus next = CaseStatus.after(status, entries.get(i).event(), triage);
            if (next != null) {
                status = next;
                index = i;
            }
        }
        return index;
    }

    private String regionText(CaseTally tally, int region) {
        String code = tally.regionCode(region);
        if (code == null) {
            return specialRegion(region);
        }
        String name = regionNames.apply(code);
        return code + (name == null ? "" : " " + name);
    }

    /**
     * Anchors are the case ids (#NH-20241008-V985QRPK), so a link to a case can be shared; an id from a report that
     * is no plain fragment (spaces, markup) gets a number instead.
     */
    private static Map<String, String> anchors(Collection<CaseTimelines.Timeline> timelines) {
        Map<String, String> anchors = new HashMap<>();
        int n = 1;
        for (CaseTimelines.Timeline timeline : timelines) {
            String id = timeline.caseId();
            anchors.put(id, SAFE_ANCHOR.matcher(id).matches() ? id : "kasus-" + n);
            n++;
        }
        return anchors;
    }

    private static final Pattern SAFE_ANCHOR = Pattern.compile("[A-Za-z][A-Za-z0-9._-]{0,79}");

    /** The detail as labelled pairs, Indonesian keys and values; empty values left out. */
    private static List<Map<String, String>> detail(Map<String, Object> detail) {
        List<Map<String, String>> pairs = new ArrayList<>();
        for (Map.Entry<String, Object> entry : AuditEvent.currentKeys(detail).entrySet()) {
            String value = value(entry.getKey(), entry.getValue());
            if (value == null || value.isEmpty()) {
                continue;
            }
            pairs.add(Map.of("key", DetailLabels.key(entry.getKey()), "value", shorten(value)));
        }
        return pairs;
    }

    private static String value(String key, Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof List<?> list) {
            List<String> parts = new ArrayList<>();
            for (Object item : list) {
                String part = value(key, item);
                if (part != null && !part.isEmpty()) {
                    parts.add(part);
                }
            }
            return String.join("; ", parts);
        }
        if (value instanceof Map<?, ?>) {
            return AuditTrail.canonicalJson(value);
        }
        return DetailLabels.value(key, value.toString());
    }

    /** Cut to a readable length; control characters (an old trail may hold them, JSON-escaped) shown as U+FFFD. */
    private static String shorten(String text) {
        if (text == null) {
            return "";
        }
        String cut = text.length() <= MAX_VALUE_CHARS ? text : text.substring(0, MAX_VALUE_CHARS) + "…";
        return CONTROL.matcher(cut).replaceAll("\uFFFD");
    }

    private static final Pattern CONTROL = Pattern.compile("[\\x00-\\x08\\x0b-\\x1f\\x7f]");
}
