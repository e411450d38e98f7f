package netralitas.hub.classify;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads config/categories.yaml and checks it before the hub relies on it: a deployer edits this file by hand,
 * so every mistake is reported with the file and the category it concerns instead of surfacing later as a
 * mis-routed case.
 */
final class CategoryCatalogueLoader {

    static final String OTHER_CODE = "OTHER";

    record Document(List<CategoryEntry> categories, EscalationEntry escalation, LegalBasisEntry legalBasis) {
    }

    record CategoryEntry(String code, String label, String severity, String legalBasis, String pnsLegalBasis,
                         List<String> keywords, Boolean needsReview) {
    }

    record LegalBasisEntry(List<String> asn,
                           @JsonProperty("PNS") Map<String, ProvisionEntry> pns,
                           @JsonProperty("PPPK") Map<String, ProvisionEntry> pppk,
                           @JsonProperty("KEPALA_DESA") ProvisionEntry kepalaDesa,
                           @JsonProperty("PERANGKAT_DESA") ProvisionEntry perangkatDesa) {
    }

    record ProvisionEntry(List<String> basis, String sanction) {
    }

    record EscalationEntry(List<String> seniorPositions, List<String> seniorEselon, List<String> stateFacilities) {
    }

    private final Path file;

    CategoryCatalogueLoader(Path file) {
        this.file = file;
    }

    CategoryCatalogue load() {
        Document doc = read();
        if (doc == null || doc.categories() == null || doc.categories().isEmpty()) {
            throw fail("no categories defined (expected a 'categories:' list)");
        }
        List<Category> categories = new ArrayList<>();
        Map<String, Integer> codes = new HashMap<>();
        Map<String, String> lookupKeys = new HashMap<>();
        for (int i = 0; i < doc.categories().size(); i++) {
            Category c = toCategory(doc.categories().get(i), i + 1);
            Integer earlier = codes.putIfAbsent(c.code().toUpperCase(Locale.ROOT), i + 1);
            if (earlier != null) {
                throw fail("duplicate category code " + c.code() + " (entries #" + earlier + " and #" + (i + 1) + ")");
            }
            claimLookupKey(lookupKeys, CategoryCatalogue.lookupKey(c.code()), c.code());
            if (!CategoryCatalogue.lookupKey(c.label()).equals(CategoryCatalogue.lookupKey(c.code()))) {
                claimLookupKey(lookupKeys, CategoryCatalogue.lookupKey(c.label()), c.code());
            }
            categories.add(c);
        }
        if (!codes.containsKey(OTHER_CODE)) {
            throw fail("category " + OTHER_CODE + " is missing; unknown categories fall back to it");
        }
        return new CategoryCatalogue(categories, escalation(doc.escalation()), legalBases(doc.legalBasis()));
    }

    private Document read() {
        ObjectMapper mapper = new ObjectMapper(new YAMLFactory())
                .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        try {
            return mapper.readValue(file.toFile(), Document.class);
        } catch (IOException e) {
            throw new CatalogueConfigException(file + ": cannot read category catalogue: " + e.getMessage(), e);
        }
    }

    private Category toCategory(CategoryEntry e, int position) {
        if (e == null) {
            throw fail("entry #" + position + " is empty");
        }
        String code = e.code() == null ? "" : e.code().strip();
        if (code.isEmpty()) {
            throw fail("entry #" + position + " has no code");
        }
        if (!code.matches("[A-Za-z][A-Za-z0-9_]*")) {
            throw fail("category " + code + ": code may contain only letters, digits and '_'");
        }
        if (e.label() == null || CategoryCatalogue.lookupKey(e.label()).isEmpty()) {
            throw fail("category " + code + ": label is blank");
        }
        Severity severity = severity(code, e.severity());
        List<String> keywords = new ArrayList<>();
        for (String k : e.keywords() == null ? List.<String>of() : e.keywords()) {
            try {
                Phrase.parse(k);
            } catch (IllegalArgumentException ex) {
                throw fail("category " + code + ": keyword " + (k == null ? "(empty)" : "'" + k + "'")
                        + " contains no word");
            }
            keywords.add(k.strip());
        }
        String legalBasis = e.legalBasis() == null ? "" : e.legalBasis().strip();
        String pnsLegalBasis = e.pnsLegalBasis() == null || e.pnsLegalBasis().isBlank() ? null : e.pnsLegalBasis().strip();
        return new Category(code, e.label().strip(), severity, legalBasis, keywords,
                Boolean.TRUE.equals(e.needsReview()), pnsLegalBasis);
    }

