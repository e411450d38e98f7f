package netralitas.hub.audit;

/** One step a report (or the hub itself) goes through, as recorded in the audit trail (SPEC §8). */
public enum AuditEventType {
    RECEIVED,
    REJECTED,
    DUPLICATE,
    ENRICHED,
    NOT_FOUND_AT_BKN,
    ENRICH_DEFERRED,
    CLASSIFIED,
    ROUTED,
    DELIVERED,
    DIGEST_QUEUED,
    DIGEST_SENT,
    CLOSED,
    DEAD_LETTERED,
    REPLAYED,
    /** An emailed case left in the mailbox because SMTP failed; it is retried from there (ENRICH_DEFERRED: BKN failed). */
    DELIVERY_DEFERRED,
    /** The reporter of an emailed report was sent an acknowledgement. */
    ACKNOWLEDGED,
    /**
     * A fact that is no step of a case: an ignored auto-reply (without a case id), an acknowledgement not sent and why
     * (with the case id when there is one).
     */
    NOTE,
    /** The chain head was mailed to the anchor inbox (hub.audit.anchor-inbox), outside the hub's control. */
    ANCHOR_SENT,
    /** An office answered a forwarded case (SPEC §12): its status, sanction, sender, whether the sender was a recipient. */
    FOLLOW_UP,
    /** A case past its deadline without a final status: its recipients were reminded. */
    REMINDED,
    /** A case still unanswered after its last reminder: the region's Bawaslu and the Kanreg BKN were told. */
    ESCALATED,
    /** A final status (SELESAI, TIDAK TERBUKTI) arrived: the follow-up clock of the case stopped. */
    FOLLOW_UP_CLOSED,
    /** A new case about the same person as an open one was threaded to it; both ids are recorded. */
    LINKED,
    /**
     * A mail of the case's follow-up (case mail, digest, reminder, escalation) came back undelivered: to whom it failed
     * and why, and the notice that told Bawaslu staff.
     */
    BOUNCED
}
