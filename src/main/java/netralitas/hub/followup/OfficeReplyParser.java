package netralitas.hub.followup;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads an office's reply (SPEC §12): its own text, then the lines {@code Status: …}, {@code Sanksi: …},
 * {@code Keterangan: …}, in blocks {@code Kasus: NH-…} when a reply to a digest answers several cases.
 *
 * <p>Only the reply's own text counts: a mail client quotes the case mail, whose last paragraph shows the status lines as
 * examples. Left out are lines quoted with {@code >} and the attribution line above them ("On … wrote:", "Pada …
 * menulis:", also wrapped over two lines), whether the reply is written above the quote or below it; and everything
 * from the start of an original that clients quote without marks: Outlook's header block ("From: … Sent: … To: …
 * Subject:", in Indonesian "Dari: … Dikirim: … Kepada: … Subjek:"), "-----Original Message-----", "-----Pesan
 * Asli-----", a forwarded message, or an attribution line with no quoted lines under it (Gmail's HTML, its blockquote
 * already left out). HTML replies come here as text without their quoted elements ({@code HtmlText.ownText}).
 *
 * <p>Lines may be decorated (bold, bullets) and the status written in any case and spacing
 * ({@link FollowUpStatus#ofOfficeText}); a status followed by words ("SELESAI, sanksi sudah dijatuhkan") counts by its
 * first words. A status the hub does not know ("Status: SEDANG DIPERIKSA") is kept as text and counts as none.
 */
public final class OfficeReplyParser {

    /** What is kept of the own text as the excerpt of a reply without a status. */
    public static final int EXCERPT_CHARS = 300;
    /** A sanction or note longer than this is cut (the trail bounds every text anyway). */
    static final int MAX_VALUE_CHARS = 500;
    private static final int MAX_STATUS_TEXT_CHARS = 60;
    /** An attribution line is short; a longer line ending in "menulis:" is the office's own sentence. */
    private static final int MAX_ATTRIBUTION_CHARS = 300;
    /** Lines after an Outlook "From:" line within which "Sent:" and "Subject:" make it a header block. */
    private static final int HEADER_BLOCK_LINES = 6;

    private static final Pattern QUOTED = Pattern.compile("^\\s*>");
    private static final Pattern SEPARATOR = Pattern.compile(
            "(?iu)^\\s*-{2,}\\s*(?:original message|pesan asli|pesan asal|forwarded message|pesan terusan"
                    + "|pesan yang diteruskan)\\s*-{2,}\\s*$");
    private static final Pattern FORWARD_HEADING = Pattern.compile(
            "(?iu)^\\s*(?:begin forwarded message|awal pesan yang diteruskan|pesan yang diteruskan)\\s*:\\s*$");
    private static final Pattern HEADER_FROM = Pattern.compile("(?iu)^\\s*\\*?(?:from|dari)\\*?\\s*:.*\\S.*$");
    private static final Pattern HEADER_SENT = Pattern.compile(
            "(?iu)^\\s*\\*?(?:sent|date|dikirim|terkirim|tanggal|waktu)\\*?\\s*:.*$");
    private static final Pattern HEADER_SUBJECT = Pattern.compile("(?iu)^\\s*\\*?(?:subject|subjek|perihal|hal)\\*?\\s*:.*$");
    private static final Pattern ATTRIBUTION_END = Pattern.compile("(?iu)^.*\\b(?:wrote|menulis|schrieb)\\s*:\\s*$");
    private static final Pattern ATTRIBUTION_START = Pattern.compile("(?iu)^\\s*(?:on|pada)\\s+\\S.*$");

    /** Decoration around a label: bullets, bold and italic marks ("- *Status:* SELESAI"). */
    private static final Pattern LABEL = Pattern.compile(
            "(?iu)^[\\s*_•·▪●-]*(kasus|status|sanksi|keterangan|catatan)[\\s*_]*:[\\s*_]*(.*?)[\\s*_]*$");
    private static final Pattern CASE_ID = Pattern.compile("(?i)\\bNH-\\d{8}-[0-9A-Z]{8}\\b");
    private static final Pattern NOT_A_WORD = Pattern.compile("[^\\p{L}\\s_-]+");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    /** The reply as the office wrote it: its status lines and the beginning of its own text. */
    public OfficeReply parse(String text) {
        List<String> own = ownLines(text == null ? "" : text);
        List<Block> blocks = new ArrayList<>();
        Block general = new Block(null);
        Block current = general;
        Block.Field continued = null;
        for (String line : own) {
            Matcher label = LABEL.matcher(line);
            if (!label.matches()) {
                if (line.isBlank()) {
                    continued = null;
                } else if (continued != null) {
                    current.extend(continued, line.strip());
                }
                continue;
            }
            String value = label.group(2).strip();
            switch (label.group(1).toLowerCase(Locale.ROOT)) {
                case "kasus" -> {
                    Matcher caseId = CASE_ID.matcher(value);
                    if (caseId.find()) {
                        current = new Block(caseId.group().toUpperCase(Locale.ROOT));
                        blocks.add(current);
                    }
                    continued = null;
                }
                case "status" -> {
                    current.status(value);
                    continued = null;
                }
                case "sanksi" -> continued = current.set(Block.Field.SANCTION, value);
                default -> continued = current.set(Block.Field.NOTE, value);
            }
        }
        return new OfficeReply(general.answer(), blocks.stream().map(Block::answer).toList(), excerpt(own));
    }

    /** The lines the sender wrote: quoted lines, their attribution and an unmarked original left out. */
    static List<String> ownLines(String text) {
        String[] lines = text.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
        int end = lines.length;
        for (int i = 0; i < lines.length; i++) {
            if (originalStartsAt(lines, i)) {
                end = i;
                break;
            }
        }
        List<String> own = new ArrayList<>();
        for (int i = 0; i < end; i++) {
            if (QUOTED.matcher(lines[i]).find()) {
                continue;
            }
            int attribution = attributionLines(lines, i);
            if (attribution > 0 && quoteFollows(lines, i + attribution, end)) {
                i += attribution - 1;
                continue;
            }
            own.add(lines[i]);
        }
        return own;
    }

    /** Whether an original quoted without {@code >} marks begins at line {@code i}. */
    private static boolean originalStartsAt(String[] lines, int i) {
        String line = lines[i];
        if (SEPARATOR.matcher(line).matches() || FORWARD_HEADING.matcher(line).matches()) {
            return true;
        }
        if (HEADER_FROM.matcher(line).matches() && headerBlockFollows(lines, i)) {
            return true;
        }
        int attribution = attributionLines(lines, i);
        return attribution > 0 && ATTRIBUTION_START.matcher(line).matches()
                && !quoteFollows(lines, i + attribution, lines.length);
    }

    /** Outlook's header block: "Sent:" (or "Date:") and "Subject:" within a few lines of "From:". */
    private static boolean headerBlockFollows(String[] lines, int from) {
        boolean sent = false;
        boolean subject = false;
        for (int j = from + 1; j < lines.length && j <= from + HEADER_BLOCK_LINES; j++) {
            sent |= HEADER_SENT.matcher(lines[j]).matches();
            subject |= HEADER_SUBJECT.matcher(lines[j]).matches();
        }
        return sent && subject;
    }

    /**
     * How many lines, from {@code i}, an attribution takes: 1 for "On … wrote:" (or Thunderbird's "X wrote:"), 2 when
     * a client wrapped it ("On … Netralitas Hub &lt;" / "netralitas-hub@… &gt; wrote:"), 0 when there is none.
     */
    private static int attributionLines(String[] lines, int i) {
        String line = lines[i];
        if (line.length() <= MAX_ATTRIBUTION_CHARS && ATTRIBUTION_END.matcher(line).matches()) {
            return 1;
        }
        if (i + 1 < lines.length && ATTRIBUTION_START.matcher(line).matches() && !lines[i + 1].isBlank()
                && line.length() + lines[i + 1].length() <= MAX_ATTRIBUTION_CHARS
                && ATTRIBUTION_END.matcher(lines[i + 1]).matches()) {
            return 2;
        }
        return 0;
    }

    /** Whether the first line that is not blank from {@code from} on (before {@code end}) is quoted. */
    private static boolean quoteFollows(String[] lines, int from, int end) {
        for (int j = from; j < end; j++) {
            if (!lines[j].isBlank()) {
                return QUOTED.matcher(lines[j]).find();
            }
        }
        return false;
    }

    private static String excerpt(List<String> own) {
        String joined = WHITESPACE.matcher(String.join(" ", own)).replaceAll(" ").strip();
        return bounded(joined, EXCERPT_CHARS);
    }

    /** The status an office wrote, by its whole value or its first one or two words ("SELESAI, sanksi …"). */
    static Optional<FollowUpStatus> status(String value) {
        Optional<FollowUpStatus> whole = FollowUpStatus.ofOfficeText(value);
        if (whole.isPresent()) {
            return whole;
        }
        String[] words = WHITESPACE.split(NOT_A_WORD.matcher(value).replaceAll(" ").strip());
        if (words.length >= 2) {
            Optional<FollowUpStatus> two = FollowUpStatus.ofOfficeText(words[0] + " " + words[1]);
            if (two.isPresent()) {
                return two;
            }
        }
        return words.length >= 1 && !words[0].isEmpty() ? FollowUpStatus.ofOfficeText(words[0]) : Optional.empty();
    }

    private static String bounded(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        int cut = Character.isHighSurrogate(text.charAt(max - 1)) ? max - 1 : max;
        return text.substring(0, cut) + "…";
    }

    /** The lines of one block as they are read; the first of each label counts. */
    private static final class Block {

        enum Field { SANCTION, NOTE }

        private final String caseId;
        private FollowUpStatus status;
        private String statusText;
        private boolean statusSeen;
        private StringBuilder sanction;
        private StringBuilder note;

        Block(String caseId) {
            this.caseId = caseId;
        }

        void status(String value) {
            if (statusSeen || value.isEmpty()) {
                return;
            }
            statusSeen = true;
            status = OfficeReplyParser.status(value).orElse(null);
            statusText = status == null ? bounded(value, MAX_STATUS_TEXT_CHARS) : null;
        }

        /** Sets the field unless it was given already; returns the field later lines continue, or null. */
        Field set(Field field, String value) {
            if ((field == Field.SANCTION ? sanction : note) != null) {
                return null;
            }
            StringBuilder started = new StringBuilder(value);
            if (field == Field.SANCTION) {
                sanction = started;
            } else {
                note = started;
            }
            return field;
        }

        void extend(Field field, String line) {
            StringBuilder target = field == Field.SANCTION ? sanction : note;
            if (target.length() <= MAX_VALUE_CHARS) {
                target.append(target.length() == 0 ? "" : " ").append(line);
            }
        }

        OfficeReply.Answer answer() {
            return new OfficeReply.Answer(caseId, status, statusText, value(sanction), value(note));
        }

        private static String value(StringBuilder text) {
            return text == null || text.toString().isBlank() ? null : bounded(text.toString().strip(), MAX_VALUE_CHARS);
        }
    }
}
