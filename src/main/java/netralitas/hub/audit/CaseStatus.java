package netralitas.hub.audit;

/**
 * Where a case stands after the events read so far, as the audit report counts it. The finished ones need nothing
 * more from the hub; the others are work the hub still owes.
 */
enum CaseStatus {
    IN_PROGRESS("Dalam proses", false),
    DELIVERED("Terkirim", true),
    DIGEST_QUEUED("Menunggu digest", false),
    DIGEST_SENT("Digest terkirim", true),
    CLOSED("Ditutup", true),
    DEFERRED("Ditunda", false),
    DEAD_LETTERED("Dead letter", false),
    REJECTED("Ditolak", true),
    /** Only a duplicate report was seen: the original was handled before the period read. */
    DUPLICATE("Duplikat", true);

    private final String label;
    private final boolean finished;

    CaseStatus(String label, boolean finished) {
        this.label = label;
        this.finished = finished;
    }

    /** Indonesian, for the auditor. */
    String label() {
        return label;
    }

    boolean finished() {
        return finished;
    }

    /**
     * The status after {@code event}, or null when the event does not change it.
     *
     * @param current null for a case not seen before
     */
    static CaseStatus after(CaseStatus current, AuditEventType event) {
        boolean finishedBefore = current != null && current.finished;
        return switch (event) {
            // A report arriving again for a handled case is a re-report; its DUPLICATE follows.
            case RECEIVED -> finishedBefore ? null : IN_PROGRESS;
            case ENRICHED, NOT_FOUND_AT_BKN, CLASSIFIED, ROUTED, REPLAYED -> IN_PROGRESS;
            case DELIVERED -> DELIVERED;
            case DIGEST_QUEUED -> DIGEST_QUEUED;
            case DIGEST_SENT -> DIGEST_SENT;
            case CLOSED -> CLOSED;
            case ENRICH_DEFERRED, DELIVERY_DEFERRED -> DEFERRED;
            case DEAD_LETTERED -> DEAD_LETTERED;
            case REJECTED -> REJECTED;
            // A copy of a case still in flight (or handled before the period) is not forwarded again.
            case DUPLICATE -> finishedBefore ? null : DUPLICATE;
            case ACKNOWLEDGED, NOTE, ANCHOR_SENT -> null;
        };
    }
}
