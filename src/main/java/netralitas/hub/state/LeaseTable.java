package netralitas.hub.state;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Leases in table CLUSTER_LEASE: of the nodes that share the store, the one holding a namespace's lease is its leader
 * until the lease ends; it renews the lease while it runs, and a lease that ran out may be taken by any node.
 */
public final class LeaseTable {

    private static final String UNIQUE_VIOLATION = "23505";

    private final DataSource dataSource;
    private final Clock clock;

    public LeaseTable(DataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    /**
     * Takes or renews the lease of {@code namespace} for {@code nodeId}, to last {@code duration} from now. Returns the
     * end of the lease held now, or empty when another node holds it.
     */
    public Optional<Instant> acquire(String namespace, String nodeId, Duration duration) throws SQLException {
        Instant now = clock.instant();
        Instant until = now.plus(duration);
        try (Connection connection = dataSource.getConnection()) {
            try (PreparedStatement renew = connection.prepareStatement("UPDATE CLUSTER_LEASE SET node_id = ?,"
                    + " lease_until = ? WHERE namespace = ? AND (node_id = ? OR lease_until < ?)")) {
                renew.setString(1, nodeId);
                renew.setTimestamp(2, Timestamp.from(until));
                renew.setString(3, namespace);
                renew.setString(4, nodeId);
                renew.setTimestamp(5, Timestamp.from(now));
                if (renew.executeUpdate() == 1) {
                    return Optional.of(until);
                }
            }
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO CLUSTER_LEASE (namespace, node_id,"
                    + " lease_until) SELECT ?, ?, ? WHERE NOT EXISTS (SELECT 1 FROM CLUSTER_LEASE WHERE namespace = ?)")) {
                insert.setString(1, namespace);
                insert.setString(2, nodeId);
                insert.setTimestamp(3, Timestamp.from(until));
                insert.setString(4, namespace);
                return insert.executeUpdate() == 1 ? Optional.of(until) : Optional.empty();
            } catch (SQLException e) {
                if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
                    return Optional.empty(); // another node took it at the same moment
                }
                throw e;
            }
        }
    }

    /** Gives the lease up at once (a node that stops), so that another node need not wait for it to run out. */
    public void release(String namespace, String nodeId) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement delete = connection.prepareStatement(
                     "DELETE FROM CLUSTER_LEASE WHERE namespace = ? AND node_id = ?")) {
            delete.setString(1, namespace);
            delete.setString(2, nodeId);
            delete.executeUpdate();
        }
    }

    /** The node holding the lease of {@code namespace} now, if any. */
    public Optional<String> holder(String namespace) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "SELECT node_id FROM CLUSTER_LEASE WHERE namespace = ? AND lease_until >= ?")) {
            select.setString(1, namespace);
            select.setTimestamp(2, Timestamp.from(clock.instant()));
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(row.getString(1)) : Optional.empty();
            }
        }
    }
}
