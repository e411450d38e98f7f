package netralitas.hub.audit;

import java.lang.reflect.Array;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The bounds every audit event is held to, whatever a caller passes, so that no line of the trail can grow with input
 * (SPEC §9): a 17 MB CSV line quoted in a reason once made a 17.8 MB event. Each text (the source, case id and route,
 * and every key and text value of the detail) keeps at most {@value #MAX_TEXT} characters, then an ellipsis, and has
 * no control character; a list or map keeps at most {@value #MAX_ITEMS} entries, then a note of how many were left
 * out; nesting stops at {@value #MAX_DEPTH} levels; and one detail holds at most {@value #MAX_DETAIL_VALUES} values and
 * {@value #MAX_DETAIL_TEXT} characters of text in all. An event is thus at most a few tens of kilobytes.
 */
final class EventBounds {

    static final int MAX_TEXT = 500;
    static final int MAX_ITEMS = 50;
    static final int MAX_DEPTH = 4;
    static final int MAX_DETAIL_VALUES = 500;
    static final int MAX_DETAIL_TEXT = 8_000;
    /** A number written longer than this (a BigDecimal of a million digits) is kept as bounded text. */
    static final int MAX_NUMBER_CHARS = 40;
    static final String ELLIPSIS = "…";

    private int valuesLeft = MAX_DETAIL_VALUES;
    private int textLeft = MAX_DETAIL_TEXT;

    private EventBounds() {
    }

    /** A text of the event outside its detail (source, case id, route); null stays null. */
    static String text(String value) {
        return value == null ? null : bounded(value, MAX_TEXT);
    }

    /** The detail within the bounds: plain maps, lists, texts, numbers, booleans and nulls, as Jackson writes them. */
    static Map<String, Object> detail(Map<String, ?> detail) {
        return detail == null ? Map.of() : new EventBounds().map(detail, 0);
    }

    private Object value(Object value, int depth) {
        valuesLeft--;
        if (value == null || value instanceof Boolean) {
            return value;
        }
        if (value instanceof Number number) {
            String written = number.toString();
            return written.length() <= MAX_NUMBER_CHARS ? number : detailText(written);
        }
        if (value instanceof CharSequence || value instanceof Character || value instanceof TemporalAccessor) {
            return detailText(value.toString());
        }
        if (value instanceof Enum<?> constant) {
            return detailText(constant.name());
        }
        if (value instanceof Map<?, ?> || value instanceof Iterable<?> || value.getClass().isArray()) {
            if (depth >= MAX_DEPTH) {
                return ELLIPSIS;
            }
            return value instanceof Map<?, ?> map ? map(map, depth + 1) : list(value, depth + 1);
        }
        // A record or bean: its properties, as Jackson would have written them, bounded in turn.
        Object plain;
        try {
            plain = CanonicalJson.MAPPER.convertValue(value, Object.class);
        } catch (IllegalArgumentException e) {
            plain = value.toString();
        }
        boolean written = plain == null || plain instanceof Map<?, ?> || plain instanceof List<?>
                || plain instanceof String || plain instanceof Number || plain instanceof Boolean;
        return written ? value(plain, depth) : detailText(String.valueOf(plain));
    }

    private Map<String, Object> map(Map<?, ?> map, int depth) {
        Map<String, Object> bounded = new LinkedHashMap<>();
        int kept = 0;
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            if (kept == MAX_ITEMS || valuesLeft <= 0) {
                bounded.put(ELLIPSIS, "+" + (map.size() - kept));
                break;
            }
            bounded.put(detailText(String.valueOf(entry.getKey())), value(entry.getValue(), depth));
            kept++;
        }
        return bounded;
    }

    private List<Object> list(Object listOrArray, int depth) {
        Iterator<?> items = listOrArray instanceof Iterable<?> iterable ? iterable.iterator() : arrayItems(listOrArray);
        List<Object> bounded = new ArrayList<>();
        int kept = 0;
        while (items.hasNext()) {
            if (kept == MAX_ITEMS || valuesLeft <= 0) {
                bounded.add(ELLIPSIS + leftOut(listOrArray, kept));
                break;
            }
            bounded.add(value(items.next(), depth));
            kept++;
        }
        return bounded;
    }

    /** " +N" when the number of items left out is known without reading them (an Iterable may be lazy). */
    private static String leftOut(Object listOrArray, int kept) {
        if (listOrArray instanceof Collection<?> collection) {
            return " +" + (collection.size() - kept);
        }
        return listOrArray.getClass().isArray() ? " +" + (Array.getLength(listOrArray) - kept) : "";
    }

    private static Iterator<Object> arrayItems(Object array) {
        int length = Array.getLength(array);
        return new Iterator<>() {
            private int next;

            @Override
            public boolean hasNext() {
                return next < length;
            }

            @Override
            public Object next() {
                return Array.get(array, next++);
            }
        };
    }

    /** A text of the detail: within its own bound and what is left of the detail's. */
    private String detailText(String value) {
        String bounded = bounded(value, Math.max(0, Math.min(MAX_TEXT, textLeft)));
        textLeft -= bounded.length();
        return bounded;
    }

    /**
     * At most {@code max} code points, then an ellipsis. CR, LF, tab and the other line and page breaks become a space,
     * every other control character and a lone surrogate U+FFFD: a reader of the trail (a terminal, a spreadsheet, the
     * HTML report) sees one line per value, and nothing a terminal would interpret.
     */
    private static String bounded(String value, int max) {
        StringBuilder out = new StringBuilder(Math.min(value.length(), max) + 1);
        int kept = 0;
        for (int i = 0; i < value.length(); ) {
            if (kept == max) {
                return out.append(ELLIPSIS).toString();
            }
            int c = value.codePointAt(i);
            i += Character.charCount(c);
            if (c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r' || c == 0x85 || c == 0x2028 || c == 0x2029) {
                out.append(' ');
            } else if (Character.isISOControl(c) || Character.getType(c) == Character.SURROGATE) {
                out.append('\uFFFD');
            } else {
                out.appendCodePoint(c);
            }
            kept++;
        }
        return out.toString();
    }
}
