package netralitas.hub.routes;

import netralitas.hub.audit.AuditEvent;
import netralitas.hub.cases.BknStatus;
import netralitas.hub.cases.RoutingDecision;
import netralitas.hub.cases.ViolationCase;
import netralitas.hub.classify.Category;
import netralitas.hub.classify.Severity;
import netralitas.hub.region.RegionResolution;
import netralitas.hub.region.RegionSource;
import netralitas.hub.report.SubjectType;
import org.apache.camel.Exchange;
import org.apache.camel.Produce;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.main.MainConfigurationProperties;
import org.apache.camel.test.main.junit5.CamelMainTest;
import org.apache.camel.test.main.junit5.Configure;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static netralitas.hub.routes.RouteContract.cc;
import static netralitas.hub.routes.RouteContract.decision;
import static netralitas.hub.routes.RouteContract.purpose;
import static netralitas.hub.routes.RouteContract.to;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * The decision table of SPEC §6 (docs/specification.md), one row per branch of routes/route.camel.yaml: a case as
 * enrich and classify leave it goes into {@code direct:route} — the real route, with the real region directory of
 * config/ — and the test reads the decision, recipients and purpose the branch set. Route {@code route} sends nothing
 * on; it records ROUTED in the audit trail, in the test's folder.
 */
