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

    RegionDirectory load() {
        Map<String, Region> regions = readRegions();
        Map<String, String> siasnIds = new HashMap<>();
        Map<String, String> kodeCepat = new HashMap<>();
        readSiasn(regions, siasnIds, kodeCepat);
        List<Kanreg> kanregs = readKanregs(regions);
        return new RegionDirectory(regions.values(), siasnIds, kodeCepat, kanregs);
    }

    private Map<String, Region> readRegions() {
        Map<String, Region> regions = new LinkedHashMap<>();
        Map<String, Long> provinceReferences = new LinkedHashMap<>();
        DirectoryCsv.read(regionsCsv, List.of("code", "name", "type", "province_code", "bkpsdm_inbox",
                "inspektorat_inbox", "bawaslu_inbox"), row -> {
            String code = row.required("code");
            RegionType type = parseType(row);
            String provinceCode = row.required("province_code");
            checkCode(row, code, type, provinceCode);
            if (regions.containsKey(code)) {
                throw row.error("duplicate code " + code);
            }
            Region region = new Region(code, row.required("name"), type, provinceCode,
                    row.address("bkpsdm_inbox"), row.address("inspektorat_inbox"), row.address("bawaslu_inbox"));
            regions.put(code, region);
            provinceReferences.putIfAbsent(provinceCode, row.line());
        });
        provinceReferences.forEach((province, line) -> {
            if (!regions.containsKey(province)) {
                throw new RegionDataException(regionsCsv, line, "province " + province + " has no row of its own");
            }
        });
        if (regions.isEmpty()) {
            throw new RegionDataException(regionsCsv, 0, "no regions");
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

    private void readSiasn(Map<String, Region> regions, Map<String, String> ids, Map<String, String> kodeCepat) {
        DirectoryCsv.read(siasnCsv, List.of("siasn_instansi_id", "kode_cepat", "wilayah_code"), row -> {
            String id = row.required("siasn_instansi_id").toUpperCase(Locale.ROOT);
            String kode = row.optional("kode_cepat");
            String code = row.required("wilayah_code");
            if (!regions.containsKey(code)) {
                throw row.error("wilayah_code " + code + " is not in " + regionsCsv.getFileName());
            }
            if (ids.putIfAbsent(id, code) != null) {
                throw row.error("duplicate siasn_instansi_id " + id);
            }
            if (!kode.isEmpty() && kodeCepat.putIfAbsent(kode, code) != null) {
                throw row.error("duplicate kode_cepat " + kode);
            }
        });
    }

    private List<Kanreg> readKanregs(Map<String, Region> regions) {
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
                Region region = regions.get(province);
                if (region == null || !region.isProvince()) {
                    throw row.error("province code '" + province + "' is not a province in " + regionsCsv.getFileName());
                }
                String earlier = servedBy.putIfAbsent(province, id);
                if (earlier != null) {
                    throw row.error("province " + province + " is already served by Kanreg " + earlier);
                }
                provinces.add(province);
            }
            kanregs.add(new Kanreg(id, row.required("name"), row.required("city"), provinces, row.address("inbox")));
        });
        return kanregs;
    }
}
