package netralitas.hub.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Checks one trail line on its own: well-formed, its hash matching its content, written in canonical form. */
final class TrailLine {

    /** A keyed line met without the chain key: it cannot be checked, which is not the same as altered. */
    static final class KeyRequiredException extends IllegalArgumentException {
        KeyRequiredException() {
            super("the line is keyed (\"chain\":\"" + ChainKey.CHAIN_NAME + "\") and no chain key was given");
        }
    }

    private TrailLine() {
    }

    /**
     * @param text the line without its newline; null when its bytes were not valid UTF-8
     * @param key  the chain key; null checks unkeyed lines only
     * @return the event on the line
     * @throws KeyRequiredException     when the line is keyed and {@code key} is null
     * @throws IllegalArgumentException naming the problem when the line fails a check
     */
    static AuditEvent check(String text, ChainKey key) {
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
        if (event.keyed() && key == null) {
            throw new KeyRequiredException();
        }
        ObjectNode canonical = (ObjectNode) CanonicalJson.sorted(tree);
        boolean inCanonicalForm = text.equals(CanonicalJson.write(canonical));
        canonical.remove("hash");
        String expected = AuditEvent.hash(event.keyed() ? key : null, event.prev(), CanonicalJson.write(canonical));
        // The hash check comes first: a changed value is a stronger finding than changed formatting.
        if (!expected.equals(event.hash())) {
            throw new IllegalArgumentException(event.keyed()
                    ? "hash does not match the line's content under the chain key (the line was altered or re-hashed"
                    + " without the key, or hub.audit.chain-key is not the key the hub wrote it with)"
                    : "hash does not match the line's content (the line was altered)");
        }
        if (!inCanonicalForm) {
            throw new IllegalArgumentException(
                    "line is not in canonical JSON form (whitespace, key order or number format changed)");
        }
        return event;
    }
}
