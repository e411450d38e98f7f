package netralitas.hub.bench;

import netralitas.hub.nip.NipValidator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LoadCsvTest {

    static final Path CONFIG = Path.of("config");
    static final int ROWS = 20_000;
    static final NipValidator VALIDATOR = new NipValidator(Clock.fixed(Instant.parse("2024-10-31T00:00:00Z"), ZoneOffset.UTC));

    static Employers employers;
    static CategoryCodes categories;
    static List<RegionRows.Region> regions;
    static Set<String> regionCodes = new HashSet<>();

    @BeforeAll
    static void load() throws IOException {
        employers = Employers.load(CONFIG);
        categories = CategoryCodes.load(CONFIG);
        regions = RegionRows.kabupaten(CONFIG);
        for (String line : Files.readAllLines(CONFIG.resolve("regions.csv"))) {
            regionCodes.add(line.substring(0, line.indexOf(',')));
        }
    }

    private LoadCsv csv(RowMix mix, long seed) {
        return new LoadCsv(mix, seed, employers, categories, regions);
    }

    private static String cell(LoadCsv.Row row, String column) {
        return row.cells().get(LoadCsv.HEADER.indexOf(column));
    }

    @Test
    void theDefaultMixHasTheAskedShares() {
        LoadCsv csv = csv(RowMix.DEFAULT, 42);
        List<LoadCsv.Row> rows = new ArrayList<>();
        for (int i = 0; i < ROWS; i++) {
            rows.add(csv.next());
        }
        Map<LoadCsv.Kind, Long> counts = csv.counts();
        assertEquals(ROWS, counts.values().stream().mapToLong(Long::longValue).sum());
        long bad = counts.get(LoadCsv.Kind.BAD_NIP) + counts.get(LoadCsv.Kind.BAD_DATE) + counts.get(LoadCsv.Kind.NO_DESCRIPTION);
        assertBetween("bad", bad, 0.04 * ROWS, 0.06 * ROWS);
        long good = ROWS - bad;
        assertBetween("immediate", counts.get(LoadCsv.Kind.IMMEDIATE), 0.37 * good, 0.43 * good);
        assertBetween("digest", counts.get(LoadCsv.Kind.DIGEST), 0.37 * good, 0.43 * good);
        assertBetween("closed", counts.get(LoadCsv.Kind.CLOSED), 0.13 * good, 0.17 * good);
        assertBetween("village", counts.get(LoadCsv.Kind.VILLAGE), 0.04 * good, 0.06 * good);
        assertEquals(0, counts.get(LoadCsv.Kind.DUPLICATE));
        long nipRows = good - counts.get(LoadCsv.Kind.VILLAGE);
        assertBetween("repeated NIPs", csv.repeatedNipRows(), 0.18 * nipRows, 0.22 * nipRows);
        assertEquals(nipRows - csv.repeatedNipRows(), csv.distinctNips());
    }

    @Test
    void everyRowIsItsOwnIncidentAndEveryGoodRowIsValid() {
        LoadCsv csv = csv(RowMix.DEFAULT, 7);
        Set<String> descriptions = new HashSet<>();
        Set<String> nips = new HashSet<>();
        for (int i = 0; i < ROWS; i++) {
            LoadCsv.Row row = csv.next();
            assertEquals(LoadCsv.HEADER.size(), row.cells().size());
            String description = cell(row, "uraian");
            assertTrue(description.isEmpty() || descriptions.add(description), "repeated description " + description);
            assertTrue(regionCodes.contains(cell(row, "kode_wilayah")), cell(row, "kode_wilayah"));
            String nip = cell(row, "nip_terlapor");
            switch (row.kind()) {
                case BAD_NIP -> assertFalse(VALIDATOR.check(nip).valid(), nip);
                case BAD_DATE -> assertFalse(isPastDate(cell(row, "tanggal_kejadian")), cell(row, "tanggal_kejadian"));
                case NO_DESCRIPTION -> assertEquals("", description);
                case VILLAGE -> {
                    assertEquals("", nip);
                    assertEquals("KEPALA_DESA", cell(row, "jenis_terlapor"));
                    assertFalse(cell(row, "nama_terlapor").isBlank());
                }
                default -> {
                    assertTrue(VALIDATOR.check(nip).valid(), nip);
                    assertTrue(isPastDate(cell(row, "tanggal_kejadian")), cell(row, "tanggal_kejadian"));
                    assertEquals(row.repeatedNip(), !nips.add(NipValidator.normalize(nip)), nip);
                    assertFalse(description.isEmpty());
                }
            }
        }
    }

    @Test
    void categoriesFollowTheKind() {
        LoadCsv csv = csv(RowMix.DEFAULT, 3);
        Set<String> ringan = codes("RINGAN");
        Set<String> passive = codes("BUKAN_PELANGGARAN");
        Set<String> immediate = codes("BERAT", "SEDANG");
        for (int i = 0; i < 5_000; i++) {
            LoadCsv.Row row = csv.next();
            String code = cell(row, "jenis_pelanggaran");
            switch (row.kind()) {
                case IMMEDIATE -> assertTrue(immediate.contains(code), code);
                case DIGEST -> assertTrue(ringan.contains(code), code);
                case CLOSED -> assertTrue(passive.contains(code), code);
                default -> assertFalse(passive.contains(code), "only passive attendance rows are closed: " + code);
            }
        }
    }

    @Test
    void duplicatesRepeatThePreviousGoodRowExactly() {
        LoadCsv csv = csv(RowMix.DEFAULT.withShares(0, 0.2, 0.3), 11);
        LoadCsv.Row previousGood = null;
        int duplicates = 0;
        for (int i = 0; i < 2_000; i++) {
            LoadCsv.Row row = csv.next();
            if (row.kind() == LoadCsv.Kind.DUPLICATE) {
                assertEquals(previousGood.cells(), row.cells());
                duplicates++;
            } else {
                previousGood = row;
            }
        }
        assertBetween("duplicates", duplicates, 500, 700);
    }

    @Test
    void theSameSeedMakesTheSameFileAndAnotherSeedAnother() {
        LoadCsv a = csv(RowMix.DEFAULT, 5);
        LoadCsv b = csv(RowMix.DEFAULT, 5);
        LoadCsv c = csv(RowMix.DEFAULT, 6);
        List<List<String>> first = new ArrayList<>();
        List<List<String>> other = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            List<String> row = a.next().cells();
            first.add(row);
            assertEquals(row, b.next().cells());
            other.add(c.next().cells());
        }
        assertNotEquals(first, other);
    }

    @Test
    void aMixThatCannotBeMadeIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> RowMix.DEFAULT.withShares(0.7, 0.2, 0.5));
        assertThrows(IllegalArgumentException.class, () -> RowMix.DEFAULT.withWeights("0,0,0,0"));
        assertThrows(IllegalArgumentException.class, () -> RowMix.DEFAULT.withWeights("40,40,20"));
        assertThrows(IllegalArgumentException.class, () -> RowMix.DEFAULT.withShares(-0.1, 0.2, 0));
    }

    /** A date in one of the README's three formats, not after the end of October 2024. */
    private static boolean isPastDate(String text) {
        for (String pattern : List.of("yyyy-MM-dd", "dd/MM/yyyy", "dd-MM-yyyy")) {
            try {
                LocalDate date = LocalDate.parse(text, DateTimeFormatter.ofPattern(pattern.replace("yyyy", "uuuu")).withResolverStyle(ResolverStyle.STRICT));
                return !date.isAfter(LocalDate.of(2024, 10, 31));
            } catch (DateTimeParseException e) {
                // try the next format
            }
        }
        return false;
    }

    private static Set<String> codes(String... severities) {
        Set<String> codes = new HashSet<>();
        categories.of(severities).forEach(c -> codes.add(c.code()));
        return codes;
    }

    private static void assertBetween(String what, double value, double low, double high) {
        assertTrue(value >= low && value <= high, what + " = " + value + ", expected " + low + ".." + high);
    }
}
