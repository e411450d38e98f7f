package netralitas.hub.classify;

import netralitas.hub.nip.NipKind;
import netralitas.hub.report.SubjectType;

import java.util.Locale;

/**
 * The body of law that governs the accused: it decides which regulations a mail cites and which sanction it asks
 * for (the {@code legalBasis} block of config/categories.yaml). PNS and PPPK are both ASN but are disciplined under
 * different regulations; village officials are not ASN at all.
 */
public enum LegalRegime {
    PNS, PPPK, KEPALA_DESA, PERANGKAT_DESA;

    public boolean isAsn() {
        return this == PNS || this == PPPK;
    }

    /**
     * An ASN is PPPK when BKN's record says so; without a record, when the number has the NI PPPK form; without a
     * number, when the report says PPPK. A report's "ASN" is the umbrella term and does not make anyone a PNS.
     *
     * @param subjectType     as the report gives it
     * @param nipKind         the form of the number, null without one
     * @param bknEmployeeType BKN's {@code jenisPegawaiNama}, null without a record
     */
    public static LegalRegime of(SubjectType subjectType, NipKind nipKind, String bknEmployeeType) {
        switch (subjectType) {
            case KEPALA_DESA:
                return KEPALA_DESA;
            case PERANGKAT_DESA:
                return PERANGKAT_DESA;
            default:
                break;
        }
        if (bknEmployeeType != null && !bknEmployeeType.isBlank()) {
            String type = bknEmployeeType.toUpperCase(Locale.ROOT);
            return type.contains("PPPK") || type.contains("P3K") ? PPPK : PNS;
        }
        if (nipKind != null) {
            return nipKind == NipKind.PPPK ? PPPK : PNS;
        }
        return subjectType == SubjectType.PPPK ? PPPK : PNS;
    }
}
