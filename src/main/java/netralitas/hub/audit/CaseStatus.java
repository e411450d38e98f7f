package netralitas.hub.audit;

/**
 * Where a case stands after the events read so far — one rule for {@code audit stats} and {@code audit report}
 * (docs/specification.md §8). A case is <em>open</em> until its last required step; of the others only the ones that
 * reached their office, or were closed as no violation, are <em>done</em> ("selesai"). A rejected report ended with
 * its reason recorded and the message or row kept in quarantine: ended, not done. A case handed to Bawaslu's triage
 * inbox still waits for a person to decide where it goes: open.
 */
enum CaseStatus {
    IN_PROGRESS("Dalam proses", Stage.OPEN),
    DELIVERED("Terkirim", Stage.DONE),
    /** Delivered to the triage inbox: Bawaslu staff must still decide the region. */
    TRIAGE("Di triase Bawaslu", Stage.OPEN),
    DIGEST_QUEUED("Menunggu digest", Stage.OPEN),
    DIGEST_SENT("Digest terkirim", Stage.DONE),
    CLOSED("Ditutup", Stage.DONE),
    DEFERRED("Ditunda", Stage.OPEN),
    DEAD_LETTERED("Dead letter", Stage.OPEN),
    REJECTED("Ditolak (dikarantina)", Stage.ENDED),
    /** Only a duplicate report was seen: the original was handled before the period read. */
    DUPLICATE("Duplikat", Stage.DONE);

    /** The three answers to "does this case still need something?". */
    enum Stage {
        /** The hub, or Bawaslu staff, still owes it a step. */
        OPEN("Terbuka"),
        /** At its office (directly or in the digest), closed as no violation, or a copy of a handled case. */
        DONE("Selesai"),
        /** Rejected with a reason and kept in quarantine: nothing more to do, but nothing was forwarded. */
        ENDED("Ditolak");

        private final String label;

        Stage(String label) {
            this.label = label;
        }

        String label() {
            return label;
        }
    }

    private final String label;
    private final Stage stage;

    CaseStatus(String label, Stage stage) {
        this.label = label;
        this.stage = stage;
    }

    /** Indonesian, for the auditor. */
    String label() {
        return label;
    }

    Stage stage() {
        return stage;
    }

    /** Not open: done or ended. */
    boolean finished() {
        return stage != Stage.OPEN;
    }

    /**
     * The status after {@code event}, or null when the event does not change it.
     *
     * @param current null for a case not seen before
     * @param triage  whether the case's routing decision was TRIAGE (its delivery hands it to Bawaslu staff)
     */
    static CaseStatus after(CaseStatus current, AuditEventType event, boolean triage) {
        boolean finishedBefore = current != null && current.finished();
        return switch (event) {
            // A report arriving again for a handled case is a re-report; its DUPLICATE follows.
            case RECEIVED -> finishedBefore ? null : IN_PROGRESS;
            case ENRICHED, NOT_FOUND_AT_BKN, CLASSIFIED, ROUTED, REPLAYED -> IN_PROGRESS;
            case DELIVERED -> triage ? TRIAGE : DELIVERED;
            case DIGEST_QUEUED -> DIGEST_QUEUED;
            case DIGEST_SENT -> DIGEST_SENT;
            case CLOSED -> CLOSED;
            case ENRICH_DEFERRED, DELIVERY_DEFERRED -> DEFERRED;
            case DEAD_LETTERED -> DEAD_LETTERED;
            case REJECTED -> REJECTED;
            // A copy of a case still in flight (or handled before the period) is not forwarded again.
            case DUPLICATE -> finishedBefore ? null : DUPLICATE;
            // The follow-up of a forwarded case (SPEC §12) is told by `audit followup`, not by the delivery status.
            case ACKNOWLEDGED, NOTE, ANCHOR_SENT, FOLLOW_UP, REMINDED, ESCALATED, FOLLOW_UP_CLOSED, LINKED, BOUNCED -> null;
        };
    }

    /** As {@link #after(CaseStatus, AuditEventType, boolean)} for a case not routed to triage. */
    static CaseStatus after(CaseStatus current, AuditEventType event) {
        return after(current, event, false);
    }
}
