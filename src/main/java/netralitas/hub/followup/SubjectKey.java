package netralitas.hub.followup;

import netralitas.hub.bkn.Employee;
import netralitas.hub.cases.ViolationCase;
import netralitas.hub.region.RegionResolution;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Who a case is about, as column FOLLOW_UP.subject_key keeps it, so that a later report about the same person is found
 * (SPEC §12, related reports): {@code nip:<NIP>} (BKN's when it verified the employee, else the reported one), else
 * {@code name:<normalised name>|<region code>}. A report with neither a NIP nor a name and a region has no key: it is
 * not related to anything.
 */
public final class SubjectKey {

    /** Names are cut to this length in the key: column subject_key holds 255 characters, and no name is longer. */
    static final int MAX_NAME = 200;

    private SubjectKey() {
    }

    /** The key of {@code violationCase}, or null. */
    public static String of(ViolationCase violationCase) {
        Employee employee = violationCase.getEmployee();
        if (employee != null && employee.nipBaru() != null && employee.nipBaru().matches("\\d{18}")) {
            return "nip:" + employee.nipBaru();
        }
        if (violationCase.getReport().hasNip()) {
            return "nip:" + violationCase.getReport().nip();
        }
        String name = normalisedName(violationCase.getReport().name());
        RegionResolution resolution = violationCase.getRegionResolution();
        if (name.isEmpty() || resolution == null || resolution.region() == null) {
            return null;
        }
        return "name:" + (name.length() > MAX_NAME ? name.substring(0, MAX_NAME).strip() : name) + "|"
                + resolution.region().code();
    }

    /**
     * A name as reporters spell it differently: accents dropped, lower case, every run of characters other than letters
     * and digits one space ("H. Ahmad  Syarif, S.Pd." and "h ahmad syarif s pd" are the same). Empty for null.
     */
    public static String normalisedName(String name) {
        if (name == null) {
            return "";
        }
        String plain = Normalizer.normalize(name, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "");
        return plain.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{Nd}]+", " ").strip();
    }
}
