package netralitas.hub.region;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RegionNameMatchTest {

    private final RegionDirectory directory = ConfigFiles.directory();

    @Test
    void kabupatenMarkersAreEquivalentAndCaseSpacingPunctuationIgnored() {
        for (String name : List.of("Kabupaten Kepahiang", "Kab. Kepahiang", "Kab Kepahiang", "KAB.KEPAHIANG",
                "  kabupaten   kepahiang ", "Kab. Kepahiang.", "Pemerintah Kabupaten Kepahiang", "Pemkab Kepahiang",
                "Kepahiang", "kepahiang")) {
            assertEquals("17.08", unique(name), name);
        }
    }

    @Test
    void provinceMarkersAreEquivalent() {
        for (String name : List.of("Provinsi Bengkulu", "Prov. Bengkulu", "prov bengkulu", "Propinsi Bengkulu",
                "Pemprov Bengkulu", "Pemerintah Provinsi Bengkulu")) {
            assertEquals("17", unique(name), name);
        }
    }

    @Test
    void markerSelectsTheLevel() {
        assertEquals("17.71", unique("Kota Bengkulu"));
        assertEquals("17.71", unique("KOTA  BENGKULU"));
        assertEquals("36.72", unique("Kota Cilegon"));
        assertEquals("36.72", unique("Cilegon"));
        assertEquals("32.04", unique("Kab. Bandung"));
        assertEquals("32.73", unique("Kota Bandung"));
        assertInstanceOf(NameMatch.NotFound.class, directory.matchName("Kota Kepahiang"));
        assertInstanceOf(NameMatch.NotFound.class, directory.matchName("Kabupaten Bengkulu"));
    }

    @Test
    void bareNameFittingSeveralRegionsIsAmbiguous() {
        NameMatch bengkulu = directory.matchName("Bengkulu");
        NameMatch.Ambiguous ambiguous = assertInstanceOf(NameMatch.Ambiguous.class, bengkulu);
        assertEquals(List.of("17", "17.71"), ambiguous.candidates().stream().map(Region::code).toList());
        assertTrue(bengkulu.unique().isEmpty());
        assertTrue(bengkulu.ambiguous());

        assertEquals(List.of("32.04", "32.73"), codes(directory.matchName("bandung")));
        assertEquals(List.of("75", "75.01", "75.71"), codes(directory.matchName("Gorontalo")));
    }

    @Test
    void spellingVariantsWithAndWithoutSpaces() {
        assertEquals("17.06", unique("Kabupaten Muko Muko"));
        assertEquals("17.06", unique("Mukomuko"));
        assertEquals("12.74", unique("Kota Tanjung Balai"));
        assertEquals("72.04", unique("Kabupaten Tolitoli"));
        assertEquals("72.09", unique("Kab. Tojo Una-Una"));
        assertEquals("92.03", unique("Kabupaten Fakfak"));
        assertEquals("74.72", unique("Kota Baubau"));
        assertEquals("62.71", unique("Kota Palangka Raya"));
        assertEquals("13.09", unique("Kab. Kep. Mentawai"));
        assertEquals("71.09", unique("Kabupaten Kepulauan Siau Tagulandang Biaro"));
        assertEquals("73.10", unique("Kabupaten Pangkajene Kepulauan"));
        assertEquals("31.01", unique("Kab. Kepulauan Seribu"));
        assertEquals("31.71", unique("Kota Adm. Jakarta Pusat"));
        assertEquals("31.71", unique("Jakarta Pusat"));
        assertEquals("12.72", unique("Kota Pematang Siantar"));
        assertEquals("17.08", unique("Kabupatén Kepahiang"), "diacritics are dropped");
    }

    @Test
    void commonProvinceNamesAndAbbreviations() {
        assertEquals("31", unique("DKI Jakarta"));
        assertEquals("31", unique("Provinsi D.K.I. Jakarta"));
        assertEquals("34", unique("DI Yogyakarta"));
        assertEquals("34", unique("Provinsi Yogyakarta"));
        assertEquals("34.71", unique("Kota Yogyakarta"));
        assertEquals(List.of("34", "34.71"), codes(directory.matchName("Yogyakarta")));
        assertEquals("53", unique("NTT"));
        assertEquals("52", unique("Prov. NTB"));
        assertEquals("19", unique("Bangka Belitung"));
        assertEquals("96", unique("Papua Barat Daya"));
        assertEquals("92", unique("Provinsi Papua Barat"));
    }

    @Test
    void everyRegionIsFoundByItsOwnLabel() {
        for (Region region : directory.all()) {
            NameMatch match = directory.matchName(RegionLabel.of(region));
            assertEquals(region, match.unique().orElse(null), RegionLabel.of(region));
            assertEquals(List.of(region), directory.findInText("Terjadi di " + RegionLabel.of(region) + " kemarin."),
                    RegionLabel.of(region));
        }
    }

    @Test
    void nameFieldWithProvinceAppendedStillMatches() {
        assertEquals("17.08", unique("Kab. Kepahiang, Prov. Bengkulu"));
        assertEquals("17.08", unique("Kabupaten Kepahiang - Bengkulu"));
        assertInstanceOf(NameMatch.NotFound.class, directory.matchName("Kab. Kepahiang, Provinsi Jambi"),
                "kabupaten and province disagree");
        assertEquals(List.of("17.07", "17.08"), codes(directory.matchName("Kab. Lebong / Kab. Kepahiang")));
    }

    @Test
    void unknownAndEmptyNamesMatchNothing() {
        for (String name : new String[] {null, "", "   ", "Atlantis", "Kabupaten", "Kota", "Provinsi", "...", "Kec. Ujan Mas"}) {
            NameMatch match = directory.matchName(name);
            assertInstanceOf(NameMatch.NotFound.class, match, String.valueOf(name));
            assertTrue(match.candidates().isEmpty());
        }
    }

    @Test
    void findsExplicitMentionsInFreeText() {
        String text = "Kepada Bawaslu. Saya melihat ASN Kab. Kepahiang berkampanye bersama pegawai Kabupaten Lebong "
                + "dan staf KOTA CILEGON; kejadian di wilayah Provinsi Bengkulu. Sekali lagi di Kab Kepahiang.";
        assertEquals(List.of("17.08", "17.07", "36.72", "17"), directory.findInText(text).stream().map(Region::code).toList());
    }

    @Test
    void freeTextNeedsAMarker() {
        assertTrue(directory.findInText("Bengkulu, Kepahiang, Lebong dan Cilegon").isEmpty());
        assertTrue(directory.findInText("pergi ke kota untuk membeli beras").isEmpty());
        assertTrue(directory.findInText("Kota Batu dan kota baru").stream().map(Region::code).toList().equals(List.of("35.79")));
        assertTrue(directory.findInText(null).isEmpty());
        assertTrue(directory.findInText("").isEmpty());
    }

    @Test
    void freeTextPrefersTheLongestName() {
        assertEquals(List.of("17.03"), codes(directory.findInText("ASN Kabupaten Bengkulu Utara hadir")));
        assertEquals(List.of("16.09"), codes(directory.findInText("di Kab. Ogan Komering Ulu Selatan")));
        assertEquals(List.of("16.01"), codes(directory.findInText("di Kab. Ogan Komering Ulu, Sumsel")));
        assertEquals(List.of("82", "82.71"), codes(directory.findInText("Prov. Maluku Utara, Kota Ternate")));
    }

    private String unique(String name) {
        return directory.matchName(name).unique().map(Region::code).orElse("none: " + directory.matchName(name));
    }

    private static List<String> codes(NameMatch match) {
        return match.candidates().stream().map(Region::code).toList();
    }

    private static List<String> codes(List<Region> regions) {
        return regions.stream().map(Region::code).toList();
    }
}
