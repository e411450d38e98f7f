package netralitas.hub.audit;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.OffsetDateTime;
import java.util.Map;

/**
 * An event bounded and normalised, not yet chained: what {@link AuditTrail} hands to its {@link EventChain}, which gives
 * it its seq, time and place in the chain.
 */
record PendingEvent(String caseId, AuditEventType type, String source, String route, JsonNode detailTree,
                    Map<String, Object> detail) {

    /**
     * The event as line {@code seq} after {@code prev}: its hash (keyed under {@code key}, plain SHA-256 when null) and
     * the exact JSON line the trail holds.
     */
    Linked link(long seq, String prev, OffsetDateTime at, ChainKey key) {
        boolean keyed = key != null;
        String hash = AuditEvent.hash(key, prev, CanonicalJson.write(
                AuditEvent.fields(seq, at, caseId, type, source, route, detailTree, prev, null, keyed)));
        AuditEvent event = new AuditEvent(seq, at, caseId, type, source, route, detail, prev, hash, keyed);
        String line = CanonicalJson.write(
                AuditEvent.fields(seq, at, caseId, type, source, route, detailTree, prev, hash, keyed));
        return new Linked(event, line);
    }

    /** A chained event and its line (without the newline). */
    record Linked(AuditEvent event, String line) {
    }
}
