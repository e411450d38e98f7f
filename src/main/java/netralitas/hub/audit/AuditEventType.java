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
    /** A hub-level fact not tied to one report (start-up, an ignored auto-reply); usually without a case id. */
    NOTE,
    /** The chain head was mailed to the anchor inbox (hub.audit.anchor-inbox), outside the hub's control. */
    ANCHOR_SENT
}
