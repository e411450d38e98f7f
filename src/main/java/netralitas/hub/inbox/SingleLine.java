package netralitas.hub.inbox;

import netralitas.hub.text.HeaderValues;

/**
 * Makes header-derived text safe to carry on (SPEC §9), by the same rule as every header the hub writes
 * ({@link HeaderValues}): one line, no control or bidirectional-override characters, bounded length.
 */
final class SingleLine {

    private SingleLine() {
    }

    /** Null stays null; text that is blank after cleaning becomes null. */
    static String of(String value, int maxLength) {
        if (value == null) {
            return null;
        }
        String clean = HeaderValues.sanitize(value, maxLength);
        return clean.isEmpty() ? null : clean;
    }
}
