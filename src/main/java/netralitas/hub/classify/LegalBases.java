package netralitas.hub.classify;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The {@code legalBasis} block of config/categories.yaml: the regulations every ASN case rests on, the regulation and
 * sanction of each final severity for PNS and for PPPK, and the law of village officials. Together with a category's
 * own {@code legalBasis} (and, for a PNS, its {@code pnsLegalBasis}) it makes the legal basis a mail cites
 * ({@link #forCase}).
 */
public final class LegalBases {

    /** The regulation and the sanction of one severity (or of a village official). */
    public record Provision(List<String> basis, String sanction) {

        public Provision {
            basis = List.copyOf(basis);
            Objects.requireNonNull(sanction, "sanction");
        }
    }

    /** The severities a sanction is graded by; BUKAN_PELANGGARAN has none. */
    static final List<Severity> GRADED = List.of(Severity.BERAT, Severity.SEDANG, Severity.RINGAN);

    private final List<String> asn;
    private final Map<LegalRegime, Map<Severity, Provision>> asnBySeverity;
    private final Map<LegalRegime, Provision> village;

    /**
     * @param asn        cited in every ASN case
     * @param pns        one provision for each of BERAT, SEDANG, RINGAN
     * @param pppk       the same for PPPK
     * @param kepalaDesa the village head's provision
     * @param perangkatDesa the village official's provision
     */
    public LegalBases(List<String> asn, Map<Severity, Provision> pns, Map<Severity, Provision> pppk,
                      Provision kepalaDesa, Provision perangkatDesa) {
        this.asn = List.copyOf(asn);
        this.asnBySeverity = new EnumMap<>(LegalRegime.class);
        this.asnBySeverity.put(LegalRegime.PNS, graded(pns, "PNS"));
        this.asnBySeverity.put(LegalRegime.PPPK, graded(pppk, "PPPK"));
        this.village = new EnumMap<>(LegalRegime.class);
        this.village.put(LegalRegime.KEPALA_DESA, Objects.requireNonNull(kepalaDesa, "kepalaDesa"));
        this.village.put(LegalRegime.PERANGKAT_DESA, Objects.requireNonNull(perangkatDesa, "perangkatDesa"));
    }

    /**
     * Stand-in texts for checking the mail templates when config/categories.yaml itself failed to load: every key the
     * templates use exists, so a template problem is still found in the same pass. Never used to send a mail.
     */
    public static LegalBases placeholder() {
        Provision p = new Provision(List.of("(dasar hukum: categories.yaml tidak terbaca)"), "(sanksi)");
        Map<Severity, Provision> graded = new EnumMap<>(Severity.class);
        GRADED.forEach(severity -> graded.put(severity, p));
        return new LegalBases(p.basis(), graded, graded, p, p);
    }

    private static Map<Severity, Provision> graded(Map<Severity, Provision> provisions, String regime) {
        Map<Severity, Provision> copy = new EnumMap<>(Severity.class);
        for (Severity severity : GRADED) {
            Provision p = provisions.get(severity);
            if (p == null) {
                throw new IllegalArgumentException(regime + " has no provision for " + severity);
            }
            copy.put(severity, p);
        }
        return copy;
    }

    /**
     * The basis of one case. The sanction follows the FINAL severity: an escalated case is cited and asked for what its
     * new level calls for, never its category's original one. A village official gets the village and Pilkada laws
     * only: the ASN law, the joint decree and the category's ASN provisions do not apply to them.
     *
     * @param classification null when the case is not classified yet: only the general basis is known
     */
    public LegalBasis forCase(LegalRegime regime, Classification classification) {
        Objects.requireNonNull(regime, "regime");
        if (!regime.isAsn()) {
            Provision p = village.get(regime);
            return new LegalBasis(p.basis(), List.of(), p.sanction());
        }
        if (classification == null) {
            return new LegalBasis(asn, List.of(), null);
        }
        List<String> specific = new ArrayList<>();
        Category category = classification.category();
        addIfText(specific, category.legalBasis());
        if (regime == LegalRegime.PNS) {
            addIfText(specific, category.pnsLegalBasis());
        }
        Provision p = asnBySeverity.get(regime).get(classification.severity());
        if (p == null) {
            return new LegalBasis(asn, specific, null);
        }
        specific.addAll(p.basis());
        return new LegalBasis(asn, specific, p.sanction());
    }

    private static void addIfText(List<String> list, String text) {
        if (text != null && !text.isBlank()) {
            list.add(text.strip());
        }
    }
}
