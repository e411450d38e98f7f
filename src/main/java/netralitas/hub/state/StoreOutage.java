package netralitas.hub.state;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;

/**
 * Whether a failure means the state store is away (PostgreSQL stopped, restarting, out of reach; the pool cannot get a
 * connection) rather than that a statement is wrong (SPEC §11). An outage passes by waiting: the case pipeline waits
 * for the store instead of dead-lettering the case, which it could not do anyway, the dead letters being in the store.
 */
public final class StoreOutage {

    /** For the routes' onWhen: {@code storeOutage.test(${exception})}. */
    public boolean test(Throwable failure) {
        return in(failure);
    }

    /**
     * True when {@code failure} or one of its causes is a connection failure: a transient or recoverable
     * {@link SQLException}, or one of SQLSTATE class 08 (connection exception) or 57P (operator intervention:
     * the server shutting down, or not accepting connections yet).
     */
    public static boolean in(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLTransientException || cause instanceof SQLRecoverableException
                    || cause instanceof SQLNonTransientConnectionException) {
                return true;
            }
            if (cause instanceof SQLException sql && (isConnectionState(sql.getSQLState()) || isEvicted(sql))) {
                return true;
            }
            if (cause.getCause() == cause) {
                return false;
            }
        }
        return false;
    }

    private static boolean isConnectionState(String sqlState) {
        return sqlState != null && (sqlState.startsWith("08") || sqlState.startsWith("57P"));
    }

    /**
     * HikariCP's answer, without SQLSTATE, to a connection it closed because the server broke it: what code that
     * rolls back after the server's own error gets, the error itself then lost.
     */
    private static boolean isEvicted(SQLException sql) {
        return sql.getSQLState() == null && "Connection is closed".equals(sql.getMessage());
    }
}
