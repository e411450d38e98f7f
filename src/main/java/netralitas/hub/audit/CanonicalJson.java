package netralitas.hub.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one JSON form that is hashed and written: keys sorted at every level, no whitespace, UTF-8.
 * A verifier must be able to rebuild the exact bytes from the line alone, so every value is first
 * normalised through a text round trip (a BigDecimal 1.50 would otherwise be written as 1.50 but read back as 1.5).
 */
final class CanonicalJson {

    static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new SimpleModule("audit-time")
                    // java.time values in a detail map are written as their ISO text rather than failing
                    .addSerializer(TemporalAccessor.class, ToStringSerializer.instance))
            .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true)
            .configure(SerializationFeature.FAIL_ON_EMPTY_BEANS, false)
            .configure(DeserializationFeature.FAIL_ON_TRAILING_TOKENS, true);

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private CanonicalJson() {
    }

    /** Any value as a canonical tree: the same tree a reader gets by parsing its canonical text. */
    static JsonNode tree(Object value) {
        try {
            String text = MAPPER.writeValueAsString(value);
            return sorted(MAPPER.readTree(text));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Value cannot be written as JSON: " + e.getOriginalMessage(), e);
        }
    }

    static String write(Object value) {
        return write(tree(value));
    }

    /** Writes a tree whose objects are already key-sorted (from {@link #tree} or {@link #sorted}). */
    static String write(JsonNode sortedTree) {
        try {
            return MAPPER.writeValueAsString(sortedTree);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A JSON tree could not be written", e);
        }
    }

    static JsonNode sorted(JsonNode node) {
        if (node.isObject()) {
            List<String> names = new ArrayList<>();
            node.fieldNames().forEachRemaining(names::add);
            names.sort(null);
            ObjectNode copy = NODES.objectNode();
            for (String name : names) {
                copy.set(name, sorted(node.get(name)));
            }
            return copy;
        }
        if (node.isArray()) {
            ArrayNode copy = NODES.arrayNode(node.size());
            for (Iterator<JsonNode> it = node.elements(); it.hasNext(); ) {
                copy.add(sorted(it.next()));
            }
            return copy;
        }
        return node;
    }

    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java runtime", e);
        }
    });

    /** hash = SHA-256 over prev followed by the canonical JSON of the event without its hash (SPEC §8). */
    static String chainHash(String prev, String canonicalWithoutHash) {
        MessageDigest sha256 = SHA256.get();
        sha256.reset();
        sha256.update(prev.getBytes(StandardCharsets.UTF_8));
        sha256.update(canonicalWithoutHash.getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(sha256.digest());
    }

    /** A JSON tree as plain Java values: LinkedHashMap, ArrayList, String, Number, Boolean, null. */
    static Object plain(JsonNode node) {
        if (node.isObject()) {
            Map<String, Object> map = new LinkedHashMap<>();
            node.fields().forEachRemaining(field -> map.put(field.getKey(), plain(field.getValue())));
            return map;
        }
        if (node.isArray()) {
            List<Object> list = new ArrayList<>(node.size());
            node.elements().forEachRemaining(element -> list.add(plain(element)));
            return list;
        }
        if (node.isNumber()) {
            return node.numberValue();
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isNull() || node.isMissingNode()) {
            return null;
        }
        return node.asText();
    }
}
