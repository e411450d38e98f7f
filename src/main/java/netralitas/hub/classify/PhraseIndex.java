package netralitas.hub.classify;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Many phrases, each owned by something (a category, a configured term), found in one pass over a text.
 * Phrases are indexed by their first word so a report is scanned once, not once per keyword.
 */
final class PhraseIndex<T> {

    record Match<T>(Phrase phrase, T owner) {
    }

    private final List<Match<T>> entries = new ArrayList<>();
    private final Map<String, List<Integer>> byFirstWord = new HashMap<>();
    private final List<Integer> prefixFirst = new ArrayList<>();

    void add(Phrase phrase, T owner) {
        int id = entries.size();
        entries.add(new Match<>(phrase, owner));
        if (phrase.firstWordIsPrefix()) {
            prefixFirst.add(id);
        } else {
            byFirstWord.computeIfAbsent(phrase.firstWord(), k -> new ArrayList<>()).add(id);
        }
    }

    /** Every phrase that occurs in the text, each once, in the order they were added. */
    List<Match<T>> findIn(Words text) {
        boolean[] hit = new boolean[entries.size()];
        for (int pos = 0; pos < text.size(); pos++) {
            List<Integer> candidates = byFirstWord.get(text.get(pos));
            if (candidates != null) {
                markMatches(candidates, text, pos, hit);
            }
            markMatches(prefixFirst, text, pos, hit);
        }
        List<Match<T>> found = new ArrayList<>();
        for (int id = 0; id < hit.length; id++) {
            if (hit[id]) {
                found.add(entries.get(id));
            }
        }
        return found;
    }

    private void markMatches(List<Integer> candidates, Words text, int pos, boolean[] hit) {
        for (int id : candidates) {
            if (!hit[id] && entries.get(id).phrase().matchesAt(text, pos)) {
                hit[id] = true;
            }
        }
    }
}
