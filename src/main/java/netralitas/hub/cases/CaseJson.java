package netralitas.hub.cases;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.util.StdConverter;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import netralitas.hub.bkn.Employee;
import netralitas.hub.classify.Classification;
import netralitas.hub.inbox.AttachmentsLeftOut;
import netralitas.hub.inbox.EvidenceFile;
import netralitas.hub.region.Kanreg;
import netralitas.hub.region.RegionResolution;
import netralitas.hub.report.Report;

import java.util.List;
import java.util.Set;

/**
 * A case as the JSON that the state store keeps (SPEC §11): readable by an operator with plain SQL, and by the next
 * release. The document is the case's fields under their Java names, with a {@code format} number first; enums are
 * written by name, dates in ISO-8601 ({@code 2024-10-08}), evidence files' bytes in base64, absent values left out.
 *
 * <p>The properties of every record are its components and nothing else: a derived accessor such as
 * {@code Region.isProvince()} or {@code EvidenceFile.sha256()} is not part of the format, and a record is read back
 * through its canonical constructor. {@link ViolationCase} itself is not mapped by reflection but rebuilt through its
 * public methods, so its invariants (an employee only when verified at BKN) hold for a case read back.
 *
 * <p>A reader ignores fields it does not know (a newer release may add one without changing the format number) and
 * refuses a format number higher than {@link #FORMAT}, a case without an id, and a case without its report.
 */
public final class CaseJson {

    /**
     * The format this release writes. A change that an older reader would misread raises it, and {@link #read} then
     * still reads the older formats: a case parked by one release is read by the next (the fixture test keeps it so).
     */
    public static final int FORMAT = 1;

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .visibility(PropertyAccessor.ALL, JsonAutoDetect.Visibility.NONE)
            .visibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY)
            .visibility(PropertyAccessor.CREATOR, JsonAutoDetect.Visibility.ANY)
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .addMixIn(Kanreg.class, KanregFormat.class)
            .build();

    private CaseJson() {
    }

    /** The case as one line of JSON. */
    public static String write(ViolationCase violationCase) {
        CaseDocument document = new CaseDocument(FORMAT, violationCase.getCaseId(), violationCase.getReport(),
                violationCase.getBknStatus(), violationCase.getEmployee(), violationCase.getRegionResolution(),
                violationCase.getClassification(), violationCase.getEvidenceFiles(), violationCase.getEvidenceLeftOut(),
                violationCase.getRoutingDecision());
        try {
            return MAPPER.writeValueAsString(document);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Case " + violationCase.getCaseId() + " cannot be written as JSON: "
                    + e.getOriginalMessage(), e);
        }
    }

    /**
     * The case written by {@link #write} (of this release or an earlier one).
     *
     * @throws IllegalArgumentException naming the case and the reason when the text is not a case this release reads
     */
    public static ViolationCase read(String json) {
        JsonNode tree;
        try {
            tree = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("A case's JSON cannot be parsed: " + e.getOriginalMessage(), e);
        }
        if (tree == null || !tree.isObject()) {
            throw new IllegalArgumentException("A case's JSON must be an object, not " + (tree == null ? "nothing" : tree.getNodeType()));
        }
        String caseId = tree.path("caseId").isTextual() ? tree.get("caseId").asText() : null;
        if (caseId == null || caseId.isBlank()) {
            throw new IllegalArgumentException("A case's JSON has no caseId: not a case (fields: " + fieldNames(tree) + ")");
        }
        requireReadableFormat(caseId, tree.get("format"));
        CaseDocument document;
        try {
            document = MAPPER.treeToValue(tree, CaseDocument.class);
        } catch (JsonProcessingException e) {
            String where = e instanceof JsonMappingException mapping ? " at " + mapping.getPathReference() : "";
            throw new IllegalArgumentException("Case " + caseId + " cannot be read from its JSON" + where + ": "
                    + e.getOriginalMessage(), e);
        }
        if (document.report() == null) {
            throw new IllegalArgumentException("Case " + caseId + " has no report in its JSON");
        }
        return document.toCase();
    }

    private static void requireReadableFormat(String caseId, JsonNode format) {
        if (format == null || !format.canConvertToExactIntegral() || format.asInt() < 1) {
            throw new IllegalArgumentException("Case " + caseId + " has no valid \"format\" in its JSON (" + format
                    + "): it was not written by CaseJson");
        }
        if (format.asInt() > FORMAT) {
            throw new IllegalArgumentException("Case " + caseId + " is in JSON format " + format.asInt()
                    + ", written by a newer release; this release reads format " + FORMAT + " and older");
        }
    }

    private static String fieldNames(JsonNode tree) {
        StringBuilder names = new StringBuilder();
        tree.fieldNames().forEachRemaining(name -> names.append(names.isEmpty() ? "" : ", ").append(name));
        return names.isEmpty() ? "none" : names.toString();
    }

    /** The case as written: {@code format} first, then the fields of {@link ViolationCase} under their names. */
    record CaseDocument(int format, String caseId, Report report, BknStatus bknStatus, Employee employee,
                        RegionResolution regionResolution, Classification classification,
                        List<EvidenceFile> evidenceFiles, AttachmentsLeftOut evidenceLeftOut,
                        RoutingDecision routingDecision) {

        ViolationCase toCase() {
            ViolationCase violationCase = new ViolationCase(caseId, report);
            BknStatus status = bknStatus == null ? BknStatus.NO_NIP : bknStatus;
            if (status == BknStatus.VERIFIED) {
                if (employee == null) {
                    throw new IllegalArgumentException("Case " + caseId + " is VERIFIED at BKN but its JSON has no employee");
                }
                violationCase.verified(employee);
            } else if (employee != null) {
                throw new IllegalArgumentException("Case " + caseId + " has an employee but its bknStatus is " + status);
            } else if (status == BknStatus.NOT_FOUND) {
                violationCase.notFoundAtBkn();
            }
            violationCase.setRegionResolution(regionResolution);
            violationCase.setClassification(classification);
            violationCase.attachEvidence(evidenceFiles == null ? List.of() : evidenceFiles,
                    evidenceLeftOut == null ? AttachmentsLeftOut.NONE : evidenceLeftOut);
            violationCase.setRoutingDecision(routingDecision);
            return violationCase;
        }
    }

    /** A Kanreg's provinces in code order: the same case is always the same text (a Set has no order of its own). */
    private abstract static class KanregFormat {
        @JsonSerialize(converter = SortedCodes.class)
        Set<String> provinceCodes;
    }

    private static final class SortedCodes extends StdConverter<Set<String>, List<String>> {
        @Override
        public List<String> convert(Set<String> codes) {
            return codes.stream().sorted().toList();
        }
    }
}
