package netralitas.hub.app;

import org.h2.jdbcx.JdbcConnectionPool;
import netralitas.hub.state.MigratedH2;
import netralitas.hub.audit.AuditEventType;
import netralitas.hub.audit.AuditTrail;
import netralitas.hub.audit.ChainHead;
import netralitas.hub.audit.ChainHeadRecorder;
import netralitas.hub.audit.ChainHeadTable;
import netralitas.hub.audit.ChainKey;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code java -jar netralitas-hub.jar audit verify} finds what the hub wrote: the chain key (in embedded mode the one it
 * generated under hub.data-dir, else HUB_AUDIT_CHAIN_KEY), and the head in the state store, read without changing it.
 */
class AuditCommandLineTest {

    private static final String KEY = "0123456789abcdef".repeat(4);

    @TempDir
    Path home;

    private ChainHead written;

    @BeforeEach
    void aTrailAndItsStateStore() throws Exception {
        Files.createDirectories(home.resolve("config"));
        Path data = home.resolve("data");
        JdbcConnectionPool state = MigratedH2.inFile(data.resolve("state/hub"));
        ChainHeadTable heads = new ChainHeadTable(state, Clock.systemUTC());
        heads.advance(ChainHead.EMPTY);
        try (AuditTrail trail = AuditTrail.open(data.resolve("audit"), Clock.systemDefaultZone(), ChainKey.of(KEY),
                new ChainHeadRecorder(heads, ChainHead.EMPTY, message -> { }))) {
            trail.append(null, AuditEventType.NOTE, null, "hub", Map.of("reason", "start"));
            trail.append(null, AuditEventType.NOTE, null, "hub", Map.of("reason", "stop"));
            written = trail.head();
        }
        try (Connection connection = state.getConnection(); Statement sql = connection.createStatement()) {
            sql.execute("SHUTDOWN");
        }
        state.dispose();
    }

    private void settings(String... lines) throws Exception {
        Files.writeString(home.resolve("config/application.properties"), "hub.data-dir = data\nhub.config-dir = config\n"
                + String.join("\n", lines) + "\n");
    }

    @Test
    void inEmbeddedModeTheGeneratedKeyIsFoundAndTheHeadIsCompared() throws Exception {
        settings("hub.embedded = true");
        Files.writeString(home.resolve("data/state/embedded-audit-chain.key"), KEY + "\n");

        CommandLine verify = CommandLine.run(home, "audit", "verify");
        assertEquals(0, verify.exit(), verify.err());
        assertTrue(verify.out().startsWith("OK: 2 events, chain intact"), verify.out());
        assertTrue(verify.out().contains("Head: seq 2, hash " + written.hash()), verify.out());
        assertTrue(verify.out().contains("State store: the trail ends at the state store's head (seq 2)"), verify.out());

        CommandLine pseudonym = CommandLine.run(home, "audit", "pseudonym", "<a@b.example>");
        assertEquals(ChainKey.of(KEY).messageIdPseudonym("<a@b.example>"), pseudonym.out().strip());
    }

    @Test
    void withoutTheKeyTheCommandSaysWhichSettingItNeeds() throws Exception {
        settings("hub.embedded = false");
        CommandLine verify = CommandLine.run(home, "audit", "verify");
        assertEquals(2, verify.exit());
        assertTrue(verify.err().contains("set HUB_AUDIT_CHAIN_KEY (hub.audit.chain-key) to the hub's chain key"),
                verify.err());
    }

    @Test
    void aKeyTooShortIsRefusedByName() throws Exception {
        settings("hub.embedded = false", "hub.audit.chain-key = pendek");
        CommandLine verify = CommandLine.run(home, "audit", "verify");
        assertEquals(2, verify.exit());
        assertTrue(verify.err().startsWith("hub.audit.chain-key (HUB_AUDIT_CHAIN_KEY): The audit chain key must be at"
                + " least 32 bytes"), verify.err());
    }
}
