package netralitas.hub.state;

import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TransactionTest {

    @Test
    void workThatReturnsIsCommittedWorkThatThrowsIsRolledBackAndTheConnectionIsLeftInAutoCommit() throws Exception {
        JdbcConnectionPool pool = MigratedH2.inMemory("transaction");
        try {
            assertEquals(1, (int) Transaction.run(pool, connection -> insert(connection, "NH-1")));
            SQLException failure = new SQLException("broken", "42000");
            assertSame(failure, assertThrows(SQLException.class, () -> Transaction.run(pool, connection -> {
                insert(connection, "NH-2");
                throw failure;
            })));
            try (Connection connection = pool.getConnection(); Statement sql = connection.createStatement();
                 ResultSet rows = sql.executeQuery("SELECT case_id FROM CASE_CLAIM ORDER BY case_id")) {
                assertTrue(connection.getAutoCommit());
                assertTrue(rows.next());
                assertEquals("NH-1", rows.getString(1));
                assertTrue(!rows.next(), "NH-2 rolled back");
            }
        } finally {
            pool.dispose();
        }
    }

    private static int insert(Connection connection, String caseId) throws SQLException {
        try (Statement sql = connection.createStatement()) {
            return sql.executeUpdate("INSERT INTO CASE_CLAIM (case_id, node_id, claimed_until) VALUES ('" + caseId
                    + "', 'node-a', CURRENT_TIMESTAMP)");
        }
    }
}
