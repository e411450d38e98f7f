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
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The regional employers of {@code config/siasn-instansi-daerah.csv}, each with its Kanreg from
 * {@code config/bkn-kanreg.csv}. An employee's employer is picked from the NIP, so the CSV generator and the BKN
 * simulator agree on it without talking to each other.
 */
final class Employers {

    record Employer(String instansiId, String instansiName, String kodeCepat, String kind, String regionCode,
                    String regionName, String kanregNumber, String kanregName) {
    }

    private static final CSVFormat WITH_HEADER = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get();
    private static final List<String> ROMAN = List.of("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI",
            "XII", "XIII", "XIV", "XV", "XVI", "XVII", "XVIII", "XIX", "XX");

    private final List<Employer> employers;

    private Employers(List<Employer> employers) {
        if (employers.isEmpty()) {
            throw new IllegalStateException("no employers in siasn-instansi-daerah.csv");
        }
        this.employers = List.copyOf(employers);
    }

    static Employers load(Path configDir) throws IOException {
        Map<String, String[]> kanregByProvince = new HashMap<>();
        for (CSVRecord row : read(configDir.resolve("bkn-kanreg.csv"))) {
            int number = ROMAN.indexOf(row.get("kanreg_id").trim()) + 1;
            String name = "KANTOR REGIONAL " + row.get("kanreg_id").trim() + " " + row.get("city").trim().toUpperCase(Locale.ROOT);
            for (String province : row.get("province_codes").split("\\|")) {
                kanregByProvince.put(province.trim(), new String[] {number > 0 ? String.valueOf(number) : "", name});
            }
        }
        List<Employer> employers = new ArrayList<>();
        for (CSVRecord row : read(configDir.resolve("siasn-instansi-daerah.csv"))) {
            String[] kanreg = kanregByProvince.getOrDefault(row.get("province_code").trim(), new String[] {"", ""});
            employers.add(new Employer(row.get("siasn_instansi_id").trim(), row.get("siasn_instansi_nama").trim(),
                    row.get("kode_cepat").trim(), row.get("jenis_instansi").trim(), row.get("wilayah_code").trim(),
                    row.get("wilayah_name").trim(), kanreg[0], kanreg[1]));
        }
        return new Employers(employers);
    }

    Employer forNip(String nip) {
        return employers.get(Mix.pick(nip, 5, employers.size()));
    }

    int size() {
        return employers.size();
    }

    private static List<CSVRecord> read(Path file) throws IOException {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             CSVParser parser = WITH_HEADER.parse(reader)) {
            return parser.getRecords();
        }
    }
}
