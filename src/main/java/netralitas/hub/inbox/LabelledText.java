package netralitas.hub.inbox;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import netralitas.hub.report.ReportFields;

/**
 * Splits a report email's text into its "Label: value" fields (SPEC §3.2) and the rest. Forwarded-message header
 * blocks and signatures are set aside: they describe the mail, not the incident, and a signature carries the
 * reporter's identity, which must not end up in the description sent to a regional office (SPEC §9).
 *
 * <p>Every value is one line: a CR or LF in the text always ends a value, so "Nama Terlapor: Budi" followed by a
 * line "Bcc: x@evil.example" yields the name "Budi" and nothing else. Only "Uraian" (and its alias "Kronologi") runs
 * over the following lines, until the next recognised label, a signature ("-- ", "Dikirim dari …", a closing such
 * as "Hormat kami,"), a forwarded block or the end.
 */
final class LabelledText {

    static final int MAX_VALUE_CHARS = 500;

    /**
     * Bullets, bold/italic markers and a form's item number around a label are decoration: "- *NIP Terlapor:* 1978…",
     * "1. NIP Terlapor: 1978…", "(2) Nama Terlapor: …".
     */
    private static final Pattern LABEL_LINE = Pattern.compile(
            "[-•·▪●*_\\s]*(?:\\(?\\d{1,2}[.)][\\s*_]+)?(\\p{L}[\\p{L}\\p{N} ./()_-]{0,40}?)[\\s*_]*:(?!//)[\\s*_]*(.*)");
    private static final Pattern QUOTE = Pattern.compile("^(?:\\s*>)+ ?");
    private static final Pattern BULLET = Pattern.compile("^\\s*[-•·▪●]\\s+");
    private static final Pattern DECORATION = Pattern.compile("^[*_\\s]+|[*_\\s]+$");
    /** Phone clients end the typed text with "Dikirim dari …"; what follows is not part of the report either. */
    private static final Pattern SIGN_OFF = Pattern.compile("(?iu)(?:dikirim dari|sent from|get outlook for)\\b.{0,60}");
    /**
     * A closing line on its own ("Salam,", "Hormat kami,", "Terima kasih atas perhatiannya.") ends what the reporter
     * wrote about the case; the name under it is the reporter's, not part of the description.
     */
    private static final Pattern CLOSING = Pattern.compile(
            "(?iu)(?:salam(?: hormat)?|hormat (?:saya|kami)|terima ?kasih(?: banyak)?(?: atas perhatian\\S*(?: \\S+){0,2})?"
                    + "|wassalam\\S*(?: \\S+){0,4}|regards|best regards|tabik)[\\s,.!]*");
    private static final Pattern URL_LINE = Pattern.compile("(?:[-•*\\s]*https?://\\S+)+\\s*");

    private enum State { BODY, FORWARD_HEADER, SIGNATURE }

    private final Map<String, String> fields = new LinkedHashMap<>();
    private final List<String> freeLines = new ArrayList<>();
    private final List<String> bodyLines = new ArrayList<>();

    private State state = State.BODY;
    private boolean forwardHeaderSeen;
    private StringBuilder description;
    private String awaitingValue;
    private boolean evidenceOpen;
    private boolean bodySeen;

    private LabelledText() {
    }

    static LabelledText parse(String text) {
        LabelledText parsed = new LabelledText();
        if (text != null) {
            for (String line : text.split("\n", -1)) {
                parsed.accept(line);
            }
        }
        parsed.closeDescription();
        return parsed;
    }

    /** Values of the recognised labels keyed by canonical field name; the first occurrence of a label wins. */
    Map<String, String> fields() {
        return fields;
    }

    /** The lines that are neither labels nor their values, nor forwarded headers, nor signature. */
    String freeText() {
        return String.join("\n", freeLines).strip();
    }

    /** Everything a person wrote about the case: the text minus forwarded headers and signatures. */
    String bodyText() {
        return String.join("\n", bodyLines).strip();
    }

    private void accept(String rawLine) {
        String line = QUOTE.matcher(rawLine).replaceFirst("").stripTrailing();
        String trimmed = line.strip();
        if (ForwardedHeaders.isMarker(trimmed)) {
            closeDescription();
            state = State.FORWARD_HEADER;
            forwardHeaderSeen = false;
            return;
        }
        if (state == State.FORWARD_HEADER && inForwardHeader(line, trimmed)) {
            return;
        }
        if (state == State.SIGNATURE) {
            return;
        }
        if (trimmed.equals("--") || SIGN_OFF.matcher(trimmed).matches()
                || (CLOSING.matcher(trimmed).matches() && bodySeen)) {
            closeDescription();
            state = State.SIGNATURE;
            return;
        }
        bodyLines.add(line);
        bodySeen |= !trimmed.isEmpty();
        Matcher label = LABEL_LINE.matcher(trimmed);
        String field = label.matches() ? MailLabels.canonical(label.group(1)) : null;
        if (field != null) {
            labelled(field, label.group(2));
            return;
        }
        if (description != null) {
            description.append('\n').append(line);
            return;
        }
        if (awaitingValue != null) {
            String field0 = awaitingValue;
            awaitingValue = null;
            if (!trimmed.isEmpty()) {
                put(field0, trimmed);
                return;
            }
        }
        if (evidenceOpen && URL_LINE.matcher(trimmed).matches()) {
            String url = BULLET.matcher(trimmed).replaceFirst("");
            fields.merge(ReportFields.BUKTI, url, (first, more) -> bounded(first + " " + more));
            return;
        }
        evidenceOpen = false;
        freeLines.add(line);
    }

    /** True while the line still belongs to a forwarded message's header block. */
    private boolean inForwardHeader(String line, String trimmed) {
        if (trimmed.isEmpty()) {
            if (forwardHeaderSeen) {
                state = State.BODY;
            }
            return true;
        }
        if (ForwardedHeaders.isHeaderLine(trimmed)) {
            forwardHeaderSeen = true;
            return true;
        }
        if (forwardHeaderSeen && Character.isWhitespace(line.charAt(0))) {
            return true; // a folded To: or Cc: line
        }
        state = State.BODY;
        return false;
    }

    private void labelled(String field, String rawValue) {
        closeDescription();
        awaitingValue = null;
        evidenceOpen = false;
        String value = DECORATION.matcher(rawValue).replaceAll("");
        if (field.equals(ReportFields.URAIAN)) {
            description = new StringBuilder(value);
            return;
        }
        if (value.isEmpty()) {
            awaitingValue = fields.containsKey(field) ? null : field;
            evidenceOpen = field.equals(ReportFields.BUKTI);
            return;
        }
        put(field, value);
        evidenceOpen = field.equals(ReportFields.BUKTI);
    }

    private void put(String field, String value) {
        String clean = SingleLine.of(DECORATION.matcher(BULLET.matcher(value).replaceFirst("")).replaceAll(""), MAX_VALUE_CHARS);
        if (clean != null) {
            fields.putIfAbsent(field, clean);
        }
    }

    /** Uraian and Kronologi both describe the incident: a second one is appended, not dropped. */
    private void closeDescription() {
        if (description == null) {
            return;
        }
        String text = description.toString().strip();
        description = null;
        if (text.isEmpty()) {
            return;
        }
        fields.merge(ReportFields.URAIAN, text, (first, second) -> first + "\n\n" + second);
    }

    private static String bounded(String value) {
        return SingleLine.of(value, MAX_VALUE_CHARS);
    }
}
