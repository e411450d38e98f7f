package netralitas.hub.nip;

/** The two numbering schemes of an 18-digit civil-servant number (SPEC §4.1). */
public enum NipKind {
    /** Pegawai Negeri Sipil: digits 9-14 are the CPNS appointment yyyyMM. */
    PNS,
    /** Pegawai Pemerintah dengan Perjanjian Kerja: digits 9-12 are the year, 13-14 a code of 21 or more. */
    PPPK
}
