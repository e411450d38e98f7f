package netralitas.hub.cases;

/** What BKN said about the reported NIP. */
public enum BknStatus {
    /** The report carries no NIP: nothing to look up. */
    NO_NIP,
    /** BKN returned the employee record. */
    VERIFIED,
    /** BKN does not know the NIP: the case goes on unverified, flagged for verification. */
    NOT_FOUND
}
