package netralitas.hub.region;

/** Which piece of evidence decided the region (SPEC §6, first that answers). */
public enum RegionSource {
    /** The employer in the BKN record, via the SIASN instansi map. */
    BKN,
    /** The report's kode_wilayah. */
    REPORT_CODE,
    /** The report's wilayah name matched against the directory. */
    REPORT_NAME,
    /** BKN record of a central (non-regional) agency. */
    CENTRAL_AGENCY,
    /** Nothing answered: the case goes to triage. */
    NONE
}
