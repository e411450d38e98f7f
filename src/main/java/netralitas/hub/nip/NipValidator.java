package netralitas.hub.nip;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks the structure of a NIP (SPEC §4.1) before anyone asks BKN about it, so that a typo is
 * rejected with a reason the reporter can fix instead of surfacing later as "not found".
 *
 * <p>Layout (1-based positions): 1-8 birth date yyyyMMdd, 9-12 appointment year, 13-14 appointment
 * month 01-12 (PNS) or a code of 21 or more (PPPK: 21 full-time, 24 part-time), 15 gender 1/2,
 * 16-18 sequence 001-999. Only the first failing part is reported: one clear fix at a time.
 */
public final class NipValidator {

    private static final int LENGTH = 18;
    private static final int FIRST_PPPK_CODE = 21;
    /** Characters pasted text carries unseen: zero-width spaces and joiners, word joiner, byte order mark. */
    private static final String INVISIBLE_CHARACTERS = "\\u200B-\\u200D\\u2060\\uFEFF";

    /**
     * Whitespace of any kind (including the non-breaking space of pasted text), dots and dashes between the groups, and
     * invisible characters.
     */
    private static final Pattern SEPARATORS = Pattern.compile("[\\s\\u00A0.\\-\\u2010-\\u2015" + INVISIBLE_CHARACTERS + "]+");
    /** Excel's mark of a cell typed as text ('198001012005011001), which some exports keep. */
    private static final Pattern TEXT_MARK = Pattern.compile("^\\s*'");

    /**
     * An 18-digit number as people write it: either solid, or in its natural groups
     * (birth date, appointment, gender, sequence) separated by one space, dot or dash.
     */
    private static final Pattern CANDIDATE = Pattern.compile(
            "(?<!\\d)(\\d{8})[ .\\u00A0-]?(\\d{6})[ .\\u00A0-]?(\\d)[ .\\u00A0-]?(\\d{3})(?![\\d])");

    private static final Pattern INVISIBLE = Pattern.compile("[" + INVISIBLE_CHARACTERS + "]");

    private final Clock clock;

    public NipValidator(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Removes separators, invisible characters and a leading text mark, and writes digits of any script (full-width,
     * Arabic-Indic …) as ASCII digits; returns null for null or blank input.
     */
    public static String normalize(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String compact = SEPARATORS.matcher(TEXT_MARK.matcher(asciiDigits(raw)).replaceFirst("")).replaceAll("");
        return compact.isEmpty() ? null : compact;
    }

    /** Decimal digits of any script as ASCII digits: a phone keyboard or an IME may type them full-width. */
    private static String asciiDigits(String text) {
        StringBuilder ascii = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c > '\u007F' && Character.isDigit(c)) {
                if (ascii == null) {
                    ascii = new StringBuilder(text);
                }
                ascii.setCharAt(i, (char) ('0' + Character.digit(c, 10)));
            }
        }
        return ascii == null ? text : ascii.toString();
    }

    public NipCheck check(String raw) {
        String nip = normalize(raw);
        if (nip == null) {
            return NipCheck.invalid(null, "kosong");
        }
        String lengthProblem = lengthProblem(nip);
        if (lengthProblem != null) {
            return NipCheck.invalid(nip, lengthProblem);
        }
        String birth = nip.substring(0, 8);
        if (!isRealDate(birth)) {
            return NipCheck.invalid(nip, "tanggal lahir " + birth + " tidak ada");
        }
        int birthYear = Integer.parseInt(birth.substring(0, 4));
        String yearText = nip.substring(8, 12);
        int appointmentYear = Integer.parseInt(yearText);
        NipKind kind = kindOf(nip);
        if (kind == null) {
            return NipCheck.invalid(nip, "bulan pengangkatan " + nip.substring(12, 14) + " tidak ada");
        }
        if (appointmentYear <= birthYear) {
            return NipCheck.invalid(nip, "tahun pengangkatan " + yearText + " tidak setelah tahun lahir " + birth.substring(0, 4));
        }
        int thisYear = LocalDate.now(clock).getYear();
        if (appointmentYear > thisYear) {
            return NipCheck.invalid(nip, "tahun pengangkatan " + yearText + " di masa depan");
        }
        char gender = nip.charAt(14);
        if (gender != '1' && gender != '2') {
            return NipCheck.invalid(nip, "kode jenis kelamin " + gender + " (harus 1 atau 2)");
        }
        String sequence = nip.substring(15);
        if (sequence.equals("000")) {
            return NipCheck.invalid(nip, "nomor urut 000");
        }
        return NipCheck.valid(nip, kind);
    }

    /**
     * The scheme an 18-digit number is written in, from positions 13-14 alone: a month (PNS) or a code of 21 or more
     * (PPPK, whose number is the NI PPPK). Null for anything else. It says how to label a number that passed
     * {@link #check}, not whether the number is valid.
     */
    public static NipKind kindOf(String raw) {
        String nip = normalize(raw);
        if (nip == null || lengthProblem(nip) != null) {
            return null;
        }
        int monthOrCode = Integer.parseInt(nip.substring(12, 14));
        if (monthOrCode >= 1 && monthOrCode <= 12) {
            return NipKind.PNS;
        }
        return monthOrCode >= FIRST_PPPK_CODE ? NipKind.PPPK : null;
    }

    /**
     * Finds NIP-shaped numbers in free text (an email body), also when written in groups such as
     * {@code 19800101 200501 1 001} or {@code 19800101.200501.1.001}. Returns the normalised
     * 18 digits in order of first appearance, without duplicates. They are candidates only: the
     * caller still runs {@link #check(String)}.
     */
    public static List<String> findCandidates(String freeText) {
        if (freeText == null || freeText.isEmpty()) {
            return List.of();
        }
        Set<String> found = new LinkedHashSet<>();
        Matcher m = CANDIDATE.matcher(INVISIBLE.matcher(asciiDigits(freeText)).replaceAll(""));
        while (m.find()) {
            found.add(m.group(1) + m.group(2) + m.group(3) + m.group(4));
        }
        return new ArrayList<>(found);
    }

    private static String lengthProblem(String nip) {
        for (int i = 0; i < nip.length(); i++) {
            char c = nip.charAt(i);
            if (c < '0' || c > '9') {
                return "harus " + LENGTH + " digit angka (ada karakter " + quoted(c) + ")";
            }
        }
        return nip.length() == LENGTH ? null : "harus " + LENGTH + " digit angka (ada " + nip.length() + ")";
    }

    /**
     * 'A' for a visible ASCII character; 'é' (U+00E9) for another visible one, whose code still names it where the
     * quoted input is left out (the acknowledgement to a reporter); U+0027 for a quote, a control or a blank one. A
     * quote inside quotes would make the reason ambiguous to whatever takes the quoted input out of it again.
     */
    private static String quoted(char c) {
        boolean plain = !Character.isISOControl(c) && !Character.isWhitespace(c) && !Character.isSurrogate(c)
                && "'\"`".indexOf(c) < 0;
        String code = String.format("U+%04X", (int) c);
        if (!plain) {
            return code;
        }
        return c <= '\u007F' ? "'" + c + "'" : "'" + c + "' (" + code + ")";
    }

    private static boolean isRealDate(String yyyyMMdd) {
        int year = Integer.parseInt(yyyyMMdd.substring(0, 4));
        int month = Integer.parseInt(yyyyMMdd.substring(4, 6));
        int day = Integer.parseInt(yyyyMMdd.substring(6, 8));
        try {
            LocalDate.of(year, month, day);
            return year > 0;
        } catch (DateTimeException e) {
            return false;
        }
    }
}
