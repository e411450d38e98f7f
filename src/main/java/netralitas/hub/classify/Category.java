package netralitas.hub.classify;

import java.io.Serializable;
import java.util.List;

/**
 * One row of the violation matrix (config/categories.yaml). {@code keywords} recognise the category in free text;
 * {@code needsReview} marks categories whose severity is provisional (OTHER). {@code legalBasis} cites what the
 * category breaks for any ASN; {@code pnsLegalBasis}, when not null, what it breaks for a PNS only (the PNS
 * discipline regulation does not bind PPPK).
 */
public record Category(
        String code,
        String label,
        Severity severity,
        String legalBasis,
        List<String> keywords,
        boolean needsReview,
        String pnsLegalBasis) implements Serializable {

    public Category {
        keywords = keywords == null ? List.of() : List.copyOf(keywords);
    }

    /** A category without a PNS-only provision. */
    public Category(String code, String label, Severity severity, String legalBasis, List<String> keywords,
                    boolean needsReview) {
        this(code, label, severity, legalBasis, keywords, needsReview, null);
    }
}
