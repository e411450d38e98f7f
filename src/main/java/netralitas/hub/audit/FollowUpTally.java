package netralitas.hub.audit;

import netralitas.hub.report.SpreadsheetCells;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * {@code audit followup} and the HTML report's follow-up table (SPEC §12), from the audit trail alone: auditors verify
 * the trail, not the hub's state. Per region: cases forwarded (DELIVERED or DIGEST_SENT with a {@code deadline}),
 * answered (a FOLLOW_UP not {@code spoofed}), finished (FOLLOW_UP_CLOSED), and overdue (not finished, deadline
 * passed) with the days overdue, and bounced (a mail of its follow-up came back undelivered: BOUNCED); then the overdue
 * cases with their reminders, whether they were escalated and whether a mail of theirs bounced.
 *
 * <p>Read in one pass in chain order. Every case keeps one packed int (its region, severity and follow-up flags in
 * {@link CaseStates}); only forwarded cases not finished are kept with their deadline.
 */
public final class FollowUpTally {

    /** The region column of cases without one (triage, central agency). */
    public static final String NO_REGION = "-";

    private static final int REGION_BITS = 0xFFFF;
    private static final int SEVERITY_SHIFT = 16;
    private static final int SEVERITY_BITS = 0x7;
    private static final int FORWARDED = 1 << 20;
    private static final int ANSWERED = 1 << 21;
    private static final int FINISHED = 1 << 22;
    private static final int BOUNCED = 1 << 23;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm xxx");
    private static final String[] SEVERITIES = {null, "BERAT", "SEDANG", "RINGAN", "BUKAN_PELANGGARAN"};

    /**
     * One region's line.
     *
     * @param region          its code, or {@link #NO_REGION}
     * @param mostDaysOverdue the days overdue of its longest overdue case, 0 when none is
     * @param bounced         forwarded cases a mail of whose follow-up came back undelivered
     */
    public record RegionRow(String region, long forwarded, long answered, long finished, long overdue,
                            long mostDaysOverdue, long bounced) {
    }

    /** A forwarded case not finished by its deadline; {@code bounced}: a mail of its follow-up came back. */
    public record OverdueCase(String caseId, String region, String severity, OffsetDateTime deadline, long daysOverdue,
                              int reminders, boolean escalated, boolean bounced) {
    }

    /** A forwarded case not finished yet. */
    private static final class Waiting {
        final OffsetDateTime deadline;
        int reminders;
        boolean escalated;
        boolean bounced;

        Waiting(OffsetDateTime deadline) {
            this.deadline = deadline;
        }
    }

    private final CaseStates states = new CaseStates();
    private final List<String> regionCodes = new ArrayList<>(List.of(NO_REGION));
    private final Map<String, Integer> regionIndex = new HashMap<>(Map.of(NO_REGION, 0));
    private final Map<Integer, long[]> counts = new HashMap<>();
    private final Map<String, Waiting> waiting = new HashMap<>();

    public static FollowUpTally of(Stream<AuditEvent> trail) {
        FollowUpTally tally = new FollowUpTally();
        trail.forEach(tally::add);
        return tally;
    }

