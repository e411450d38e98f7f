package netralitas.hub.state;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * The cases whose email is being handed to the SMTP server, written down just before it is. Sending a case and recording
 * it as handled cannot be one atomic step: a hub killed between the two would, after a restart, send the case again.
 * With this table it knows better: a case written here but never recorded as handled may or may not have reached its
 * office, so it is not sent again blindly but parked for an operator to check ("delivery uncertain"). Never twice;
 * at worst visibly parked.
 *
 * <p>Table DELIVERIES_IN_FLIGHT, one row per case being sent: the case id, the node sending it, since when, and whether
 * it is uncertain. A row is inserted before the send and deleted once the case is recorded as handled, or when the
 * server refused the mail (nothing was delivered): one statement each, and none for a case that was never sent (this
 * node remembers which rows it wrote). The rows a node leaves behind when it stops are resolved by {@link #nodeStopped}.
 * The row of a case parked as "delivery uncertain" stays, marked uncertain, until the case is replayed.
 */
public final class DeliveriesInFlight {

    private static final Logger LOG = LoggerFactory.getLogger(DeliveriesInFlight.class);

    /** The width of DELIVERIES_IN_FLIGHT.node_id. */
    private static final int MAX_NODE_ID = 255;

    /** SQLSTATE of a duplicate key, the same in H2 and PostgreSQL. */
    private static final String UNIQUE_VIOLATION = "23505";

    private final DataSource dataSource;
    private final GroupCommit writer;
    private final String nodeId;
    /** The rows this node wrote since it started, and has not deleted. */
    private final Set<String> sending = ConcurrentHashMap.newKeySet();
    private final Set<String> uncertain = ConcurrentHashMap.newKeySet();
    /** Of those, the cases whose mail the server accepted: never sent again by this node. */
    private final Set<String> accepted = ConcurrentHashMap.newKeySet();

    /**
     * Writes nothing yet: at start, {@link #nodeStopped} with this node's id resolves the rows its previous run left.
     *
     * @param dataSource the state store, whose schema has table DELIVERIES_IN_FLIGHT
     * @param writer     commits a row before its send together with the other workers' writes
     * @param nodeId     this node ({@code hub.node-id}, else the host name)
     */
    public DeliveriesInFlight(DataSource dataSource, GroupCommit writer, String nodeId) {
        if (nodeId.length() > MAX_NODE_ID) {
            throw new IllegalArgumentException("hub.node-id must have at most " + MAX_NODE_ID + " characters, not "
                    + nodeId.length() + " (" + nodeId.substring(0, 40) + "…)");
        }
        this.dataSource = dataSource;
        this.writer = writer;
        this.nodeId = nodeId;
    }

    /** The node this table writes as. */
    public String nodeId() {
        return nodeId;
    }

    /**
     * The node stopped while it was sending: its rows whose case is recorded as handled are deleted, the others become
     * uncertain; returns those. Called at start for this node's own rows (its previous run). On a cluster (SPEC §11) a
     * node must treat as uncertain only the rows of a node that is gone, never those of a live one still sending: the
     * node that takes over a dead node's work calls this with the dead node's id. (Other live nodes then learn of
     * those uncertain cases only from the table: {@link #isUncertain} answers from this node's memory.)
     */
    public List<String> nodeStopped(String stoppedNodeId, Predicate<String> handled) throws SQLException {
        List<String> left = new ArrayList<>();
        try (Connection connection = dataSource.getConnection()) {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT case_id FROM DELIVERIES_IN_FLIGHT WHERE node_id = ? ORDER BY started_at, case_id")) {
                select.setString(1, stoppedNodeId);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        left.add(rows.getString(1));
                    }
                }
            }
            List<String> delivered = left.stream().filter(handled).toList();
            try (PreparedStatement delete = connection.prepareStatement(
                    "DELETE FROM DELIVERIES_IN_FLIGHT WHERE case_id = ? AND node_id = ?")) {
                for (String caseId : delivered) {
                    delete.setString(1, caseId);
                    delete.setString(2, stoppedNodeId);
                    delete.addBatch();
                }
                delete.executeBatch();
            }
            try (PreparedStatement mark = connection.prepareStatement(
                    "UPDATE DELIVERIES_IN_FLIGHT SET uncertain = TRUE WHERE node_id = ?")) {
                mark.setString(1, stoppedNodeId);
                mark.executeUpdate();
            }
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT case_id FROM DELIVERIES_IN_FLIGHT WHERE uncertain")) {
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        uncertain.add(rows.getString(1));
                    }
                }
            }
            left.removeAll(delivered);
        }
        return left;
    }

    /**
     * Cases that were being sent by this node before the table existed (release 0.1's log), written as its rows: they
     * are resolved like any row this node left behind. A case already in the table is left as it is.
     */
    public void imported(Collection<String> caseIds) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement("INSERT INTO DELIVERIES_IN_FLIGHT (case_id, node_id)"
                     + " SELECT ?, ? WHERE NOT EXISTS (SELECT 1 FROM DELIVERIES_IN_FLIGHT WHERE case_id = ?)")) {
            for (String caseId : caseIds) {
                insert.setString(1, caseId);
                insert.setString(2, nodeId);
                insert.setString(3, caseId);
                insert.executeUpdate();
            }
        }
    }

    /**
     * Written before the email of {@code caseId} goes to the SMTP server. A retried send of a case this node is already
     * sending writes nothing: its row stands.
     */
    public void sending(String caseId) throws SQLException {
        if (sending.contains(caseId)) {
            return;
        }
        try {
            writer.execute(connection -> {
                try (PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO DELIVERIES_IN_FLIGHT (case_id, node_id) VALUES (?, ?)")) {
                    insert.setString(1, caseId);
                    insert.setString(2, nodeId);
                    insert.executeUpdate();
                }
            });
        } catch (SQLException e) {
            if (!UNIQUE_VIOLATION.equals(e.getSQLState())) {
                throw e;
            }
            throw new SQLException("Case " + caseId + " is already being sent (a row of DELIVERIES_IN_FLIGHT exists"
                    + " for it): it is not sent a second time", e.getSQLState(), e);
        }
        sending.add(caseId);
    }

    /**
     * The mail server accepted the case's email. Until the case is recorded as handled this node never sends it again:
     * when its recording failed for longer than the pipeline waits and the case comes back (its file read again), it
     * is {@link #isUncertain uncertain}, parked for an operator like a case a stopped node was sending.
     */
    public void accepted(String caseId) {
        accepted.add(caseId);
    }

    /** Whether the mail server accepted the case's email and the case is not recorded as handled yet. */
    public boolean isAccepted(String caseId) {
        return accepted.contains(caseId);
    }

    /**
     * The case is recorded as handled: its email is no longer in doubt. Its row went in the same transaction as the
     * ledger's record ({@link CaseLedgerTable#record}).
     */
    public void delivered(String caseId) {
        sending.remove(caseId);
        accepted.remove(caseId);
    }

    /** The case was parked after its send failed: the server did not take it, so it is not in doubt. */
    public void notSent(String caseId) throws SQLException {
        forget(caseId);
    }

    /**
     * The case was being sent when its node stopped, or its mail was accepted here, and it was never recorded as
     * handled.
     */
    public boolean isUncertain(String caseId) {
        return uncertain.contains(caseId) || accepted.contains(caseId);
    }

    /**
     * The case is parked as "delivery uncertain": its row stays, marked uncertain, until an operator replays it
     * ({@link #resolved}). The case read again meanwhile (its file dropped again, or read again after another kill) is
     * then parked again, never sent: on this node from memory, also after a restart; on another node from the row,
     * which that node's claim of the case reads ({@link CaseLedgerTable.Claim#CLAIMED_IN_DOUBT}). Its row is written
     * here when there is none (the store lost it, or it was resolved before this release kept them).
     */
    public void parkedUncertain(String caseId) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            int marked;
            try (PreparedStatement mark = connection.prepareStatement(
                    "UPDATE DELIVERIES_IN_FLIGHT SET uncertain = TRUE WHERE case_id = ?")) {
                mark.setString(1, caseId);
                marked = mark.executeUpdate();
            }
            if (marked == 0) {
                try (PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO DELIVERIES_IN_FLIGHT (case_id, node_id, uncertain) VALUES (?, ?, TRUE)")) {
                    insert.setString(1, caseId);
                    insert.setString(2, nodeId);
                    insert.executeUpdate();
                }
            }
        }
        uncertain.add(caseId);
        accepted.remove(caseId);
        sending.remove(caseId);
    }

    /**
     * An operator replays the case, parked as uncertain: they found it did not reach its office, so it is sent normally.
     * Its row goes, whichever node wrote it (this one before a restart, or one that died while sending it).
     */
    public void resolved(String caseId) throws SQLException {
        delete(caseId);
        uncertain.remove(caseId);
        accepted.remove(caseId);
        sending.remove(caseId);
    }

    /** The uncertain cases, in case id order. */
    public List<String> uncertain() {
        return uncertain.stream().sorted().toList();
    }

    private void forget(String caseId) throws SQLException {
        if (sending.contains(caseId)) {
            delete(caseId);
            sending.remove(caseId);
        }
    }

    private void delete(String caseId) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement delete = connection.prepareStatement(
                     "DELETE FROM DELIVERIES_IN_FLIGHT WHERE case_id = ?")) {
            delete.setString(1, caseId);
            delete.executeUpdate();
        }
    }
}
