package netralitas.hub.classify;

import java.io.Serializable;
import java.util.List;

/**
 * One row of the violation matrix (config/categories.yaml). {@code keywords} recognise the category in free text;
 * {@code needsReview} marks categories whose severity is provisional (OTHER).
 */
public record Category(
        String code,
        String label,
        Severity severity,
        String legalBasis,
        List<String> keywords,
        boolean needsReview) implements Serializable {

    public Category {
        keywords = keywords == null ? List.of() : List.copyOf(keywords);
    }
}
