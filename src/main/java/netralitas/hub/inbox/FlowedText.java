package netralitas.hub.inbox;

import java.util.regex.Pattern;

/**
 * Unfolds text/plain; format=flowed (RFC 3676), which Thunderbird and Apple Mail send: they wrap a long line with
 * "soft" breaks, a line ending in a space, so a "Label: value" line read as it comes would lose the value's tail at
 * the client's wrap width. A paragraph of flowed lines becomes one line; lines end in LF.
 */
final class FlowedText {

    private static final Pattern LINE_BREAK = Pattern.compile("\r\n|\r|\n");
    private static final String SIGNATURE_SEPARATOR = "-- ";

    private FlowedText() {
    }

    /**
     * @param deleteSpace delsp=yes: the sender added the space of each soft break (Apple Mail breaks inside long words
     *                    and URLs that way), so it goes when the lines are joined
     */
    static String unfold(String text, boolean deleteSpace) {
        int end = text.length();
        if (end > 0 && text.charAt(end - 1) == '\n') {
            end--;
        }
        if (end > 0 && text.charAt(end - 1) == '\r') {
            end--;
        }
        StringBuilder out = new StringBuilder(text.length());
        StringBuilder paragraph = null;
        int paragraphDepth = 0;
        for (String line : LINE_BREAK.split(text.subSequence(0, end), -1)) {
            int depth = 0;
            while (depth < line.length() && line.charAt(depth) == '>') {
                depth++;
            }
            int contentStart = depth < line.length() && line.charAt(depth) == ' ' ? depth + 1 : depth;
            String content = line.substring(contentStart);
            // A flowed line before another quote depth was wrapped wrongly: joining would move text between quotes.
            if (paragraph != null && depth != paragraphDepth) {
                out.append(paragraph).append('\n');
                paragraph = null;
            }
            if (paragraph == null) {
                // The space after quote marks is kept so a quoted line still reads "> text"; without quotes it was
                // only stuffed in by the sender.
                paragraph = new StringBuilder(depth == 0 ? "" : line.substring(0, contentStart));
                paragraphDepth = depth;
            }
            boolean flowed = content.endsWith(" ") && !content.equals(SIGNATURE_SEPARATOR);
            if (flowed && deleteSpace) {
                paragraph.append(content, 0, content.length() - 1);
            } else {
                paragraph.append(content);
            }
            if (!flowed) {
                out.append(paragraph).append('\n');
                paragraph = null;
            }
        }
        if (paragraph != null) {
            out.append(paragraph).append('\n');
        }
        out.setLength(Math.max(0, out.length() - 1));
        if (end < text.length()) {
            out.append('\n');
        }
        return out.toString();
    }
}
