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
 * @param source "file.csv:12", or the mailbox folder, UID and Message-ID pseudonym of an email
 *               ("INBOX;uid=42;mid=3f9a1c2b4d5e6f70"); a trail of an earlier release may hold a raw Message-ID
 * @param route  the Camel route id that recorded the step
 * @param prev   hash of the previous event; {@link #GENESIS} for the very first
 * @param keyed  whether {@code hash} is keyed (HMAC-SHA256 under the chain key, the line carrying
 *               {@code "chain":"hmac-sha256"}) or, as written by releases before the keyed chain, plain SHA-256
 */
public record AuditEvent(long seq, OffsetDateTime at, String caseId, AuditEventType event, String source,
                         String route, Map<String, Object> detail, String prev, String hash, boolean keyed) {

    /** prev of the first event ever written. */
    /**
     * The one detail key for why (a rejection, a deferral, a dead letter, a note). Trails of earlier releases also
     * used {@code reason} for it; {@link #alasan()} and {@link #currentDetail()} read both.
     */
    public static final String ALASAN = "alasan";
    private static final String OLD_ALASAN = "reason";

    public static final String GENESIS = "0".repeat(64);

    /** Millisecond precision and an explicit offset, so the text is the same whether written or re-read. */
    public static final DateTimeFormatter AT_FORMAT = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSXXX");

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

    /** An unkeyed event, as releases before the keyed chain wrote them. */
    public AuditEvent(long seq, OffsetDateTime at, String caseId, AuditEventType event, String source, String route,
                      Map<String, Object> detail, String prev, String hash) {
        this(seq, at, caseId, event, source, route, detail, prev, hash, false);
    }

    /** Builds the unkeyed event that follows {@code prev}, computing its plain SHA-256 hash. */
    static AuditEvent chained(long seq, OffsetDateTime at, String caseId, AuditEventType event, String source,
                              String route, Map<String, ?> detail, String prev) {
        return chained(seq, at, caseId, event, source, route, detail, prev, null);
    }

    /** Builds the event that follows {@code prev}: keyed under {@code key}, or plain SHA-256 when it is null. */
    static AuditEvent chained(long seq, OffsetDateTime at, String caseId, AuditEventType event, String source,
                              String route, Map<String, ?> detail, String prev, ChainKey key) {
        JsonNode detailTree = CanonicalJson.tree(detail == null ? Map.of() : detail);
        boolean keyed = key != null;
        String hash = hash(key, prev,
                CanonicalJson.write(fields(seq, at, caseId, event, source, route, detailTree, prev, null, keyed)));
        return new AuditEvent(seq, at, caseId, event, source, route, detailAsMap(detailTree), prev, hash, keyed);
    }

    /** The chain hash: HMAC-SHA256 under {@code key}, or plain SHA-256 (unkeyed) when it is null. */
    static String hash(ChainKey key, String prev, String canonicalWithoutHash) {
        return key == null ? CanonicalJson.chainHash(prev, canonicalWithoutHash)
                : key.chainHash(prev, canonicalWithoutHash);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> detailAsMap(JsonNode detailTree) {
        return detailTree == null || detailTree.isNull()
                ? Map.of() : (Map<String, Object>) CanonicalJson.plain(detailTree);
    }

    /** The canonical JSON this event's hash is computed over (everything but {@code hash}). */
    public String canonicalJsonWithoutHash() {
        return CanonicalJson.write(
                fields(seq, at, caseId, event, source, route, CanonicalJson.tree(detail), prev, null, keyed));
    }

    /** The exact line written to the trail file (without the newline): canonical JSON including {@code hash}. */
    public String toJsonLine() {
        return CanonicalJson.write(
                fields(seq, at, caseId, event, source, route, CanonicalJson.tree(detail), prev, hash, keyed));
    }

    /**
     * Whether {@code hash} matches the content: false means this event was altered after it was written (or, for a
     * keyed event, that {@code key} is not the key it was written with, or missing).
     */
    public boolean hashIsValid(ChainKey key) {
        if (keyed && key == null) {
            return false;
        }
        return hash.equals(hash(keyed ? key : null, prev, canonicalJsonWithoutHash()));
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
                requiredText(node, "prev"), requiredText(node, "hash"), keyed(node));
    }

    /** Absent: an unkeyed line of an earlier release. Any other value than the one the hub writes is refused. */
    private static boolean keyed(JsonNode node) {
        JsonNode chain = node.get("chain");
        if (chain == null) {
            return false;
        }
        if (!chain.isTextual() || !chain.textValue().equals(ChainKey.CHAIN_NAME)) {
            throw new IllegalArgumentException("unknown \"chain\" " + EventBounds.text(chain.toString())
                    + " (the hub writes \"" + ChainKey.CHAIN_NAME + "\" or none)");
        }
        return true;
    }

    /**
     * The event as a canonical tree, with {@code hash} when it is not null. Fields are set in alphabetical order and
     * {@code detailTree} must already be sorted, so the node is written as is, without another sorting pass.
     */
    static ObjectNode fields(long seq, OffsetDateTime at, String caseId, AuditEventType event, String source,
                             String route, JsonNode detailTree, String prev, String hash, boolean keyed) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("at", AT_FORMAT.format(at));
        node.put("caseId", caseId);
        if (keyed) {
            node.put("chain", ChainKey.CHAIN_NAME);
        }
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

    /** Why, from {@link #ALASAN} or the older {@code reason}; null when the event gives none. */
    public String alasan() {
        Object value = detail.get(ALASAN);
        if (value == null) {
            value = detail.get(OLD_ALASAN);
        }
        return value == null ? null : value.toString();
    }

    /** The detail with a key of an earlier release under its current name ({@code reason} as {@link #ALASAN}). */
    public Map<String, Object> currentDetail() {
        return currentKeys(detail);
    }

    /** As {@link #currentDetail()}, of any detail map. */
    static Map<String, Object> currentKeys(Map<String, Object> detail) {
        if (!detail.containsKey(OLD_ALASAN) || detail.containsKey(ALASAN)) {
            return detail;
        }
        Map<String, Object> current = new LinkedHashMap<>();
        detail.forEach((key, value) -> current.put(OLD_ALASAN.equals(key) ? ALASAN : key, value));
        return Collections.unmodifiableMap(current);
    }
}
