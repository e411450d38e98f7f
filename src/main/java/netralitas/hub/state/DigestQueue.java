package netralitas.hub.state;

import netralitas.hub.cases.CaseJson;
import netralitas.hub.cases.ViolationCase;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * RINGAN cases waiting for their region's daily digest (SPEC §6), one row per case in the hub's state database, so that
 * queuing costs the same for the first case and the thousandth and a restart loses nothing. A case leaves the queue
 * only after the digest that lists it was accepted by the mail server. The case is stored in its row as JSON
 * ({@link CaseJson}), so that an operator reads a queued case with {@code SELECT payload FROM DIGEST_QUEUE}; in a
 * CHARACTER VARYING column, not a CLOB: H2's separate LOB storage cost heap under load.
 *
 * <p>Just before a digest goes to the mail server its cases are marked with its Message-ID ({@link #sending}), and
 * they leave the queue once it was accepted. A case still marked at the next digest run was in a digest whose node
 * stopped (or whose steps after the send failed) in between: that digest may have reached the office, so the case is
 * {@link #inDoubt} rather than sent again, as a case mail is with DELIVERIES_IN_FLIGHT.
 */
public final class DigestQueue {

    /** SQLSTATE of a duplicate key, the same in H2 and PostgreSQL: the case was queued at the same moment. */
    private static final String UNIQUE_VIOLATION = "23505";

    private final DataSource dataSource;

    /** @param dataSource the state store, whose schema has table DIGEST_QUEUE */
    public DigestQueue(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Queues the case; queuing it again (a retried step) changes nothing. */
    public void add(ViolationCase violationCase) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement("INSERT INTO DIGEST_QUEUE (case_id, region_code,"
                     + " payload) SELECT ?, ?, ? WHERE NOT EXISTS (SELECT 1 FROM DIGEST_QUEUE WHERE case_id = ?)")) {
            insert.setString(1, violationCase.getCaseId());
            insert.setString(2, violationCase.getRegionResolution().region().code());
            insert.setString(3, CaseJson.write(violationCase));
            insert.setString(4, violationCase.getCaseId());
            insert.executeUpdate();
        } catch (SQLException e) {
            if (!UNIQUE_VIOLATION.equals(e.getSQLState())) {
                throw e;
            }
        }
    }

    /** Region codes with cases waiting for a digest (not marked as in one), in code order. */
    public List<String> regions() throws SQLException {
        List<String> regions = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "SELECT DISTINCT region_code FROM DIGEST_QUEUE WHERE sending_message_id IS NULL"
                             + " ORDER BY region_code");
             ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                regions.add(rows.getString(1));
            }
        }
        return regions;
    }

    /** Whether any case waits for this region's digest. */
    public boolean waiting(String regionCode) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "SELECT 1 FROM DIGEST_QUEUE WHERE region_code = ? AND sending_message_id IS NULL LIMIT 1")) {
            select.setString(1, regionCode);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next();
            }
        }
    }

    /** The oldest {@code max} cases waiting for this region's digest (empty when none). */
    public ArrayList<ViolationCase> batch(String regionCode, int max) throws SQLException {
        ArrayList<ViolationCase> cases = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "SELECT payload, case_id FROM DIGEST_QUEUE WHERE region_code = ? AND sending_message_id IS NULL"
                             + " ORDER BY queued_at, case_id LIMIT ?")) {
            select.setString(1, regionCode);
            select.setInt(2, max);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    cases.add(read(rows.getString(1), rows.getString(2)));
                }
            }
        }
        return cases;
    }

    /** Marks the cases of a digest as on their way to the mail server, in one transaction; returns once durable. */
    public void sending(List<ViolationCase> digest, String messageId) throws SQLException {
        mark(digest, messageId);
    }

    /** The mail server did not take the digest: its cases wait for the next digest again. */
    public void notSent(List<ViolationCase> digest) throws SQLException {
        mark(digest, null);
    }

    private void mark(List<ViolationCase> digest, String messageId) throws SQLException {
        Transaction.run(dataSource, connection -> {
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE DIGEST_QUEUE SET sending_message_id = ? WHERE case_id = ?")) {
                for (ViolationCase violationCase : digest) {
                    update.setString(1, messageId);
                    update.setString(2, violationCase.getCaseId());
                    update.addBatch();
                }
                update.executeBatch();
            }
            return null;
        });
    }

    /** A case of a digest that may have reached its office, with that digest's Message-ID. */
    public record InDoubt(ViolationCase violationCase, String messageId) {
    }

    /**
     * The cases still marked as in a digest on its way, oldest first: at the start of a digest run, those of a digest
     * an earlier run did not see through (digest runs do not overlap).
     */
    public List<InDoubt> inDoubt() throws SQLException {
        List<InDoubt> cases = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT payload, case_id, sending_message_id"
                     + " FROM DIGEST_QUEUE WHERE sending_message_id IS NOT NULL ORDER BY queued_at, case_id");
             ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                cases.add(new InDoubt(read(rows.getString(1), rows.getString(2)), rows.getString(3)));
            }
        }
        return cases;
    }

    /** Removes cases whose digest was sent, in one transaction: a digest's cases leave the queue together. */
    public void remove(List<ViolationCase> sent) throws SQLException {
        Transaction.run(dataSource, connection -> {
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM DIGEST_QUEUE WHERE case_id = ?")) {
                for (ViolationCase violationCase : sent) {
                    delete.setString(1, violationCase.getCaseId());
                    delete.addBatch();
                }
                delete.executeBatch();
            }
            return null;
        });
    }

    /** Removes a case of a digest in doubt once it is parked (as "delivery uncertain"). */
    public void parked(ViolationCase violationCase) throws SQLException {
        remove(List.of(violationCase));
    }

    /** A row that is not a case this release reads stops the digest run with the row named, and stays queued. */
    private static ViolationCase read(String payload, String caseId) {
        try {
            return CaseJson.read(payload);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("Digest queue row " + caseId + " cannot be read back: " + e.getMessage(), e);
        }
    }
}
