package netralitas.hub.region;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Name lookups over the directory: exact-key maps, so a million reports cost a million hash lookups. */
final class RegionNameIndex {

    /**
     * Names people use for provinces that are not the Kemendagri name. Kept short on purpose: each entry
     * must be unambiguous in Bawaslu reports. "Yogyakarta" also names a city, and then the bare word is
     * ambiguous, as it should be.
     */
    private static final Map<String, String> PROVINCE_ALIASES = Map.ofEntries(
            Map.entry("dkijakarta", "31"), Map.entry("dki", "31"), Map.entry("jakarta", "31"),
            Map.entry("daerahkhususjakarta", "31"), Map.entry("dkj", "31"),
            Map.entry("diyogyakarta", "34"), Map.entry("diy", "34"), Map.entry("yogyakarta", "34"),
            Map.entry("ntb", "52"), Map.entry("ntt", "53"),
            Map.entry("bangkabelitung", "19"), Map.entry("babel", "19"), Map.entry("kepri", "21"),
            Map.entry("sumut", "12"), Map.entry("sumbar", "13"), Map.entry("sumsel", "16"),
            Map.entry("jabar", "32"), Map.entry("jateng", "33"), Map.entry("jatim", "35"),
            Map.entry("kalbar", "61"), Map.entry("kalteng", "62"), Map.entry("kalsel", "63"),
            Map.entry("kaltim", "64"), Map.entry("kaltara", "65"),
            Map.entry("sulut", "71"), Map.entry("sulteng", "72"), Map.entry("sulsel", "73"),
            Map.entry("sultra", "74"), Map.entry("sulbar", "76"), Map.entry("malut", "82"));

    /** Longest run of words a mention can span in free text ("Kabupaten Kep. Siau Tagulandang Biaro"). */
    private static final int MAX_NAME_WORDS = 6;

    private static final Comparator<Region> BY_CODE = Comparator.comparing(Region::code);

    private final Map<RegionType, Map<String, List<Region>>> byTypedKey = new EnumMap<>(RegionType.class);
    private final Map<String, List<Region>> byBareKey = new HashMap<>();

    RegionNameIndex(Collection<Region> regions, Map<String, Region> byCode) {
        for (RegionType type : RegionType.values()) {
            byTypedKey.put(type, new HashMap<>());
        }
        for (Region region : regions) {
            add(keyOf(region), region);
        }
        PROVINCE_ALIASES.forEach((alias, code) -> {
            Region province = byCode.get(code);
            if (province != null) {
                add(alias, province);
            }
        });
        byTypedKey.values().forEach(map -> map.replaceAll((k, v) -> sorted(v)));
        byBareKey.replaceAll((k, v) -> sorted(v));
    }

    NameMatch match(String name) {
        RegionNameKey.Parsed parsed = RegionNameKey.parse(name);
        NameMatch direct = lookup(parsed.type(), parsed.key());
        if (!(direct instanceof NameMatch.NotFound)) {
            return direct;
        }
        return fromMentions(name);
    }

    /** Regions named with an explicit marker ("Kab. Kepahiang", "Provinsi Bengkulu"), in order of first mention. */
    List<Region> findInText(String text) {
        List<String> tokens = RegionNameKey.tokens(text);
        Set<Region> found = new LinkedHashSet<>();
        int i = 0;
        while (i < tokens.size()) {
            RegionType type = RegionNameKey.marker(tokens.get(i));
            int consumed = type == null ? 0 : longestMention(type, tokens, i + 1, found);
            i += 1 + consumed;
        }
        return List.copyOf(found);
    }

    private int longestMention(RegionType type, List<String> tokens, int from, Set<Region> found) {
        int maxEnd = Math.min(tokens.size(), from + MAX_NAME_WORDS);
        for (int end = maxEnd; end > from; end--) {
            List<Region> hits = byTypedKey.get(type).get(RegionNameKey.key(tokens.subList(from, end)));
            if (hits != null && hits.size() == 1) {
                found.add(hits.get(0));
                return end - from;
            }
        }
        return 0;
    }

    /**
     * A name field holding more than a name, e.g. "Kab. Kepahiang, Prov. Bengkulu": the most specific
     * explicit mention wins, provided it is the only one and agrees with any province mentioned.
     */
    private NameMatch fromMentions(String text) {
        List<Region> mentions = findInText(text);
        List<Region> provinces = mentions.stream().filter(Region::isProvince).toList();
        List<Region> local = mentions.stream()
                .filter(r -> !r.isProvince())
                .filter(r -> provinces.isEmpty() || provinces.stream().anyMatch(p -> p.code().equals(r.provinceCode())))
                .toList();
        if (local.size() == 1) {
            return new NameMatch.Found(local.get(0));
        }
        if (local.size() > 1) {
            return new NameMatch.Ambiguous(sorted(local));
        }
        boolean onlyProvinces = mentions.size() == provinces.size();
        return onlyProvinces && provinces.size() == 1 ? new NameMatch.Found(provinces.get(0)) : NameMatch.NONE;
    }

    private NameMatch lookup(RegionType type, String key) {
        if (key.isEmpty()) {
            return NameMatch.NONE;
        }
        List<Region> hits = type == null ? byBareKey.get(key) : byTypedKey.get(type).get(key);
        if (hits == null || hits.isEmpty()) {
            return NameMatch.NONE;
        }
        return hits.size() == 1 ? new NameMatch.Found(hits.get(0)) : new NameMatch.Ambiguous(hits);
    }

    private void add(String key, Region region) {
        addTo(byTypedKey.get(region.type()), key, region);
        addTo(byBareKey, key, region);
    }

    private static void addTo(Map<String, List<Region>> map, String key, Region region) {
        List<Region> list = map.computeIfAbsent(key, k -> new ArrayList<>());
        if (!list.contains(region)) {
            list.add(region);
        }
    }

    private static String keyOf(Region region) {
        String name = region.name();
        String prefix = switch (region.type()) {
            case KABUPATEN -> "Kabupaten ";
            case KOTA -> "Kota ";
            case PROVINSI -> "";
        };
        String bare = name.regionMatches(true, 0, prefix, 0, prefix.length()) ? name.substring(prefix.length()) : name;
        return RegionNameKey.keyOfBareName(bare);
    }

    private static List<Region> sorted(List<Region> regions) {
        return regions.stream().sorted(BY_CODE).toList();
    }
}