    /** Counts one event, in chain order. */
    public void add(AuditEvent event) {
        String caseId = event.caseId();
        if (caseId == null) {
            return;
        }
        int packed = Math.max(0, states.get(caseId));
        int region = packed & REGION_BITS;
        switch (event.event()) {
            case ROUTED, CLOSED, DIGEST_QUEUED -> states.put(caseId, packed & ~REGION_BITS | region(event.detail().get("region")));
            case CLASSIFIED -> states.put(caseId, packed & ~(SEVERITY_BITS << SEVERITY_SHIFT)
                    | severity(event.detail().get("severity")) << SEVERITY_SHIFT);
            case DELIVERED, DIGEST_SENT -> {
                OffsetDateTime deadline = deadline(event.detail().get("deadline"));
                if (deadline != null && (packed & FORWARDED) == 0) {
                    states.put(caseId, packed | FORWARDED);
                    count(region)[0]++;
                    waiting.put(caseId, new Waiting(deadline));
                }
            }
            case FOLLOW_UP -> {
                if ((packed & FORWARDED) != 0 && (packed & ANSWERED) == 0 && !isTrue(event.detail().get("spoofed"))) {
                    states.put(caseId, packed | ANSWERED);
                    count(region)[1]++;
                }
            }
            case FOLLOW_UP_CLOSED -> {
                if ((packed & FORWARDED) != 0 && (packed & FINISHED) == 0) {
                    states.put(caseId, packed | FINISHED);
                    count(region)[2]++;
                    waiting.remove(caseId);
                }
            }
            case REMINDED -> {
                Waiting w = waiting.get(caseId);
                if (w != null) {
                    w.reminders++;
                }
            }
            case ESCALATED -> {
                Waiting w = waiting.get(caseId);
                if (w != null) {
                    w.escalated = true;
                }
            }
            case BOUNCED -> {
                if ((packed & FORWARDED) != 0 && (packed & BOUNCED) == 0) {
                    states.put(caseId, packed | BOUNCED);
                    count(region)[3]++;
                }
                Waiting w = waiting.get(caseId);
                if (w != null) {
                    w.bounced = true;
                }
            }
            default -> {
                // Other steps do not change the follow-up.
            }
        }
    }

    /** The regions with forwarded cases, by code ({@link #NO_REGION} last), as of {@code now}. */
    public List<RegionRow> regions(Instant now) {
        Map<Integer, long[]> overdue = new HashMap<>();
        for (OverdueCase late : overdue(now)) {
            long[] o = overdue.computeIfAbsent(regionIndex.get(late.region()), r -> new long[2]);
            o[0]++;
            o[1] = Math.max(o[1], late.daysOverdue());
        }
        Map<String, RegionRow> rows = new TreeMap<>(Comparator.comparing((String code) -> NO_REGION.equals(code))
                .thenComparing(Comparator.naturalOrder()));
        counts.forEach((index, c) -> {
            long[] o = overdue.getOrDefault(index, new long[2]);
            String code = regionCodes.get(index);
            rows.put(code, new RegionRow(code, c[0], c[1], c[2], o[0], o[1], c[3]));
        });
        return List.copyOf(rows.values());
    }

    /** All regions together. */
    public RegionRow total(Instant now) {
        long forwarded = 0;
        long answered = 0;
        long finished = 0;
        long overdue = 0;
        long most = 0;
        long bounced = 0;
        for (RegionRow row : regions(now)) {
            forwarded += row.forwarded();
            answered += row.answered();
            finished += row.finished();
            overdue += row.overdue();
            most = Math.max(most, row.mostDaysOverdue());
            bounced += row.bounced();
        }
        return new RegionRow("total", forwarded, answered, finished, overdue, most, bounced);
    }

    /** The forwarded cases not finished whose deadline passed before {@code now}, most overdue first. */
    public List<OverdueCase> overdue(Instant now) {
        List<OverdueCase> late = new ArrayList<>();
        waiting.forEach((caseId, w) -> {
            if (w.deadline.toInstant().isBefore(now)) {
                int packed = states.get(caseId);
                String severity = SEVERITIES[(packed >> SEVERITY_SHIFT) & SEVERITY_BITS];
                late.add(new OverdueCase(caseId, regionCodes.get(packed & REGION_BITS), severity == null ? "-" : severity,
                        w.deadline, Duration.between(w.deadline.toInstant(), now).toDays(), w.reminders, w.escalated,
                        w.bounced));
            }
        });
        late.sort(Comparator.comparing((OverdueCase c) -> c.deadline().toInstant()).thenComparing(OverdueCase::caseId));
        return late;
    }

