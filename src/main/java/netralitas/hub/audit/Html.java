package netralitas.hub.audit;

/**
 * Text from the trail into HTML. Everything in a trail came from outside at some point (a report's description, a
 * file name, a mail's Message-ID), so every piece of it is escaped, in text and in attribute values alike.
 */
final class Html {

    private Html() {
    }

    /** Safe in element text and in a double- or single-quoted attribute value; null becomes "". */
    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            String replacement = switch (c) {
                case '&' -> "&amp;";
                case '<' -> "&lt;";
                case '>' -> "&gt;";
                case '"' -> "&quot;";
                case '\'' -> "&#39;";
                // Control characters are not allowed in HTML text; a trail line may still carry them escaped in JSON.
                default -> c < 0x20 && c != '\n' && c != '\t' || c == 0x7f ? "\uFFFD" : null;
            };
            if (replacement != null && out == null) {
                out = new StringBuilder(text.length() + 16).append(text, 0, i);
            }
            if (out != null) {
                if (replacement != null) {
                    out.append(replacement);
                } else {
                    out.append(c);
                }
            }
        }
        return out == null ? text : out.toString();
    }
}
