package netralitas.hub.followup;

import java.time.LocalDate;

/**
 * A day no government office works, from config/holidays.csv.
 *
 * @param date   the date
 * @param name   what it is ("Idulfitri 1446 Hijriah")
 * @param kind   a national holiday or a cuti bersama
 * @param source the decree that set it ("SKB 1017/2024", "Keppres 33/2024")
 */
public record Holiday(LocalDate date, String name, Kind kind, String source) {

    public enum Kind {
        /** Hari libur nasional. */
        LIBUR_NASIONAL,
        /** Cuti bersama: a working day given off to every ASN by the same decree. */
        CUTI_BERSAMA
    }
}
