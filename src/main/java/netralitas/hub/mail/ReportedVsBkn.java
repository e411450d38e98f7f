package netralitas.hub.mail;

import netralitas.hub.bkn.Employee;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Decides whether what the reporter wrote disagrees with BKN enough to point it out to the office. Lenient on
 * purpose: reporters write "Rudi Hartono" for "RUDI HARTONO, S.Sos." and "Dinas Pendidikan Kab. Kepahiang"
 * for "Pemerintah Kab. Kepahiang"; flagging those would bury the real mismatches.
 */
final class ReportedVsBkn {

    private ReportedVsBkn() {
    }

    /** True when a reported name is given and matches neither BKN's bare name nor its name with titles. */
    static boolean namesDiffer(String reportedName, Employee e) {
        if (e == null || !CaseFacts.hasText(reportedName)) {
            return false;
        }
        List<String> bkn = List.of(normalise(e.nama()), normalise(e.fullName()));
        return !bkn.contains(normalise(reportedName)) && !bkn.contains(normalise(withoutTitles(reportedName)));
    }

    /**
     * True when a reported agency is given and shares no name with BKN's instansi, unit or satuan kerja —
     * either way round, after "Kab."/"Pemkab"/"Pemerintah" are made comparable.
     */
    static boolean agenciesDiffer(String reportedAgency, Employee e) {
        if (e == null || !CaseFacts.hasText(reportedAgency)) {
            return false;
        }
        String reported = normaliseAgency(reportedAgency);
        if (reported.isEmpty()) {
            return false;
        }
        return Stream.of(e.instansiKerjaNama(), e.instansiIndukNama(), e.satuanKerjaKerjaNama(),
                        e.unorIndukNama(), e.unorNama())
                .filter(CaseFacts::hasText)
                .map(ReportedVsBkn::normaliseAgency)
                .filter(s -> !s.isEmpty())
                .noneMatch(bkn -> reported.contains(bkn) || bkn.contains(reported));
    }

    /** A reported name with titles: compare the bare name against BKN's bare name too. */
    private static String withoutTitles(String name) {
        String bare = name;
        int comma = bare.indexOf(',');
        if (comma > 0) {
            bare = bare.substring(0, comma);
        }
        return bare.replaceAll("(?i)^\\s*((dr|drs|dra|ir|prof|h|hj)\\.\\s*)+", "");
    }

    private static String normalise(String text) {
        if (text == null) {
            return "";
        }
        String ascii = Normalizer.normalize(text, Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
        return ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", " ").trim();
    }

    private static String normaliseAgency(String text) {
        String s = " " + normalise(text) + " ";
        s = s.replace(" kab ", " kabupaten ")
                .replace(" pemkab ", " kabupaten ")
                .replace(" pemkot ", " kota ")
                .replace(" pemprov ", " provinsi ")
                .replace(" prov ", " provinsi ")
                .replace(" pemerintah ", " ")
                .replace(" pemda ", " ");
        return s.replaceAll("\\s+", " ").trim();
    }
}
