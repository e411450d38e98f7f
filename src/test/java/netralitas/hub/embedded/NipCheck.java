package netralitas.hub.embedded;

import java.time.DateTimeException;
import java.time.LocalDate;

/** The SPEC §4.1 NIP rules, just enough to vouch for the invented dev data (the hub's own validator lives elsewhere). */
final class NipCheck {

    private NipCheck() {
    }

    /** @return null when valid, else the failing part */
    static String problem(String nip, LocalDate today) {
        if (nip == null || !nip.matches("\\d{18}")) {
            return "not 18 digits";
        }
        LocalDate birth;
        try {
            birth = LocalDate.of(num(nip, 0, 4), num(nip, 4, 6), num(nip, 6, 8));
        } catch (DateTimeException e) {
            return "birth date";
        }
        int year = num(nip, 8, 12);
        int monthOrCode = num(nip, 12, 14);
        boolean pppk = monthOrCode >= 21;
        if (!pppk && (monthOrCode < 1 || monthOrCode > 12)) {
            return "appointment month";
        }
        if (year <= birth.getYear() || year > today.getYear()
                || (!pppk && LocalDate.of(year, monthOrCode, 1).isAfter(today))) {
            return "appointment year";
        }
        char gender = nip.charAt(14);
        if (gender != '1' && gender != '2') {
            return "gender";
        }
        if (nip.endsWith("000")) {
            return "sequence";
        }
        return null;
    }

    static boolean isPppk(String nip) {
        return num(nip, 12, 14) >= 21;
    }

    private static int num(String text, int from, int to) {
        return Integer.parseInt(text.substring(from, to));
    }
}
