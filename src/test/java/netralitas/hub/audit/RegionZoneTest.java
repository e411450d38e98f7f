package netralitas.hub.audit;

import org.junit.jupiter.api.Test;

import java.time.ZoneOffset;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RegionZoneTest {

    @Test
    void provincesFallInTheirZone() {
        assertEquals(RegionZone.WIB, RegionZone.of("11.01"), "Aceh");
        assertEquals(RegionZone.WIB, RegionZone.of("17.08"), "Bengkulu");
        assertEquals(RegionZone.WIB, RegionZone.of("21.71"), "Kepulauan Riau");
        assertEquals(RegionZone.WIB, RegionZone.of("36.72"), "Banten");
        assertEquals(RegionZone.WIB, RegionZone.of("61.01"), "Kalimantan Barat");
        assertEquals(RegionZone.WIB, RegionZone.of("62.71"), "Kalimantan Tengah");
        assertEquals(RegionZone.WITA, RegionZone.of("51.71"), "Bali");
        assertEquals(RegionZone.WITA, RegionZone.of("53.71"), "NTT");
        assertEquals(RegionZone.WITA, RegionZone.of("64.72"), "Kalimantan Timur");
        assertEquals(RegionZone.WITA, RegionZone.of("65.01"), "Kalimantan Utara");
        assertEquals(RegionZone.WITA, RegionZone.of("73.71"), "Sulawesi Selatan");
        assertEquals(RegionZone.WITA, RegionZone.of("76.01"), "Sulawesi Barat");
        assertEquals(RegionZone.WIT, RegionZone.of("81.71"), "Maluku");
        assertEquals(RegionZone.WIT, RegionZone.of("82.71"), "Maluku Utara");
        assertEquals(RegionZone.WIT, RegionZone.of("91.71"), "Papua");
        assertEquals(RegionZone.WIT, RegionZone.of("96.71"), "Papua Barat Daya");
    }

    @Test
    void noOrUnknownRegionIsWibWithItsOffsetShown() {
        assertEquals(RegionZone.WIB, RegionZone.of(null));
        assertEquals(RegionZone.WIB, RegionZone.of("x"));
        assertEquals(ZoneOffset.ofHours(8), RegionZone.WITA.offset());
        assertEquals("WIT (UTC+09:00)", RegionZone.WIT.label());
    }
}
