package netralitas.hub.report;

import java.util.Locale;

/** Who the report is about: civil servants fall under BKPSDM, village officials under Bawaslu's own follow-up. */
public enum SubjectType {
    ASN, PPPK, KEPALA_DESA, PERANGKAT_DESA;

    public boolean isVillageOfficial() {
        return this == KEPALA_DESA || this == PERANGKAT_DESA;
    }

    /** Parses the CSV/email value; blank means ASN (SPEC §3.1). Returns null when unknown. */
    public static SubjectType parse(String text) {
        if (text == null || text.isBlank()) {
            return ASN;
        }
        String key = text.trim().toUpperCase(Locale.ROOT).replaceAll("[\\s-]+", "_");
        for (SubjectType type : values()) {
            if (type.name().equals(key)) {
                return type;
            }
        }
        return switch (key) {
            case "PNS" -> ASN;
            case "KADES" -> KEPALA_DESA;
            default -> null;
        };
    }
}
