package netralitas.hub.state;

import netralitas.hub.cases.CaseJson;
import netralitas.hub.cases.RoutingDecision;
import netralitas.hub.cases.ViolationCase;
import netralitas.hub.classify.Category;
import netralitas.hub.classify.Classification;
import netralitas.hub.classify.Severity;
import netralitas.hub.region.Kanreg;
import netralitas.hub.region.Region;
import netralitas.hub.region.RegionResolution;
import netralitas.hub.region.RegionSource;
import netralitas.hub.region.RegionType;
import netralitas.hub.report.Report;
import netralitas.hub.report.ReportSource;
import netralitas.hub.report.SubjectType;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Table DIGEST_QUEUE, on the embedded H2 store and on PostgreSQL: cases kept as JSON an operator can read. */
class DigestQueueTest {

    @ParameterizedTest
    @EnumSource(StateStore.Kind.class)
    void casesWaitPerRegionInTheOrderTheyCameAndLeaveOnceSent(StateStore.Kind kind, @TempDir Path dir)
            throws Exception {
        try (StateStore store = FreshStores.open(kind, dir)) {
            DigestQueue queue = new DigestQueue(store.dataSource());
            ViolationCase first = ringan("NH-20241012-AAAAAAAA", lebong());
            ViolationCase second = ringan("NH-20241013-BBBBBBBB", lebong());
            ViolationCase elsewhere = ringan("NH-20241019-CCCCCCCC", kotaBengkulu());
            queue.add(first);
            queue.add(second);
            queue.add(elsewhere);
            queue.add(first);

            assertEquals(List.of("17.07", "17.71"), queue.regions());
            assertTrue(queue.waiting("17.07"));
            assertFalse(queue.waiting("36.72"));
            List<ViolationCase> batch = queue.batch("17.07", 10);
            assertEquals(List.of(first.getCaseId(), second.getCaseId()), batch.stream().map(ViolationCase::getCaseId).toList(),
                    "queued once each, oldest first");
            assertEquals(CaseJson.write(first), CaseJson.write(batch.get(0)), "the case as it was queued");
            assertEquals(1, queue.batch("17.07", 1).size());

            queue.remove(batch);
            assertFalse(queue.waiting("17.07"));
            assertEquals(List.of("17.71"), queue.regions());
        }
    }

    @ParameterizedTest
    @EnumSource(StateStore.Kind.class)
    void aDigestsCasesAreMarkedWhileItIsSentAndInDoubtWhileTheyStayMarked(StateStore.Kind kind, @TempDir Path dir)
            throws Exception {
        try (StateStore store = FreshStores.open(kind, dir)) {
            DigestQueue queue = new DigestQueue(store.dataSource());
            ViolationCase first = ringan("NH-20241012-AAAAAAAA", lebong());
            ViolationCase second = ringan("NH-20241013-BBBBBBBB", lebong());
            queue.add(first);
            queue.add(second);
            queue.add(ringan("NH-20241019-CCCCCCCC", kotaBengkulu()));
            List<ViolationCase> digest = queue.batch("17.07", 10);
            String messageId = "<digest-17.07-2024-10-14-0a1b2c@hub.example>";

            queue.sending(digest, messageId);
            assertFalse(queue.waiting("17.07"), "on their way: not in another digest");
            assertEquals(List.of(), queue.batch("17.07", 10));
            assertEquals(List.of("17.71"), queue.regions());
            assertEquals(List.of(first.getCaseId() + " " + messageId, second.getCaseId() + " " + messageId),
                    inDoubt(queue));

            queue.notSent(digest);
            assertTrue(queue.waiting("17.07"), "the server did not take it: waiting again");
            assertEquals(List.of(), inDoubt(queue));

            queue.sending(digest, messageId);
            queue.parked(first);
            assertEquals(List.of(second.getCaseId() + " " + messageId), inDoubt(queue));
        }
    }

    private static List<String> inDoubt(DigestQueue queue) throws Exception {
        return queue.inDoubt().stream().map(c -> c.violationCase().getCaseId() + " " + c.messageId()).toList();
    }

