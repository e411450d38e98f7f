package netralitas.hub.state;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The durable half of the case ledger (SPEC §1, §11), shared by every node of the store:
 * <ul>
 *   <li>the ids of the cases forwarded, queued or closed, in table CAMEL_MESSAGEPROCESSED under processor name
 *   {@code cases} (the layout of Camel's JdbcMessageIdRepository, which release 0.1 wrote);</li>
 *   <li>the cases being processed, in table CASE_CLAIM: a case is claimed by one node before it is processed, so that
 *   two nodes reading the same report do not both forward it. This node renews the claims of the cases it has in
 *   flight; a claim no longer renewed (its node stopped, or its release failed) is taken over after the takeover
 *   time.</li>
 * </ul>
 * Every write goes through {@link GroupCommit}: the claims and records of the workers share commits, and a caller
 * returns once its write is durable. Recording a case releases its claim in the same transaction.
 */
public final class CaseLedgerTable implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(CaseLedgerTable.class);
    private static final String PROCESSOR = "cases";
    private static final String UNIQUE_VIOLATION = "23505";

    private final DataSource dataSource;
    private final GroupCommit writer;
    private final Clock clock;
    private final String nodeId;
    private final Duration takeover;
    /** Null on a store of one node: nothing to renew. */
    private final ScheduledExecutorService renewal;
    /**
     * The cases this node claimed and has not recorded or released: the claims it renews. A claim whose release failed
     * (the store was away) is not among them, so it runs out rather than hold the case from the other nodes for ever.
     */
    private final Set<String> held = ConcurrentHashMap.newKeySet();

    /**
     * On a store shared by nodes: forgets this node's claims of an earlier run (cases, parked cases, follow-ups: it is
     * starting, so none of them is in flight) and starts renewing the claims it will hold, every third of
     * {@code takeover}.
     */
    public CaseLedgerTable(DataSource dataSource, GroupCommit writer, Clock clock, String nodeId, Duration takeover) {
        this(dataSource, writer, clock, nodeId, takeover, true);
    }

    /**
     * On the embedded store there is one node, whose claims in memory ({@code CaseLedger}) are complete: no claim is
     * written, and each case saves two commits.
     */
    public static CaseLedgerTable ofOneNode(DataSource dataSource, GroupCommit writer, Clock clock, String nodeId) {
        return new CaseLedgerTable(dataSource, writer, clock, nodeId, Duration.ZERO, false);
    }

    private CaseLedgerTable(DataSource dataSource, GroupCommit writer, Clock clock, String nodeId, Duration takeover,
                            boolean sharedByNodes) {
        this.dataSource = dataSource;
        this.writer = writer;
        this.clock = clock;
        this.nodeId = nodeId;
        this.takeover = takeover;
        if (!sharedByNodes) {
            this.renewal = null;
            return;
        }
        forgetClaimsOfEarlierRun();
        this.renewal = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "case-claim-renewal");
            thread.setDaemon(true);
            return thread;
        });
        long period = Math.max(1, takeover.toMillis() / 3);
        renewal.scheduleWithFixedDelay(this::renewClaims, period, period, TimeUnit.MILLISECONDS);
    }

    /** Whether other nodes use this store, so that a case is claimed in it and a dead node's work looked for. */
    public boolean sharedByNodes() {
        return renewal != null;
    }

    public boolean contains(String caseId) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "SELECT 1 FROM CAMEL_MESSAGEPROCESSED WHERE processorName = ? AND messageId = ?")) {
            select.setString(1, PROCESSOR);
            select.setString(2, caseId);
            try (ResultSet row = select.executeQuery()) {
                return row.next();
            }
        } catch (SQLException e) {
            throw failure("read", caseId, e);
        }
    }

    /** What became of a claim. */
    public enum Claim {
        /** This node holds the case now. */
        CLAIMED,
        /**
         * This node holds the case now, and a node that stopped was sending it (its row of DELIVERIES_IN_FLIGHT): that
         * node's mail may have reached the office.
         */
        CLAIMED_IN_DOUBT,
        /** Another node holds it and renews its claim: it is being processed there. */
        HELD_ELSEWHERE,
        /** The case is recorded as handled: a duplicate. */
        RECORDED
    }

    /**
     * Claims the case for this node unless it is recorded, when no node holds it, or the node that held it stopped
     * renewing its claim more than the takeover time ago.
     */
    public Claim claim(String caseId) {
        if (!sharedByNodes()) {
            return contains(caseId) ? Claim.RECORDED : Claim.CLAIMED;
        }
        AtomicBoolean claimed = new AtomicBoolean();
        try {
            writer.execute(connection -> claimed.set(claimIn(connection, caseId)));
        } catch (SQLException e) {
            if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
                return Claim.HELD_ELSEWHERE; // another node claimed it at the same moment
            }
            throw failure("claim", caseId, e);
        }
        // Read after the claim is written. The claim's statements read the ledger as it was when they began: another
        // node may have claimed the case, processed and recorded it since (recording deletes its claim in the same
        // transaction), which leaves no claim for this one's to collide with. Such a record was committed before this
        // node's claim could be written, so this read sees it. (The ledger read only before the claim let a case be
        // processed twice: CaseLedgerTableTest.) Outside the group commit, whose writer serves every worker; in the
        // same round trip, the other nodes' deliveries in flight.
        boolean recorded;
        boolean sentElsewhere;
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT EXISTS (SELECT 1 FROM"
                     + " CAMEL_MESSAGEPROCESSED WHERE processorName = ? AND messageId = ?), EXISTS (SELECT 1 FROM"
                     + " DELIVERIES_IN_FLIGHT WHERE case_id = ? AND node_id <> ?)")) {
            select.setString(1, PROCESSOR);
            select.setString(2, caseId);
            select.setString(3, caseId);
            select.setString(4, nodeId);
            try (ResultSet row = select.executeQuery()) {
                row.next();
                recorded = row.getBoolean(1);
                sentElsewhere = row.getBoolean(2);
            }
        } catch (SQLException e) {
            // A claim written stays until it runs out, or until this node takes it back when the case comes again.
            throw failure("read", caseId, e);
        }
        if (recorded) {
            if (claimed.get()) {
                release(caseId);
            }
            return Claim.RECORDED;
        }
        if (!claimed.get()) {
            return Claim.HELD_ELSEWHERE;
        }
        held.add(caseId);
        return sentElsewhere ? Claim.CLAIMED_IN_DOUBT : Claim.CLAIMED;
    }

    /** Writes this node's claim of the case; false when another node holds a claim it renews. */
    private boolean claimIn(Connection connection, String caseId) throws SQLException {
        Timestamp now = Timestamp.from(clock.instant());
        Timestamp until = Timestamp.from(clock.instant().plus(takeover));
        // Most cases are claimed for the first time: one statement then (a case recorded by then is not claimed).
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO CASE_CLAIM (case_id, node_id,"
                + " claimed_until) SELECT ?, ?, ? WHERE NOT EXISTS (SELECT 1 FROM CASE_CLAIM WHERE case_id = ?)"
                + " AND NOT EXISTS (SELECT 1 FROM CAMEL_MESSAGEPROCESSED WHERE processorName = ? AND messageId = ?)")) {
            insert.setString(1, caseId);
            insert.setString(2, nodeId);
            insert.setTimestamp(3, until);
            insert.setString(4, caseId);
            insert.setString(5, PROCESSOR);
            insert.setString(6, caseId);
            if (insert.executeUpdate() == 1) {
                return true;
            }
        }
        // This node's own claim is stale: a copy in flight here never gets this far (CaseLedger's in-memory claim), so
        // the row is left by an exchange whose release failed (the store was away), no longer renewed: taken back at
        // once, not waited for until it runs out.
        try (PreparedStatement takeOver = connection.prepareStatement("UPDATE CASE_CLAIM SET node_id = ?,"
                + " claimed_until = ? WHERE case_id = ? AND (claimed_until < ? OR node_id = ?)")) {
            takeOver.setString(1, nodeId);
            takeOver.setTimestamp(2, until);
            takeOver.setString(3, caseId);
            takeOver.setTimestamp(4, now);
            takeOver.setString(5, nodeId);
            return takeOver.executeUpdate() == 1;
        }
    }

    /**
     * How long a case held by another node is waited for before it is looked at again: by then that node has
     * recorded it (a duplicate here), released it, or stopped renewing its claim (taken over here).
     */
    public Duration recheckAfter() {
        return takeover.dividedBy(3);
    }

    /**
     * Records the case as handled, releases its claim and clears its row of DELIVERIES_IN_FLIGHT; recording it again
     * changes nothing. Returns once durable.
     */
    public void record(String caseId) {
        try {
            record(caseId, connection -> { });
        } catch (SQLException e) {
            throw failure("record", caseId, e);
        }
    }

    /**
     * As {@link #record(String)}, with {@code alongside} run first in the same transaction: either both are durable or
     * neither is, and the case costs one commit instead of two (the follow-up row of a delivered case).
     */
    public void record(String caseId, GroupCommit.Write alongside) throws SQLException {
        Timestamp now = Timestamp.from(clock.instant());
        try {
            writer.execute(connection -> {
                alongside.run(connection);
                // No error for a case recorded already: on PostgreSQL an error would abort the whole batch.
                try (PreparedStatement insert = connection.prepareStatement("INSERT INTO CAMEL_MESSAGEPROCESSED"
                        + " (processorName, messageId, createdAt) SELECT ?, ?, ? WHERE NOT EXISTS (SELECT 1 FROM"
                        + " CAMEL_MESSAGEPROCESSED WHERE processorName = ? AND messageId = ?)")) {
                    insert.setString(1, PROCESSOR);
                    insert.setString(2, caseId);
                    insert.setTimestamp(3, now);
                    insert.setString(4, PROCESSOR);
                    insert.setString(5, caseId);
                    insert.executeUpdate();
                }
                if (sharedByNodes()) {
                    deleteClaim(connection, caseId);
                }
                // Its email is no longer in doubt (DeliveriesInFlight): in the same transaction as the record.
                try (PreparedStatement delivered = connection.prepareStatement(
                        "DELETE FROM DELIVERIES_IN_FLIGHT WHERE case_id = ? AND node_id = ?")) {
                    delivered.setString(1, caseId);
                    delivered.setString(2, nodeId);
                    delivered.executeUpdate();
                }
            });
        } catch (SQLException e) {
            if (!UNIQUE_VIOLATION.equals(e.getSQLState())) {
                throw e;
            }
            // Recorded at the same moment by another node, with its follow-up row: recorded all the same.
        }
        held.remove(caseId);
    }

    /** Releases this node's claim of a case that is not done (parked, failed): it may come back later, here or elsewhere. */
    public void release(String caseId) {
        if (!sharedByNodes()) {
            return;
        }
        held.remove(caseId);
        try {
            writer.execute(connection -> deleteClaim(connection, caseId));
        } catch (SQLException e) {
            throw failure("release", caseId, e);
        }
    }

    private void deleteClaim(Connection connection, String caseId) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement(
                "DELETE FROM CASE_CLAIM WHERE case_id = ? AND node_id = ?")) {
            delete.setString(1, caseId);
            delete.setString(2, nodeId);
            delete.executeUpdate();
        }
    }

    /**
     * Besides CASE_CLAIM, the tables whose rows a node claims for a while (columns claimed_by, claimed_until): parked
     * cases being taken back, follow-ups being reminded or escalated. Their claims are not renewed (a row whose work
     * outlasts the takeover time may be taken by another node; the case ledger still stops a second delivery), since
     * a release that failed would leave a claim renewed for ever (CASE_CLAIM's are renewed only while their case is in
     * flight here); a node starting again gives up its earlier run's.
     */
    private static final List<String> CLAIMED_ROWS = List.of("PARKED_CASES", "FOLLOW_UP");

    /** Pushes back the expiry of the claims of the cases this node has in flight; a failure is retried next period. */
    void renewClaims() {
        List<String> cases = List.copyOf(held);
        if (cases.isEmpty()) {
            return;
        }
        Timestamp until = Timestamp.from(clock.instant().plus(takeover));
        try {
            Transaction.run(dataSource, connection -> {
                try (PreparedStatement renew = connection.prepareStatement(
                        "UPDATE CASE_CLAIM SET claimed_until = ? WHERE case_id = ? AND node_id = ?")) {
                    for (String caseId : cases) {
                        renew.setTimestamp(1, until);
                        renew.setString(2, caseId);
                        renew.setString(3, nodeId);
                        renew.addBatch();
                    }
                    renew.executeBatch();
                }
                return null;
            });
        } catch (SQLException | RuntimeException e) {
            LOG.warn("Cannot renew the claims of node {} in the state store ({}); tried again in {} ms", nodeId,
                    e.getMessage(), takeover.toMillis() / 3);
        }
    }

    private void forgetClaimsOfEarlierRun() {
        try (Connection connection = dataSource.getConnection()) {
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM CASE_CLAIM WHERE node_id = ?")) {
                delete.setString(1, nodeId);
                delete.executeUpdate();
            }
            for (String table : CLAIMED_ROWS) {
                try (PreparedStatement free = connection.prepareStatement("UPDATE " + table
                        + " SET claimed_by = NULL, claimed_until = NULL WHERE claimed_by = ?")) {
                    free.setString(1, nodeId);
                    free.executeUpdate();
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot clear the case claims of node " + nodeId + " in the state store: "
                    + String.valueOf(e.getMessage()).lines().findFirst().orElse(""), e);
        }
    }

    @Override
    public void close() {
        if (renewal != null) {
            renewal.shutdownNow();
        }
    }

    private static IllegalStateException failure(String what, String caseId, SQLException e) {
        return new IllegalStateException("Cannot " + what + " case " + caseId + " in the case ledger of the state"
                + " store: " + String.valueOf(e.getMessage()).lines().findFirst().orElse(""), e);
    }
}
