package netralitas.hub.mail;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import netralitas.hub.text.HeaderValues;

/**
 * What of a sender's own text, and of the hub's reasons, an acknowledgement may repeat (SPEC §3.3). An acknowledgement
 * goes to an address the hub did not choose, so it must not be a way to mail someone else's words from Bawaslu's
 * address: it quotes the sender's subject on one short line, and of a reason only the hub's own words.
 */
public final class AcknowledgementText {

    public static final int MAX_SUBJECT_CHARS = 80;
    public static final int MAX_REASONS = 5;
    public static final int MAX_REASON_CHARS = 160;

    /** A library's error ("ParseException: …", "(IllegalStateException): …"): its message may quote the input. */
    private static final Pattern LIBRARY_DETAIL = Pattern.compile(
            "[\\s:(]*\\b[A-Z][A-Za-z0-9]*(?:Exception|Error)\\b.*", Pattern.DOTALL);
    /** The hub quotes input between single quotes with no quote inside (QuotedInput); a stray quote runs to the end. */
    private static final Pattern QUOTED = Pattern.compile("'[^']*(?:'|$)");
    /** The hub's reasons say what is wrong in their first sentence; what follows may list the input (column names). */
    private static final Pattern AFTER_FIRST_SENTENCE = Pattern.compile("\\.\\s.*", Pattern.DOTALL);
    private static final String MASK = "'…'";

    private AcknowledgementText() {
    }

    /** The sender's subject on one line of at most 80 characters; null when there is none. */
    public static String subject(String subject) {
        String line = HeaderValues.sanitize(subject, MAX_SUBJECT_CHARS);
        return line.isEmpty() ? null : line;
    }

    /** A reason as at most five lines of the hub's own words, one per problem. */
    public static List<String> reasons(String reason) {
        List<String> lines = new ArrayList<>();
        if (reason == null) {
            return lines;
        }
        for (String problem : ownWords(reason).split(";")) {
            String line = HeaderValues.sanitize(problem, MAX_REASON_CHARS);
            if (!line.isEmpty() && lines.size() < MAX_REASONS) {
                lines.add(line);
            }
        }
        return lines;
    }

    /** A reason on one line of the hub's own words; null when nothing is left of it. */
    public static String reason(String reason) {
        List<String> lines = reasons(reason);
        return lines.isEmpty() ? null : HeaderValues.sanitize(String.join("; ", lines), MAX_REASON_CHARS);
    }

    private static String ownWords(String reason) {
        String text = LIBRARY_DETAIL.matcher(reason).replaceFirst("");
        text = QUOTED.matcher(text).replaceAll(MASK);
        return AFTER_FIRST_SENTENCE.matcher(text).replaceFirst("");
    }
}
