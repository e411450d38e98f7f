package netralitas.hub.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One line of the audit trail (SPEC §8). {@code hash} chains this event to the one before it, so editing,
 * removing or reordering a line breaks the chain at that line.
 *
 * @param caseId null for hub-level {@link AuditEventType#NOTE}s and for rejects that never became a case
 * @param source "file.csv:12" or an IMAP Message-ID
 * @param route  the Camel route id that recorded the step
 * @param prev   hash of the previous event; {@link #GENESIS} for the very first
 */
public record AuditEvent(long seq, OffsetDateTime at, String caseId, AuditEventType event, String source,
                         String route, Map<String, Object> detail, String prev, String hash) {

    /** prev of the first event ever written. */
    public static final String GENESIS = "0".repeat(64);

    /** Millisecond precision and an explicit offset, so the text is the same whether written or re-read. */
    static final DateTimeFormatter AT_FORMAT = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSXXX");

    public AuditEvent {
        if (seq < 1) {
            throw new IllegalArgumentException("seq starts at 1, was " + seq);
        }
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(event, "event");
        at = at.truncatedTo(ChronoUnit.MILLIS);
        detail = detail == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(detail));
        requireHex(prev, "prev");
        requireHex(hash, "hash");
    }

    /** Builds the event that follows {@code prev}, computing its hash. */
    static AuditEvent chained(long seq, OffsetDateTime at, String caseId, AuditEventType event, String source,
                              String route, Map<String, ?> detail, String prev) {
        JsonNode detailTree = CanonicalJson.tree(detail == null ? Map.of() : detail);
        String hash = CanonicalJson.chainHash(prev,
                CanonicalJson.write(fields(seq, at, caseId, event, source, route, detailTree, prev, null)));
        return new AuditEvent(seq, at, caseId, event, source, route, detailAsMap(detailTree), prev, hash);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> detailAsMap(JsonNode detailTree) {
        return detailTree == null || detailTree.isNull()
                ? Map.of() : (Map<String, Object>) CanonicalJson.plain(detailTree);
    }

    /** The canonical JSON this event's hash is computed over (everything but {@code hash}). */
    public String canonicalJsonWithoutHash() {
        return CanonicalJson.write(
                fields(seq, at, caseId, event, source, route, CanonicalJson.tree(detail), prev, null));
    }

    /** The exact line written to the trail file (without the newline): canonical JSON including {@code hash}. */
    public String toJsonLine() {
        return CanonicalJson.write(
                fields(seq, at, caseId, event, source, route, CanonicalJson.tree(detail), prev, hash));
    }

    /** Whether {@code hash} matches the content: false means this event was altered after it was written. */
    public boolean hashIsValid() {
        return hash.equals(CanonicalJson.chainHash(prev, canonicalJsonWithoutHash()));
    }

    /** Reads one trail line (as written by {@link #toJsonLine()}); does not check the hash. */
    public static AuditEvent fromJsonLine(String line) {
        JsonNode node;
        try {
            node = CanonicalJson.MAPPER.readTree(line);
        } catch (Exception e) {
            throw new IllegalArgumentException("not a JSON object: " + firstLine(e.getMessage()), e);
        }
        return fromTree(node);
    }

    static AuditEvent fromTree(JsonNode node) {
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException("not a JSON object");
        }
        JsonNode seq = node.get("seq");
        if (seq == null || !seq.canConvertToExactIntegral() || !seq.canConvertToLong()) {
            throw new IllegalArgumentException("missing or non-integer \"seq\"");
        }
        OffsetDateTime at;
        try {
            at = OffsetDateTime.parse(requiredText(node, "at"), DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("\"at\" is not an ISO-8601 date-time with offset", e);
        }
        AuditEventType type;
        try {
            type = AuditEventType.valueOf(requiredText(node, "event"));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown \"event\" " + node.get("event"), e);
        }
        JsonNode detail = node.get("detail");
        if (detail != null && !detail.isNull() && !detail.isObject()) {
            throw new IllegalArgumentException("\"detail\" is not a JSON object");
        }
        return new AuditEvent(seq.longValue(), at, optionalText(node, "caseId"), type,
                optionalText(node, "source"), optionalText(node, "route"), detailAsMap(detail),
                requiredText(node, "prev"), requiredText(node, "hash"));
    }

    /**
     * The event as a canonical tree, with {@code hash} when it is not null. Fields are set in alphabetical order and
     * {@code detailTree} must already be sorted, so the node is written as is, without another sorting pass.
     */
    static ObjectNode fields(long seq, OffsetDateTime at, String caseId, AuditEventType event, String source,
                             String route, JsonNode detailTree, String prev, String hash) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("at", AT_FORMAT.format(at));
        node.put("caseId", caseId);
        node.set("detail", detailTree);
        node.put("event", event.name());
        if (hash != null) {
            node.put("hash", hash);
        }
        node.put("prev", prev);
        node.put("route", route);
        node.put("seq", seq);
        node.put("source", source);
        return node;
    }

    private static String requiredText(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual()) {
            throw new IllegalArgumentException("missing or non-string \"" + field + "\"");
        }
        return value.textValue();
    }

    private static String optionalText(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw new IllegalArgumentException("non-string \"" + field + "\"");
        }
        return value.textValue();
    }

    private static void requireHex(String value, String field) {
        if (!isSha256Hex(value)) {
            throw new IllegalArgumentException(field + " must be 64 lower-case hex digits, was " + value);
        }
    }

    private static boolean isSha256Hex(String value) {
        if (value == null || value.length() != 64) {
            return false;
        }
        for (int i = 0; i < 64; i++) {
            char c = value.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
                return false;
            }
        }
        return true;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