    private Severity severity(String code, String value) {
        if (value == null || value.isBlank()) {
            throw fail("category " + code + ": severity is missing; expected one of " + severities());
        }
        try {
            return Severity.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException ex) {
            throw fail("category " + code + ": invalid severity '" + value + "'; expected one of " + severities());
        }
    }

    private void claimLookupKey(Map<String, String> keys, String key, String code) {
        String owner = keys.putIfAbsent(key, code);
        if (owner != null && !owner.equals(code)) {
            throw fail("category " + code + ": its code or label is indistinguishable from category " + owner);
        }
    }

    private EscalationRules escalation(EscalationEntry e) {
        if (e == null) {
            throw fail("'escalation:' section is missing (seniorPositions, seniorEselon, stateFacilities)");
        }
        try {
            return new EscalationRules(orEmpty(e.seniorPositions()), orEmpty(e.seniorEselon()),
                    orEmpty(e.stateFacilities()));
        } catch (IllegalArgumentException ex) {
            throw fail("escalation: " + ex.getMessage());
        }
    }

    private LegalBases legalBases(LegalBasisEntry e) {
        if (e == null) {
            throw fail("'legalBasis:' section is missing (asn, PNS, PPPK, KEPALA_DESA, PERANGKAT_DESA)");
        }
        return new LegalBases(texts("legalBasis.asn", e.asn()), graded("PNS", e.pns()), graded("PPPK", e.pppk()),
                provision("legalBasis.KEPALA_DESA", e.kepalaDesa()), provision("legalBasis.PERANGKAT_DESA", e.perangkatDesa()));
    }

    /** One provision per severity that carries a sanction, and no other key. */
    private Map<Severity, LegalBases.Provision> graded(String regime, Map<String, ProvisionEntry> entries) {
        String where = "legalBasis." + regime;
        if (entries == null) {
            throw fail(where + " is missing; it needs " + gradedNames());
        }
        Map<Severity, LegalBases.Provision> provisions = new EnumMap<>(Severity.class);
        entries.forEach((key, entry) -> {
            Severity severity = LegalBases.GRADED.stream().filter(s -> s.name().equals(key.strip())).findFirst()
                    .orElseThrow(() -> fail(where + ": unknown severity '" + key + "'; expected " + gradedNames()));
            provisions.put(severity, provision(where + "." + severity, entry));
        });
        for (Severity severity : LegalBases.GRADED) {
            if (!provisions.containsKey(severity)) {
                throw fail(where + "." + severity + " is missing");
            }
        }
        return provisions;
    }

    private LegalBases.Provision provision(String where, ProvisionEntry e) {
        if (e == null) {
            throw fail(where + " is missing (basis, sanction)");
        }
        if (e.sanction() == null || e.sanction().isBlank()) {
            throw fail(where + ".sanction is blank");
        }
        return new LegalBases.Provision(texts(where + ".basis", e.basis()), e.sanction().strip());
    }

    private List<String> texts(String where, List<String> values) {
        if (values == null || values.isEmpty()) {
            throw fail(where + " is empty; it lists the regulations cited");
        }
        List<String> texts = new ArrayList<>();
        for (String value : values) {
            if (value == null || value.isBlank()) {
                throw fail(where + " has a blank entry");
            }
            texts.add(value.strip());
        }
        return texts;
    }

    private static String gradedNames() {
        return String.join(", ", LegalBases.GRADED.stream().map(Enum::name).toList());
    }

    private static List<String> orEmpty(List<String> values) {
        return values == null ? List.of() : values;
    }

    private static String severities() {
        return String.join(", ", Arrays.stream(Severity.values()).map(Enum::name).toList());
    }

    private CatalogueConfigException fail(String message) {
        return new CatalogueConfigException(file + ": " + message);
    }
}
