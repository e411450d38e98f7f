package netralitas.hub.mail;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * The report emails that got their acknowledgement (SPEC §3.3: one per report), one row per message in table
 * ACKNOWLEDGED_MAIL of the state store, so that a message read again after a restart, or a second copy of it in the
 * mailbox, is not answered again. A message is known by the case id its acknowledgement named and the keyed pseudonym
 * of its Message-ID, never by the Message-ID or the sender's address.
 */
public final class AcknowledgedMail {

    private static final Logger LOG = LoggerFactory.getLogger(AcknowledgedMail.class);
    /** SQLSTATE of a duplicate key, the same in H2 and PostgreSQL. */
    private static final String UNIQUE_VIOLATION = "23505";

    private final DataSource dataSource;
    private final Clock clock;
    private final UnaryOperator<String> messageKey;

    /**
     * @param messageKey turns what the audit trail names a message by (its folder, UID and Message-ID pseudonym) into
     *                   the key stored: the pseudonym alone, the same for every copy of the message in any folder; at
     *                   most 64 characters
     */
    public AcknowledgedMail(DataSource dataSource, Clock clock, UnaryOperator<String> messageKey) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.messageKey = Objects.requireNonNull(messageKey, "messageKey");
    }

    /** Whether the message the trail names {@code mailSource} was acknowledged, as case {@code caseId}. */
    public boolean contains(String caseId, String mailSource) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "SELECT 1 FROM ACKNOWLEDGED_MAIL WHERE case_id = ? AND message = ?")) {
            select.setString(1, caseId);
            select.setString(2, messageKey.apply(mailSource));
            try (ResultSet row = select.executeQuery()) {
                return row.next();
            }
        }
    }

    /**
     * The SMTP server took the acknowledgement of that message. Best effort, as the acknowledgement itself: the mail is
     * gone, and a store that fails now must not make the hub report it unsent or send it again; the price is a second
     * acknowledgement if the message is read again.
     */
    public void record(String caseId, String mailSource) {
        String message = messageKey.apply(mailSource);
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement("INSERT INTO ACKNOWLEDGED_MAIL"
                     + " (case_id, message, acknowledged_at) SELECT ?, ?, ? WHERE NOT EXISTS"
                     + " (SELECT 1 FROM ACKNOWLEDGED_MAIL WHERE case_id = ? AND message = ?)")) {
            insert.setString(1, caseId);
            insert.setString(2, message);
            insert.setObject(3, clock.instant().atOffset(ZoneOffset.UTC));
            insert.setString(4, caseId);
            insert.setString(5, message);
            insert.executeUpdate();
        } catch (SQLException e) {
            // Another node recorded the same message at the same moment: it is recorded.
            if (!UNIQUE_VIOLATION.equals(e.getSQLState())) {
                LOG.warn("Acknowledgement of case {} ({}) sent but not recorded in ACKNOWLEDGED_MAIL ({}): the message"
                        + " would be acknowledged again if it were read again", caseId, mailSource, e.getMessage());
            }
        }
    }
}
