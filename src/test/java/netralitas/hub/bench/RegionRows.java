package netralitas.hub.bench;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The kabupaten of {@code config/regions.csv}: where the village heads of a load run are reported. */
final class RegionRows {

    record Region(String code, String name) {
    }

    private RegionRows() {
    }

    static List<Region> kabupaten(Path configDir) throws IOException {
        List<Region> regions = new ArrayList<>();
        try (Reader reader = Files.newBufferedReader(configDir.resolve("regions.csv"), StandardCharsets.UTF_8);
             CSVParser parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader)) {
            for (CSVRecord row : parser) {
                if ("KABUPATEN".equals(row.get("type").trim())) {
                    regions.add(new Region(row.get("code").trim(), row.get("name").trim()));
                }
            }
        }
        if (regions.isEmpty()) {
            throw new IllegalStateException("regions.csv has no KABUPATEN row");
        }
        return regions;
    }
}
