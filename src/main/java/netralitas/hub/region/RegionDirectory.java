package netralitas.hub.region;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Every province and kabupaten/kota with its inboxes, the SIASN instansi → region map and the BKN Kantor
 * Regional table (SPEC §4.2, §6). Immutable once loaded; all lookups are hash lookups.
 */
public final class RegionDirectory {

    private static final Pattern PROVINCE_CODE = Pattern.compile("\\d{2}");
    private static final Pattern LOCAL_CODE = Pattern.compile("\\d{2}\\.\\d{2}");

    private final Map<String, Region> byCode;
    private final Map<String, Region> bySiasnId;
    private final Map<String, Region> byKodeCepat;
    private final Map<String, Kanreg> kanregById;
    private final Map<Integer, Kanreg> kanregByNumber;
    private final Map<String, Kanreg> kanregByProvince;
    private final RegionNameIndex names;

    RegionDirectory(Collection<Region> regions, Map<String, String> siasnIdToCode, Map<String, String> kodeCepatToCode,
                    Collection<Kanreg> kanregs) {
        Map<String, Region> codes = new LinkedHashMap<>();
        regions.forEach(r -> codes.put(r.code(), r));
        this.byCode = Collections.unmodifiableMap(codes);
        this.bySiasnId = resolveCodes(siasnIdToCode, codes);
        this.byKodeCepat = resolveCodes(kodeCepatToCode, codes);
        Map<String, Kanreg> ids = new HashMap<>();
        Map<Integer, Kanreg> numbers = new HashMap<>();
        Map<String, Kanreg> provinces = new HashMap<>();
        for (Kanreg kanreg : kanregs) {
            ids.put(kanreg.id().toUpperCase(Locale.ROOT), kanreg);
            int number = KanregNumber.parse(kanreg.id());
            if (number > 0) {
                numbers.put(number, kanreg);
            }
            kanreg.provinceCodes().forEach(p -> provinces.put(p, kanreg));
        }
        this.kanregById = Map.copyOf(ids);
        this.kanregByNumber = Map.copyOf(numbers);
        this.kanregByProvince = Map.copyOf(provinces);
        this.names = new RegionNameIndex(codes.values(), codes);
    }

    /** The file of config/ that lists the regions and their inboxes; the two others map BKN's codes onto it. */
    public static final String REGIONS_FILE = "regions.csv";

    /** The directory of a hub's config folder: regions.csv, siasn-instansi-daerah.csv and bkn-kanreg.csv. */
    public static RegionDirectory inConfig(Path configDir) {
        return load(configDir.resolve(REGIONS_FILE), configDir.resolve("siasn-instansi-daerah.csv"),
                configDir.resolve("bkn-kanreg.csv"));
    }

    /** Loads and validates the three files; any defect fails with a {@link RegionDataException} naming file and line. */
    public static RegionDirectory load(Path regionsCsv, Path siasnCsv, Path kanregCsv) {
        return new RegionDirectoryLoader(regionsCsv, siasnCsv, kanregCsv).load();
    }

    /** Accepts "17.08", "1708", "17", with surrounding spaces; a kecamatan/desa code ("17.08.01.2001") gives its kab/kota. */
    public Optional<Region> byCode(String code) {
        String normal = normaliseCode(code);
        return normal == null ? Optional.empty() : Optional.ofNullable(byCode.get(normal));
    }

    /** The code in canonical form ("17", "17.08"), or null when the text is not shaped like a region code. */
    static String normaliseCode(String code) {
        if (code == null) {
            return null;
        }
        String c = code.strip();
        if (PROVINCE_CODE.matcher(c).matches() || LOCAL_CODE.matcher(c).matches()) {
            return c;
        }
        if (c.length() == 4 && c.chars().allMatch(Character::isDigit)) {
            return c.substring(0, 2) + "." + c.substring(2);
        }
        if (c.length() > 5 && c.charAt(5) == '.' && LOCAL_CODE.matcher(c.substring(0, 5)).matches()
                && c.substring(6).matches("[\\d.]+")) {
            return c.substring(0, 5);
        }
        return null;
    }

    /** Matches a name as people write it (SPEC §6): "Kab. Kepahiang", "kota bengkulu", "Muko Muko". */
    public NameMatch matchName(String name) {
        return names.match(name);
    }

    /** The regional employer of a SIASN instansi: by id first, then by kode cepat. Empty for central agencies. */
    public Optional<Region> bySiasn(String instansiKerjaId, String kodeCepat) {
        Region region = instansiKerjaId == null ? null : bySiasnId.get(instansiKerjaId.strip().toUpperCase(Locale.ROOT));
        if (region == null && kodeCepat != null) {
            region = byKodeCepat.get(kodeCepat.strip());
        }
        return Optional.ofNullable(region);
    }

    /** By the table's id ("VII"), BKN's numeric id ("7", "07") or a name such as "KANTOR REGIONAL VII PALEMBANG". */
    public Optional<Kanreg> kanreg(String kanregId) {
        if (kanregId == null || kanregId.isBlank()) {
            return Optional.empty();
        }
        Kanreg exact = kanregById.get(kanregId.strip().toUpperCase(Locale.ROOT));
        if (exact != null) {
            return Optional.of(exact);
        }
        return Optional.ofNullable(kanregByNumber.get(KanregNumber.parse(kanregId)));
    }

    /** The Kanreg serving a province; a kab/kota code is accepted and stands for its province. */
    public Optional<Kanreg> kanregForProvince(String provinceCode) {
        String code = normaliseCode(provinceCode);
        return code == null ? Optional.empty() : Optional.ofNullable(kanregByProvince.get(code.substring(0, 2)));
    }

    /** All regions in code order. */
    public Collection<Region> all() {
        return byCode.values();
    }

    /** Regions mentioned with an explicit Kab./Kabupaten/Kota/Provinsi/Prov. marker, in order of first mention. */
    public List<Region> findInText(String freeText) {
        return names.findInText(freeText);
    }

    /** The Kanreg offices as loaded. */
    public Collection<Kanreg> kanregs() {
        Set<Kanreg> distinct = new LinkedHashSet<>(kanregById.values());
        List<Kanreg> list = new ArrayList<>(distinct);
        list.sort((a, b) -> Integer.compare(KanregNumber.parse(a.id()), KanregNumber.parse(b.id())));
        return List.copyOf(list);
    }

    private static Map<String, Region> resolveCodes(Map<String, String> keyToCode, Map<String, Region> codes) {
        Map<String, Region> resolved = new HashMap<>();
        keyToCode.forEach((key, code) -> {
            Region region = codes.get(code);
            if (region == null) {
                throw new IllegalArgumentException("unknown region code " + code + " for " + key);
            }
            resolved.put(key, region);
        });
        return Map.copyOf(resolved);
    }
}
