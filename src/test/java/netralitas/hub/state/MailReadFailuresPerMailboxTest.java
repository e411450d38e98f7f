package netralitas.hub.state;

import netralitas.hub.inbox.MailReadFailures;
import netralitas.hub.inbox.MailboxUid;
import netralitas.hub.testing.MutableClock;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;
import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.postgresql.ds.PGSimpleDataSource;

import javax.sql.DataSource;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * MAIL_READ_FAILURES with two mailboxes (SPEC §12): the report mailbox and the follow-up mailbox may both have an INBOX
 * with the same UIDVALIDITY and UIDs, and their failures must never be taken for each other's; the rows an install
 * kept before migration V12 stay the report mailbox's. On both stores.
 */
class MailReadFailuresPerMailboxTest {

    private static final String REPORT = "INBOX;UIDVALIDITY=1730000000;UID=7";
    private static final String REPLY = "INBOX;UIDVALIDITY=1730000000;UID=7;MAILBOX=followup";

    private final MutableClock clock = new MutableClock(Instant.parse("2024-11-05T02:00:00Z"));

    @TempDir
    Path dataDir;

    @ParameterizedTest
    @EnumSource(StateStore.Kind.class)
    void theSameUidInTheTwoMailboxesIsTwoMessages(StateStore.Kind kind) throws Exception {
        try (StateStore store = FreshStores.open(kind, dataDir)) {
            MailReadFailures failures = failures(store.dataSource());
            failures.failed(REPORT, new IOException("report"));
            failures.failed(REPORT, new IOException("report again"));
            assertEquals(1, failures.failed(REPLY, new IOException("reply")).attempts(), "its own count");
            assertTrue(failures.isDue(new MailboxUid(MailboxUid.FOLLOW_UP, "INBOX", 1730000000L, 8)));

            MailReadFailures afterRestart = failures(store.dataSource());
            assertEquals(2, afterRestart.of(MailboxUid.parse(REPORT)).orElseThrow().attempts());
            assertEquals("IOException: reply", afterRestart.of(MailboxUid.parse(REPLY)).orElseThrow().error());

            // UID 7 left the report mailbox's INBOX; the follow-up mailbox's INBOX still holds its own UID 7.
            afterRestart.retainPresent(MailboxUid.REPORT, "INBOX", 1730000000L, Set.of());
            MailReadFailures again = failures(store.dataSource());
            assertTrue(again.of(MailboxUid.parse(REPORT)).isEmpty());
            assertTrue(again.of(MailboxUid.parse(REPLY)).isPresent(), "the other mailbox is not touched");
        }
    }

    @Test
    void aRowKeptBeforeV12StaysTheReportMailboxsOnH2() throws Exception {
        JdbcConnectionPool pool = JdbcConnectionPool.create("jdbc:h2:file:" + dataDir.resolve("state").toAbsolutePath(),
                "hub", "");
        try {
            aRowKeptBeforeV12StaysTheReportMailboxs(pool, StateStore.Kind.EMBEDDED_H2);
        } finally {
            pool.dispose();
        }
    }

    @Test
    void aRowKeptBeforeV12StaysTheReportMailboxsOnPostgresql() throws Exception {
        PGSimpleDataSource database = new PGSimpleDataSource();
        database.setUrl(PostgresServer.newDatabase());
        database.setUser(PostgresServer.USER);
        aRowKeptBeforeV12StaysTheReportMailboxs(database, StateStore.Kind.POSTGRESQL);
    }

    private void aRowKeptBeforeV12StaysTheReportMailboxs(DataSource database, StateStore.Kind kind) throws Exception {
        // The last version before V12, whichever that is on this branch.
        MigrationVersion beforeV12 = Arrays.stream(flyway(database, kind).load().info().all())
                .map(MigrationInfo::getVersion).filter(v -> v.isNewerThan("0") && !v.isAtLeast("12"))
                .max(MigrationVersion::compareTo).orElseThrow();
        flyway(database, kind).target(beforeV12).load().migrate();
        try (Connection connection = database.getConnection(); Statement sql = connection.createStatement()) {
            sql.executeUpdate("INSERT INTO MAIL_READ_FAILURES (folder, uid_validity, uid, attempts, next_attempt,"
                    + " last_error) VALUES ('INBOX', 1730000000, 7, 4, TIMESTAMP WITH TIME ZONE"
                    + " '2024-11-05 03:00:00+00', 'MessagingException: Failed to load IMAP envelope')");
        }

        StateSchema.migrate(database, kind);

        MailReadFailures failures = failures(database);
        MailReadFailures.Failure kept = failures.of(MailboxUid.parse(REPORT)).orElseThrow();
        assertEquals(4, kept.attempts());
        assertEquals(Instant.parse("2024-11-05T03:00:00Z"), kept.nextAttempt());
        assertFalse(failures.isDue(MailboxUid.parse(REPORT)), "still waiting after the upgrade");
        assertTrue(failures.of(MailboxUid.parse(REPLY)).isEmpty());
        assertEquals(5, failures.failed(REPORT, new IOException("again")).attempts(), "counted on, not again from one");
    }

    /** The hub's own migrations, stopped at a version (StateSchema always migrates to the last). */
    private static org.flywaydb.core.api.configuration.FluentConfiguration flyway(DataSource database,
                                                                              StateStore.Kind kind) {
        return Flyway.configure().dataSource(database).locations("classpath:db/migration")
                .placeholders(kind == StateStore.Kind.POSTGRESQL ? Map.of("binary", "BYTEA", "text", "TEXT")
                        : Map.of("binary", "VARBINARY(1000000)", "text", "CHARACTER LARGE OBJECT"))
                .baselineOnMigrate(true).baselineVersion("0");
    }

    private MailReadFailures failures(DataSource database) throws Exception {
        return new MailReadFailures(database, 5, Duration.ofMinutes(1), Duration.ofMinutes(4), clock);
    }
}
