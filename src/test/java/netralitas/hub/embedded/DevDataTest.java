package netralitas.hub.embedded;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Guards config/dev: the embedded default is only a fair demonstration if its data obeys the SPEC. */
class DevDataTest {

    static final Path RECORDS = Path.of("config/dev/bkn-records.json");
    static final Path SAMPLES = Path.of("config/dev/samples/laporan-contoh.csv");
    static final LocalDate TODAY = LocalDate.of(2025, 1, 1);

    static final List<String> SPEC_FIELDS = List.of("nipBaru", "nama", "gelarDepan", "gelarBelakang", "jenisPegawaiNama",
            "kedudukanPnsNama", "instansiIndukId", "instansiIndukNama", "instansiKerjaId", "instansiKerjaNama",
            "instansiKerjaKodeCepat", "satuanKerjaKerjaNama", "unorNama", "unorIndukNama", "jabatanNama", "jenisJabatan",
            "eselon", "golRuangAkhir", "lokasiKerja", "kanregId", "kanregNama");
    static final List<String> SENSITIVE_EXTRAS = List.of("nik", "alamat", "noHp", "email", "tempatLahir", "tanggalLahir");

    /** Rows of siasn-instansi-daerah.csv the records use (id → kode cepat, nama). */
    static final Map<String, List<String>> REGIONAL_INSTANSI = Map.of(
            "A5EB03E23D2DF6A0E040640A040252AD", List.of("5807", "Pemerintah Kab. Kepahiang"),
            "A5EB03E23B4DF6A0E040640A040252AD", List.of("5808", "Pemerintah Kab. Lebong"),
            "A5EB03E23C4EF6A0E040640A040252AD", List.of("6272", "Pemerintah Kota Cilegon"),
            "A5EB03E23B2AF6A0E040640A040252AD", List.of("5503", "Pemerintah Kab. Bungo"),
            "A5EB03E23C32F6A0E040640A040252AD", List.of("5871", "Pemerintah Kota Bengkulu"));

    static final String UNKNOWN_NIP = "198811232014022003";

    private static JsonNode records() throws Exception {
        return SimulatorClient.JSON.readTree(RECORDS.toFile());
    }

    @Test
    void recordsFileLoadsIntoTheSimulator() throws Exception {
        try (BknSimulator bkn = BknSimulator.withRecords(RECORDS).start()) {
            assertEquals(records().size(), bkn.recordCount());
            SimulatorClient client = new SimulatorClient(bkn);
            String token = client.token();
            Iterator<String> nips = records().fieldNames();
            while (nips.hasNext()) {
                String nip = nips.next();
                assertEquals(200, client.data(nip, token).statusCode(), nip);
            }
            assertEquals(404, client.data(UNKNOWN_NIP, token).statusCode());
        }
    }

    @Test
    void embeddedDefaultFactorySetsPortAndCredentials() throws Exception {
        try (BknSimulator bkn = BknSimulator.withRecords(RECORDS, 0, "hub-key", "hub-secret").start()) {
            SimulatorClient client = new SimulatorClient(bkn);
            assertEquals(401, client.requestToken(BknSimulator.DEFAULT_CONSUMER_KEY, BknSimulator.DEFAULT_CONSUMER_SECRET,
                    "grant_type=client_credentials").statusCode());
            assertEquals(200, client.requestToken("hub-key", "hub-secret", "grant_type=client_credentials").statusCode());
            assertEquals(records().size(), bkn.recordCount());
        }
    }

    @Test
    void everyNipFollowsSpec41AndMatchesItsRecord() throws Exception {
        Iterator<Map.Entry<String, JsonNode>> entries = records().fields();
        while (entries.hasNext()) {
            Map.Entry<String, JsonNode> entry = entries.next();
            String nip = entry.getKey();
            assertNull(NipCheck.problem(nip, TODAY), nip + ": " + NipCheck.problem(nip, TODAY));
            assertEquals(nip, entry.getValue().get("nipBaru").asText());
            boolean pppkRecord = "PPPK Aktif".equals(entry.getValue().get("kedudukanPnsNama").asText());
            assertEquals(pppkRecord, NipCheck.isPppk(nip), nip + " NI PPPK format iff PPPK record");
        }
        assertFalse(records().has(UNKNOWN_NIP));
        assertNull(NipCheck.problem(UNKNOWN_NIP, TODAY), "the unknown NIP must still be valid");
    }

    @Test
    void everyRecordHasTheSpecFieldsAndTheExtrasTheHubMustDrop() throws Exception {
        for (JsonNode record : records()) {
            for (String field : SPEC_FIELDS) {
                assertTrue(record.has(field) && record.get(field).isTextual(), record.get("nipBaru") + " lacks " + field);
            }
            for (String field : SENSITIVE_EXTRAS) {
                assertFalse(record.path(field).asText().isBlank(), record.get("nipBaru") + " lacks extra " + field);
            }
            assertTrue(record.get("kanregId").asText().matches("\\d+"), "kanregId is numeric as BKN sends it");
            String email = record.get("email").asText();
            assertTrue(email.endsWith(".example"), "invented address: " + email);
        }
    }

