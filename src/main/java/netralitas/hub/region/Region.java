package netralitas.hub.region;

import java.io.Serializable;

/** One province or kabupaten/kota with the inboxes that act on reports about its employees (config/regions.csv). */
public record Region(
        String code,
        String name,
        RegionType type,
        String provinceCode,
        String bkpsdmInbox,
        String inspektoratInbox,
        String bawasluInbox) implements Serializable {

    public boolean isProvince() {
        return type == RegionType.PROVINSI;
    }
}
