package netralitas.hub.state;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * One transaction on a connection of the state store: committed when the work returns, rolled back when it throws.
 * The work's own failure is what the caller gets: a rollback or a reset that fails too (the server broke the
 * connection) is attached to it as suppressed, never in its place, so that a store outage keeps its SQLSTATE
 * ({@link StoreOutage}).
 */
final class Transaction {

    /** What runs inside the transaction; it must not commit or roll back itself. */
    @FunctionalInterface
    interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private Transaction() {
    }

    static <T> T run(DataSource dataSource, Work<T> work) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            return inTransaction(connection, work);
        }
    }

    /** Auto-commit is on again afterwards: the connection goes back to the pool as it came. */
    private static <T> T inTransaction(Connection connection, Work<T> work) throws SQLException {
        connection.setAutoCommit(false);
        Exception failure = null;
        try {
            T result = work.run(connection);
            connection.commit();
            return result;
        } catch (SQLException | RuntimeException e) {
            failure = e;
            try {
                connection.rollback();
            } catch (SQLException rollback) {
                e.addSuppressed(rollback);
            }
            throw e;
        } finally {
            try {
                connection.setAutoCommit(true);
            } catch (SQLException reset) {
                if (failure == null) {
                    throw reset;
                }
                failure.addSuppressed(reset);
            }
        }
    }
}
