package netralitas.hub.report;

/**
 * A value from a report, quoted inside a rejection reason ("kode_wilayah 'abc' tidak dikenali formatnya"). Quote
 * characters are taken out of the value and its length is bounded: a quoted value always ends at the next quote, so
 * whoever must not repeat input (the acknowledgement to a reporter) can take it out of the reason reliably, and a
 * reason cannot grow with the input.
 */
public final class QuotedInput {

    static final int MAX_CHARS = 40;

    private QuotedInput() {
    }

    /** {@code 'value'}, with quotes, control characters and runs of whitespace removed, cut to 40 characters. */
    public static String of(String value) {
        StringBuilder clean = new StringBuilder();
        boolean pendingSpace = false;
        String text = value == null ? "" : value;
        for (int i = 0; i < text.length() && clean.length() <= MAX_CHARS; ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (cp == '\'' || cp == '"' || cp == '`') {
                continue;
            }
            if (Character.isWhitespace(cp) || Character.isISOControl(cp) || Character.isSpaceChar(cp)) {
                pendingSpace = clean.length() > 0;
                continue;
            }
            if (pendingSpace) {
                clean.append(' ');
                pendingSpace = false;
            }
            clean.appendCodePoint(cp);
        }
        String quoted = clean.toString();
        if (quoted.length() > MAX_CHARS) {
            int cut = MAX_CHARS - 1;
            if (Character.isHighSurrogate(quoted.charAt(cut - 1))) {
                cut--;
            }
            quoted = quoted.substring(0, cut) + "…";
        }
        return "'" + quoted + "'";
    }
}
