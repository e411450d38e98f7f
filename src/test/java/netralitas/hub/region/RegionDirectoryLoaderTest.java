package netralitas.hub.region;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RegionDirectoryLoaderTest {

    private static final String REGIONS_HEADER = "code,name,type,province_code,bkpsdm_inbox,inspektorat_inbox,bawaslu_inbox\n";
    private static final String PROVINCE = "17,Bengkulu,PROVINSI,17,bkd.prov-bengkulu@pemda.example,"
            + "inspektorat.prov-bengkulu@pemda.example,bawaslu.prov-bengkulu@bawaslu.example\n";
    private static final String KEPAHIANG = "17.08,Kabupaten Kepahiang,KABUPATEN,17,bkpsdm.kab-kepahiang@pemda.example,"
            + "inspektorat.kab-kepahiang@pemda.example,bawaslu.kab-kepahiang@bawaslu.example\n";
    private static final String SIASN = "siasn_instansi_id,siasn_instansi_nama,kode_cepat,jenis_instansi,wilayah_code,"
            + "wilayah_name,wilayah_type,province_code\n"
            + "A5EB03E23D2DF6A0E040640A040252AD,Pemerintah Kab. Kepahiang,5807,KAB,17.08,Kabupaten Kepahiang,KABUPATEN,17\n";
    private static final String KANREG = "kanreg_id,name,city,province_codes,inbox\n"
            + "VII,Kantor Regional VII BKN,Palembang,17,kanreg-vii.palembang@bkn.example\n";

    @TempDir
    Path dir;

    @Test
    void loadsAMinimalConsistentSet() throws IOException {
        RegionDirectory directory = load(REGIONS_HEADER + PROVINCE + KEPAHIANG, SIASN, KANREG);
        assertEquals(2, directory.all().size());
        assertEquals("17.08", directory.bySiasn(null, "5807").orElseThrow().code());
        assertEquals("VII", directory.kanregForProvince("17").orElseThrow().id());
    }

    @Test
    void toleratesBomCrlfQuotesBlankLinesAndHeaderCase() throws IOException {
        String regions = "\uFEFFCode,Name,Type,Province_Code,BKPSDM_inbox,inspektorat_inbox,bawaslu_inbox\r\n"
                + PROVINCE.replace("\n", "\r\n") + "\r\n"
                + "17.08,\"Kabupaten Kepahiang\",KABUPATEN,17, bkpsdm.kab-kepahiang@pemda.example ,"
                + "inspektorat.kab-kepahiang@pemda.example,bawaslu.kab-kepahiang@bawaslu.example\r\n";
        RegionDirectory directory = load(regions, SIASN, KANREG);
        assertEquals("bkpsdm.kab-kepahiang@pemda.example", directory.byCode("1708").orElseThrow().bkpsdmInbox());
    }

    @Test
    void lineNumbersCountBlankLinesAndQuotedLineBreaks() throws IOException {
        String quotedName = KEPAHIANG.replace("Kabupaten Kepahiang", "\"Kabupaten\nKepahiang\"");
        String regions = REGIONS_HEADER + "\n" + PROVINCE + "\r\n" + quotedName
                + KEPAHIANG.replace("17.08", "17.07").replace("bkpsdm.kab-kepahiang@", "bkpsdm kab@");
        // header 1, blank 2, province 3, blank 4, quoted row 5-6, bad row 7
        assertLine(7, regions, "bkpsdm_inbox");
    }

    @Test
    void invalidAddressNamesFileLineAndColumn() throws IOException {
        String bad = KEPAHIANG.replace("inspektorat.kab-kepahiang@pemda.example", "inspektorat kepahiang@pemda.example");
        RegionDataException e = assertThrows(RegionDataException.class,
                () -> load(REGIONS_HEADER + PROVINCE + bad, SIASN, KANREG));
        assertEquals(dir.resolve("regions.csv"), e.file());
        assertEquals(3, e.line());
        assertTrue(e.getMessage().contains("regions.csv line 3"), e.getMessage());
        assertTrue(e.getMessage().contains("inspektorat_inbox"), e.getMessage());
    }

    @Test
    void rejectsAddressesThatAreNotPlainLocalAtDomain() throws IOException {
        for (String address : new String[] {"bkpsdm@localhost", "bkpsdm.pemda.example", "@pemda.example",
                "a@@pemda.example", "bkpsdm@pemda..example", ".bkpsdm@pemda.example", "BKPSDM <b@pemda.example>"}) {
            String row = KEPAHIANG.replace("bkpsdm.kab-kepahiang@pemda.example", address);
            RegionDataException e = assertThrows(RegionDataException.class,
                    () -> load(REGIONS_HEADER + PROVINCE + row, SIASN, KANREG), address);
            assertEquals(3, e.line(), address);
        }
    }

    @Test
    void rejectsAddressWithLineBreakInsideQuotes() throws IOException {
        String row = KEPAHIANG.replace("bkpsdm.kab-kepahiang@pemda.example", "\"bkpsdm@pemda.example\nBcc: x@evil.example\"");
        RegionDataException e = assertThrows(RegionDataException.class,
                () -> load(REGIONS_HEADER + PROVINCE + row, SIASN, KANREG));
        assertTrue(e.getMessage().contains("bkpsdm_inbox"), e.getMessage());
    }

    @Test
    void malformedRegionRowsNameTheirLine() throws IOException {
        assertLine(3, REGIONS_HEADER + PROVINCE + KEPAHIANG.replace("KABUPATEN", "DESA"), "unknown type");
        assertLine(3, REGIONS_HEADER + PROVINCE + KEPAHIANG.replace("17.08,", "17.8,"), "does not fit type");
        assertLine(3, REGIONS_HEADER + PROVINCE + KEPAHIANG.replace(",17,", ",16,"), "province_code");
        assertLine(3, REGIONS_HEADER + PROVINCE + KEPAHIANG.replace("Kabupaten Kepahiang", ""), "empty name");
        assertLine(3, REGIONS_HEADER + PROVINCE + "17.08,Kabupaten Kepahiang,KABUPATEN,17\n", "columns");
        assertLine(4, REGIONS_HEADER + PROVINCE + KEPAHIANG + KEPAHIANG, "duplicate code 17.08");
        assertLine(2, REGIONS_HEADER + KEPAHIANG, "province 17 has no row");
        assertLine(1, "code,name,type\n" + PROVINCE, "missing column");
    }

    @Test
    void siasnRowsMustPointAtKnownRegions() throws IOException {
        String siasn = SIASN + "FFFF,Pemerintah Kab. Entah,9999,KAB,99.99,Entah,KABUPATEN,99\n";
        RegionDataException e = assertThrows(RegionDataException.class,
                () -> load(REGIONS_HEADER + PROVINCE + KEPAHIANG, siasn, KANREG));
        assertEquals(dir.resolve("siasn.csv"), e.file());
        assertEquals(3, e.line());
        assertTrue(e.getMessage().contains("99.99"), e.getMessage());

        String duplicateKode = SIASN + "EEEE,Pemerintah Provinsi Bengkulu,5807,PROV,17,Bengkulu,PROVINSI,17\n";
        assertEquals(3, assertThrows(RegionDataException.class,
                () -> load(REGIONS_HEADER + PROVINCE + KEPAHIANG, duplicateKode, KANREG)).line());
    }

    @Test
    void kanregRowsAreChecked() throws IOException {
        String unknownProvince = KANREG + "VIII,Kantor Regional VIII BKN,Banjarbaru,63,kanreg-viii.banjarbaru@bkn.example\n";
        RegionDataException e = assertThrows(RegionDataException.class,
                () -> load(REGIONS_HEADER + PROVINCE + KEPAHIANG, SIASN, unknownProvince));
        assertEquals(dir.resolve("kanreg.csv"), e.file());
        assertEquals(3, e.line());

        String servedTwice = KANREG + "V,Kantor Regional V BKN,Jakarta,17,kanreg-v.jakarta@bkn.example\n";
        assertTrue(assertThrows(RegionDataException.class,
                () -> load(REGIONS_HEADER + PROVINCE + KEPAHIANG, SIASN, servedTwice)).getMessage().contains("already served"));

        String badInbox = KANREG.replace("kanreg-vii.palembang@bkn.example", "kanreg vii@bkn.example");
        RegionDataException inbox = assertThrows(RegionDataException.class,
                () -> load(REGIONS_HEADER + PROVINCE + KEPAHIANG, SIASN, badInbox));
        assertEquals(2, inbox.line());
        assertTrue(inbox.getMessage().contains("kanreg.csv line 2"), inbox.getMessage());
    }

    @Test
    void missingFileIsNamed() {
        Path missing = dir.resolve("nope.csv");
        RegionDataException e = assertThrows(RegionDataException.class,
                () -> RegionDirectory.load(missing, missing, missing));
        assertEquals(missing, e.file());
        assertTrue(e.getMessage().contains("nope.csv"));
    }

    @Test
    void everyDefectiveRowIsReportedInOneException() throws IOException {
        String regions = REGIONS_HEADER + PROVINCE
                + KEPAHIANG.replace("bkpsdm.kab-kepahiang@pemda.example", "")
                + KEPAHIANG.replace("17.08", "17.07").replace("bkpsdm.kab-kepahiang@pemda.example", "bkpsdm.kab-x@@pemda")
                + KEPAHIANG.replace("17.08", "17.06").replace("inspektorat.kab-kepahiang@pemda.example", "no-at-sign.example")
                        .replace("bawaslu.kab-kepahiang@bawaslu.example", "bawaslu kab@bawaslu.example")
                + KEPAHIANG.replace("17.08", "17.05").replace("KABUPATEN", "DESA");
        String siasn = SIASN + "FFFF,Pemerintah Kab. Entah,9999,KAB,99.99,Entah,KABUPATEN,99\n";
        String kanreg = KANREG.replace("kanreg-vii.palembang@bkn.example", "kanreg vii@bkn.example");
        RegionDataException e = assertThrows(RegionDataException.class, () -> load(regions, siasn, kanreg));
        Path r = dir.resolve("regions.csv");
        assertEquals(List.of(
                new RegionDataException.Problem(r, 3, "empty bkpsdm_inbox (an inbox address is required)"),
                new RegionDataException.Problem(r, 4, "invalid e-mail address in bkpsdm_inbox: 'bkpsdm.kab-x@@pemda'"),
                new RegionDataException.Problem(r, 5, "invalid e-mail address in inspektorat_inbox: 'no-at-sign.example'"),
                new RegionDataException.Problem(r, 5, "invalid e-mail address in bawaslu_inbox: 'bawaslu kab@bawaslu.example'"),
                new RegionDataException.Problem(r, 6, "unknown type 'DESA' (PROVINSI, KABUPATEN or KOTA)"),
                new RegionDataException.Problem(dir.resolve("siasn.csv"), 3, "wilayah_code 99.99 is not in regions.csv"),
                new RegionDataException.Problem(dir.resolve("kanreg.csv"), 2, "invalid e-mail address in inbox: 'kanreg vii@bkn.example'")),
                e.problems());
        assertEquals(r, e.file());
        assertEquals(3, e.line());
        assertTrue(e.getMessage().startsWith("7 problems in the region directory:"), e.getMessage());
        for (RegionDataException.Problem problem : e.problems()) {
            assertTrue(e.getMessage().contains("\n  " + problem), e.getMessage());
        }
    }

    @Test
    void aDefectiveRowReferencedElsewhereIsReportedOnce() throws IOException {
        // The SIASN row points at Kepahiang and the Kanreg row at the province: both rows are bad, neither reference is.
        String regions = REGIONS_HEADER + PROVINCE.replace("bkd.prov-bengkulu@pemda.example", "bkd@")
                + KEPAHIANG.replace("bkpsdm.kab-kepahiang@pemda.example", "");
        RegionDataException e = assertThrows(RegionDataException.class, () -> load(regions, SIASN, KANREG));
        assertEquals(List.of(2L, 3L), e.problems().stream().map(RegionDataException.Problem::line).toList(), e.getMessage());
    }

    @Test
    void aRowWithTheWrongNumberOfColumnsDoesNotHideTheRowsAfterIt() throws IOException {
        String regions = REGIONS_HEADER + PROVINCE + "17.08,Kabupaten Kepahiang,KABUPATEN,17\n"
                + KEPAHIANG.replace("17.08", "17.07").replace("bkpsdm.kab-kepahiang@pemda.example", "x");
        RegionDataException e = assertThrows(RegionDataException.class,
                () -> load(regions, SIASN.replace("17.08", "17"), KANREG));
        assertEquals(List.of("expected 7 columns, found 4", "invalid e-mail address in bkpsdm_inbox: 'x'"),
                e.problems().stream().map(RegionDataException.Problem::text).toList());
    }

    @Test
    void aQuotedLineBreakIsEscapedSoEachProblemIsOneLine() throws IOException {
        String row = KEPAHIANG.replace("bkpsdm.kab-kepahiang@pemda.example", "\"bkpsdm@pemda.example\r\nBcc: x@evil.example\"");
        RegionDataException e = assertThrows(RegionDataException.class,
                () -> load(REGIONS_HEADER + PROVINCE + row, SIASN, KANREG));
        assertEquals("invalid e-mail address in bkpsdm_inbox: 'bkpsdm@pemda.example\\r\\nBcc: x@evil.example'",
                e.problems().get(0).text());
        assertEquals(1, e.getMessage().lines().count(), e.getMessage());
    }

    private void assertLine(long line, String regions, String fragment) throws IOException {
        RegionDataException e = assertThrows(RegionDataException.class, () -> load(regions, SIASN, KANREG), fragment);
        assertEquals(line, e.line(), e.getMessage());
        assertTrue(e.getMessage().contains(fragment), e.getMessage());
    }

    private RegionDirectory load(String regions, String siasn, String kanreg) throws IOException {
        Path r = Files.writeString(dir.resolve("regions.csv"), regions, StandardCharsets.UTF_8);
        Path s = Files.writeString(dir.resolve("siasn.csv"), siasn, StandardCharsets.UTF_8);
        Path k = Files.writeString(dir.resolve("kanreg.csv"), kanreg, StandardCharsets.UTF_8);
        return RegionDirectory.load(r, s, k);
    }
}
