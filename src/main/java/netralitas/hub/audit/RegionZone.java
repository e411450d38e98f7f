package netralitas.hub.audit;

import java.time.ZoneOffset;

/**
 * Indonesia's three time zones by the province part of a Kemendagri region code ({@code 36.72} → province 36, Banten),
 * as Keppres 41/1987 draws them: WIB (UTC+7) for Sumatra, Java, West and Central Kalimantan; WITA (UTC+8) for Bali,
 * Nusa Tenggara, South, East and North Kalimantan and Sulawesi; WIT (UTC+9) for Maluku and Papua (codes 81, 82, 91–96,
 * the Papua provinces of 2022 included). Indonesia keeps no daylight saving time, so an offset is all a zone is.
 * Cases without a region (triage, central agencies) are shown in WIB, where Bawaslu RI works.
 */
enum RegionZone {
    WIB(7), WITA(8), WIT(9);

    private final ZoneOffset offset;

    RegionZone(int hours) {
        this.offset = ZoneOffset.ofHours(hours);
    }

    ZoneOffset offset() {
        return offset;
    }

    /** "WITA (UTC+08:00)". */
    String label() {
        return name() + " (UTC" + offset.getId() + ")";
    }

    /** The zone of a region code's province; WIB for null or a code whose province is not known. */
    static RegionZone of(String regionCode) {
        if (regionCode == null || regionCode.length() < 2) {
            return WIB;
        }
        int province;
        try {
            province = Integer.parseInt(regionCode.substring(0, 2));
        } catch (NumberFormatException e) {
            return WIB;
        }
        return switch (province) {
            // Bali, NTB, NTT; Kalimantan Selatan, Timur, Utara; the six Sulawesi provinces.
            case 51, 52, 53, 63, 64, 65, 71, 72, 73, 74, 75, 76 -> WITA;
            // Maluku, Maluku Utara; Papua, Papua Barat, Papua Selatan, Papua Tengah, Papua Pegunungan, Papua Barat Daya.
            case 81, 82, 91, 92, 93, 94, 95, 96 -> WIT;
            // Sumatra and its islands (11–21), Java (31–36), Kalimantan Barat and Tengah (61, 62), anything unknown.
            default -> WIB;
        };
    }
}
