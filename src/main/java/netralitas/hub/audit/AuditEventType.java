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
    /** A hub-level fact not tied to one report (start-up, an ignored auto-reply); usually without a case id. */
    NOTE
}
