package netralitas.hub.state;

import netralitas.hub.followup.CaseSummary;
import netralitas.hub.followup.FollowUpCase;
import netralitas.hub.followup.FollowUpEntry;
import netralitas.hub.followup.FollowUpStatus;
import netralitas.hub.followup.OfficeAnswer;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Tables FOLLOW_UP and FOLLOW_UP_HISTORY (SPEC §12): every forwarded case until its office answered it, on the embedded
 * H2 store and on PostgreSQL alike, so that a reply read by one node and a reminder sent by another see the same case.
 */
public final class FollowUpTable {

    /** SQLSTATE of a duplicate key, the same in H2 and PostgreSQL: the case was opened at the same moment. */
    private static final String UNIQUE_VIOLATION = "23505";
    private static final int MAX_DETAIL = 4000;
    private static final String COLUMNS = "case_id, message_id, region_code, severity, subject_key, incident_date,"
            + " recipients, forwarded_at, due_at, status, answered_at, reminders, next_check_at, escalated_at, closed_at,"
            + " case_summary";

    private final DataSource dataSource;
    /** Null: each opening commits alone. */
    private final GroupCommit writer;

    /** @param dataSource the state store, whose schema has table FOLLOW_UP */
    public FollowUpTable(DataSource dataSource) {
        this(dataSource, null);
    }

    /**
     * @param writer commits the opening of a forwarded case together with the other workers' writes (the hub opens one
     *               row per delivered case: a commit of its own each was an H2 chunk per case)
     */
    public FollowUpTable(DataSource dataSource, GroupCommit writer) {
        this.dataSource = dataSource;
        this.writer = writer;
    }

