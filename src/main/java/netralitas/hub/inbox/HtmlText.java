package netralitas.hub.inbox;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * Turns an HTML mail body into the text a person reads in it, keeping the line structure that "Label: value"
 * extraction relies on: block elements end lines, list items start with "- ", and a two-cell table row
 * becomes "label: value". Walks the tree iteratively, so deeply nested HTML cannot overflow the stack.
 */
public final class HtmlText {

    private static final Set<String> PARAGRAPHS = Set.of(
            "p", "h1", "h2", "h3", "h4", "h5", "h6", "table", "ul", "ol", "blockquote", "pre", "hr", "dl");
    private static final Set<String> LINES = Set.of(
            "div", "li", "tr", "section", "article", "header", "footer", "address", "dd", "dt", "center",
            "caption", "tbody", "thead", "tfoot", "form", "fieldset", "figure", "figcaption", "main", "nav");
    private static final Set<String> DROPPED = Set.of(
            "script", "style", "head", "title", "template", "noscript", "iframe", "object", "svg");
    private static final Pattern WHITESPACE = Pattern.compile("[\\s\\u00A0\\u2007\\u202F]+");
    private static final Pattern MANY_BLANK_LINES = Pattern.compile("\n{3,}");

    private HtmlText() {
    }

    public static String toText(String html) {
        if (html == null || html.isBlank()) {
            return "";
        }
        return render(Jsoup.parse(html));
    }

    /**
     * The text of a reply written in HTML without what its mail client marked as the quoted original (SPEC §12): every
     * {@code blockquote} (Apple Mail, Thunderbird, Gmail), Gmail's {@code gmail_quote} and Thunderbird's
     * {@code moz-cite-prefix} attribution, Yahoo's {@code yahoo_quoted}, and Outlook's reply header
     * ({@code divRplyFwdMsg}, {@code appendonsend}, {@code OutlookMessageHeader}) with everything after it: Outlook
     * quotes the original below that header without any marking of its own.
     */
    public static String ownText(String html) {
        if (html == null || html.isBlank()) {
            return "";
        }
        Document document = Jsoup.parse(html);
        for (Element header : document.select("#divRplyFwdMsg, #appendonsend, div.OutlookMessageHeader")) {
            Element cut = header;
            while (cut != null && cut.parent() != null) {
                Element previous = cut.previousElementSibling();
                if (previous != null && previous.normalName().equals("hr")) {
                    previous.remove();
                }
                while (cut.nextSibling() != null) {
                    cut.nextSibling().remove();
                }
                cut = cut.parent().normalName().equals("body") ? null : cut.parent();
            }
            header.remove();
        }
        document.select("blockquote, .gmail_quote, .moz-cite-prefix, .yahoo_quoted").remove();
        return render(document);
    }

    private static String render(Document document) {
        document.select(String.join(",", DROPPED)).remove();
        Renderer renderer = new Renderer();
        NodeTraversor.traverse(renderer, document.body() == null ? document : document.body());
        return tidy(renderer.result());
    }

    /** Strips every line, collapses blank-line runs to one blank line. */
    private static String tidy(String text) {
        StringBuilder sb = new StringBuilder(text.length());
        for (String line : text.split("\n", -1)) {
            sb.append(line.strip()).append('\n');
        }
        return MANY_BLANK_LINES.matcher(sb.toString()).replaceAll("\n\n").strip();
    }

    private static final class Renderer implements NodeVisitor {

        /** Output targets: a table cell renders into its own buffer and joins its row when it closes. */
        private final Deque<StringBuilder> out = new ArrayDeque<>();
        private final Deque<List<String>> rows = new ArrayDeque<>();
        private int preformatted;

        Renderer() {
            out.push(new StringBuilder());
        }

        String result() {
            return out.getLast().toString();
        }

        @Override
        public void head(Node node, int depth) {
            if (node instanceof TextNode text) {
                String value = preformatted > 0 ? text.getWholeText() : WHITESPACE.matcher(text.getWholeText()).replaceAll(" ");
                appendInline(out.peek(), value.replace('\u00A0', ' '));
                return;
            }
            if (!(node instanceof Element element)) {
                return;
            }
            String tag = element.normalName();
            switch (tag) {
                case "br" -> out.peek().append('\n');
                case "tr" -> rows.push(new ArrayList<>());
                case "td", "th" -> out.push(new StringBuilder());
                case "li" -> {
                    endLine(out.peek());
                    out.peek().append("- ");
                }
                default -> blockBoundary(out.peek(), tag);
            }
            if (tag.equals("pre")) {
                preformatted++;
            }
        }

        @Override
        public void tail(Node node, int depth) {
            if (!(node instanceof Element element)) {
                return;
            }
            String tag = element.normalName();
            switch (tag) {
                case "td", "th" -> {
                    String cell = tidy(out.pop().toString());
                    if (!rows.isEmpty()) {
                        rows.peek().add(cell);
                    } else {
                        appendInline(out.peek(), " " + cell + " ");
                    }
                }
                case "tr" -> {
                    String row = row(rows.pop());
                    StringBuilder sb = out.peek();
                    endLine(sb);
                    sb.append(row);
                    endLine(sb);
                }
                default -> blockBoundary(out.peek(), tag);
            }
            if (tag.equals("pre")) {
                preformatted--;
            }
        }

        private static void blockBoundary(StringBuilder sb, String tag) {
            if (PARAGRAPHS.contains(tag)) {
                endLine(sb);
                if (sb.length() > 0 && !endsWith(sb, "\n\n")) {
                    sb.append('\n');
                }
            } else if (LINES.contains(tag)) {
                endLine(sb);
            }
        }

        /**
         * A form laid out as a table: "Nama Terlapor | Budi" reads "Nama Terlapor: Budi", "Nama Terlapor: | Budi"
         * and "Nama Terlapor | : | Budi" read the same; other rows keep their cells apart with " | ".
         */
        private static String row(List<String> rawCells) {
            List<String> cells = rawCells.stream().filter(c -> !c.isBlank()).toList();
            if (cells.size() == 3 && cells.get(1).equals(":")) {
                return cells.get(0) + ": " + cells.get(2);
            }
            if (cells.size() == 2) {
                String label = cells.get(0);
                return label.endsWith(":") ? label + " " + cells.get(1) : label + ": " + cells.get(1);
            }
            return String.join(" | ", cells);
        }

        private static void appendInline(StringBuilder sb, String text) {
            if (text.isEmpty()) {
                return;
            }
            boolean atLineStart = sb.length() == 0 || sb.charAt(sb.length() - 1) == '\n';
            boolean afterSpace = sb.length() > 0 && sb.charAt(sb.length() - 1) == ' ';
            String value = text;
            if (atLineStart || afterSpace) {
                value = value.stripLeading();
            }
            sb.append(value);
        }

        private static void endLine(StringBuilder sb) {
            if (sb.length() > 0 && sb.charAt(sb.length() - 1) != '\n') {
                sb.append('\n');
            }
        }

        private static boolean endsWith(StringBuilder sb, String suffix) {
            return sb.length() >= suffix.length() && sb.substring(sb.length() - suffix.length()).equals(suffix);
        }
    }
}
