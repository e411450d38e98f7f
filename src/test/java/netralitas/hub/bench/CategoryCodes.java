package netralitas.hub.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Category codes of {@code config/categories.yaml} grouped by severity, read from the deployer's file so a load run
 * uses the codes the hub knows. Categories needing review (OTHER) are left out: they go to triage, not by severity.
 */
final class CategoryCodes {

    record Category(String code, String label) {
    }

    private final Map<String, List<Category>> bySeverity;

    private CategoryCodes(Map<String, List<Category>> bySeverity) {
        this.bySeverity = bySeverity;
    }

    static CategoryCodes load(Path configDir) throws IOException {
        JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(configDir.resolve("categories.yaml").toFile());
        Map<String, List<Category>> bySeverity = new LinkedHashMap<>();
        for (JsonNode category : root.path("categories")) {
            if (category.path("needsReview").asBoolean(false)) {
                continue;
            }
            bySeverity.computeIfAbsent(category.path("severity").asText(), k -> new ArrayList<>())
                    .add(new Category(category.path("code").asText(), category.path("label").asText()));
        }
        return new CategoryCodes(bySeverity);
    }

    /** Every category of the given severities, in file order; fails when there is none (the mix could not be made). */
    List<Category> of(String... severities) {
        List<Category> found = new ArrayList<>();
        for (String severity : severities) {
            found.addAll(bySeverity.getOrDefault(severity, List.of()));
        }
        if (found.isEmpty()) {
            throw new IllegalStateException("categories.yaml has no category of severity " + String.join("/", severities));
        }
        return found;
    }
}
