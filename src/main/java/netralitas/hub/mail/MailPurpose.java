package netralitas.hub.mail;

/**
 * Why an email goes to the inbox it goes to. The routing decision picks it; the templates use it to decide
 * whom they address and what they ask that office to do.
 */
public enum MailPurpose {
    /**
     * To the BKPSDM/BKD of the employing Pemkab/Pemkot/Pemprov: investigate and impose discipline
     * (PP 94/2021), then report the follow-up to Bawaslu.
     */
    BKPSDM_ACTION,
    /**
     * To the regional Bawaslu: village officials are not under BKPSDM, so the follow-up runs through the
     * village-official rules (forwarded to the Bupati/Wali Kota via the camat).
     */
    VILLAGE_OFFICIAL,
    /** To the central inbox: the employee works for a central (non-regional) agency. */
    CENTRAL_AGENCY,
    /**
     * To Bawaslu triage staff: region unknown or ambiguous, or the case needs verification before anyone
     * can act on it. The only purpose whose email may carry the reporter's identity (SPEC §9).
     */
    TRIAGE;

    /** Bawaslu's own staff are the only readers allowed to see who reported (SPEC §9). */
    public boolean showsReporter() {
        return this == TRIAGE;
    }

    /**
     * Bawaslu follows the case up itself (the region's Bawaslu, or its triage staff): the case gets
     * hub.followup.deadline.bawaslu, whatever its severity (SPEC §12).
     */
    public boolean followedUpByBawaslu() {
        return this == VILLAGE_OFFICIAL || this == TRIAGE;
    }
}
