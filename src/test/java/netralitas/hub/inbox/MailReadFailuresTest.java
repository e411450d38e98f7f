package netralitas.hub.inbox;

import netralitas.hub.state.MigratedH2;
import jakarta.mail.FolderClosedException;
import jakarta.mail.MessagingException;
import netralitas.hub.testing.MutableClock;
import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MailReadFailuresTest {

    private static final String FIRST = "INBOX;UIDVALIDITY=1730000000;UID=7";
    private static final String SECOND = "INBOX;UIDVALIDITY=1730000000;UID=8";

    private final MutableClock clock = new MutableClock(Instant.parse("2024-11-05T02:00:00Z"));
    @TempDir
    Path dataDir;
    private JdbcConnectionPool database;

    @AfterEach
    void close() {
        if (database != null) {
            database.dispose();
        }
    }

    private MailReadFailures failures() throws SQLException {
        if (database == null) {
            database = MigratedH2.inFile(dataDir.resolve("state"));
        }
        return new MailReadFailures(database, 3, Duration.ofMinutes(1), Duration.ofMinutes(3), clock);
    }

    @Test
    void aMessageThatNeverFailedIsDueAndNotGivenUp() throws Exception {
        MailReadFailures failures = failures();
        assertTrue(failures.isDue(MailboxUid.parse(FIRST)));
        assertNull(failures.exhausted(FIRST));
    }

    @Test
    void eachFailureWaitsTwiceAsLongUpToTheBoundAndTheLastOneGivesUp() throws Exception {
        MailReadFailures failures = failures();
        Instant start = clock.instant();
        MailReadFailures.Failure first = failures.failed(FIRST, new MessagingException("Failed to load IMAP envelope"));
        assertEquals(1, first.attempts());
        assertEquals(start.plus(Duration.ofMinutes(1)), first.nextAttempt());
        assertFalse(first.exhausted());
        assertFalse(failures.isDue(MailboxUid.parse(FIRST)));
        assertTrue(failures.isDue(MailboxUid.parse(SECOND)), "another message is not held back");

        clock.advance(Duration.ofMinutes(1));
        assertTrue(failures.isDue(MailboxUid.parse(FIRST)));
        assertEquals(clock.instant().plus(Duration.ofMinutes(2)), failures.failed(FIRST, new IOException("x")).nextAttempt());
        clock.advance(Duration.ofMinutes(2));
        MailReadFailures.Failure third = failures.failed(FIRST, new IOException("y"));
        assertEquals(clock.instant().plus(Duration.ofMinutes(3)), third.nextAttempt(), "4 minutes, cut to the bound");
        assertTrue(third.exhausted());
        assertEquals(third, failures.exhausted(FIRST));
        assertEquals("IOException: y", third.error());
    }

    @Test
    void theCountSurvivesARestart() throws Exception {
        failures().failed(FIRST, new IOException("first"));
        failures().failed(FIRST, new IOException("second"));
        MailReadFailures afterRestart = failures();
        MailReadFailures.Failure failure = afterRestart.of(MailboxUid.parse(FIRST)).orElseThrow();
        assertEquals(2, failure.attempts());
        assertEquals("IOException: second", failure.error());
        assertFalse(afterRestart.isDue(MailboxUid.parse(FIRST)), "its delay is not forgotten either");
        assertTrue(afterRestart.failed(FIRST, new IOException("third")).exhausted());
    }

    @Test
    void messagesNoLongerInTheFolderAreForgotten() throws Exception {
        MailReadFailures failures = failures();
        failures.failed(FIRST, new IOException("a"));
        failures.failed(SECOND, new IOException("b"));
        failures.failed("Arsip;UIDVALIDITY=5;UID=7", new IOException("c"));
        failures.retainPresent(MailboxUid.REPORT, "INBOX", 1730000000L, Set.of(8L));
        assertTrue(failures.of(MailboxUid.parse(FIRST)).isEmpty());
        assertTrue(failures.of(MailboxUid.parse(SECOND)).isPresent());
        assertTrue(failures.of(MailboxUid.parse("Arsip;UIDVALIDITY=5;UID=7")).isPresent(), "another folder is not touched");
        // The folder was recreated: its UIDs now name other messages.
        failures.retainPresent(MailboxUid.REPORT, "INBOX", 1730000999L, Set.of(8L));
        assertTrue(failures().of(MailboxUid.parse(SECOND)).isEmpty(), "forgotten in the database too");
    }

    @Test
    void theErrorKeptIsOneBoundedLineNamingTheRootCause() throws Exception {
        MailReadFailures failures = failures();
        String huge = "baris satu\r\nbaris dua " + "x".repeat(5000);
        MailReadFailures.Failure failure = failures.failed(FIRST, new RuntimeException(new MessagingException(huge)));
        assertTrue(failure.error().startsWith("RuntimeException <- MessagingException: baris satu"), failure.error());
        assertFalse(failure.error().contains("\n") || failure.error().contains("\r"), failure.error());
        assertTrue(failure.error().length() <= MailReadFailures.MAX_ERROR_CHARS, String.valueOf(failure.error().length()));
        assertEquals("IOException <- FolderClosedException",
                MailReadFailures.describe(new IOException(new FolderClosedException(null))));
    }

    @Test
    void atLeastOneAttempt() {
        assertThrows(IllegalArgumentException.class,
                () -> new MailReadFailures(null, 0, Duration.ofMinutes(1), Duration.ofMinutes(3), clock));
    }
}
