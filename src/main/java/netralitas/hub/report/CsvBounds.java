package netralitas.hub.report;

import java.util.Locale;

/**
 * How long one CSV field and one record may be (SPEC §9). A field or record past its bound is never held in memory:
 * the row is rejected with the bound as its reason, and a header line past it makes the file unreadable.
 *
 * @param maxFieldChars  characters of one cell (the longest legitimate one is an {@code uraian})
 * @param maxRecordChars characters of one record, delimiters and quotes included, line ending excluded
 */
public record CsvBounds(int maxFieldChars, int maxRecordChars) {

    public static final String FIELD_SETTING = "hub.csv.max-field-chars";
    public static final String RECORD_SETTING = "hub.csv.max-record-chars";

    private static final Locale INDONESIAN = Locale.forLanguageTag("id-ID");

    public CsvBounds {
        if (maxFieldChars < 1) {
            throw new IllegalArgumentException(FIELD_SETTING + " must be at least 1: " + maxFieldChars);
        }
        if (maxRecordChars < maxFieldChars) {
            throw new IllegalArgumentException(RECORD_SETTING + " (" + maxRecordChars + ") must not be smaller than "
                    + FIELD_SETTING + " (" + maxFieldChars + ")");
        }
    }

    /** "panjangnya 31.457.280 karakter, melebihi batas 20.000 karakter (hub.csv.max-field-chars)" */
    String fieldTooLong(long chars) {
        return pastBound(chars, maxFieldChars, FIELD_SETTING);
    }

    String recordTooLong(long chars) {
        return pastBound(chars, maxRecordChars, RECORD_SETTING);
    }

    private static String pastBound(long chars, int bound, String setting) {
        return "panjangnya " + number(chars) + " karakter, melebihi batas " + number(bound) + " karakter (" + setting + ")";
    }

    static String number(long value) {
        return String.format(INDONESIAN, "%,d", value);
    }
}