    @Test
    void regionalEmployersAreRealSiasnRowsAndOneIsCentral() throws Exception {
        int central = 0;
        int pppk = 0;
        for (JsonNode record : records()) {
            String id = record.get("instansiKerjaId").asText();
            List<String> row = REGIONAL_INSTANSI.get(id);
            if (row == null) {
                central++;
                assertEquals("Kementerian Dalam Negeri", record.get("instansiKerjaNama").asText());
            } else {
                assertEquals(row.get(0), record.get("instansiKerjaKodeCepat").asText(), id);
                assertEquals(row.get(1), record.get("instansiKerjaNama").asText(), id);
                assertEquals(id, record.get("instansiIndukId").asText());
            }
            if ("PPPK Aktif".equals(record.get("kedudukanPnsNama").asText())) {
                pppk++;
            }
        }
        assertEquals(1, central);
        assertEquals(1, pppk);
    }

    @Test
    void theSampleCasesAreAllThere() throws Exception {
        List<String> jabatan = new ArrayList<>();
        List<String> eselon = new ArrayList<>();
        for (JsonNode record : records()) {
            jabatan.add(record.get("jabatanNama").asText());
            eselon.add(record.get("eselon").asText());
        }
        assertTrue(jabatan.contains("Kepala Bagian Perekonomian"));
        assertTrue(jabatan.stream().anyMatch(j -> j.startsWith("Guru")));
        assertTrue(jabatan.stream().anyMatch(j -> j.startsWith("Kepala Dinas")));
        assertTrue(eselon.contains("II.b"));
    }

    private static List<CSVRecord> sampleRows() throws Exception {
        try (Reader reader = Files.newBufferedReader(SAMPLES, StandardCharsets.UTF_8);
             CSVParser parser = CSVFormat.DEFAULT.builder().setDelimiter(';').setHeader().setSkipHeaderRecord(true)
                     .get().parse(reader)) {
            assertEquals(List.of("nomor_laporan", "tanggal_kejadian", "nip_terlapor", "nama_terlapor", "jabatan_terlapor",
                    "instansi_terlapor", "jenis_terlapor", "kode_wilayah", "wilayah", "jenis_pelanggaran", "uraian",
                    "tempat_kejadian", "bukti", "nama_pelapor", "kontak_pelapor"), parser.getHeaderNames());
            return parser.getRecords();
        }
    }

    @Test
    void sampleReportsFollowTheCsvRules() throws Exception {
        List<CSVRecord> rows = sampleRows();
        assertEquals(13, rows.size());
        for (CSVRecord row : rows) {
            assertFalse(row.get("uraian").isBlank(), "row " + row.getRecordNumber());
            LocalDate date = parseDate(row.get("tanggal_kejadian"));
            assertTrue(!date.isBefore(LocalDate.of(2024, 9, 25)) && !date.isAfter(LocalDate.of(2024, 11, 23)),
                    "campaign period: " + date);
            String nip = row.get("nip_terlapor").replaceAll("[\\s.]", "");
            if (nip.isEmpty()) {
                assertFalse(row.get("nama_terlapor").isBlank());
                assertFalse(row.get("wilayah").isBlank() && row.get("kode_wilayah").isBlank());
            } else {
                assertNull(NipCheck.problem(nip, TODAY), nip);
            }
            assertFalse(row.get("nama_pelapor").isBlank());
            assertFalse(row.get("kontak_pelapor").isBlank());
        }
    }

    @Test
    void sampleNipsAreKnownToBknExceptTheDeliberateOne() throws Exception {
        JsonNode records = records();
        Set<String> unknown = new java.util.HashSet<>();
        for (CSVRecord row : sampleRows()) {
            String nip = row.get("nip_terlapor").replaceAll("[\\s.]", "");
            if (!nip.isEmpty() && !records.has(nip)) {
                unknown.add(nip);
            }
        }
        assertEquals(Set.of(UNKNOWN_NIP), unknown);
    }

    @Test
    void samplesCoverTheSpecialCases() throws Exception {
        List<CSVRecord> rows = sampleRows();
        assertTrue(rows.stream().anyMatch(r -> r.get("jenis_terlapor").equals("KEPALA_DESA") && r.get("nip_terlapor").isEmpty()));
        assertTrue(rows.stream().anyMatch(r -> r.get("jenis_terlapor").equals("PPPK")));
        assertTrue(rows.stream().anyMatch(r -> r.get("wilayah").equals("Bengkulu") && r.get("nip_terlapor").isEmpty()));
        JsonNode records = records();
        CSVRecord conflict = rows.stream().filter(r -> r.get("wilayah").equals("Kab. Lebong") && records.has(r.get("nip_terlapor"))
                && records.get(r.get("nip_terlapor")).get("instansiKerjaKodeCepat").asText().equals("5807")).findFirst().orElse(null);
        assertNotNull(conflict, "a report placed in Lebong whose employee BKN places in Kepahiang");
    }

    private static LocalDate parseDate(String text) {
        if (text.matches("\\d{2}/\\d{2}/\\d{4}")) {
            return LocalDate.of(Integer.parseInt(text.substring(6)), Integer.parseInt(text.substring(3, 5)),
                    Integer.parseInt(text.substring(0, 2)));
        }
        return LocalDate.parse(text);
    }
}
