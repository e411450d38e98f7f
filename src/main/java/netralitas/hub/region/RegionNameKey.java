package netralitas.hub.region;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Turns a region name as people write it into a comparison key (SPEC §6): case, punctuation and spacing are
 * ignored, so "Kab. Muko Muko", "KABUPATEN MUKOMUKO" and "kab mukomuko" all become KABUPATEN + "mukomuko".
 */
final class RegionNameKey {

    /** {@code type} is null when the text carries no Kab./Kota/Provinsi marker. */
    record Parsed(RegionType type, String key) {
    }

    /** Words that stand for the government rather than the name ("Pemerintah Kab. X"). */
    private static final Set<String> GOVERNMENT = Set.of("pemerintah", "pemda");
    /** Words left out of keys: the Jakarta "Administrasi" units and "Pangkajene dan Kepulauan". */
    private static final Set<String> IGNORED = Set.of("administrasi", "adm", "dan");

    private RegionNameKey() {
    }

    static Parsed parse(String text) {
        List<String> tokens = tokens(text);
        int start = 0;
        while (start < tokens.size() && GOVERNMENT.contains(tokens.get(start))) {
            start++;
        }
        RegionType type = start < tokens.size() ? marker(tokens.get(start)) : null;
        if (type != null) {
            start++;
        }
        return new Parsed(type, key(tokens.subList(start, tokens.size())));
    }

    /** The key of a name that carries no marker of its own (the part after "Kabupaten "/"Kota "). */
    static String keyOfBareName(String name) {
        return key(tokens(name));
    }

    /** The region level a word announces, or null: "kab", "kabupaten", "pemkab", "kota", "prov" … */
    static RegionType marker(String token) {
        return switch (token) {
            case "kab", "kabupaten", "pemkab" -> RegionType.KABUPATEN;
            case "kota", "pemkot" -> RegionType.KOTA;
            case "prov", "provinsi", "propinsi", "pemprov" -> RegionType.PROVINSI;
            default -> null;
        };
    }

    /** Lower-case ASCII words; anything that is not a letter or digit separates words. */
    static List<String> tokens(String text) {
        List<String> tokens = new ArrayList<>();
        if (text == null) {
            return tokens;
        }
        String ascii = asciiLowerCase(text);
        int start = -1;
        for (int i = 0; i <= ascii.length(); i++) {
            boolean wordChar = i < ascii.length() && isWordChar(ascii.charAt(i));
            if (wordChar && start < 0) {
                start = i;
            } else if (!wordChar && start >= 0) {
                tokens.add(ascii.substring(start, i));
                start = -1;
            }
        }
        return tokens;
    }

    /** Spaces are dropped so spelling variants like "Tanjung Balai"/"Tanjungbalai" meet. */
    static String key(List<String> tokens) {
        StringBuilder key = new StringBuilder();
        for (String token : tokens) {
            if (IGNORED.contains(token)) {
                continue;
            }
            key.append(token.equals("kep") ? "kepulauan" : token);
        }
        return key.toString();
    }

    private static boolean isWordChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    }

    private static String asciiLowerCase(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        for (int i = 0; i < lower.length(); i++) {
            if (lower.charAt(i) > 127) {
                return Normalizer.normalize(lower, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "");
            }
        }
        return lower;
    }
}
