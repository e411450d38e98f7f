package netralitas.hub.region;

/** Kemendagri region level. The employing government is a Pemprov, Pemkab or Pemkot accordingly. */
public enum RegionType {
    PROVINSI("Pemprov"), KABUPATEN("Pemkab"), KOTA("Pemkot");

    private final String government;

    RegionType(String government) {
        this.government = government;
    }

    /** "Pemkab", "Pemkot" or "Pemprov". */
    public String government() {
        return government;
    }
}
