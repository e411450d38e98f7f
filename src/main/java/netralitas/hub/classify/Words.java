package netralitas.hub.classify;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The words of a text, lower-cased and without accents, so that keyword phrases match whole words only
 * ("like" does not hit "klik" or "likes") whatever the punctuation, spacing or case of the report.
 */
final class Words {

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{Nd}]+");
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");

    private final String[] tokens;

    private Words(String[] tokens) {
        this.tokens = tokens;
    }

    static Words of(String text) {
        if (text == null || text.isBlank()) {
            return new Words(new String[0]);
        }
        List<String> found = new ArrayList<>();
        Matcher m = WORD.matcher(normalise(text));
        while (m.find()) {
            found.add(m.group());
        }
        return new Words(found.toArray(String[]::new));
    }

    /** Lower case without diacritics; the common ground for report text and configured phrases. */
    static String normalise(String text) {
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFKD);
        return MARKS.matcher(decomposed).replaceAll("").toLowerCase(Locale.ROOT);
    }

    int size() {
        return tokens.length;
    }

    String get(int index) {
        return tokens[index];
    }
}