    /**
     * Starts following the case up, with a FORWARDED entry in its history. Opening it again (a retried delivery, a
     * digest re-sent after a crash) changes nothing; returns whether this call opened it. Returns once durable.
     */
    public boolean open(FollowUpCase followUp) throws SQLException {
        AtomicBoolean opened = new AtomicBoolean();
        try {
            if (writer != null) {
                writer.execute(connection -> opened.set(insertOpened(connection, followUp)));
                return opened.get();
            }
            return Transaction.run(dataSource, connection -> insertOpened(connection, followUp));
        } catch (SQLException e) {
            if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
                return false;
            }
            throw e;
        }
    }

    /**
     * The opening as a write of another transaction (the case ledger's record of the delivered case,
     * {@link CaseLedgerTable#record(String, GroupCommit.Write)}): nothing when the case is open already.
     */
    public static GroupCommit.Write opening(FollowUpCase followUp) {
        return connection -> insertOpened(connection, followUp);
    }

    /** The row and its FORWARDED entry, in the caller's transaction; nothing when the case is open already. */
    private static boolean insertOpened(Connection connection, FollowUpCase followUp) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO FOLLOW_UP (" + COLUMNS + ")"
                + " SELECT ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?"
                + " WHERE NOT EXISTS (SELECT 1 FROM FOLLOW_UP WHERE case_id = ?)")) {
            insert.setString(1, followUp.caseId());
            insert.setString(2, followUp.messageId());
            insert.setString(3, followUp.regionCode());
            insert.setString(4, followUp.severity());
            insert.setString(5, followUp.subjectKey());
            insert.setDate(6, followUp.incidentDate() == null ? null : Date.valueOf(followUp.incidentDate()));
            insert.setString(7, String.join(",", followUp.recipients()));
            setInstant(insert, 8, followUp.forwardedAt());
            setInstant(insert, 9, followUp.dueAt());
            insert.setString(10, followUp.status().name());
            setInstant(insert, 11, followUp.answeredAt());
            insert.setInt(12, followUp.reminders());
            setInstant(insert, 13, followUp.nextCheckAt());
            setInstant(insert, 14, followUp.escalatedAt());
            setInstant(insert, 15, followUp.closedAt());
            insert.setString(16, followUp.summary().toJson());
            insert.setString(17, followUp.caseId());
            if (insert.executeUpdate() == 0) {
                return false;
            }
        }
        insertHistory(connection, followUp.caseId(),
                new FollowUpEntry(followUp.forwardedAt(), "FORWARDED", FollowUpStatus.TERKIRIM, null));
        return true;
    }

    /** The case's follow-up, if it was forwarded. */
    public Optional<FollowUpCase> find(String caseId) throws SQLException {
        List<FollowUpCase> found = select("WHERE case_id = ?", caseId);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    /** The cases a mail forwarded (one for a case mail, several for a digest), by its Message-ID with angle brackets. */
    public List<FollowUpCase> byMessageId(String messageId) throws SQLException {
        return select("WHERE message_id = ? ORDER BY case_id", messageId);
    }

    /** Adds a step to the case's history. */
    public void addHistory(String caseId, FollowUpEntry entry) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            insertHistory(connection, caseId, entry);
        }
    }

    /** The case's history, oldest first. */
    public List<FollowUpEntry> history(String caseId) throws SQLException {
        List<FollowUpEntry> entries = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT happened_at, kind, status, detail"
                     + " FROM FOLLOW_UP_HISTORY WHERE case_id = ? ORDER BY happened_at, kind")) {
            select.setString(1, caseId);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    String status = rows.getString(3);
                    entries.add(new FollowUpEntry(instant(rows, 1), rows.getString(2),
                            status == null ? null : FollowUpStatus.valueOf(status), rows.getString(4)));
                }
            }
        }
        return entries;
    }

    private static void insertHistory(Connection connection, String caseId, FollowUpEntry entry) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO FOLLOW_UP_HISTORY"
                + " (case_id, happened_at, kind, status, detail) VALUES (?, ?, ?, ?, ?)")) {
            insert.setString(1, caseId);
            setInstant(insert, 2, entry.at());
            insert.setString(3, entry.kind());
            if (entry.status() == null) {
                insert.setNull(4, Types.VARCHAR);
            } else {
                insert.setString(4, entry.status().name());
            }
            String detail = entry.detail();
            insert.setString(5, detail == null || detail.length() <= MAX_DETAIL ? detail : detail.substring(0, MAX_DETAIL));
            insert.executeUpdate();
        }
    }

    /** Rows of FOLLOW_UP matching {@code where} (a clause with one text parameter). */
    List<FollowUpCase> select(String where, String parameter) throws SQLException {
        List<FollowUpCase> found = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS + " FROM FOLLOW_UP " + where)) {
            select.setString(1, parameter);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    found.add(read(rows));
                }
            }
        }
        return found;
    }

    /**
     * @throws IllegalStateException naming the case when its case_summary is not a summary's JSON (only a hand-edited
     *                               row can be so: the hub and migration V14_1 write it)
     */
    static FollowUpCase read(ResultSet row) throws SQLException {
        Date incident = row.getDate(6);
        String recipients = row.getString(7);
        return new FollowUpCase(row.getString(1), row.getString(2), row.getString(3), row.getString(4),
                row.getString(5), incident == null ? null : incident.toLocalDate(),
                recipients.isEmpty() ? List.of() : Arrays.asList(recipients.split(",")),
                instant(row, 8), instant(row, 9), FollowUpStatus.valueOf(row.getString(10)),
                instant(row, 11), row.getInt(12), instant(row, 13),
                instant(row, 14), instant(row, 15), summary(row.getString(1), row.getString(16)));
    }

    private static CaseSummary summary(String caseId, String json) {
        try {
            return CaseSummary.fromJson(json);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("Follow-up of case " + caseId + ": its case_summary in FOLLOW_UP cannot be"
                    + " read: " + e.getMessage(), e);
        }
    }

    static Instant instant(ResultSet row, int column) throws SQLException {
        OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    static void setInstant(PreparedStatement statement, int index, Instant instant) throws SQLException {
        if (instant == null) {
            statement.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
        } else {
            statement.setObject(index, instant.atOffset(ZoneOffset.UTC));
        }
    }

    // --- Related reports (SPEC §12) ---

    /** The lookup of {@link #firstOpenAbout}, one index's (V16). */
    static final String FIRST_OPEN_ABOUT = "SELECT " + COLUMNS + " FROM FOLLOW_UP WHERE subject_key = ? AND closed_at IS NULL"
            + " AND incident_date BETWEEN ? AND ? ORDER BY forwarded_at, case_id LIMIT 1";

    /**
     * The first case still open (no final status) about the same person, whose incident date is within {@code days}
     * days of {@code incidentDate}: the case a new report is threaded to. The first is the one forwarded first; empty
     * without a key or an incident date.
     */
    public Optional<FollowUpCase> firstOpenAbout(String subjectKey, LocalDate incidentDate, int days)
            throws SQLException {
        if (subjectKey == null || incidentDate == null) {
            return Optional.empty();
        }
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(FIRST_OPEN_ABOUT)) {
            select.setString(1, subjectKey);
            select.setDate(2, Date.valueOf(incidentDate.minusDays(days)));
            select.setDate(3, Date.valueOf(incidentDate.plusDays(days)));
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? Optional.of(read(rows)) : Optional.empty();
            }
        }
    }

    // --- Replies (SPEC §12): an office's answer to a case ----------------------------------------------------------

    /**
     * A case's row before and after a reply.
     *
     * @param before the row as it was
     * @param status the case's status now
     * @param closed whether this reply closed the case (its first final status): FOLLOW_UP_CLOSED is due
     */
    public record Answered(FollowUpCase before, FollowUpStatus status, boolean closed) {
    }

    /**
     * Records an office's reply that gives the case {@code status} (a sender among its recipients): the FOLLOW_UP step of
     * its history with {@code detail}; {@code answered_at} if it is the first; the status, which only moves forward
     * ({@link OfficeAnswer#statusAfter}); and a first final status closes the case: {@code closed_at}, the clock stopped
     * ({@code next_check_at} NULL) and a FOLLOW_UP_CLOSED step. A closed case is never reopened. One transaction, the
     * row locked: a reminder being claimed on another node waits for it. Empty when the case is not followed up.
     */
    public Optional<Answered> answered(String caseId, FollowUpStatus status, Instant at, String detail)
            throws SQLException {
        return Transaction.run(dataSource, connection -> {
            FollowUpCase before;
            try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS
                    + " FROM FOLLOW_UP WHERE case_id = ? FOR UPDATE")) {
                select.setString(1, caseId);
                try (ResultSet row = select.executeQuery()) {
                    if (!row.next()) {
                        return Optional.empty();
                    }
                    before = read(row);
                }
            }
            FollowUpStatus after = OfficeAnswer.statusAfter(before, status);
            boolean closes = !before.closed() && after.isFinal();
            try (PreparedStatement update = connection.prepareStatement("UPDATE FOLLOW_UP SET status = ?,"
                    + " answered_at = COALESCE(answered_at, ?), closed_at = ?, next_check_at = ? WHERE case_id = ?")) {
                update.setString(1, after.name());
                setInstant(update, 2, at);
                setInstant(update, 3, closes ? at : before.closedAt());
                setInstant(update, 4, closes ? null : before.nextCheckAt());
                update.setString(5, caseId);
                update.executeUpdate();
            }
            insertHistory(connection, caseId, new FollowUpEntry(at, "FOLLOW_UP", status, detail));
            if (closes) {
                insertHistory(connection, caseId, new FollowUpEntry(at, "FOLLOW_UP_CLOSED", after, null));
            }
            return Optional.of(new Answered(before, after, closes));
        });
    }

    // --- The follow-up clock (route followup-clock): due cases, claimed by one node, reminded or escalated ---------

    /**
     * At most {@code max} cases the clock must look at by {@code now}, the longest due first: not closed, not
     * escalated, and held by no node (or by one whose claim ran out).
     */
    public List<FollowUpCase> due(Instant now, int max) throws SQLException {
        List<FollowUpCase> found = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS + " FROM FOLLOW_UP"
                     + " WHERE next_check_at <= ? AND closed_at IS NULL AND escalated_at IS NULL"
                     + " AND (claimed_until IS NULL OR claimed_until < ?) ORDER BY next_check_at, case_id LIMIT ?")) {
            setInstant(select, 1, now);
            setInstant(select, 2, now);
            select.setInt(3, max);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    found.add(read(rows));
                }
            }
        }
        return found;
    }

    /**
     * Claims a due case for {@code node} until {@code now} plus its takeover time: one UPDATE that matches only a row
     * still due, open, not escalated and held by nobody (or by a node whose claim ran out), so of nodes racing for it
     * exactly one wins. Returns the row as claimed, or empty when another node won it or it is no longer due.
     */
    public Optional<FollowUpCase> claim(String caseId, Instant now, ClusterNode node) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement update = connection.prepareStatement("UPDATE FOLLOW_UP SET claimed_by = ?,"
                     + " claimed_until = ? WHERE case_id = ? AND next_check_at <= ? AND closed_at IS NULL"
                     + " AND escalated_at IS NULL AND (claimed_until IS NULL OR claimed_until < ?)")) {
            update.setString(1, node.id());
            setInstant(update, 2, now.plus(node.takeover()));
            update.setString(3, caseId);
            setInstant(update, 4, now);
            setInstant(update, 5, now);
            if (update.executeUpdate() != 1) {
                return Optional.empty();
            }
        }
        return find(caseId);
    }

    /**
     * The mail server accepted reminder number {@code reminder} of the case at {@code at}: counted, REMINDED in its
     * history, and the clock looks again at {@code nextCheckAt} — unless a final status closed the case meanwhile,
     * which keeps the clock stopped.
     */
    public void reminded(String caseId, int reminder, Instant at, Instant nextCheckAt, String to) throws SQLException {
        Transaction.run(dataSource, connection -> {
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE FOLLOW_UP SET reminders = ? WHERE case_id = ?")) {
                update.setInt(1, reminder);
                update.setString(2, caseId);
                update.executeUpdate();
            }
            try (PreparedStatement update = connection.prepareStatement("UPDATE FOLLOW_UP SET next_check_at = ?"
                    + " WHERE case_id = ? AND closed_at IS NULL AND escalated_at IS NULL")) {
                setInstant(update, 1, nextCheckAt);
                update.setString(2, caseId);
                update.executeUpdate();
            }
            insertHistory(connection, caseId, new FollowUpEntry(at, "REMINDED", null,
                    "pengingat ke-" + reminder + " kepada " + to));
            return null;
        });
    }

    /** The mail server accepted the case's escalation at {@code at}: the clock stops for it, ESCALATED in its history. */
    public void escalated(String caseId, Instant at, String to) throws SQLException {
        Transaction.run(dataSource, connection -> {
            String recipients;
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT recipients FROM FOLLOW_UP WHERE case_id = ? FOR UPDATE")) {
                select.setString(1, caseId);
                try (ResultSet row = select.executeQuery()) {
                    recipients = row.next() ? row.getString(1) : "";
                }
            }
            // Whoever the escalation reached (the region's Bawaslu, the Kanreg) may answer for the case from now on.
            try (PreparedStatement update = connection.prepareStatement("UPDATE FOLLOW_UP SET escalated_at = ?,"
                    + " next_check_at = NULL, recipients = ? WHERE case_id = ?")) {
                setInstant(update, 1, at);
                update.setString(2, withAddresses(recipients, to));
                update.setString(3, caseId);
                update.executeUpdate();
            }
            insertHistory(connection, caseId, new FollowUpEntry(at, "ESCALATED", null, "eskalasi kepada " + to));
            return null;
        });
    }

    /** {@code recipients} (comma-separated) and the addresses of {@code added} ("a, b") not among them yet. */
    static String withAddresses(String recipients, String added) {
        Set<String> all = new LinkedHashSet<>();
        for (String address : (recipients + "," + (added == null ? "" : added)).split(",")) {
            if (!address.isBlank()) {
                all.add(address.strip());
            }
        }
        return String.join(",", all);
    }

    /** {@code node} is done with the case (sent, or failed to): its claim goes, so the next check may take it. */
    public boolean release(String caseId, ClusterNode node) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement update = connection.prepareStatement("UPDATE FOLLOW_UP SET claimed_by = NULL,"
                     + " claimed_until = NULL WHERE case_id = ? AND claimed_by = ?")) {
            update.setString(1, caseId);
            update.setString(2, node.id());
            return update.executeUpdate() == 1;
        }
    }

    /**
     * Cases past their deadline at {@code now} and not finished (no SELESAI or TIDAK TERBUKTI), escalated or not, by
     * region code ({@code -} for a case without one), for the metric netralitas_followup_overdue.
     */
    public Map<String, Long> overdueByRegion(Instant now) throws SQLException {
        Map<String, Long> overdue = new TreeMap<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT region_code, COUNT(*) FROM FOLLOW_UP"
                     + " WHERE closed_at IS NULL AND due_at < ? GROUP BY region_code")) {
            setInstant(select, 1, now);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    String region = rows.getString(1);
                    overdue.merge(region == null ? "-" : region, rows.getLong(2), Long::sum);
                }
            }
        }
        return overdue;
    }
}
