package netralitas.hub.classify;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What makes a case one level heavier (SPEC §5): a senior post, recognised by BKN eselon or by phrases in the
 * position title, and use of state facilities named in the description. Loaded from the {@code escalation:}
 * section of config/categories.yaml.
 */
public final class EscalationRules {

    /** Eselon as BKN writes it: "I.a", "II.b", "IIa", "II", "Eselon II/a"; arabic "2.a" also seen in exports. */
    private static final Pattern ESELON = Pattern.compile("^(?:ESELON\\s*)?(IV|V|III|II|I|[1-5])(?![A-Z&&[^AB]])");
    private static final List<String> ROMAN = List.of("I", "II", "III", "IV", "V");

    private final List<String> seniorPositions;
    private final List<String> seniorEselon;
    private final List<String> stateFacilities;
    private final PhraseIndex<String> positionIndex = new PhraseIndex<>();
    private final PhraseIndex<String> facilityIndex = new PhraseIndex<>();
    private final Set<String> seniorLevels;

    /**
     * @throws IllegalArgumentException when a phrase holds no word or an eselon level is not I–V
     */
    public EscalationRules(List<String> seniorPositions, List<String> seniorEselon, List<String> stateFacilities) {
        this.seniorPositions = List.copyOf(seniorPositions);
        this.seniorEselon = List.copyOf(seniorEselon);
        this.stateFacilities = List.copyOf(stateFacilities);
        for (String p : this.seniorPositions) {
            positionIndex.add(Phrase.parse(p), p);
        }
        for (String f : this.stateFacilities) {
            facilityIndex.add(Phrase.parse(f), f);
        }
        List<String> levels = new ArrayList<>();
        for (String e : this.seniorEselon) {
            String level = e == null ? "" : e.strip().toUpperCase(Locale.ROOT);
            if (!ROMAN.contains(level)) {
                throw new IllegalArgumentException("seniorEselon '" + e + "' is not one of I, II, III, IV, V");
            }
            levels.add(level);
        }
        this.seniorLevels = Set.copyOf(levels);
    }

    public List<String> seniorPositions() {
        return seniorPositions;
    }

    public List<String> seniorEselon() {
        return seniorEselon;
    }

    public List<String> stateFacilities() {
        return stateFacilities;
    }

    /** True when the position title contains a senior-post phrase as whole words ("Pj. Bupati", not "Pjabat"). */
    public boolean isSeniorPosition(String positionTitle) {
        return !positionIndex.findIn(Words.of(positionTitle)).isEmpty();
    }

    /** True when the BKN eselon is one of the senior levels; sub-grades (.a/.b) do not matter. */
    public boolean isSeniorEselon(String eselon) {
        if (eselon == null || eselon.isBlank()) {
            return false;
        }
        Matcher m = ESELON.matcher(eselon.strip().toUpperCase(Locale.ROOT));
        if (!m.find()) {
            return false;
        }
        String level = m.group(1);
        if (Character.isDigit(level.charAt(0))) {
            level = ROMAN.get(level.charAt(0) - '1');
        }
        return seniorLevels.contains(level);
    }

    /** The configured state-facility phrases the description mentions, as configured, in config order. */
    public List<String> stateFacilitiesIn(String description) {
        List<String> found = new ArrayList<>();
        for (PhraseIndex.Match<String> m : facilityIndex.findIn(Words.of(description))) {
            found.add(m.owner());
        }
        return found;
    }
}