@CamelMainTest(propertyPlaceholderLocations = RouteTestHub.PROPERTIES, properties = RouteTestHub.NO_MANAGEMENT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RoutingDecisionTableTest {

    private static final String TRIAGE_INBOX = "triase@bawaslu.example";
    private static final String CENTRAL_INBOX = "asn-instansi-pusat@bawaslu.example";
    private static final String BOGOR_BKPSDM = "bkpsdm.kab-bogor@pemda.example";
    private static final String BOGOR_INSPEKTORAT = "inspektorat.kab-bogor@pemda.example";
    private static final String BOGOR_BAWASLU = "bawaslu.kab-bogor@bawaslu.example";
    /** Jawa Barat's Kanreg (config/bkn-kanreg.csv). */
    private static final String KANREG_III = "kanreg-iii.bandung@bkn.example";
    private static final String BANDUNG_BKPSDM = "bkpsdm.kota-bandung@pemda.example";

    @TempDir
    static Path work;

    private RouteTestHub hub;
    private final AtomicInteger caseNumber = new AtomicInteger();

    @Produce("direct:route")
    ProducerTemplate route;

    @Configure
    void configure(MainConfigurationProperties configuration) {
        hub = RouteTestHub.in(work).routes("route.camel.yaml");
        hub.applyTo(configuration);
    }

    /** What a branch sets: decision, to, cc, purpose (null where the branch sets nothing). */
    record Decision(String decision, String to, String cc, String purpose) {
    }

    Stream<Arguments> table() {
        return Stream.of(
                row("1 BUKAN_PELANGGARAN: closed, nobody asked to act",
                        csv().regionCode("32.01").severity(Severity.BUKAN_PELANGGARAN),
                        new Decision("CLOSED", null, null, null)),
                row("1 BUKAN_PELANGGARAN comes first: a village official's passive attendance is closed too",
                        csv().regionCode("32.01").about(SubjectType.KEPALA_DESA).severity(Severity.BUKAN_PELANGGARAN),
                        new Decision("CLOSED", null, null, null)),
                row("2 no region given: triage",
                        csv().severity(Severity.BERAT),
                        new Decision("TRIAGE", TRIAGE_INBOX, null, "TRIAGE")),
                row("2 a region code the directory does not know: triage",
                        csv().regionCode("99.99").severity(Severity.SEDANG),
                        new Decision("TRIAGE", TRIAGE_INBOX, null, "TRIAGE")),
                row("2 an ambiguous region name (province or city): triage",
                        csv().regionName("Bengkulu").severity(Severity.SEDANG),
                        new Decision("TRIAGE", TRIAGE_INBOX, null, "TRIAGE")),
                row("2 OTHER without a region: triage",
                        csv().classified(TestCases.CATEGORIES.other(), TestCases.CATEGORIES.other().severity()),
                        new Decision("TRIAGE", TRIAGE_INBOX, null, "TRIAGE")),
                row("3 a village head: the region's Bawaslu, whatever the severity",
                        csv().regionCode("32.01").about(SubjectType.KEPALA_DESA).severity(Severity.BERAT),
                        new Decision("IMMEDIATE", BOGOR_BAWASLU, null, "VILLAGE_OFFICIAL")),
                row("3 a village official: the region's Bawaslu",
                        csv().regionCode("32.01").about(SubjectType.PERANGKAT_DESA).severity(Severity.RINGAN),
                        new Decision("IMMEDIATE", BOGOR_BAWASLU, null, "VILLAGE_OFFICIAL")),
                row("4 an employee of a central agency: the central inbox, even when the report names a region",
                        csv().regionCode("32.01").employedBy("A5EB03E2XXXXPUSAT", "Kementerian Dalam Negeri")
                                .severity(Severity.BERAT),
                        new Decision("IMMEDIATE", CENTRAL_INBOX, null, "CENTRAL_AGENCY")),
                row("5 BERAT: the BKPSDM now, Inspektorat and Kanreg in copy",
                        csv().regionCode("32.01").severity(Severity.BERAT),
                        new Decision("IMMEDIATE", BOGOR_BKPSDM, BOGOR_INSPEKTORAT + "," + KANREG_III, "BKPSDM_ACTION")),
                row("6 SEDANG: the BKPSDM now",
                        csv().regionCode("32.01").severity(Severity.SEDANG),
                        new Decision("IMMEDIATE", BOGOR_BKPSDM, null, "BKPSDM_ACTION")),
                row("6 SEDANG by escalation (RINGAN for a senior post): decided by the final severity",
                        csv().regionCode("32.01").classified(category(Severity.RINGAN), Severity.SEDANG),
                        new Decision("IMMEDIATE", BOGOR_BKPSDM, null, "BKPSDM_ACTION")),
                row("6 OTHER with a region: the BKPSDM, for review",
                        csv().regionName("Kota Bandung")
                                .classified(TestCases.CATEGORIES.other(), TestCases.CATEGORIES.other().severity()),
                        new Decision("IMMEDIATE", BANDUNG_BKPSDM, null, "BKPSDM_ACTION")),
                row("7 RINGAN: the daily digest of the region's BKPSDM",
                        csv().regionCode("32.01").severity(Severity.RINGAN),
                        new Decision("DIGEST", BOGOR_BKPSDM, null, null)),
                row("NIP unknown at BKN: routed by the reported region",
                        csv().regionCode("32.73").notFoundAtBkn().severity(Severity.SEDANG),
                        new Decision("IMMEDIATE", BANDUNG_BKPSDM, null, "BKPSDM_ACTION")),
                row("report and BKN disagree: BKN's employer wins",
                        csv().regionCode("32.73").employedBy(TestCases.BOGOR_INSTANSI, "Pemerintah Kab. Bogor")
                                .severity(Severity.BERAT),
                        new Decision("IMMEDIATE", BOGOR_BKPSDM, BOGOR_INSPEKTORAT + "," + KANREG_III, "BKPSDM_ACTION")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("table")
    void eachBranchDecides(String branch, ViolationCase violationCase, Decision expected) throws Exception {
        Exchange exchange = route.send(e -> e.getIn().setBody(violationCase));

        assertNull(exchange.getException(), branch);
        assertEquals(expected, new Decision(decision(exchange), to(exchange), cc(exchange), purpose(exchange)), branch);
        RoutingDecision kept = violationCase.getRoutingDecision();
        assertEquals(expected, new Decision(kept.decision(), kept.to(), kept.cc(), kept.purpose()), branch + ", on the case");
        assertEquals(violationCase.getClassification().severity() == Severity.BERAT
                ? RoutingDecision.Priority.HIGH : RoutingDecision.Priority.NORMAL, kept.priority(), branch);
        AuditEvent routed = hub.auditOf(violationCase.getCaseId()).stream()
                .filter(event -> event.event().name().equals("ROUTED")).findFirst()
                .orElseThrow(() -> new AssertionError("no ROUTED event for " + violationCase.getCaseId()));
        assertAll(() -> assertEquals(expected.decision(), routed.detail().get("decision")),
                () -> assertEquals(expected.to(), routed.detail().get("to")),
                () -> assertEquals(expected.cc(), routed.detail().get("cc")));
    }

    @Test
    void aNipUnknownAtBknKeepsTheReportedRegionAndItsFlag() {
        ViolationCase violationCase = csv().regionCode("32.73").notFoundAtBkn().severity(Severity.SEDANG).build();

        ViolationCase routed = route.send(e -> e.getIn().setBody(violationCase)).getMessage().getBody(ViolationCase.class);

        RegionResolution resolution = routed.getRegionResolution();
        assertEquals(RegionSource.REPORT_CODE, resolution.source());
        assertEquals("32.73", resolution.region().code());
        // What makes the office's mail say "NIP tidak ditemukan di BKN — perlu verifikasi".
        assertEquals(BknStatus.NOT_FOUND, routed.getBknStatus());
    }

    @Test
    void aConflictBetweenReportAndBknIsNotedForTheOffice() {
        ViolationCase violationCase = csv().regionCode("32.73").employedBy(TestCases.BOGOR_INSTANSI, "Pemerintah Kab. Bogor")
                .severity(Severity.SEDANG).build();

        ViolationCase routed = route.send(e -> e.getIn().setBody(violationCase)).getMessage().getBody(ViolationCase.class);

        RegionResolution resolution = routed.getRegionResolution();
        assertEquals(RegionSource.BKN, resolution.source());
        assertEquals("32.01", resolution.region().code());
        assertEquals("32.73", resolution.reportedRegion().code());
        assertTrue(resolution.conflict());
        assertTrue(resolution.notes().stream().anyMatch(note -> note.contains("menurut data BKN")), resolution.notes().toString());
    }

    private TestCases csv() {
        return TestCases.csvRow("ROUTE-" + caseNumber.incrementAndGet());
    }

    private static Category category(Severity severity) {
        return TestCases.CATEGORIES.all().stream().filter(c -> c.severity() == severity && !c.needsReview())
                .findFirst().orElseThrow();
    }

    private static Arguments row(String branch, TestCases violationCase, Decision expected) {
        return arguments(branch, violationCase.build(), expected);
    }
}
