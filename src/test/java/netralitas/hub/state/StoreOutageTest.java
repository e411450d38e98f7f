package netralitas.hub.state;

import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLTransientConnectionException;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StoreOutageTest {

    @Test
    void connectionFailuresAreOutagesWhereverTheyAreInTheCauses() {
        assertTrue(StoreOutage.in(new SQLTransientConnectionException("state-store - Connection is not available")));
        assertTrue(StoreOutage.in(new IllegalStateException("Cannot take a place of BKN's rate limit",
                new SQLException("FATAL: terminating connection due to administrator command", "57P01"))));
        assertTrue(StoreOutage.in(new SQLException("Connection is closed", "08003")));
        assertTrue(StoreOutage.in(new IllegalStateException("Cannot take a place of BKN's rate limit",
                new SQLException("Connection is closed"))), "HikariCP's connection closed under the code");
        assertTrue(StoreOutage.in(new RuntimeException(new SQLException("the database system is starting up", "57P03"))));
    }

    @Test
    void aWrongStatementOrAnyOtherFailureIsNot() {
        assertFalse(StoreOutage.in(new SQLIntegrityConstraintViolationException("duplicate key", "23505")));
        assertFalse(StoreOutage.in(new SQLException("syntax error", "42601")));
        assertFalse(StoreOutage.in(new SQLException("no state")));
        assertFalse(StoreOutage.in(new IllegalStateException("BKN rate limit released more often than acquired")));
        assertFalse(StoreOutage.in(null));
    }
}
