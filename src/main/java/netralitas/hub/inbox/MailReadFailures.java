package netralitas.hub.inbox;

import netralitas.hub.text.FailureText;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Messages of the mailboxes the hub reads that failed (SPEC §3.2, §12): the mail library could not load them, or a step
 * of the hub broke on them. Each failure is one attempt; the next is due after a delay that doubles from
 * {@code firstDelay} up to {@code maxDelay}, so a message that always fails is never read in a tight loop; after
 * {@code maxFailures} attempts the message is given up on and quarantined unread.
 *
 * <p>One row per message in the hub's state database (table MAIL_READ_FAILURES), keyed by mailbox (the report mailbox,
 * or the follow-up mailbox of SPEC §12), folder, UIDVALIDITY and UID:
 * a restart neither forgets how often a message failed nor makes it due at once. The row is bounded (a counter, two
 * instants, the last error cut to {@link #MAX_ERROR_CHARS}) and is removed once the message has left the folder.
 * Lookups are served from memory: the search term asks for every message of every poll.
 */
public final class MailReadFailures {

    /** What is kept of the library's or the hub's error: enough to name the cause, never the whole message. */
    public static final int MAX_ERROR_CHARS = 500;

    /** The failures of one message so far. */
    public record Failure(MailboxUid message, int attempts, int maxAttempts, Instant nextAttempt, String error) {

        /** No attempt is left: the message is quarantined instead of read again. */
        public boolean exhausted() {
            return attempts >= maxAttempts;
        }
    }

    /** SQLSTATE of a duplicate key, the same in H2 and PostgreSQL. */
    private static final String UNIQUE_VIOLATION = "23505";

    private final DataSource database;
    private final int maxFailures;
    private final Duration firstDelay;
    private final Duration maxDelay;
    private final Clock clock;
    private final Map<MailboxUid, Failure> failures = new ConcurrentHashMap<>();

    public MailReadFailures(DataSource database, int maxFailures, Duration firstDelay, Duration maxDelay, Clock clock)
            throws SQLException {
        if (maxFailures < 1) {
            throw new IllegalArgumentException("hub.imap.max-read-failures must be at least 1: " + maxFailures);
        }
        this.database = database;
        this.maxFailures = maxFailures;
        this.firstDelay = firstDelay;
        this.maxDelay = maxDelay;
        this.clock = Objects.requireNonNull(clock, "clock");
        load();
    }

    private void load() throws SQLException {
        try (Connection connection = database.getConnection(); Statement sql = connection.createStatement();
             ResultSet rows = sql.executeQuery(
                     "SELECT mailbox, folder, uid_validity, uid, attempts, next_attempt, last_error FROM MAIL_READ_FAILURES")) {
            while (rows.next()) {
                MailboxUid message = new MailboxUid(rows.getString(1), rows.getString(2), rows.getLong(3),
                        rows.getLong(4));
                failures.put(message, new Failure(message, rows.getInt(5), maxFailures,
                        rows.getTimestamp(6).toInstant(), rows.getString(7)));
            }
        }
    }

    /**
     * Counts one more failed attempt of {@code message} (written as {@link MailboxUid#toString()}) and returns the
     * message's failures so far. The count is kept in memory before it is written, so that the message backs off even
     * when the state database itself is what failed.
     */
    public Failure failed(String message, Throwable cause) throws SQLException {
        MailboxUid key = MailboxUid.parse(message);
        String error = describe(cause);
        Failure failure = failures.compute(key, (k, previous) -> {
            int attempts = previous == null ? 1 : previous.attempts() + 1;
            return new Failure(key, attempts, maxFailures,
                    clock.instant().plus(MailRetrySchedule.delay(firstDelay, maxDelay, attempts)), error);
        });
        try (Connection connection = database.getConnection()) {
            if (update(connection, failure) == 0) {
                try (PreparedStatement insert = connection.prepareStatement("INSERT INTO MAIL_READ_FAILURES (attempts,"
                        + " next_attempt, last_error, mailbox, folder, uid_validity, uid) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                    bind(insert, failure);
                    insert.executeUpdate();
                } catch (SQLException e) {
                    // Another hub node recorded the message's first failure at the same moment.
                    if (!UNIQUE_VIOLATION.equals(e.getSQLState())) {
                        throw e;
                    }
                    update(connection, failure);
                }
            }
        }
        return failure;
    }

    private static int update(Connection connection, Failure failure) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE MAIL_READ_FAILURES SET attempts = ?,"
                + " next_attempt = ?, last_error = ? WHERE mailbox = ? AND folder = ? AND uid_validity = ? AND uid = ?")) {
            bind(update, failure);
            return update.executeUpdate();
        }
    }

    private static void bind(PreparedStatement statement, Failure failure) throws SQLException {
        statement.setInt(1, failure.attempts());
        statement.setTimestamp(2, Timestamp.from(failure.nextAttempt()));
        statement.setString(3, failure.error());
        statement.setString(4, failure.message().mailbox());
        statement.setString(5, failure.message().folder());
        statement.setLong(6, failure.message().uidValidity());
        statement.setLong(7, failure.message().uid());
    }

    /** Whether {@code message} may be read now: it never failed, or its delay has passed. */
    public boolean isDue(MailboxUid message) {
        Failure failure = failures.get(message);
        return failure == null || !clock.instant().isBefore(failure.nextAttempt());
    }

    /** The failures of a message that used up its attempts, which is to be quarantined unread; else null. */
    public Failure exhausted(String message) {
        Failure failure = failures.get(MailboxUid.parse(message));
        return failure != null && failure.exhausted() ? failure : null;
    }

    /** The failures of {@code message} so far, if any. */
    public Optional<Failure> of(MailboxUid message) {
        return Optional.ofNullable(failures.get(message));
    }

    /**
     * Forgets the messages of {@code folder} of {@code mailbox} that are no longer in it (handled, moved by someone,
     * or the folder was recreated with another UIDVALIDITY): the table holds at most one row per message the folder
     * holds. The other mailbox's folder of the same name is not touched.
     */
    public void retainPresent(String mailbox, String folder, long uidValidity, Set<Long> presentUids)
            throws SQLException {
        List<MailboxUid> gone = new ArrayList<>();
        for (MailboxUid message : failures.keySet()) {
            if (message.mailbox().equals(mailbox) && message.folder().equals(folder)
                    && (message.uidValidity() != uidValidity || !presentUids.contains(message.uid()))) {
                gone.add(message);
            }
        }
        if (gone.isEmpty()) {
            return;
        }
        try (Connection connection = database.getConnection();
             PreparedStatement delete = connection.prepareStatement(
                     "DELETE FROM MAIL_READ_FAILURES WHERE mailbox = ? AND folder = ? AND uid_validity = ? AND uid = ?")) {
            for (MailboxUid message : gone) {
                delete.setString(1, message.mailbox());
                delete.setString(2, message.folder());
                delete.setLong(3, message.uidValidity());
                delete.setLong(4, message.uid());
                delete.addBatch();
            }
            delete.executeBatch();
        }
        gone.forEach(failures::remove);
    }

    public int maxFailures() {
        return maxFailures;
    }

    /** The error as the row keeps it: one bounded line of the exception's chain ({@link FailureText#chain}). */
    static String describe(Throwable cause) {
        return FailureText.chain(cause, MAX_ERROR_CHARS);
    }
}
