package netralitas.hub.classify;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The violation matrix of SPEC §5 as configured in config/categories.yaml: finds a category by its code or
 * Indonesian label, or recognises one from the words of a free-text description.
 */
public final class CategoryCatalogue {

    private final List<Category> categories;
    private final Map<String, Category> byKey = new HashMap<>();
    private final PhraseIndex<Integer> keywordIndex = new PhraseIndex<>();
    private final Category other;
    private final EscalationRules escalation;
    private final LegalBases legalBases;

    CategoryCatalogue(List<Category> categories, EscalationRules escalation, LegalBases legalBases) {
        this.categories = List.copyOf(categories);
        this.escalation = escalation;
        this.legalBases = legalBases;
        Category fallback = null;
        for (int i = 0; i < this.categories.size(); i++) {
            Category c = this.categories.get(i);
            byKey.put(lookupKey(c.code()), c);
            byKey.putIfAbsent(lookupKey(c.label()), c);
            for (String keyword : c.keywords()) {
                keywordIndex.add(Phrase.parse(keyword), i);
            }
            if (c.code().equalsIgnoreCase(CategoryCatalogueLoader.OTHER_CODE)) {
                fallback = c;
            }
        }
        if (fallback == null) {
            throw new IllegalArgumentException("catalogue has no OTHER category");
        }
        this.other = fallback;
    }

    /**
     * @throws CatalogueConfigException when the file cannot be read or breaks a rule (message names the file
     *                                  and the offending category)
     */
    public static CategoryCatalogue load(Path yaml) {
        return new CategoryCatalogueLoader(yaml).load();
    }

    public List<Category> all() {
        return categories;
    }

    public Category other() {
        return other;
    }

    public EscalationRules escalation() {
        return escalation;
    }

    /** The regulations cited beside each category's own, by kind of person and final severity. */
    public LegalBases legalBases() {
        return legalBases;
    }

    /** The category whose code or label the text is, ignoring case, punctuation and spacing. */
    public Optional<Category> byCodeOrLabel(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        return Optional.ofNullable(byKey.get(lookupKey(text)));
    }

    /**
     * The category whose keywords best fit the text: each distinct matching keyword scores its number of
     * words, so more and longer matches win ("hadir secara pasif … mendengarkan visi misi" outweighs a lone
     * "kampanye"); on equal scores the heavier severity wins, then the earlier category in the file.
     */
    public Optional<Category> byKeywords(String freeText) {
        Words words = Words.of(freeText);
        if (words.size() == 0) {
            return Optional.empty();
        }
        int[] score = new int[categories.size()];
        for (PhraseIndex.Match<Integer> m : keywordIndex.findIn(words)) {
            score[m.owner()] += m.phrase().length();
        }
        int best = -1;
        for (int i = 0; i < score.length; i++) {
            if (score[i] > 0 && (best < 0 || beats(i, score[i], best, score[best]))) {
                best = i;
            }
        }
        return best < 0 ? Optional.empty() : Optional.of(categories.get(best));
    }

    /**
     * SPEC §3.1/§3.2: a category named in the report wins; an unknown name is OTHER (it needs a human, not a
     * guess); with no name at all the description's keywords decide, else OTHER.
     */
    public Category categorise(String categoryText, String description) {
        if (categoryText != null && !categoryText.isBlank()) {
            return byCodeOrLabel(categoryText).orElse(other);
        }
        return byKeywords(description).orElse(other);
    }

    private boolean beats(int candidate, int candidateScore, int best, int bestScore) {
        if (candidateScore != bestScore) {
            return candidateScore > bestScore;
        }
        // Severity is declared heaviest first.
        return categories.get(candidate).severity().ordinal() < categories.get(best).severity().ordinal();
    }

    /** Code and label compare on letters and digits only: "Memasang spanduk / baliho" = "memasang spanduk baliho". */
    static String lookupKey(String text) {
        StringBuilder sb = new StringBuilder();
        for (char ch : Words.normalise(text).toCharArray()) {
            if (Character.isLetterOrDigit(ch)) {
                sb.append(ch);
            }
        }
        return sb.toString();
    }
}
