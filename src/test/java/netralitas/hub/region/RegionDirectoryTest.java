package netralitas.hub.region;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

class RegionDirectoryTest {

    private final RegionDirectory directory = ConfigFiles.directory();

    @Test
    void holdsEveryProvinceAndKabupatenKota() {
        assertEquals(552, directory.all().size());
        Map<RegionType, Long> perType = directory.all().stream()
                .collect(Collectors.groupingBy(Region::type, Collectors.counting()));
        assertEquals(38L, perType.get(RegionType.PROVINSI));
        assertEquals(416L, perType.get(RegionType.KABUPATEN));
        assertEquals(98L, perType.get(RegionType.KOTA));
    }

    @Test
    void everyShippedInboxIsValidUniqueAndFictional() {
        Set<String> seen = new HashSet<>();
        for (Region region : directory.all()) {
            for (String inbox : List.of(region.bkpsdmInbox(), region.inspektoratInbox(), region.bawasluInbox())) {
                assertTrue(MailAddressSyntax.isValid(inbox), inbox);
                assertTrue(inbox.endsWith(".example"), inbox);
                assertTrue(seen.add(inbox), "duplicate " + inbox);
            }
        }
        assertEquals(3 * 552, seen.size());
        for (Kanreg kanreg : directory.kanregs()) {
            assertTrue(MailAddressSyntax.isValid(kanreg.inbox()) && kanreg.inbox().endsWith("@bkn.example"), kanreg.inbox());
            assertTrue(seen.add(kanreg.inbox()), "duplicate " + kanreg.inbox());
        }
    }

    @Test
    void spotChecksAgainstKemendagriCodes() {
        assertRegion("17.71", "Kota Bengkulu", RegionType.KOTA, "17");
        assertRegion("36.72", "Kota Cilegon", RegionType.KOTA, "36");
        assertRegion("15.08", "Kabupaten Bungo", RegionType.KABUPATEN, "15");
        assertRegion("17.08", "Kabupaten Kepahiang", RegionType.KABUPATEN, "17");
        assertRegion("17.07", "Kabupaten Lebong", RegionType.KABUPATEN, "17");
        assertRegion("17", "Bengkulu", RegionType.PROVINSI, "17");
    }

    @Test
    void inboxesFollowTheNamingScheme() {
        Region kepahiang = directory.byCode("17.08").orElseThrow();
        assertEquals("bkpsdm.kab-kepahiang@pemda.example", kepahiang.bkpsdmInbox());
        assertEquals("inspektorat.kab-kepahiang@pemda.example", kepahiang.inspektoratInbox());
        assertEquals("bawaslu.kab-kepahiang@bawaslu.example", kepahiang.bawasluInbox());
        assertEquals("bkpsdm.kota-bengkulu@pemda.example", directory.byCode("17.71").orElseThrow().bkpsdmInbox());
        Region province = directory.byCode("17").orElseThrow();
        assertEquals("bkd.prov-bengkulu@pemda.example", province.bkpsdmInbox());
        assertEquals("inspektorat.prov-bengkulu@pemda.example", province.inspektoratInbox());
        assertEquals("bawaslu.prov-bengkulu@bawaslu.example", province.bawasluInbox());
    }

    @Test
    void acceptsCodesInTheFormsReportsUse() {
        assertEquals("17.08", directory.byCode("17.08").orElseThrow().code());
        assertEquals("17.08", directory.byCode("1708").orElseThrow().code());
        assertEquals("17.08", directory.byCode(" 17.08 ").orElseThrow().code());
        assertEquals("17", directory.byCode("17").orElseThrow().code());
        assertEquals("17.08", directory.byCode("17.08.01").orElseThrow().code(), "kecamatan code gives its kabupaten");
        assertEquals("17.08", directory.byCode("17.08.01.2001").orElseThrow().code(), "desa code gives its kabupaten");
    }

    @Test
    void rejectsCodesThatAreNotInTheDirectoryOrMisshapen() {
        for (String code : new String[] {null, "", "  ", "99.99", "9999", "99", "17.8", "17.080", "1.708", "17-08",
                "17.08.", "17.08.x", "abc", "170801"}) {
            assertTrue(directory.byCode(code).isEmpty(), "code " + code);
        }
    }

