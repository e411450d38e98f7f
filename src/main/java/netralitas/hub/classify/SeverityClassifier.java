package netralitas.hub.classify;

import netralitas.hub.bkn.Employee;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns a category into the severity a case carries (SPEC §5): the matrix severity, raised one level when the
 * employee holds a senior post or the description mentions state facilities. Several reasons still raise only
 * one level, but all are recorded so the regional office sees why.
 */
public final class SeverityClassifier {

    private final CategoryCatalogue catalogue;

    public SeverityClassifier(CategoryCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    /**
     * @param category         the case's category; null is treated as OTHER
     * @param employeeOrNull   the BKN record, or null when the NIP was absent or not found
     * @param reportedPosition the position as the reporter wrote it; used only when BKN gives no position
     * @param description      the report's description
     */
    public Classification classify(Category category, Employee employeeOrNull, String reportedPosition,
                                   String description) {
        Category c = category == null ? catalogue.other() : category;
        Severity base = c.severity();
        if (base == Severity.BUKAN_PELANGGARAN) {
            return new Classification(c, base, base, List.of());
        }
        EscalationRules rules = catalogue.escalation();
        List<String> reasons = new ArrayList<>();
        String bknPosition = employeeOrNull == null ? null : clean(employeeOrNull.jabatanNama());
        if (bknPosition != null && rules.isSeniorPosition(bknPosition)) {
            reasons.add("Jabatan senior (data BKN): " + bknPosition);
        }
        if (employeeOrNull != null && rules.isSeniorEselon(employeeOrNull.eselon())) {
            reasons.add("Eselon " + clean(employeeOrNull.eselon()) + " (data BKN)");
        }
        // The reporter's word counts only where BKN is silent, and the reason says whose word it is.
        String reported = clean(reportedPosition);
        if (bknPosition == null && reported != null && rules.isSeniorPosition(reported)) {
            reasons.add("Jabatan senior (menurut laporan): " + reported);
        }
        List<String> facilities = rules.stateFacilitiesIn(description);
        if (!facilities.isEmpty()) {
            reasons.add("Uraian menyebut penggunaan fasilitas negara: " + String.join(", ", facilities));
        }
        Severity severity = reasons.isEmpty() ? base : base.escalate();
        return new Classification(c, base, severity, reasons);
    }

    /** Single-line, trimmed text for a reason; null when there is nothing to say. */
    private static String clean(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        return text.strip().replaceAll("\\s+", " ");
    }
}
