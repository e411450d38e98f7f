package netralitas.hub.text;

/**
 * Makes a value safe for a mail header (SPEC §9): a value from a report must never be able to start a new
 * header line or blow up the header's length.
 */
public final class HeaderValues {

    private static final String ELLIPSIS = "…";

    private HeaderValues() {
    }

    /**
     * Replaces CR, LF and every other control or line-separator character by a space, drops bidirectional
     * override characters (they can make a subject read differently from what it says), collapses runs of
     * whitespace to one space, trims, and cuts to at most {@code maxLength} characters ending in "…".
     * Null becomes "".
     */
    public static String sanitize(String value, int maxLength) {
        if (maxLength < 1) {
            throw new IllegalArgumentException("maxLength must be at least 1: " + maxLength);
        }
        if (value == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(Math.min(value.length(), maxLength + 16));
        boolean pendingSpace = false;
        for (int i = 0; i < value.length(); ) {
            int cp = value.codePointAt(i);
            i += Character.charCount(cp);
            if (isBidiControl(cp)) {
                continue;
            }
            if (Character.isWhitespace(cp) || Character.isSpaceChar(cp) || Character.isISOControl(cp)
                    || cp == 0x2028 || cp == 0x2029) {
                pendingSpace = sb.length() > 0;
                continue;
            }
            if (pendingSpace) {
                sb.append(' ');
                pendingSpace = false;
            }
            sb.appendCodePoint(cp);
            if (sb.length() > maxLength) {
                break;
            }
        }
        return bound(sb.toString(), maxLength);
    }

    private static String bound(String text, int maxLength) {
        if (text.length() <= maxLength) {
            return text;
        }
        int cut = maxLength - ELLIPSIS.length();
        if (cut > 0 && Character.isHighSurrogate(text.charAt(cut - 1))) {
            cut--;
        }
        return text.substring(0, cut).stripTrailing() + ELLIPSIS;
    }

    private static boolean isBidiControl(int cp) {
        return (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069) || cp == 0x200E || cp == 0x200F
                || cp == 0x061C || cp == 0xFEFF;
    }
}
