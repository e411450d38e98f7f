package netralitas.hub.classify;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Deployer mistakes in a hand-edited categories.yaml are caught at load time, naming file and category. */
class CategoryCatalogueLoaderTest {

    @TempDir
    Path dir;

    private static final String BANNER = """
              - code: BANNER
                label: Memasang spanduk/baliho/alat peraga bakal calon
                severity: BERAT
                legalBasis: SKB 2/2022 Lampiran II
                keywords: [spanduk, baliho]
            """;
    private static final String OTHER = """
              - code: OTHER
                label: Lainnya / perlu verifikasi
                severity: SEDANG
                needsReview: true
                legalBasis: perlu verifikasi
            """;
    private static final String ESCALATION = """
            escalation:
              seniorPositions: [Camat, Pj]
              seniorEselon: [I, II]
              stateFacilities: [mobil dinas]
            """;

    private Path write(String yaml) throws IOException {
        Path file = dir.resolve("categories.yaml");
        Files.writeString(file, yaml);
        return file;
    }

    private CatalogueConfigException failure(String yaml) throws IOException {
        Path file = write(yaml);
        CatalogueConfigException e = assertThrows(CatalogueConfigException.class, () -> CategoryCatalogue.load(file));
        assertTrue(e.getMessage().startsWith(file.toString()), "message names the file: " + e.getMessage());
        return e;
    }

    @Test
    void minimalValidFileLoads() throws IOException {
        CategoryCatalogue c = CategoryCatalogue.load(write("categories:\n" + BANNER + OTHER + ESCALATION));
        assertEquals(2, c.all().size());
        assertEquals("BANNER", c.byKeywords("pasang baliho").orElseThrow().code());
        assertTrue(c.other().needsReview());
        assertTrue(c.escalation().isSeniorPosition("Camat Contoh"));
    }

    @Test
    void duplicateCode() throws IOException {
        CatalogueConfigException e = failure("categories:\n" + BANNER + BANNER.replace("Memasang", "Pasang") + OTHER + ESCALATION);
        assertTrue(e.getMessage().contains("duplicate category code BANNER (entries #1 and #2)"), e.getMessage());
    }

    @Test
    void duplicateCodeDifferingOnlyInCase() throws IOException {
        CatalogueConfigException e = failure("categories:\n" + BANNER
                + BANNER.replace("code: BANNER", "code: banner").replace("Memasang", "Pasang") + OTHER + ESCALATION);
        assertTrue(e.getMessage().contains("duplicate category code banner"), e.getMessage());
    }

    @Test
    void badSeverity() throws IOException {
        CatalogueConfigException e = failure("categories:\n" + BANNER.replace("severity: BERAT", "severity: BERATT")
                + OTHER + ESCALATION);
        assertTrue(e.getMessage().contains("category BANNER: invalid severity 'BERATT'; expected one of "
                + "BERAT, SEDANG, RINGAN, BUKAN_PELANGGARAN"), e.getMessage());
    }

    @Test
    void missingSeverity() throws IOException {
        CatalogueConfigException e = failure("categories:\n" + BANNER.replace("    severity: BERAT\n", "")
                + OTHER + ESCALATION);
        assertTrue(e.getMessage().contains("category BANNER: severity is missing"), e.getMessage());
    }

    @Test
    void lowerCaseSeverityAccepted() throws IOException {
        CategoryCatalogue c = CategoryCatalogue.load(write("categories:\n"
                + BANNER.replace("severity: BERAT", "severity: ringan") + OTHER + ESCALATION));
        assertEquals(Severity.RINGAN, c.byCodeOrLabel("BANNER").orElseThrow().severity());
    }

    @Test
    void blankLabel() throws IOException {
        CatalogueConfigException e = failure("categories:\n"
                + BANNER.replace("label: Memasang spanduk/baliho/alat peraga bakal calon", "label: ' '") + OTHER + ESCALATION);
        assertTrue(e.getMessage().contains("category BANNER: label is blank"), e.getMessage());
    }

    @Test
    void sameLabelTwice() throws IOException {
        CatalogueConfigException e = failure("categories:\n" + BANNER
                + BANNER.replace("code: BANNER", "code: BANNER2").replace("Memasang spanduk", "memasang  Spanduk")
                + OTHER + ESCALATION);
        assertTrue(e.getMessage().contains("category BANNER2: its code or label is indistinguishable from category BANNER"),
                e.getMessage());
    }

    @Test
    void missingOther() throws IOException {
        CatalogueConfigException e = failure("categories:\n" + BANNER + ESCALATION);
        assertTrue(e.getMessage().contains("category OTHER is missing"), e.getMessage());
    }

    @Test
    void otherTwice() throws IOException {
        CatalogueConfigException e = failure("categories:\n" + OTHER + BANNER
                + OTHER.replace("Lainnya", "Lain-lain") + ESCALATION);
        assertTrue(e.getMessage().contains("duplicate category code OTHER (entries #1 and #3)"), e.getMessage());
    }

    @Test
    void missingCode() throws IOException {
        CatalogueConfigException e = failure("categories:\n" + OTHER + BANNER.replace("code: BANNER", "code: ''") + ESCALATION);
        assertTrue(e.getMessage().contains("entry #2 has no code"), e.getMessage());
    }

    @Test
    void keywordWithoutWords() throws IOException {
        CatalogueConfigException e = failure("categories:\n"
                + BANNER.replace("[spanduk, baliho]", "[spanduk, '--']") + OTHER + ESCALATION);
        assertTrue(e.getMessage().contains("category BANNER: keyword '--' contains no word"), e.getMessage());
    }

    @Test
    void misspelledFieldRejected() throws IOException {
        CatalogueConfigException e = failure("categories:\n"
                + BANNER.replace("keywords:", "keyword:") + OTHER + ESCALATION);
        assertTrue(e.getMessage().contains("keyword"), e.getMessage());
    }

    @Test
    void missingEscalationSection() throws IOException {
        CatalogueConfigException e = failure("categories:\n" + BANNER + OTHER);
        assertTrue(e.getMessage().contains("'escalation:' section is missing"), e.getMessage());
    }

    @Test
    void badEselonLevel() throws IOException {
        CatalogueConfigException e = failure("categories:\n" + BANNER + OTHER
                + ESCALATION.replace("[I, II]", "[I, II.a]"));
        assertTrue(e.getMessage().contains("escalation: seniorEselon 'II.a' is not one of I, II, III, IV, V"), e.getMessage());
    }

    @Test
    void noCategories() throws IOException {
        CatalogueConfigException e = failure("categories: []\n" + ESCALATION);
        assertTrue(e.getMessage().contains("no categories defined"), e.getMessage());
    }

    @Test
    void missingFile() {
        Path file = dir.resolve("absent.yaml");
        CatalogueConfigException e = assertThrows(CatalogueConfigException.class, () -> CategoryCatalogue.load(file));
        assertTrue(e.getMessage().startsWith(file + ": cannot read category catalogue"), e.getMessage());
    }

    @Test
    void malformedYaml() throws IOException {
        CatalogueConfigException e = failure("categories:\n  - code: [unclosed\n");
        assertTrue(e.getMessage().contains("cannot read category catalogue"), e.getMessage());
    }
}
