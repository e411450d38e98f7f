package netralitas.hub.audit;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.stream.Stream;

/** Writes trail events as CSV for spreadsheets (SPEC §8 {@code audit export}), streaming. */
public final class AuditCsvExport {

    private static final String[] HEADER =
            {"seq", "at", "caseId", "event", "route", "source", "detail", "prev", "hash"};

    /**
     * Writes the events whose {@code at} date (as recorded, in its own offset) lies in [from, to].
     *
     * @param from inclusive; null for no lower bound
     * @param to   inclusive; null for no upper bound
     * @return number of events written
     */
    public long export(Path auditDir, LocalDate from, LocalDate to, Appendable out) throws IOException {
        long written = 0;
        CSVPrinter csv = CSVFormat.DEFAULT.builder().setHeader(HEADER).get().print(out);
        try (Stream<AuditEvent> events = new AuditLog(auditDir).events()) {
            for (AuditEvent e : (Iterable<AuditEvent>) events::iterator) {
                LocalDate date = e.at().toLocalDate();
                if ((from != null && date.isBefore(from)) || (to != null && date.isAfter(to))) {
                    continue;
                }
                csv.printRecord(e.seq(), AuditEvent.AT_FORMAT.format(e.at()), e.caseId(), e.event(), e.route(),
                        e.source(), AuditTrail.canonicalJson(e.detail()), e.prev(), e.hash());
                written++;
            }
        }
        csv.flush();
        return written;
    }
}
