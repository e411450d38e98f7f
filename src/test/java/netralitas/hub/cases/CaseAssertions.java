package netralitas.hub.cases;

import netralitas.hub.inbox.EvidenceFile;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Field-by-field equality of two cases ({@link ViolationCase} has no equals; an evidence file's bytes are an array). */
final class CaseAssertions {

    /** Every field of {@link ViolationCase}: a new one must be compared here and carried by {@link CaseJson}. */
    static final List<String> CASE_FIELDS = List.of("caseId", "report", "bknStatus", "employee", "regionResolution",
            "classification", "evidenceFiles", "evidenceLeftOut", "routingDecision");

    private CaseAssertions() {
    }

    static void assertSameCase(ViolationCase expected, ViolationCase actual) {
        assertEquals(CASE_FIELDS.stream().sorted().toList(), Arrays.stream(ViolationCase.class.getDeclaredFields())
                .filter(f -> !Modifier.isStatic(f.getModifiers())).map(Field::getName).sorted().toList(),
                "ViolationCase's fields changed: compare the new one here and write it in CaseJson");
        String id = expected.getCaseId();
        assertEquals(expected.getCaseId(), actual.getCaseId());
        assertEquals(expected.getReport(), actual.getReport(), id + " report");
        assertEquals(expected.getBknStatus(), actual.getBknStatus(), id + " bknStatus");
        assertEquals(expected.getEmployee(), actual.getEmployee(), id + " employee");
        assertEquals(expected.getRegionResolution(), actual.getRegionResolution(), id + " regionResolution");
        assertEquals(expected.getClassification(), actual.getClassification(), id + " classification");
        assertEquals(expected.getEvidenceFiles().size(), actual.getEvidenceFiles().size(), id + " evidenceFiles");
        for (int i = 0; i < expected.getEvidenceFiles().size(); i++) {
            EvidenceFile want = expected.getEvidenceFiles().get(i);
            EvidenceFile got = actual.getEvidenceFiles().get(i);
            assertEquals(want.name(), got.name(), id + " evidence " + i + " name");
            assertEquals(want.contentType(), got.contentType(), id + " evidence " + i + " contentType");
            assertEquals(want.size(), got.size(), id + " evidence " + i + " size");
            assertArrayEquals(want.content(), got.content(), id + " evidence " + i + " content");
            assertEquals(want.withheld(), got.withheld(), id + " evidence " + i + " withheld");
        }
        assertEquals(expected.getEvidenceLeftOut(), actual.getEvidenceLeftOut(), id + " evidenceLeftOut");
        assertEquals(expected.getRoutingDecision(), actual.getRoutingDecision(), id + " routingDecision");
    }
}
