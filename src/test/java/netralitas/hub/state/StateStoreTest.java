package netralitas.hub.state;

import netralitas.hub.audit.ChainHead;
import netralitas.hub.audit.ChainHeadTable;
import netralitas.hub.inbox.MailReadFailures;
import netralitas.hub.inbox.MailboxUid;
import netralitas.hub.mail.AcknowledgementQuota;
import netralitas.hub.testing.RefusingPort;
import org.apache.camel.processor.idempotent.jdbc.JdbcMessageIdRepository;
import org.flywaydb.core.api.MigrationVersion;
import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.sql.DataSource;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The state store opens on H2 and on a real PostgreSQL server, with the same migrations and the same SQL (SPEC §11);
 * a store of release 0.1 (tables without migrations) is brought forward with its rows; a newer schema is refused.
 */
class StateStoreTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2024-10-21T02:00:00Z"), ZoneOffset.UTC);
    /** The version of the newest migration on the classpath: what every store is brought to. */
    static final Optional<String> NEWEST = Optional.of(newestMigration());

    @Test
    void aNewEmbeddedStoreIsMigratedOnceAndReopenedAsItIs(@TempDir Path data) throws Exception {
        try (StateStore store = StateStore.embedded(data, 2)) {
            assertEquals(StateStore.Kind.EMBEDDED_H2, store.kind());
            assertEquals(NEWEST, StateSchema.version(store.dataSource(), store.kind()));
            assertEquals(0, StateSchema.migrate(store.dataSource(), store.kind()), "migrations run again");
            assertTrue(store.answers());
        }
        try (StateStore reopened = StateStore.embedded(data, 2)) {
            assertEquals(NEWEST, StateSchema.version(reopened.dataSource(), reopened.kind()));
        }
    }

    @Test
    void aStoreOfRelease01KeepsItsRowsAndIsBroughtForward(@TempDir Path data) throws Exception {
        JdbcConnectionPool old = JdbcConnectionPool.create("jdbc:h2:file:" + data.resolve("state/hub").toAbsolutePath(),
                "hub", "");
        try (Connection connection = old.getConnection(); Statement sql = connection.createStatement()) {
            // The statements release 0.1 ran itself at start.
            sql.execute("CREATE TABLE IF NOT EXISTS CAMEL_MESSAGEPROCESSED (processorName VARCHAR(255) NOT NULL, "
                    + "messageId VARCHAR(100) NOT NULL, createdAt TIMESTAMP, PRIMARY KEY (processorName, messageId))");
            sql.execute("CREATE TABLE IF NOT EXISTS AUDIT_CHAIN_HEAD (id INT PRIMARY KEY CHECK (id = 1),"
                    + " seq BIGINT NOT NULL, hash CHAR(64) NOT NULL, recordedAt TIMESTAMP NOT NULL)");
            sql.execute("INSERT INTO CAMEL_MESSAGEPROCESSED VALUES ('cases', 'NH-20241021-OLD', CURRENT_TIMESTAMP)");
        }
        old.dispose();

        try (StateStore store = StateStore.embedded(data, 2)) {
            assertEquals(NEWEST, StateSchema.version(store.dataSource(), store.kind()));
            assertTrue(ledger(store.dataSource()).contains("NH-20241021-OLD"), "the old ledger's case");
            assertEquals(0, count(store.dataSource(), "DIGEST_QUEUE"), "a table the old file lacked is created");
        }
    }

    @Test
    void aSchemaNewerThanTheHubKnowsIsRefused(@TempDir Path data) throws Exception {
        try (StateStore store = StateStore.embedded(data, 2);
             Connection connection = store.dataSource().getConnection(); Statement sql = connection.createStatement()) {
            sql.execute("INSERT INTO \"flyway_schema_history\" (\"installed_rank\", \"version\", \"description\", \"type\","
                    + " \"script\", \"installed_by\", \"execution_time\", \"success\") VALUES (99, '99', 'from a newer"
                    + " release', 'SQL', 'V99__newer.sql', 'hub', 1, TRUE)");
        }
        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> StateStore.embedded(data, 2));
        assertTrue(refused.getMessage().contains("schema version 99, newer than this hub knows (" + NEWEST.orElseThrow() + ")"),
                refused.getMessage());
    }

    @Test
    void postgresqlServesTheSameTablesThroughTheSameSql() throws Exception {
        try (StateStore store = StateStore.postgresql(PostgresServer.newDatabase(), PostgresServer.USER, null, 4)) {
            assertEquals(StateStore.Kind.POSTGRESQL, store.kind());
            assertEquals(NEWEST, StateSchema.version(store.dataSource(), store.kind()));
            DataSource database = store.dataSource();

            JdbcMessageIdRepository ledger = ledger(database);
            assertTrue(ledger.add("NH-20241021-AAAA"));
            assertFalse(ledger.add("NH-20241021-AAAA"));
            store.requireNotBehind(Optional.of(Instant.now().minusSeconds(60)));

            AcknowledgementQuota quota = new AcknowledgementQuota(database, 2, CLOCK, address -> "key-" + address);
            assertTrue(quota.tryTake("a@example.test"));
            assertTrue(quota.tryTake("a@example.test"));
            assertFalse(quota.tryTake("a@example.test"), "the third acknowledgement of the day");

            MailReadFailures failures = new MailReadFailures(database, 3, Duration.ofMinutes(1), Duration.ofMinutes(4),
                    CLOCK);
            failures.failed("INBOX;UIDVALIDITY=7;UID=42", new IllegalStateException("first"));
            assertEquals(2, failures.failed("INBOX;UIDVALIDITY=7;UID=42", new IllegalStateException("second"))
                    .attempts());
            MailReadFailures afterRestart = new MailReadFailures(database, 3, Duration.ofMinutes(1),
                    Duration.ofMinutes(4), CLOCK);
            assertFalse(afterRestart.isDue(new MailboxUid("INBOX", 7, 42)), "still waiting after a restart");

            ChainHeadTable heads = new ChainHeadTable(database, CLOCK);
            heads.advance(new ChainHead(5, "a".repeat(64)));
            heads.advance(new ChainHead(3, "b".repeat(64)));
            assertEquals(Optional.of(new ChainHead(5, "a".repeat(64))), heads.read(), "the head never goes back");
        }
    }

    @Test
    void anUnreachableServerIsNamedWithoutItsPassword() throws Exception {
        IllegalStateException refused;
        try (RefusingPort port = new RefusingPort()) {
            String url = "jdbc:postgresql://127.0.0.1:" + port.port() + "/hub?password=s3cret";
            refused = assertThrows(IllegalStateException.class, () -> StateStore.postgresql(url, "hub", "s3cret", 2));
        }
        assertTrue(refused.getMessage().startsWith("State store jdbc:postgresql://127.0.0.1:"), refused.getMessage());
        assertTrue(refused.getMessage().contains("cannot be reached"), refused.getMessage());
        assertFalse(refused.getMessage().contains("s3cret"), refused.getMessage());
    }

    @Test
    void onlyAPostgresqlUrlIsTaken() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> StateStore.postgresql("jdbc:mysql://db.example/hub", "hub", null, 2));
        assertTrue(refused.getMessage().contains("jdbc:postgresql://host:5432/database"), refused.getMessage());
    }

    private static JdbcMessageIdRepository ledger(DataSource database) throws Exception {
        JdbcMessageIdRepository ledger = new JdbcMessageIdRepository(database, "cases");
        ledger.setCreateTableIfNotExists(false);
        ledger.start();
        return ledger;
    }

    private static int count(DataSource database, String table) throws Exception {
        try (Connection connection = database.getConnection(); Statement sql = connection.createStatement();
             ResultSet rows = sql.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rows.next();
            return rows.getInt(1);
        }
    }

    private static String newestMigration() {
        try (Stream<Path> files = Files.list(Path.of(StateStoreTest.class.getResource("/db/migration").toURI()))) {
            // SQL migrations and Java ones (V14_1__….class: version 14.1), both compiled into this folder.
            return files.map(f -> f.getFileName().toString()).filter(n -> n.matches("V[\\d_]+__.*\\.(sql|class)"))
                    .map(n -> MigrationVersion.fromVersion(n.substring(1, n.indexOf("__")).replace('_', '.')))
                    .max(Comparator.naturalOrder()).orElseThrow().getVersion();
        } catch (IOException | URISyntaxException e) {
            throw new IllegalStateException("Cannot list the migrations", e);
        }
    }
}
