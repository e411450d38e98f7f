package netralitas.hub.region;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads config/regions.csv, config/siasn-instansi-daerah.csv and config/bkn-kanreg.csv and checks them
 * against each other, so a bad edit by a deployer stops the hub at start-up instead of misrouting a case.
 * Inboxes need not be unique: a deployer may point several regions at one office (the Jakarta kota
 * administrasi belong to the Pemprov DKI instansi).
 */
final class RegionDirectoryLoader {

    private final Path regionsCsv;
    private final Path siasnCsv;
    private final Path kanregCsv;

    RegionDirectoryLoader(Path regionsCsv, Path siasnCsv, Path kanregCsv) {
        this.regionsCsv = regionsCsv;
        this.siasnCsv = siasnCsv;
        this.kanregCsv = kanregCsv;
    }

    /** Reads all three files; when anything is wrong, throws one exception listing every problem found. */
    RegionDirectory load() {
        List<RegionDataException.Problem> problems = new ArrayList<>();
        RegionRows regions = readRegions(problems);
        Map<String, String> siasnIds = new HashMap<>();
        Map<String, String> kodeCepat = new HashMap<>();
        readSiasn(regions, siasnIds, kodeCepat, problems);
        List<Kanreg> kanregs = readKanregs(regions, problems);
        if (!problems.isEmpty()) {
            throw new RegionDataException(problems);
        }
        return new RegionDirectory(regions.valid.values(), siasnIds, kodeCepat, kanregs);
    }

    /**
     * The usable regions, and the codes of rows that were present but defective: a reference to one of those from
     * the other files is not reported again, so one bad row gives one problem, not a cascade.
     */
    private static final class RegionRows {
        final Map<String, Region> valid = new LinkedHashMap<>();
        final Set<String> defective = new HashSet<>();
        /** False when regions.csv could not be read through: references into it cannot be judged. */
        boolean complete;

        /** Whether a reference to {@code code} should be reported as unknown. */
        boolean unknown(String code) {
            return complete && !valid.containsKey(code) && !defective.contains(code);
        }
    }

    private RegionRows readRegions(List<RegionDataException.Problem> problems) {
        RegionRows regions = new RegionRows();
        Map<String, Long> provinceReferences = new LinkedHashMap<>();
        int[] rows = {0};
        regions.complete = DirectoryCsv.read(regionsCsv, List.of("code", "name", "type", "province_code", "bkpsdm_inbox",
                "inspektorat_inbox", "bawaslu_inbox"), row -> {
            rows[0]++;
            String code = row.required("code");
            if (regions.valid.containsKey(code) || regions.defective.contains(code)) {
                throw row.error("duplicate code " + code);
            }
            regions.defective.add(code);
            RegionType type = parseType(row);
            String provinceCode = row.required("province_code");
            checkCode(row, code, type, provinceCode);
            provinceReferences.putIfAbsent(provinceCode, row.line());
            String name = row.required("name");
            String bkpsdm = row.address("bkpsdm_inbox");
            String inspektorat = row.address("inspektorat_inbox");
            String bawaslu = row.address("bawaslu_inbox");
            if (!row.hasProblems()) {
                regions.defective.remove(code);
                regions.valid.put(code, new Region(code, name, type, provinceCode, bkpsdm, inspektorat, bawaslu));
            }
        }, problems);
        if (!regions.complete) {
            return regions;
        }
        provinceReferences.forEach((province, line) -> {
            if (regions.unknown(province)) {
                problems.add(new RegionDataException.Problem(regionsCsv, line, "province " + province + " has no row of its own"));
            }
        });
        if (rows[0] == 0) {
            problems.add(new RegionDataException.Problem(regionsCsv, 0, "no regions"));
        }
        return regions;
    }

    private static RegionType parseType(DirectoryCsv.Row row) {
        String text = row.required("type");
        try {
            return RegionType.valueOf(text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw row.error("unknown type '" + text + "' (PROVINSI, KABUPATEN or KOTA)");
        }
    }

    private static void checkCode(DirectoryCsv.Row row, String code, RegionType type, String provinceCode) {
        boolean shaped = type == RegionType.PROVINSI ? code.matches("\\d{2}") : code.matches("\\d{2}\\.\\d{2}");
        if (!shaped) {
            throw row.error("code '" + code + "' does not fit type " + type);
        }
        if (!code.startsWith(provinceCode) || !provinceCode.matches("\\d{2}")) {
            throw row.error("province_code '" + provinceCode + "' does not fit code " + code);
        }
    }

    private void readSiasn(RegionRows regions, Map<String, String> ids, Map<String, String> kodeCepat,
                           List<RegionDataException.Problem> problems) {
        DirectoryCsv.read(siasnCsv, List.of("siasn_instansi_id", "kode_cepat", "wilayah_code"), row -> {
            String id = row.required("siasn_instansi_id").toUpperCase(Locale.ROOT);
            String kode = row.optional("kode_cepat");
            String code = row.required("wilayah_code");
            if (regions.unknown(code)) {
                throw row.error("wilayah_code " + code + " is not in " + regionsCsv.getFileName());
            }
            if (ids.putIfAbsent(id, code) != null) {
                throw row.error("duplicate siasn_instansi_id " + id);
            }
            if (!kode.isEmpty() && kodeCepat.putIfAbsent(kode, code) != null) {
                throw row.error("duplicate kode_cepat " + kode);
            }
        }, problems);
    }

    private List<Kanreg> readKanregs(RegionRows regions, List<RegionDataException.Problem> problems) {
        List<Kanreg> kanregs = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        Map<String, String> servedBy = new HashMap<>();
        DirectoryCsv.read(kanregCsv, List.of("kanreg_id", "name", "city", "province_codes", "inbox"), row -> {
            String id = row.required("kanreg_id");
            if (!ids.add(id.toUpperCase(Locale.ROOT))) {
                throw row.error("duplicate kanreg_id " + id);
            }
            Set<String> provinces = new LinkedHashSet<>();
            for (String part : row.required("province_codes").split("\\|")) {
                String province = part.strip();
                Region region = regions.valid.get(province);
                boolean notAProvince = region == null ? regions.unknown(province) : !region.isProvince();
                if (notAProvince) {
                    throw row.error("province code '" + province + "' is not a province in " + regionsCsv.getFileName());
                }
                String earlier = servedBy.putIfAbsent(province, id);
                if (earlier != null) {
                    throw row.error("province " + province + " is already served by Kanreg " + earlier);
                }
                provinces.add(province);
            }
            String name = row.required("name");
            String city = row.required("city");
            String inbox = row.address("inbox");
            if (!row.hasProblems()) {
                kanregs.add(new Kanreg(id, name, city, provinces, inbox));
            }
        }, problems);
        return kanregs;
    }
}
