package netralitas.hub.audit;

import netralitas.hub.classify.Severity;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CaseTallyTest {

    private static final String HASH = "a".repeat(64);
    private final CaseTally tally = new CaseTally();
    private long seq;
    private OffsetDateTime at = OffsetDateTime.parse("2024-11-27T09:00:00+07:00");

    private boolean add(String caseId, AuditEventType type, Map<String, Object> detail) {
        at = at.plusMinutes(1);
        return tally.add(new AuditEvent(++seq, at, caseId, type, "x.csv:2", "r", detail, HASH, HASH));
    }

    @Test
    void aCopyInFlightMarkedDuplicateDoesNotHideTheDeliveryOfTheOriginal() {
        add("C1", AuditEventType.RECEIVED, Map.of());
        add("C1", AuditEventType.RECEIVED, Map.of());
        add("C1", AuditEventType.DUPLICATE, Map.of());
        assertEquals(CaseStatus.DUPLICATE, tally.statusOf("C1"));
        add("C1", AuditEventType.ROUTED, Map.of("region", "17.08", "decision", "IMMEDIATE"));
        add("C1", AuditEventType.DELIVERED, Map.of());
        assertEquals(CaseStatus.DELIVERED, tally.statusOf("C1"));
        CaseTally.RegionRow row = tally.rows().get(0);
        assertEquals("17.08", row.code());
        assertEquals(1, row.cases());
        assertEquals(1, row.status(CaseStatus.DELIVERED));
        assertEquals(0, row.duplicates(), "the copy was seen before the case had a region");
        assertEquals(1, tally.rows().get(1).duplicates());
    }

    @Test
    void aReReportOfAHandledCaseStaysHandledAndCountsAsDuplicateOfItsRegion() {
        add("C1", AuditEventType.RECEIVED, Map.of());
        add("C1", AuditEventType.CLASSIFIED, Map.of("severity", "BERAT"));
        add("C1", AuditEventType.ROUTED, Map.of("region", "17.08"));
        add("C1", AuditEventType.DELIVERED, Map.of());
        add("C1", AuditEventType.RECEIVED, Map.of());
        add("C1", AuditEventType.DUPLICATE, Map.of());
        add("C1", AuditEventType.ACKNOWLEDGED, Map.of());
        assertEquals(CaseStatus.DELIVERED, tally.statusOf("C1"));
        assertEquals(Severity.BERAT, tally.severityOf("C1"));
        assertTrue(tally.notFinished().isEmpty());
        CaseTally.RegionRow row = tally.rows().get(0);
        assertEquals(1, row.duplicates());
        assertEquals(1, row.severity(Severity.BERAT));
        assertEquals(1, tally.cases());
    }

    @Test
    void eventsWithoutACaseAreNotCasesButRejectsAreCounted() {
        assertFalse(add(null, AuditEventType.REJECTED, Map.of("alasan", "uraian kosong")));
        assertFalse(add(null, AuditEventType.NOTE, Map.of()));
        assertFalse(add("C9", AuditEventType.ACKNOWLEDGED, Map.of()), "an acknowledgement alone is no case");
        assertEquals(0, tally.cases());
        CaseTally.RegionRow row = tally.rows().get(0);
        assertNull(row.code());
        assertEquals(CaseTally.NO_REGION, row.index());
        assertEquals(1, row.rejected());
    }

    @Test
    void triageAndCentralAgencyHaveTheirOwnRows() {
        add("T", AuditEventType.ROUTED, Map.of("decision", "TRIAGE", "regionSource", "NONE"));
        add("P", AuditEventType.ROUTED, Map.of("decision", "IMMEDIATE", "regionSource", "CENTRAL_AGENCY"));
        add("N", AuditEventType.CLOSED, Map.of("decision", "CLOSED", "regionSource", "NONE"));
        assertEquals(CaseTally.TRIAGE, tally.regionOf("T"));
        assertEquals(CaseTally.CENTRAL, tally.regionOf("P"));
        assertEquals(CaseTally.NO_REGION, tally.regionOf("N"));
        assertEquals(3, tally.rows().size());
    }

    @Test
    void waitingCasesKeepTheirFirstEventAndLastStep() {
        add("W", AuditEventType.RECEIVED, Map.of());
        OffsetDateTime received = at;
        add("W", AuditEventType.ENRICH_DEFERRED, Map.of());
        add("W", AuditEventType.ACKNOWLEDGED, Map.of());
        CaseTally.Open open = tally.open("W");
        assertEquals(received, open.since());
        assertEquals(AuditEventType.ENRICH_DEFERRED, open.last());
        assertEquals(CaseStatus.DEFERRED, tally.statusOf("W"));
        add("W", AuditEventType.REPLAYED, Map.of());
        add("W", AuditEventType.DELIVERED, Map.of());
        assertNull(tally.open("W"));
    }
}
