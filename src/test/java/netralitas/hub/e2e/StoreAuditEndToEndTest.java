package netralitas.hub.e2e;

import netralitas.hub.audit.AuditEvent;
import netralitas.hub.state.PostgresServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The hub in PostgreSQL mode (SPEC §11) delivering a few cases: its trail is rows of the store, no file under
 * data/audit, and {@code audit verify} and {@code audit export}, run as the deployer would in a JVM of their own with
 * the same settings, read and check it there while the hub runs.
 */
class StoreAuditEndToEndTest {

    private static final String CSV = "nip_terlapor;tanggal_kejadian;jenis_pelanggaran;uraian\n"
            + "197803122003121004;2024-10-01;BANNER;Memasang baliho paslon\n"
            + "199003222015031002;2024-10-02;APPROACH_PARTY;Mendaftar penjaringan di partai\n"
            + "198512102010011003;2024-10-03;SOCIAL_MEDIA;Mengunggah dukungan kepada paslon\n";

    @TempDir
    Path work;


    @Test
    void theTrailOfAHubOnPostgresqlIsRowsThatVerify() throws Exception {
        String url = PostgresServer.newDatabase();
        try (TestHub hub = new TestHub(work)) {
            hub.settings.put("hub.state.url", url);
            hub.settings.put("hub.state.username", PostgresServer.USER);
            hub.start();
            hub.dropAndAwait("laporan.csv", CSV);
            long delivered = count(url, "SELECT COUNT(*) FROM AUDIT_EVENT WHERE event_type = 'DELIVERED'");
            assertTrue(delivered >= 1, "cases delivered: " + delivered);
            assertEquals(3, count(url, "SELECT COUNT(DISTINCT case_id) FROM AUDIT_EVENT WHERE event_type = 'RECEIVED'"));
            assertFalse(Files.exists(work.resolve("data/audit")) && hasTrailFiles(work.resolve("data/audit")),
                    "no trail files in PostgreSQL mode");

            Map<String, String> cli = Map.of("hub.state.url", url, "hub.state.username", PostgresServer.USER,
                    "hub.audit.chain-key", TestHub.CHAIN_KEY, "hub.data-dir", work.resolve("data").toString());
            HubProcess.Output verify = hubCommand(cli, "audit", "verify");
            assertEquals(0, verify.exit(), verify.out());
            long events = count(url, "SELECT MAX(seq) FROM AUDIT_EVENT");
            assertTrue(verify.out().contains("OK: " + events + " events, chain intact (table AUDIT_EVENT in "),
                    verify.out());
            assertTrue(verify.out().contains("the trail ends at the state store's head (seq " + events + ")"),
                    verify.out());

            HubProcess.Output export = hubCommand(cli, "audit", "export", "--format", "json");
            assertEquals(0, export.exit(), export.out());
            List<String> lines = export.out().lines().filter(line -> line.startsWith("{")).toList();
            assertEquals(events, lines.size());
            assertEquals(1, AuditEvent.fromJsonLine(lines.get(0)).seq());
            assertEquals(lines.get(lines.size() - 1), lineOf(url, events));
        }
    }

    private static boolean hasTrailFiles(Path audit) throws IOException {
        try (var files = Files.list(audit)) {
            return files.anyMatch(f -> f.getFileName().toString().endsWith(".jsonl"));
        }
    }

    private HubProcess.Output hubCommand(Map<String, String> settings, String... args) throws Exception {
        return HubProcess.command(settings, work.resolve("command-" + System.nanoTime() + ".txt"), args);
    }

    private static long count(String url, String sql) throws SQLException {
        try (Connection db = DriverManager.getConnection(url); Statement statement = db.createStatement();
             ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getLong(1);
        }
    }

    private static String lineOf(String url, long seq) throws SQLException {
        try (Connection db = DriverManager.getConnection(url); Statement statement = db.createStatement();
             ResultSet row = statement.executeQuery("SELECT json_line FROM AUDIT_EVENT WHERE seq = " + seq)) {
            row.next();
            return row.getString(1);
        }
    }
}
