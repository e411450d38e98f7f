package netralitas.hub.classify;

import java.io.Serializable;
import java.util.List;

/**
 * The outcome of classification: the category, the severity it carries in the matrix, the severity after
 * escalation, and why it was escalated (empty when it was not).
 */
public record Classification(
        Category category,
        Severity baseSeverity,
        Severity severity,
        List<String> escalationReasons) implements Serializable {

    public Classification {
        escalationReasons = List.copyOf(escalationReasons);
    }

    public boolean escalated() {
        return severity != baseSeverity;
    }

    public boolean needsReview() {
        return category.needsReview();
    }
}
