package netralitas.hub.inbox;

/**
 * Makes header-derived text safe to carry on (SPEC §9): CR, LF, other control and line-separator characters
 * become spaces, runs of whitespace collapse, and the result is cut to a maximum length.
 */
final class SingleLine {

    private SingleLine() {
    }

    /** Null stays null; text that is blank after cleaning becomes null. */
    static String of(String value, int maxLength) {
        if (value == null) {
            return null;
        }
        StringBuilder sb = new StringBuilder(Math.min(value.length(), maxLength + 1));
        boolean pendingSpace = false;
        for (int i = 0; i < value.length() && sb.length() < maxLength; ) {
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
        }
        String result = sb.toString().strip();
        if (result.length() > maxLength) {
            int cut = maxLength;
            if (Character.isHighSurrogate(result.charAt(cut - 1))) {
                cut--;
            }
            result = result.substring(0, cut).strip();
        }
        return result.isEmpty() ? null : result;
    }

    /** Bidirectional overrides can make a line read differently from what it says. */
    private static boolean isBidiControl(int cp) {
        return (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069) || cp == 0x200E || cp == 0x200F;
    }
}
