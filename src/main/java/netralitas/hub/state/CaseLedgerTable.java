package netralitas.hub.state;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;

/**
 * The durable half of the case ledger (SPEC §1, §11): the ids of the cases forwarded, queued or closed, in table
 * CAMEL_MESSAGEPROCESSED under processor name {@code cases} (the layout of Camel's JdbcMessageIdRepository, which
 * release 0.1 wrote). Recording goes through {@link GroupCommit}, so that the cases the workers finish at the same time
 * share one commit; the caller still returns only once its case is durable.
 */
public final class CaseLedgerTable {

    private static final String PROCESSOR = "cases";

    private final DataSource dataSource;
    private final GroupCommit writer;
    private final Clock clock;

    public CaseLedgerTable(DataSource dataSource, GroupCommit writer, Clock clock) {
        this.dataSource = dataSource;
        this.writer = writer;
        this.clock = clock;
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

    /** Records the case as handled; recording it again changes nothing. Returns once the record is committed. */
    public void record(String caseId) {
        Timestamp now = Timestamp.from(clock.instant());
        try {
            writer.execute(connection -> {
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
            });
        } catch (SQLException e) {
            if (!"23505".equals(e.getSQLState())) {
                throw failure("record", caseId, e);
            }
            // Recorded at the same moment by another node: recorded all the same.
        }
    }

    private static IllegalStateException failure(String what, String caseId, SQLException e) {
        return new IllegalStateException("Cannot " + what + " case " + caseId + " in the case ledger (table"
                + " CAMEL_MESSAGEPROCESSED): " + String.valueOf(e.getMessage()).lines().findFirst().orElse(""), e);
    }
}