    @Test
    void findsKepahiangBySiasnIdAndByKodeCepat() {
        String id = "A5EB03E23D2DF6A0E040640A040252AD";
        assertEquals("17.08", directory.bySiasn(id, null).orElseThrow().code());
        assertEquals("17.08", directory.bySiasn(id.toLowerCase(), "").orElseThrow().code());
        assertEquals("17.08", directory.bySiasn(null, "5807").orElseThrow().code());
        assertEquals("17.08", directory.bySiasn("UNKNOWN-ID", " 5807 ").orElseThrow().code());
        assertTrue(directory.bySiasn("UNKNOWN-ID", "0000").isEmpty());
        assertTrue(directory.bySiasn(null, null).isEmpty());
    }

    @Test
    void idWinsOverKodeCepat() {
        // Kepahiang's id with Kota Bengkulu's kode cepat: the id is the stronger key.
        String kotaBengkuluKode = siasnRows().stream().filter(r -> r[4].equals("17.71")).findFirst().orElseThrow()[2];
        assertEquals("17.08", directory.bySiasn("A5EB03E23D2DF6A0E040640A040252AD", kotaBengkuluKode).orElseThrow().code());
    }

    @Test
    void everySiasnRowResolvesByIdAndByKode() {
        List<String[]> rows = siasnRows();
        assertEquals(546, rows.size());
        for (String[] row : rows) {
            assertEquals(row[4], directory.bySiasn(row[0], null).orElseThrow().code(), row[1]);
            assertEquals(row[4], directory.bySiasn(null, row[2]).orElseThrow().code(), row[1]);
        }
    }

    @Test
    void kanregAcceptsBknNumbersAndRomanIds() {
        Kanreg vii = directory.kanreg("7").orElseThrow();
        assertEquals("VII", vii.id());
        assertEquals("Palembang", vii.city());
        assertEquals("kanreg-vii.palembang@bkn.example", vii.inbox());
        assertTrue(vii.provinceCodes().contains("17"));
        assertEquals("VII", directory.kanreg("07").orElseThrow().id());
        assertEquals("VII", directory.kanreg("VII").orElseThrow().id());
        assertEquals("VII", directory.kanreg(" vii ").orElseThrow().id());
        assertEquals("VII", directory.kanreg("KANTOR REGIONAL VII PALEMBANG").orElseThrow().id());
        assertEquals("XIV", directory.kanreg("14").orElseThrow().id());
        assertEquals("IV", directory.kanreg("4").orElseThrow().id());
        assertEquals("IX", directory.kanreg("9").orElseThrow().id());
        assertTrue(directory.kanreg("15").isEmpty());
        assertTrue(directory.kanreg("0").isEmpty());
        assertTrue(directory.kanreg("IIII").isEmpty());
        assertTrue(directory.kanreg("").isEmpty());
        assertTrue(directory.kanreg(null).isEmpty());
    }

    @Test
    void everyProvinceHasExactlyOneKanreg() {
        Map<String, Kanreg> byId = directory.kanregs().stream().collect(Collectors.toMap(Kanreg::id, Function.identity()));
        assertEquals(14, byId.size());
        for (Region province : directory.all()) {
            if (province.isProvince()) {
                assertTrue(directory.kanregForProvince(province.code()).isPresent(), province.name());
            }
        }
        assertEquals("VII", directory.kanregForProvince("17").orElseThrow().id());
        assertEquals("VII", directory.kanregForProvince("17.08").orElseThrow().id());
        assertEquals("XIV", directory.kanregForProvince("96").orElseThrow().id());
        assertTrue(directory.kanregForProvince("99").isEmpty());
        assertTrue(directory.kanregForProvince(null).isEmpty());
    }

    @Test
    void allIsInCodeOrderAndReadOnly() {
        List<Region> all = List.copyOf(directory.all());
        assertEquals("11", all.get(0).code());
        for (int i = 1; i < all.size(); i++) {
            assertTrue(all.get(i - 1).code().compareTo(all.get(i).code()) < 0, all.get(i).code());
        }
        try {
            directory.all().clear();
            fail("all() must not be modifiable");
        } catch (UnsupportedOperationException expected) {
            assertFalse(directory.all().isEmpty());
        }
    }

    private static void assertRegion(String code, String name, RegionType type, String province) {
        Region region = ConfigFiles.directory().byCode(code).orElseThrow(() -> new AssertionError(code));
        assertEquals(code, region.code());
        assertEquals(name, region.name());
        assertEquals(type, region.type());
        assertEquals(province, region.provinceCode());
    }

    private static List<String[]> siasnRows() {
        try {
            return Files.readAllLines(ConfigFiles.SIASN, StandardCharsets.UTF_8).stream()
                    .skip(1).filter(l -> !l.isBlank()).map(l -> l.split(",", -1)).toList();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
