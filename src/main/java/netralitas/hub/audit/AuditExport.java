package netralitas.hub.audit;

import netralitas.hub.progress.Progress;
import netralitas.hub.report.SpreadsheetCells;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.stream.Stream;

/** Writes trail events for {@code audit export} (SPEC §8), streaming: CSV or JSON Lines. */
public final class AuditExport {

    /** CSV for spreadsheets (formula-safe); JSON Lines are the trail's own lines, hashes included, for tools. */
    public enum Format { CSV, JSON }

    private static final String[] HEADER =
            {"seq", "at", "caseId", "event", "route", "source", "detail", "prev", "hash"};

    /**
     * @param from inclusive; null for no lower bound
     * @param to   inclusive; null for no upper bound
     * @return number of events written
     */
    public long export(Path auditDir, LocalDate from, LocalDate to, Format format, Appendable out) throws IOException {
        return export(auditDir, from, to, format, out, Progress.silent());
    }

    /** As above, telling {@code progress} of every event read (written or not). */
    public long export(Path auditDir, LocalDate from, LocalDate to, Format format, Appendable out,
                       Progress progress) throws IOException {
        return export(new AuditLog(auditDir), from, to, format, out, progress);
    }

    /** As above, from {@code trail} as it reads (one that skips unreadable lines, for the command). */
    long export(AuditLog trail, LocalDate from, LocalDate to, Format format, Appendable out, Progress progress)
            throws IOException {
        return export(trail, from, to, IncidentRange.ANY, format, out, progress);
    }

    /**
     * The events of the cases whose incident date (recorded in their {@code RECEIVED} detail as {@code incidentDate})
     * falls in {@code from..to}, inclusive; either end may be null. Events without a case, and the cases of a trail
     * written before the date was recorded, are not in any such range.
     */
    public record IncidentRange(LocalDate from, LocalDate to) {

        public static final IncidentRange ANY = new IncidentRange(null, null);

        boolean any() {
            return from == null && to == null;
        }

        boolean contains(Object recorded) {
            if (recorded == null) {
                return false;
            }
            LocalDate date;
            try {
                date = LocalDate.parse(recorded.toString());
            } catch (DateTimeParseException e) {
                return false;
            }
            return (from == null || !date.isBefore(from)) && (to == null || !date.isAfter(to));
        }
    }

    /**
     * As above, also selecting by the incident date of the case (events are kept when both ranges hold). One int per
     * case remembers whether its incident date is in range, so memory stays bounded by the cases, not the events.
     */
    public long export(AuditLog trail, LocalDate from, LocalDate to, IncidentRange incident, Format format,
                       Appendable out, Progress progress) throws IOException {
        CaseStates inRange = incident.any() ? null : new CaseStates();
        long written = 0;
        CSVPrinter csv = format == Format.CSV ? CSVFormat.DEFAULT.builder().setHeader(HEADER).get().print(out) : null;
        try (Stream<AuditEvent> events = trail.events(progress)) {
            for (AuditEvent e : (Iterable<AuditEvent>) events::iterator) {
                LocalDate date = e.at().toLocalDate();
                // The case's RECEIVED is read even when outside the processing-time range: it carries the date.
                if (inRange != null && !inIncidentRange(e, incident, inRange)) {
                    continue;
                }
                if ((from != null && date.isBefore(from)) || (to != null && date.isAfter(to))) {
                    continue;
                }
                if (csv != null) {
                    csv.printRecord(e.seq(), AuditEvent.AT_FORMAT.format(e.at()), safe(e.caseId()), e.event(),
                            safe(e.route()), safe(e.source()), safe(AuditTrail.canonicalJson(e.detail())), e.prev(), e.hash());
                } else {
                    out.append(e.toJsonLine()).append('\n');
                }
                written++;
            }
        }
        if (csv != null) {
            csv.flush();
        }
        return written;
    }

    private static boolean inIncidentRange(AuditEvent e, IncidentRange incident, CaseStates inRange) {
        if (e.caseId() == null) {
            return false;
        }
        if (e.event() == AuditEventType.RECEIVED && inRange.get(e.caseId()) != 1) {
            inRange.put(e.caseId(), incident.contains(e.detail().get("incidentDate")) ? 1 : 0);
        }
        return inRange.get(e.caseId()) == 1;
    }

    private static String safe(String cell) {
        return SpreadsheetCells.safe(cell);
    }
}
