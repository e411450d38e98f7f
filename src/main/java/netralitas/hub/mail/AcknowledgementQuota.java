package netralitas.hub.mail;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * How many acknowledgements each sender got today (SPEC §3.3, {@code hub.mail.ack-max-per-sender-per-day}), one row
 * per sender and day in the hub's state database: a restart must not hand a flooding sender a fresh allowance. The
 * table holds a keyed pseudonym of the address, never the address, and only today's rows: older days are deleted on
 * the first acknowledgement of a new day.
 */
public final class AcknowledgementQuota {

    /** SQLSTATE of a duplicate key, the same in H2 and PostgreSQL. */
    private static final String UNIQUE_VIOLATION = "23505";

    private final DataSource dataSource;
    private final int maxPerDay;
    private final Clock clock;
    private final UnaryOperator<String> senderKey;
    private LocalDate prunedOn;

    /**
     * @param senderKey turns an address into the key stored (a keyed pseudonym); at most 64 characters
     */
    public AcknowledgementQuota(DataSource dataSource, int maxPerDay, Clock clock, UnaryOperator<String> senderKey) {
        if (maxPerDay < 1) {
            throw new IllegalArgumentException("hub.mail.ack-max-per-sender-per-day must be at least 1: " + maxPerDay);
        }
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.maxPerDay = maxPerDay;
        this.clock = Objects.requireNonNull(clock, "clock");
        this.senderKey = Objects.requireNonNull(senderKey, "senderKey");
    }

    public int maxPerDay() {
        return maxPerDay;
    }

    /**
     * Counts one acknowledgement to {@code address} today and returns true, or returns false (and counts nothing) when
     * the address already had {@link #maxPerDay()} today. Counted before sending: an attempt the server refuses still
     * counts, or a sender could have the hub try without end.
     */
    public synchronized boolean tryTake(String address) throws SQLException {
        LocalDate today = LocalDate.now(clock);
        String key = senderKey.apply(address);
        try (Connection connection = dataSource.getConnection()) {
            if (!today.equals(prunedOn)) {
                try (PreparedStatement prune = connection.prepareStatement("DELETE FROM ACK_SENDER_DAY WHERE ack_day < ?")) {
                    prune.setDate(1, Date.valueOf(today));
                    prune.executeUpdate();
                }
                prunedOn = today;
            }
            if (increment(connection, key, today)) {
                return true;
            }
            try (PreparedStatement first = connection.prepareStatement(
                    "INSERT INTO ACK_SENDER_DAY (sender, ack_day, acks) SELECT ?, ?, 1 WHERE NOT EXISTS "
                            + "(SELECT 1 FROM ACK_SENDER_DAY WHERE sender = ? AND ack_day = ?)")) {
                first.setString(1, key);
                first.setDate(2, Date.valueOf(today));
                first.setString(3, key);
                first.setDate(4, Date.valueOf(today));
                return first.executeUpdate() == 1;
            } catch (SQLException e) {
                // Another hub node counted the sender's first acknowledgement of the day at the same moment.
                if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
                    return increment(connection, key, today);
                }
                throw e;
            }
        }
    }

    private boolean increment(Connection connection, String key, LocalDate today) throws SQLException {
        try (PreparedStatement increment = connection.prepareStatement(
                "UPDATE ACK_SENDER_DAY SET acks = acks + 1 WHERE sender = ? AND ack_day = ? AND acks < ?")) {
            increment.setString(1, key);
            increment.setDate(2, Date.valueOf(today));
            increment.setInt(3, maxPerDay);
            return increment.executeUpdate() == 1;
        }
    }
}
