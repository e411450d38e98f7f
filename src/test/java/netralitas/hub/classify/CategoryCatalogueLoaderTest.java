package netralitas.hub.classify;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

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

    private static final String LEGAL_BASIS = """
            legalBasis:
              asn: [UU ASN, SKB 2022]
              PNS:
                BERAT: {basis: [PP disiplin PNS berat], sanction: hukuman disiplin berat}
                SEDANG: {basis: [PP disiplin PNS sedang], sanction: hukuman disiplin sedang}
                RINGAN: {basis: [PP kode etik PNS], sanction: sanksi moral}
              PPPK:
                BERAT: {basis: [PP PPPK berat], sanction: hukuman disiplin berat PPPK}
                SEDANG: {basis: [PP PPPK sedang], sanction: hukuman disiplin sedang PPPK}
                RINGAN: {basis: [kode etik], sanction: sanksi moral PPPK}
              KEPALA_DESA: {basis: [UU Desa Pasal 29], sanction: sanksi kepala desa}
              PERANGKAT_DESA: {basis: [UU Desa Pasal 51], sanction: sanksi perangkat desa}
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
        CategoryCatalogue c = CategoryCatalogue.load(write("categories:\n" + BANNER + OTHER + ESCALATION + LEGAL_BASIS));
        assertEquals(2, c.all().size());
        assertEquals("BANNER", c.byKeywords("pasang baliho").orElseThrow().code());
        assertTrue(c.other().needsReview());
        assertTrue(c.escalation().isSeniorPosition("Camat Contoh"));
    }

    @Test
    void duplicateCode() throws IOException {
        CatalogueConfigException e = failure("categories:\n" + BANNER + BANNER.replace("Memasang", "Pasang") + OTHER + ESCALATION + LEGAL_BASIS);
        assertTrue(e.getMessage().contains("duplicate category code BANNER (entries #1 and #2)"), e.getMessage());
    }

    @Test
    void duplicateCodeDifferingOnlyInCase() throws IOException {
        CatalogueConfigException e = failure("categories:\n" + BANNER
                + BANNER.replace("code: BANNER", "code: banner").replace("Memasang", "Pasang") + OTHER + ESCALATION + LEGAL_BASIS);
        assertTrue(e.getMessage().contains("duplicate category code banner"), e.getMessage());
    }

    @Test
    void badSeverity() throws IOException {
        CatalogueConfigException e = failure("categories:\n" + BANNER.replace("severity: BERAT", "severity: BERATT")
                + OTHER + ESCALATION + LEGAL_BASIS);
        assertTrue(e.getMessage().contains("category BANNER: invalid severity 'BERATT'; expected one of "
                + "BERAT, SEDANG, RINGAN, BUKAN_PELANGGARAN"), e.getMessage());
    }

    @Test
    void missingSeverity() throws IOException {
        CatalogueConfigException e = failure("categories:\n" + BANNER.replace("    severity: BERAT\n", "")
                + OTHER + ESCALATION + LEGAL_BASIS);
        assertTrue(e.getMessage().contains("category BANNER: severity is missing"), e.getMessage());
    }

    @Test
    void lowerCaseSeverityAccepted() throws IOException {
        CategoryCatalogue c = CategoryCatalogue.load(write("categories:\n"
                + BANNER.replace("severity: BERAT", "severity: ringan") + OTHER + ESCALATION + LEGAL_BASIS));
        assertEquals(Severity.RINGAN, c.byCodeOrLabel("BANNER").orElseThrow().severity());
    }

    @Test
    void blankLabel() throws IOException {
        CatalogueConfigException e = failure("categories:\n"
                + BANNER.replace("label: Memasang spanduk/baliho/alat peraga bakal calon", "label: ' '") + OTHER + ESCALATION + LEGAL_BASIS);
        assertTrue(e.getMessage().contains("category BANNER: label is blank"), e.getMessage());
    }

    @Test
    void sameLabelTwice() throws IOException {
        CatalogueConfigException e = failure("categories:\n" + BANNER
                + BANNER.replace("code: BANNER", "code: BANNER2").replace("Memasang spanduk", "memasang  Spanduk")
                + OTHER + ESCALATION + LEGAL_BASIS);
        assertTrue(e.getMessage().contains("category BANNER2: its code or label is indistinguishable from category BANNER"),
                e.getMessage());
    }

    @Test
    void missingOther() throws IOException {
        CatalogueConfigException e = failure("categories:\n" + BANNER + ESCALATION + LEGAL_BASIS);
        assertTrue(e.getMessage().contains("category OTHER is missing"), e.getMessage());
    }

    @Test
    void otherTwice() throws IOException {
        CatalogueConfigException e = failure("categories:\n" + OTHER + BANNER
                + OTHER.replace("Lainnya", "Lain-lain") + ESCALATION + LEGAL_BASIS);
        assertTrue(e.getMessage().contains("duplicate category code OTHER (entries #1 and #3)"), e.getMessage());
    }

    @Test
    void missingCode() throws IOException {
        CatalogueConfigException e = failure("categories:\n" + OTHER + BANNER.replace("code: BANNER", "code: ''") + ESCALATION + LEGAL_BASIS);
        assertTrue(e.getMessage().contains("entry #2 has no code"), e.getMessage());
    }

    @Test
    void keywordWithoutWords() throws IOException {
        CatalogueConfigException e = failure("categories:\n"
                + BANNER.replace("[spanduk, baliho]", "[spanduk, '--']") + OTHER + ESCALATION + LEGAL_BASIS);
        assertTrue(e.getMessage().contains("category BANNER: keyword '--' contains no word"), e.getMessage());
    }

    @Test
    void misspelledFieldRejected() throws IOException {
        CatalogueConfigException e = failure("categories:\n"
                + BANNER.replace("keywords:", "keyword:") + OTHER + ESCALATION + LEGAL_BASIS);
        assertTrue(e.getMessage().contains("keyword"), e.getMessage());
    }

    @Test
    void missingEscalationSection() throws IOException {
        CatalogueConfigException e = failure("categories:\n" + BANNER + OTHER);
        assertTrue(e.getMessage().contains("'escalation:' section is missing"), e.getMessage());
    }

    @Test
    void legalBasisIsReadAndEachPartIsRequired() throws IOException {
        CategoryCatalogue c = CategoryCatalogue.load(write("categories:\n" + BANNER + OTHER + ESCALATION + LEGAL_BASIS));
        Classification heavy = new Classification(c.all().get(0), Severity.BERAT, Severity.BERAT, List.of());
        assertEquals("hukuman disiplin berat PPPK", c.legalBases().forCase(LegalRegime.PPPK, heavy).sanction());

        assertTrue(failure("categories:\n" + BANNER + OTHER + ESCALATION).getMessage()
                .contains("'legalBasis:' section is missing"));
        assertTrue(failure("categories:\n" + BANNER + OTHER + ESCALATION
                + LEGAL_BASIS.replace("    SEDANG: {basis: [PP PPPK sedang], sanction: hukuman disiplin sedang PPPK}\n", ""))
                .getMessage().contains("legalBasis.PPPK.SEDANG is missing"));
        assertTrue(failure("categories:\n" + BANNER + OTHER + ESCALATION + LEGAL_BASIS.replace("    RINGAN: {basis: [kode etik]",
                "    BUKAN_PELANGGARAN: {basis: [kode etik]")).getMessage()
                .contains("legalBasis.PPPK: unknown severity 'BUKAN_PELANGGARAN'; expected BERAT, SEDANG, RINGAN"));
        assertTrue(failure("categories:\n" + BANNER + OTHER + ESCALATION + LEGAL_BASIS.replace("sanction: sanksi kepala desa",
                "sanction: ' '")).getMessage().contains("legalBasis.KEPALA_DESA.sanction is blank"));
        assertTrue(failure("categories:\n" + BANNER + OTHER + ESCALATION + LEGAL_BASIS.replace("asn: [UU ASN, SKB 2022]",
                "asn: []")).getMessage().contains("legalBasis.asn is empty"));
        assertTrue(failure("categories:\n" + BANNER + OTHER + ESCALATION + LEGAL_BASIS.replace("PERANGKAT_DESA:", "PERANGKAT:"))
                .getMessage().contains("PERANGKAT"));
    }

    @Test
    void badEselonLevel() throws IOException {
        CatalogueConfigException e = failure("categories:\n" + BANNER + OTHER
                + ESCALATION.replace("[I, II]", "[I, II.a]") + LEGAL_BASIS);
        assertTrue(e.getMessage().contains("escalation: seniorEselon 'II.a' is not one of I, II, III, IV, V"), e.getMessage());
    }

    @Test
    void noCategories() throws IOException {
        CatalogueConfigException e = failure("categories: []\n" + ESCALATION + LEGAL_BASIS);
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
