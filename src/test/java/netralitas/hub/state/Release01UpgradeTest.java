package netralitas.hub.state;

import netralitas.hub.cases.BknStatus;
import netralitas.hub.cases.CaseJson;
import netralitas.hub.cases.ViolationCase;
import netralitas.hub.testing.FolderCopy;
import org.apache.camel.processor.idempotent.jdbc.JdbcMessageIdRepository;
import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The data/ of release 0.1 (src/test/resources/upgrade/release-0.1, see its README.md) opened by this release: its
 * queued digest cases become JSON, its unresolved deliveries rows of the deliveries in flight.
 */
class Release01UpgradeTest {

    private static final String QUEUED_VERIFIED = "NH-20241012-QRVVCJR3";
    private static final String QUEUED_WITHOUT_NIP = "NH-20241019-DENE9EWD";
    private static final String UNCERTAIN = "NH-20241016-2RXMFV7A";

    @Test
    void theQueuedCasesAreJsonThatSelectShows(@TempDir Path copy) throws Exception {
        Path data = fixture(copy);
        try (StateStore store = StateStore.embedded(data, 2)) {
            assertEquals(StateStoreTest.NEWEST, StateSchema.version(store.dataSource(), store.kind()));
            Map<String, String> payloads = new TreeMap<>();
            Map<String, String> regions = new TreeMap<>();
            try (Connection connection = store.dataSource().getConnection(); Statement sql = connection.createStatement();
                 ResultSet rows = sql.executeQuery("SELECT case_id, region_code, payload FROM DIGEST_QUEUE")) {
                while (rows.next()) {
                    payloads.put(rows.getString(1), rows.getString(3));
                    regions.put(rows.getString(1), rows.getString(2));
                }
            }
            assertEquals(List.of(QUEUED_VERIFIED, QUEUED_WITHOUT_NIP), List.copyOf(payloads.keySet()));
            payloads.forEach((caseId, payload) -> assertTrue(payload.contains("\"caseId\":\"" + caseId + "\""), payload));

            DigestQueue queue = new DigestQueue(store.dataSource());
            assertEquals(List.of("17.07", "17.71"), queue.regions());
            ViolationCase verified = queue.batch("17.07", 10).get(0);
            assertEquals(QUEUED_VERIFIED, verified.getCaseId());
            assertEquals(BknStatus.VERIFIED, verified.getBknStatus());
            assertEquals("RINA MARLINA", verified.getEmployee().nama());
            ViolationCase withoutNip = CaseJson.read(payloads.get(QUEUED_WITHOUT_NIP));
            assertEquals(regions.get(QUEUED_WITHOUT_NIP), withoutNip.getRegionResolution().region().code());
            assertEquals("bkpsdm.kota-bengkulu@pemda.example", withoutNip.getRoutingDecision().to());
        }
    }

    @Test
    void theUnresolvedDeliveryIsUncertainAndTheLogMovedAside(@TempDir Path copy) throws Exception {
        Path data = fixture(copy);
        String log = Files.readString(data.resolve("state/deliveries-in-flight.log"));
        try (StateStore store = StateStore.embedded(data, 2)) {
            DeliveriesInFlight deliveries = new DeliveriesInFlight(store.dataSource(), new GroupCommit(store.dataSource(), 8, "test-writer"), "hub-1");
            assertEquals(List.of(UNCERTAIN, "NH-20240930-ZTQZEP37", "NH-20241025-Y71VNB70"),
                    LegacyDeliveriesLog.importInto(data, deliveries), "sent and not refused");
            assertFalse(Files.exists(data.resolve("state/deliveries-in-flight.log")));
            assertEquals(log, Files.readString(data.resolve("imported-0.1/state/deliveries-in-flight.log")));

            JdbcMessageIdRepository ledger = new JdbcMessageIdRepository(store.dataSource(), "cases");
            ledger.setCreateTableIfNotExists(false);
            ledger.start();
            assertEquals(List.of(UNCERTAIN), deliveries.nodeStopped("hub-1", ledger::contains));
            assertTrue(deliveries.isUncertain(UNCERTAIN));
            assertEquals(List.of(), LegacyDeliveriesLog.importInto(data, deliveries), "imported once");
        }
        try (StateStore reopened = StateStore.embedded(data, 2)) {
            DeliveriesInFlight deliveries = new DeliveriesInFlight(reopened.dataSource(), new GroupCommit(reopened.dataSource(), 8, "test-writer"), "hub-1");
            deliveries.nodeStopped("hub-1", id -> false);
            assertEquals(List.of(UNCERTAIN), deliveries.uncertain(), "still uncertain after another restart");
        }
    }

    @Test
    void aQueuedRowThatCannotBeReadIsKeptAsideWithItsReason(@TempDir Path copy) throws Exception {
        Path data = fixture(copy);
        JdbcConnectionPool old = JdbcConnectionPool.create("jdbc:h2:file:" + data.resolve("state/hub").toAbsolutePath(),
                "hub", "");
        try (Connection connection = old.getConnection(); Statement sql = connection.createStatement()) {
            sql.execute("UPDATE DIGEST_QUEUE SET payload = X'0102' WHERE case_id = '" + QUEUED_WITHOUT_NIP + "'");
        }
        old.dispose();
        try (StateStore store = StateStore.embedded(data, 2); Connection connection = store.dataSource().getConnection();
             Statement sql = connection.createStatement()) {
            assertEquals(List.of("17.07"), new DigestQueue(store.dataSource()).regions(), "the readable case stays queued");
            try (ResultSet row = sql.executeQuery("SELECT case_id, region_code, payload, reason FROM DIGEST_QUEUE_UNREADABLE")) {
                assertTrue(row.next());
                assertEquals(QUEUED_WITHOUT_NIP, row.getString(1));
                assertEquals("17.71", row.getString(2));
                assertArrayEquals(new byte[] {1, 2}, row.getBytes(3), "kept as it was");
                assertTrue(row.getString(4).startsWith("Digest queue row " + QUEUED_WITHOUT_NIP
                        + " is not a gzip-compressed case of release 0.1"), row.getString(4));
                assertFalse(row.next());
            }
        }
    }

    @Test
    void onlyWholeLinesCountAndARefusalResolves() {
        assertEquals(List.of("NH-8", "NH-2"), LegacyDeliveriesLog.unresolved("NH-8\nNH-1\n-NH-1\nNH-2\nNH-9"));
        assertEquals(List.of(), LegacyDeliveriesLog.unresolved(""));
    }

    private static Path fixture(Path copy) throws Exception {
        Path data = copy.resolve("data");
        FolderCopy.copy(Path.of(Release01UpgradeTest.class.getResource("/upgrade/release-0.1/data").toURI()), data);
        return data;
    }
}
