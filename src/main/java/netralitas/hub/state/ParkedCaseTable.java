package netralitas.hub.state;

import netralitas.hub.cases.CaseJson;
import netralitas.hub.cases.ViolationCase;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The cases the pipeline set aside, one row each in table PARKED_CASES of the state store (SPEC §11), so that nothing
 * is lost and an operator can read them with plain SQL: deferred cases (BKN or SMTP unavailable; taken back once due)
 * and dead letters (failed for a reason waiting will not cure; taken back once the {@code replay} command asked for
 * it). The case is kept as {@link CaseJson}.
 *
 * <p>Any node sharing the store may take a row back: {@link #claim} is one UPDATE that matches only a row nobody holds
 * or whose claim ran out ({@link ClusterNode#takeover()} after it was made), so exactly one node wins it, and the row of
 * a node that died is taken over later. The winner removes the row ({@link #release}) once intake completed; a case
 * parked again meanwhile has had its row replaced and its claim cleared, and keeps it. Claims are dated by this node's
 * clock: nodes must keep their clocks in step (NTP), by a good deal less than the takeover time.
 */
public final class ParkedCaseTable {

    /** Why a case is parked, and so which way it comes back. */
    public enum Kind {
        DEFERRED("deferred"),
        DEAD_LETTER("dead letter");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        /** How the log and the audit trail name a row of this kind: {@code deferred NH-…}. */
        public String rowName(String caseId) {
            return label + " " + caseId;
        }
    }

    /** A row as an operator sees it (without the case itself). */
    public record ParkedCase(String caseId, Kind kind, String reason, Instant parkedAt, Optional<Instant> dueAt,
                             Optional<String> claimedBy) {
    }

    /** SQLSTATE of a duplicate key, the same in H2 and PostgreSQL: the case was parked at the same moment. */
    private static final String UNIQUE_VIOLATION = "23505";
    private static final String NO_REASON = "unknown";
    /** Rounds of update-else-insert before parking gives up: each lost round means another node wrote the row. */
    private static final int PARK_ATTEMPTS = 3;

    private final DataSource dataSource;
    private final Clock clock;
    private final ClusterNode node;
    private final Duration retryDelay;

    /**
     * @param dataSource the state store, whose schema has table PARKED_CASES
     * @param retryDelay how long a deferred case waits before it is due again (hub.deferred.retry-delay-ms)
     */
    public ParkedCaseTable(DataSource dataSource, Clock clock, ClusterNode node, Duration retryDelay) {
        this.dataSource = dataSource;
        this.clock = clock;
        this.node = node;
        this.retryDelay = retryDelay;
    }

    /**
     * Parks the case now: a deferred case is due after the retry delay, a dead letter when {@code replay} asks for it.
     * Parking a case again replaces its row (and clears any claim on it). Returns the row's name, {@code deferred NH-…}.
     */
    public String park(ViolationCase violationCase, Kind kind, String reason) throws SQLException {
        Instant now = clock.instant();
        return park(violationCase, kind, reason, now, kind == Kind.DEFERRED ? now.plus(retryDelay) : null);
    }

    /** Parks the case with the given times ({@code dueAt} null: a dead letter nobody asked to replay yet). */
    public String park(ViolationCase violationCase, Kind kind, String reason, Instant parkedAt, Instant dueAt)
            throws SQLException {
        String caseId = violationCase.getCaseId();
        String json = CaseJson.write(violationCase);
        String why = reason == null || reason.isBlank() ? NO_REASON : reason;
        try (Connection connection = dataSource.getConnection()) {
            for (int attempt = 1; ; attempt++) {
                if (replace(connection, caseId, kind, why, parkedAt, dueAt, json)) {
                    return kind.rowName(caseId);
                }
                try (PreparedStatement insert = connection.prepareStatement("INSERT INTO PARKED_CASES (case_id, kind,"
                        + " reason, parked_at, due_at, case_json) SELECT ?, ?, ?, ?, ?, ? WHERE NOT EXISTS"
                        + " (SELECT 1 FROM PARKED_CASES WHERE case_id = ?)")) {
                    insert.setString(1, caseId);
                    insert.setString(2, kind.name());
                    insert.setString(3, why);
                    setInstant(insert, 4, parkedAt);
                    setInstant(insert, 5, dueAt);
                    insert.setString(6, json);
                    insert.setString(7, caseId);
                    if (insert.executeUpdate() == 1) {
                        return kind.rowName(caseId);
                    }
                } catch (SQLException e) {
                    // Another node parked the same case at the same moment: its row is replaced on the next round.
                    if (!UNIQUE_VIOLATION.equals(e.getSQLState()) || attempt == PARK_ATTEMPTS) {
                        throw e;
                    }
                }
                if (attempt == PARK_ATTEMPTS) {
                    throw new SQLException("Case " + caseId + " could not be parked: its row in PARKED_CASES came and went"
                            + " " + PARK_ATTEMPTS + " times while it was written");
                }
            }
        }
    }

    private static boolean replace(Connection connection, String caseId, Kind kind, String reason, Instant parkedAt,
                                   Instant dueAt, String json) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE PARKED_CASES SET kind = ?, reason = ?,"
                + " parked_at = ?, due_at = ?, claimed_by = NULL, claimed_until = NULL, case_json = ? WHERE case_id = ?")) {
            update.setString(1, kind.name());
            update.setString(2, reason);
            setInstant(update, 3, parkedAt);
            setInstant(update, 4, dueAt);
            update.setString(5, json);
            update.setString(6, caseId);
            return update.executeUpdate() == 1;
        }
    }

    /** Ids of at most {@code max} rows of this kind that are due and free to claim now, oldest first. */
    public List<String> due(Kind kind, int max) throws SQLException {
        OffsetDateTime now = utc(clock.instant());
        List<String> ids = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT case_id FROM PARKED_CASES WHERE kind = ?"
                     + " AND due_at <= ? AND (claimed_until IS NULL OR claimed_until < ?)"
                     + " ORDER BY parked_at, case_id LIMIT ?")) {
            select.setString(1, kind.name());
            select.setObject(2, now);
            select.setObject(3, now);
            select.setInt(4, max);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getString(1));
                }
            }
        }
        return ids;
    }

    /**
     * Claims the row for this node, if it is still of this kind, due, and nobody holds it (or the claim ran out).
     * Returns its case, or null when the row is gone, not due, or another node won it.
     *
     * @throws IllegalStateException naming the row when its JSON is not a case this release reads (the claim stays,
     *                               so the row is tried again only after the takeover time)
     */
    public ViolationCase claim(String caseId, Kind kind) throws SQLException {
        Instant now = clock.instant();
        String json = Transaction.run(dataSource, connection -> claimed(connection, caseId, kind, now));
        if (json == null) {
            return null;
        }
        try {
            return CaseJson.read(json);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("Parked case " + kind.rowName(caseId) + " in PARKED_CASES cannot be read: "
                    + e.getMessage(), e);
        }
    }

    private String claimed(Connection connection, String caseId, Kind kind, Instant now) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE PARKED_CASES SET claimed_by = ?,"
                + " claimed_until = ? WHERE case_id = ? AND kind = ? AND due_at <= ?"
                + " AND (claimed_until IS NULL OR claimed_until < ?)")) {
            update.setString(1, node.id());
            update.setObject(2, utc(now.plus(node.takeover())));
            update.setString(3, caseId);
            update.setString(4, kind.name());
            update.setObject(5, utc(now));
            update.setObject(6, utc(now));
            if (update.executeUpdate() != 1) {
                return null;
            }
        }
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT case_json FROM PARKED_CASES WHERE case_id = ?")) {
            select.setString(1, caseId);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? row.getString(1) : null;
            }
        }
    }

    /**
     * The case this node claimed went through intake: its row goes, unless the case was parked again meanwhile (its
     * row replaced, the claim cleared) or another node took the row over. Returns whether it went.
     */
    public boolean release(String caseId) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement delete = connection.prepareStatement(
                     "DELETE FROM PARKED_CASES WHERE case_id = ? AND claimed_by = ?")) {
            delete.setString(1, caseId);
            delete.setString(2, node.id());
            return delete.executeUpdate() == 1;
        }
    }

    /**
     * Asks for a dead letter to be replayed: it is due now, and the next node to look takes it. Returns false when no
     * dead letter has this id.
     */
    public boolean requestReplay(String caseId) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement update = connection.prepareStatement(
                     "UPDATE PARKED_CASES SET due_at = ? WHERE case_id = ? AND kind = ?")) {
            update.setObject(1, utc(clock.instant()));
            update.setString(2, caseId);
            update.setString(3, Kind.DEAD_LETTER.name());
            return update.executeUpdate() == 1;
        }
    }

    /** The rows of this kind, oldest first. */
    public List<ParkedCase> list(Kind kind) throws SQLException {
        List<ParkedCase> parked = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT case_id, reason, parked_at, due_at,"
                     + " claimed_by FROM PARKED_CASES WHERE kind = ? ORDER BY parked_at, case_id")) {
            select.setString(1, kind.name());
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    parked.add(new ParkedCase(rows.getString(1), kind, rows.getString(2), instant(rows, 3).orElseThrow(),
                            instant(rows, 4), Optional.ofNullable(rows.getString(5))));
                }
            }
        }
        return parked;
    }

    private static Optional<Instant> instant(ResultSet rows, int column) throws SQLException {
        return Optional.ofNullable(rows.getObject(column, OffsetDateTime.class)).map(OffsetDateTime::toInstant);
    }

    private static void setInstant(PreparedStatement statement, int index, Instant instant) throws SQLException {
        if (instant == null) {
            statement.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
        } else {
            statement.setObject(index, utc(instant));
        }
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
