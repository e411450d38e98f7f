package netralitas.hub.region;

/**
 * How a region is named in Indonesian text. Province rows carry the bare name ("Bengkulu"), which alone
 * would not tell a reader the province from the city, so provinces get "Provinsi " in front.
 */
public final class RegionLabel {

    private RegionLabel() {
    }

    /** "Provinsi Bengkulu", "Kota Bengkulu", "Kabupaten Kepahiang". */
    public static String of(Region region) {
        return region.isProvince() ? "Provinsi " + region.name() : region.name();
    }

    /** "Provinsi Bengkulu (17)". */
    public static String withCode(Region region) {
        return of(region) + " (" + region.code() + ")";
    }
}
