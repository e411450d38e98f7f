package netralitas.hub.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Checks one trail line on its own: well-formed, its hash matching its content, written in canonical form. */
final class TrailLine {

    private TrailLine() {
    }

    /**
     * @param text the line without its newline; null when its bytes were not valid UTF-8
     * @return the event on the line
     * @throws IllegalArgumentException naming the problem when the line fails a check
     */
    static AuditEvent check(String text) {
        if (text == null) {
            throw new IllegalArgumentException("line is not valid UTF-8");
        }
        if (text.isEmpty()) {
            throw new IllegalArgumentException("empty line");
        }
        JsonNode tree;
        try {
            tree = CanonicalJson.MAPPER.readTree(text);
        } catch (Exception e) {
            throw new IllegalArgumentException("not valid JSON", e);
        }
        AuditEvent event = AuditEvent.fromTree(tree);
        ObjectNode canonical = (ObjectNode) CanonicalJson.sorted(tree);
        boolean inCanonicalForm = text.equals(CanonicalJson.write(canonical));
        canonical.remove("hash");
        String expected = CanonicalJson.chainHash(event.prev(), CanonicalJson.write(canonical));
        // The hash check comes first: a changed value is a stronger finding than changed formatting.
        if (!expected.equals(event.hash())) {
            throw new IllegalArgumentException("hash does not match the line's content (the line was altered)");
        }
        if (!inCanonicalForm) {
            throw new IllegalArgumentException(
                    "line is not in canonical JSON form (whitespace, key order or number format changed)");
        }
        return event;
    }
}