    @ParameterizedTest
    @EnumSource(StateStore.Kind.class)
    void aQueuedCaseIsJsonThatSelectShows(StateStore.Kind kind, @TempDir Path dir) throws Exception {
        try (StateStore store = FreshStores.open(kind, dir)) {
            new DigestQueue(store.dataSource()).add(ringan("NH-20241012-AAAAAAAA", lebong()));
            try (Connection connection = store.dataSource().getConnection(); Statement sql = connection.createStatement();
                 ResultSet row = sql.executeQuery("SELECT payload FROM DIGEST_QUEUE WHERE case_id = 'NH-20241012-AAAAAAAA'")) {
                assertTrue(row.next());
                String payload = row.getString(1);
                assertTrue(payload.startsWith("{\"format\":1,\"caseId\":\"NH-20241012-AAAAAAAA\""), payload);
                assertTrue(payload.contains("\"code\":\"17.07\""), payload);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(StateStore.Kind.class)
    void aRowThatIsNotACaseIsNamedAndStaysQueued(StateStore.Kind kind, @TempDir Path dir) throws Exception {
        try (StateStore store = FreshStores.open(kind, dir)) {
            try (Connection connection = store.dataSource().getConnection(); Statement sql = connection.createStatement()) {
                sql.execute("INSERT INTO DIGEST_QUEUE (case_id, region_code, payload) VALUES ('NH-20241012-EDITED',"
                        + " '17.07', '{\"format\":1}')");
            }
            DigestQueue queue = new DigestQueue(store.dataSource());
            IllegalStateException refused = assertThrows(IllegalStateException.class, () -> queue.batch("17.07", 10));
            assertTrue(refused.getMessage().startsWith("Digest queue row NH-20241012-EDITED cannot be read back: "),
                    refused.getMessage());
            assertTrue(queue.waiting("17.07"));
        }
    }

    static ViolationCase ringan(String caseId, Region region) {
        Report report = new Report(ReportSource.csv("laporan-oktober.csv", 3), null, LocalDate.of(2024, 10, 12), null,
                "Rina Marlina", "Guru Ahli Pertama", null, SubjectType.PPPK, region.code(), region.name(),
                "CAMPAIGN_EVENT", "Terlapor hadir dalam kampanye terbuka pasangan calon bupati pada hari libur.", null,
                List.of(), null, null);
        ViolationCase violationCase = new ViolationCase(caseId, report);
        violationCase.setRegionResolution(new RegionResolution(region, RegionSource.REPORT_CODE, region,
                new Kanreg("VII", "Kantor Regional VII BKN", "Palembang", Set.of("16", "15", "17", "19"),
                        "kanreg-vii.palembang@bkn.example"), List.of()));
        Category campaign = new Category("CAMPAIGN_EVENT", "Menghadiri kampanye", Severity.RINGAN, "SKB 2022",
                List.of("kampanye"), false, "PP Nomor 94 Tahun 2021, Pasal 5 huruf n");
        violationCase.setClassification(new Classification(campaign, Severity.RINGAN, Severity.RINGAN, List.of()));
        violationCase.setRoutingDecision(new RoutingDecision("DIGEST", region.bkpsdmInbox(), null, "BKPSDM_ACTION",
                RoutingDecision.Priority.NORMAL));
        return violationCase;
    }

    static Region lebong() {
        return new Region("17.07", "Kabupaten Lebong", RegionType.KABUPATEN, "17", "bkpsdm.kab-lebong@pemda.example",
                "inspektorat.kab-lebong@pemda.example", "bawaslu.kab-lebong@bawaslu.example");
    }

    static Region kotaBengkulu() {
        return new Region("17.71", "Kota Bengkulu", RegionType.KOTA, "17", "bkpsdm.kota-bengkulu@pemda.example",
                "inspektorat.kota-bengkulu@pemda.example", "bawaslu.kota-bengkulu@bawaslu.example");
    }
}
