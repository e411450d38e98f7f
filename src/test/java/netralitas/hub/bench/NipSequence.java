package netralitas.hub.bench;

import java.time.LocalDate;

/**
 * The n-th invented NIP of a load run: valid under SPEC §4.1 and distinct for every index below {@link #CAPACITY}, so a
 * generator can name a million different employees, or any earlier one again, while remembering only a counter.
 *
 * <p>The index is first permuted (multiplied by a number coprime with {@link #CAPACITY}), so neighbouring indices get
 * unrelated birth dates, genders and sequence numbers; these three are then a one-to-one function of the permuted index.
 * Appointment year and month (or the PPPK code) are derived from the index too, but play no part in keeping NIPs apart.
 */
final class NipSequence {

    private static final LocalDate FIRST_BIRTH = LocalDate.of(1966, 1, 1);
    /** Birth dates 1966-01-01 .. 1998-11-08: everyone was appointed by 2023, at least 20 years after birth. */
    private static final int BIRTH_DAYS = 12_000;
    /** A prime that divides neither 2, 3, 5 nor 37, the factors of CAPACITY: index → index × STRIDE is a bijection. */
    private static final long STRIDE = 7_919;
    private static final int LAST_APPOINTMENT_YEAR = 2023;

    static final long CAPACITY = BIRTH_DAYS * 2L * 999L;

    private NipSequence() {
    }

    static String nip(long index) {
        if (index < 0 || index >= CAPACITY) {
            throw new IllegalArgumentException("NIP index out of range: " + index);
        }
        long permuted = index * STRIDE % CAPACITY;
        int sequence = (int) (permuted % 999) + 1;
        long rest = permuted / 999;
        int gender = (int) (rest % 2) + 1;
        LocalDate birth = FIRST_BIRTH.plusDays(rest / 2);

        long hash = Mix.of(index);
        boolean pppk = hash % 10 == 0;
        int year;
        String monthOrCode;
        if (pppk) {
            year = 2019 + (int) ((hash >>> 8) % 5);
            monthOrCode = (hash >>> 16) % 8 == 0 ? "24" : "21";
        } else {
            year = Math.min(birth.getYear() + 20 + (int) ((hash >>> 8) % 11), LAST_APPOINTMENT_YEAR);
            monthOrCode = String.format("%02d", 1 + (hash >>> 16) % 12);
        }
        return String.format("%04d%02d%02d%04d%s%d%03d", birth.getYear(), birth.getMonthValue(), birth.getDayOfMonth(),
                year, monthOrCode, gender, sequence);
    }

    /** PPPK NIPs carry a code of 21 or more where a PNS NIP has its appointment month. */
    static boolean isPppk(String nip) {
        return Integer.parseInt(nip.substring(12, 14)) >= 21;
    }

    static boolean isFemale(String nip) {
        return nip.charAt(14) == '2';
    }
}
