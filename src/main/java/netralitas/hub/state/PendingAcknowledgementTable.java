package netralitas.hub.state;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import netralitas.hub.inbox.MailRetrySchedule;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Acknowledgements the SMTP server could not take for a transient reason, one row each in table
 * PENDING_ACKNOWLEDGEMENTS of the state store (SPEC §3.3, §11), sent again until the server takes them or
 * {@code giveUpAfter} has passed since the first failure. The delay between tries doubles from {@code firstDelay} up to
 * {@code maxDelay}, so a relay that stays down is asked a few times an hour, not in a loop.
 *
 * <p>Any node may send a due row: {@link #claim} is one UPDATE that matches only a row nobody holds or whose claim ran
 * out (after {@link ClusterNode#takeover()}), as for parked cases. A node that dies between the send and
 * {@link #remove} leaves its claim to run out, and the acknowledgement goes out again: a reporter may get it twice, never
 * not at all.
 */
public final class PendingAcknowledgementTable {

    /**
     * An acknowledgement waiting to be sent again: the mail as it was composed ({@code headers}, its plain
     * {@code text}), who it answers (for the trail's keyed pseudonym), and its tries so far.
     *
     * @param caseId the case it tells of, null for a CSV batch (the trail's case id of its NOTEs)
     */
    public record PendingAcknowledgement(String messageId, String caseId, String mailSource,
                                         Map<String, String> headers, String text, String reporterName,
                                         String reporterAddress, int attempts, Instant firstFailedAt,
                                         String lastFailure) {
    }

    /** What {@code mail_json} holds besides the columns. */
    private record StoredMail(Map<String, String> headers, String text, String reporterName, String reporterAddress) {
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String COLUMNS = "message_id, case_id, mail_source, attempts, first_failed_at, last_failure,"
            + " mail_json";

    private final DataSource dataSource;
    private final Clock clock;
    private final ClusterNode node;
    private final Duration firstDelay;
    private final Duration maxDelay;
    private final Duration giveUpAfter;

    /**
     * @param firstDelay  the wait after the first failure (hub.mail.ack-retry-delay-ms), doubled after each further one
     * @param maxDelay    the longest wait between two tries (hub.mail.ack-max-retry-delay-ms)
     * @param giveUpAfter how long after the first failure the last try may be (hub.mail.ack-give-up-hours)
     */
    public PendingAcknowledgementTable(DataSource dataSource, Clock clock, ClusterNode node, Duration firstDelay,
                                       Duration maxDelay, Duration giveUpAfter) {
        if (firstDelay.isNegative() || maxDelay.compareTo(firstDelay) < 0 || giveUpAfter.isNegative()) {
            throw new IllegalArgumentException("acknowledgement retries need 0 <= first delay (" + firstDelay
                    + ") <= max delay (" + maxDelay + ") and a time to give up of 0 or more (" + giveUpAfter + ")");
        }
        this.dataSource = dataSource;
        this.clock = clock;
        this.node = node;
        this.firstDelay = firstDelay;
        this.maxDelay = maxDelay;
        this.giveUpAfter = giveUpAfter;
    }

    /**
     * Keeps an acknowledgement the server did not take, due after the first delay; returns when. The same Message-ID
     * kept again (the same report read again before the first was sent) replaces the row: the reporter is told the
     * latest outcome, once.
     */
    public Instant keep(String messageId, String caseId, String mailSource, Map<String, String> headers, String text,
                        String reporterName, String reporterAddress, String failure) throws SQLException {
        Instant now = clock.instant();
        Instant due = now.plus(firstDelay);
        String json = write(new StoredMail(new LinkedHashMap<>(headers), text, reporterName, reporterAddress));
        Transaction.run(dataSource, connection -> {
            try (PreparedStatement delete = connection.prepareStatement(
                    "DELETE FROM PENDING_ACKNOWLEDGEMENTS WHERE message_id = ?")) {
                delete.setString(1, messageId);
                delete.executeUpdate();
            }
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO PENDING_ACKNOWLEDGEMENTS ("
                    + COLUMNS + ", due_at) VALUES (?, ?, ?, 1, ?, ?, ?, ?)")) {
                insert.setString(1, messageId);
                insert.setString(2, caseId);
                insert.setString(3, mailSource);
                insert.setObject(4, utc(now));
                insert.setString(5, failure);
                insert.setString(6, json);
                insert.setObject(7, utc(due));
                insert.executeUpdate();
            }
            return null;
        });
        return due;
    }

    /** Message-IDs of at most {@code max} rows that are due and free to claim now, longest waiting first. */
    public List<String> due(int max) throws SQLException {
        OffsetDateTime now = utc(clock.instant());
        List<String> ids = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT message_id FROM PENDING_ACKNOWLEDGEMENTS"
                     + " WHERE due_at <= ? AND (claimed_until IS NULL OR claimed_until < ?)"
                     + " ORDER BY first_failed_at, message_id LIMIT ?")) {
            select.setObject(1, now);
            select.setObject(2, now);
            select.setInt(3, max);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getString(1));
                }
            }
        }
        return ids;
    }

    /**
     * Claims the row for this node if it is due and nobody holds it (or the claim ran out). Returns it, or null when
     * it is gone, not due, or another node won it.
     *
     * @throws IllegalStateException naming the row when its JSON cannot be read (the claim stays, so the row is tried
     *                               again only after the takeover time)
     */
    public PendingAcknowledgement claim(String messageId) throws SQLException {
        Instant now = clock.instant();
        try (Connection connection = dataSource.getConnection()) {
            try (PreparedStatement update = connection.prepareStatement("UPDATE PENDING_ACKNOWLEDGEMENTS SET"
                    + " claimed_by = ?, claimed_until = ? WHERE message_id = ? AND due_at <= ?"
                    + " AND (claimed_until IS NULL OR claimed_until < ?)")) {
                update.setString(1, node.id());
                update.setObject(2, utc(now.plus(node.takeover())));
                update.setString(3, messageId);
                update.setObject(4, utc(now));
                update.setObject(5, utc(now));
                if (update.executeUpdate() != 1) {
                    return null;
                }
            }
            try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS
                    + " FROM PENDING_ACKNOWLEDGEMENTS WHERE message_id = ?")) {
                select.setString(1, messageId);
                try (ResultSet row = select.executeQuery()) {
                    return row.next() ? read(row) : null;
                }
            }
        }
    }

    /**
     * A try of an acknowledgement this node claimed failed again for a transient reason. Returns when it is due next,
     * or null when {@code giveUpAfter} has passed since its first failure: then its row is gone, and the caller tells
     * the trail.
     */
    public Instant failedAgain(PendingAcknowledgement pending, String failure) throws SQLException {
        Instant now = clock.instant();
        if (!now.isBefore(pending.firstFailedAt().plus(giveUpAfter))) {
            remove(pending.messageId());
            return null;
        }
        int attempts = pending.attempts() + 1;
        Instant due = now.plus(MailRetrySchedule.delay(firstDelay, maxDelay, attempts));
        if (due.isAfter(pending.firstFailedAt().plus(giveUpAfter))) {
            // One last try at the deadline rather than none: the relay may be back by then.
            due = pending.firstFailedAt().plus(giveUpAfter);
        }
        try (Connection connection = dataSource.getConnection();
             PreparedStatement update = connection.prepareStatement("UPDATE PENDING_ACKNOWLEDGEMENTS SET attempts = ?,"
                     + " last_failure = ?, due_at = ?, claimed_by = NULL, claimed_until = NULL"
                     + " WHERE message_id = ? AND claimed_by = ?")) {
            update.setInt(1, attempts);
            update.setString(2, failure);
            update.setObject(3, utc(due));
            update.setString(4, pending.messageId());
            update.setString(5, node.id());
            update.executeUpdate();
        }
        return due;
    }

    /** Every waiting acknowledgement, longest waiting first. */
    public List<PendingAcknowledgement> list() throws SQLException {
        List<PendingAcknowledgement> pending = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS
                     + " FROM PENDING_ACKNOWLEDGEMENTS ORDER BY first_failed_at, message_id");
             ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                pending.add(read(rows));
            }
        }
        return pending;
    }

    /**
     * The acknowledgement was sent, or will not be (refused for good, or it cannot be sent at all): its row, and the
     * reporter's address with it, goes. Returns whether it went.
     */
    public boolean remove(String messageId) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement delete = connection.prepareStatement(
                     "DELETE FROM PENDING_ACKNOWLEDGEMENTS WHERE message_id = ?")) {
            delete.setString(1, messageId);
            return delete.executeUpdate() == 1;
        }
    }

    private static PendingAcknowledgement read(ResultSet row) throws SQLException {
        String messageId = row.getString(1);
        StoredMail mail;
        try {
            mail = JSON.readValue(row.getString(7), StoredMail.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Pending acknowledgement " + messageId
                    + " in PENDING_ACKNOWLEDGEMENTS cannot be read: " + e.getOriginalMessage(), e);
        }
        return new PendingAcknowledgement(messageId, row.getString(2), row.getString(3),
                Collections.unmodifiableMap(new LinkedHashMap<>(mail.headers())),
                mail.text(), mail.reporterName(), mail.reporterAddress(), row.getInt(4),
                row.getObject(5, OffsetDateTime.class).toInstant(), row.getString(6));
    }

    private static String write(StoredMail mail) {
        try {
            return JSON.writeValueAsString(mail);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("An acknowledgement could not be written as JSON", e);
        }
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
