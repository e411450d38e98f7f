package netralitas.hub.classify;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A configured phrase ("mobil dinas", "pj", "spanduk*") matched as a run of whole words. A word written with
 * a trailing {@code *} matches any word it begins ("spanduk*" also hits "spanduknya"), which lets a deployer
 * cover Indonesian suffixes without listing every form.
 */
final class Phrase {

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{Nd}]+\\*?");

    private final String[] words;
    private final boolean[] prefix;

    private Phrase(String[] words, boolean[] prefix) {
        this.words = words;
        this.prefix = prefix;
    }

    /** @throws IllegalArgumentException when the phrase holds no word at all (e.g. "..." or blank) */
    static Phrase parse(String text) {
        if (text == null) {
            throw new IllegalArgumentException("empty phrase");
        }
        List<String> found = new ArrayList<>();
        Matcher m = WORD.matcher(Words.normalise(text));
        while (m.find()) {
            found.add(m.group());
        }
        if (found.isEmpty()) {
            throw new IllegalArgumentException("phrase '" + text + "' contains no word");
        }
        String[] words = new String[found.size()];
        boolean[] prefix = new boolean[found.size()];
        for (int i = 0; i < words.length; i++) {
            String w = found.get(i);
            prefix[i] = w.endsWith("*");
            words[i] = prefix[i] ? w.substring(0, w.length() - 1) : w;
        }
        return new Phrase(words, prefix);
    }

    /** Number of words; longer phrases are stronger evidence. */
    int length() {
        return words.length;
    }

    String firstWord() {
        return words[0];
    }

    boolean firstWordIsPrefix() {
        return prefix[0];
    }

    boolean matchesAt(Words text, int start) {
        if (start + words.length > text.size()) {
            return false;
        }
        for (int i = 0; i < words.length; i++) {
            String candidate = text.get(start + i);
            boolean same = prefix[i] ? candidate.startsWith(words[i]) : candidate.equals(words[i]);
            if (!same) {
                return false;
            }
        }
        return true;
    }
}