    /** The two tables as text, the deadlines in the clock's time zone; region names beside the codes when known. */
    public void print(PrintStream out, Clock clock, Function<String, String> regionNames) {
        Instant now = clock.instant();
        List<RegionRow> rows = regions(now);
        out.println("Follow-up per region (SPEC §12), from the audit trail, as of " + TIME.format(now.atZone(clock.getZone())));
        String format = "%-8s %9s %9s %9s %9s %18s %8s  %s";
        out.println(String.format(format, "region", "forwarded", "answered", "finished", "overdue", "most days overdue",
                "bounced", "name"));
        for (RegionRow row : rows) {
            String name = NO_REGION.equals(row.region()) ? "(tanpa wilayah: triase/pusat)" : regionNames.apply(row.region());
            out.println(String.format(format, row.region(), row.forwarded(), row.answered(), row.finished(),
                    row.overdue(), row.mostDaysOverdue(), row.bounced(), name == null ? "" : name).stripTrailing());
        }
        RegionRow total = total(now);
        out.println(String.format(format, "total", total.forwarded(), total.answered(), total.finished(),
                total.overdue(), total.mostDaysOverdue(), total.bounced(), "").stripTrailing());
        List<OverdueCase> late = overdue(now);
        out.println("Overdue cases: " + late.size() + (late.isEmpty() ? "" : " (most overdue first)"));
        if (!late.isEmpty()) {
            String lateFormat = "  %-22s %-8s %-17s %-25s %12s %9s  %-9s  %s%n";
            out.printf(lateFormat, "case id", "region", "severity", "deadline", "days overdue", "reminders", "escalated",
                    "bounced");
            for (OverdueCase c : late) {
                out.printf(lateFormat, c.caseId(), c.region(), c.severity(),
                        TIME.format(c.deadline().atZoneSameInstant(clock.getZone())), c.daysOverdue(), c.reminders(),
                        c.escalated() ? "yes" : "no", c.bounced() ? "yes" : "no");
            }
        }
    }

    /**
     * The two tables as CSV for spreadsheets (formula-safe): the regions with a header line, an empty line, the overdue
     * cases with theirs. Deadlines ISO-8601 in the clock's time zone.
     */
    public void writeCsv(Appendable out, Clock clock) throws IOException {
        Instant now = clock.instant();
        CSVPrinter regions = CSVFormat.DEFAULT.builder().setHeader("region", "forwarded", "answered", "finished",
                "overdue", "most_days_overdue", "bounced").get().print(out);
        for (RegionRow row : regions(now)) {
            regions.printRecord(cell(row.region()), row.forwarded(), row.answered(), row.finished(),
                    row.overdue(), row.mostDaysOverdue(), row.bounced());
        }
        regions.flush();
        out.append("\r\n");
        CSVPrinter late = CSVFormat.DEFAULT.builder().setHeader("case_id", "region", "severity", "deadline",
                "days_overdue", "reminders", "escalated", "bounced").get().print(out);
        for (OverdueCase c : overdue(now)) {
            late.printRecord(SpreadsheetCells.safe(c.caseId()), cell(c.region()), c.severity(),
                    c.deadline().atZoneSameInstant(clock.getZone()).toOffsetDateTime().toString(), c.daysOverdue(),
                    c.reminders(), c.escalated(), c.bounced());
        }
        late.flush();
    }

    /** A region code from the trail, formula-safe; the hub's own {@link #NO_REGION} as it is. */
    private static String cell(String region) {
        return NO_REGION.equals(region) ? region : SpreadsheetCells.safe(region);
    }

    private long[] count(int region) {
        return counts.computeIfAbsent(region, r -> new long[4]);
    }

    private int region(Object code) {
        String key = code == null || code.toString().isBlank() ? NO_REGION : code.toString();
        Integer index = regionIndex.get(key);
        if (index == null) {
            if (regionCodes.size() > REGION_BITS) {
                throw new IllegalStateException("More than " + REGION_BITS + " regions in the trail");
            }
            index = regionCodes.size();
            regionCodes.add(key);
            regionIndex.put(key, index);
        }
        return index;
    }

    private static int severity(Object name) {
        for (int i = 1; i < SEVERITIES.length; i++) {
            if (SEVERITIES[i].equals(String.valueOf(name))) {
                return i;
            }
        }
        return 0;
    }

    /** The deadline a DELIVERED or DIGEST_SENT recorded, or null (an earlier release, or a case not followed up). */
    private static OffsetDateTime deadline(Object text) {
        if (text == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text.toString());
        } catch (DateTimeParseException e) {
            try {
                return Instant.parse(text.toString()).atOffset(ZoneOffset.UTC);
            } catch (DateTimeParseException notAnInstant) {
                return null;
            }
        }
    }

    private static boolean isTrue(Object value) {
        return value instanceof Boolean b ? b : "true".equalsIgnoreCase(String.valueOf(value));
    }
}
