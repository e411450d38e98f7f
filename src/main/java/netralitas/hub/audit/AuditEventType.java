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
    ANCHOR_SENT
}
