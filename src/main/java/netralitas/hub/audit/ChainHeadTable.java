package netralitas.hub.audit;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;

/**
 * The chain head as one row of table {@value #TABLE} of the state store, readable with plain SQL
 * ({@code SELECT seq, hash FROM AUDIT_CHAIN_HEAD}), one row (id 1). The table is created by the state store's migrations.
 */
public final class ChainHeadTable implements ChainHeadStore {

    public static final String TABLE = "AUDIT_CHAIN_HEAD";

    private final DataSource database;
    private final Clock clock;

    public ChainHeadTable(DataSource database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    @Override
    public Optional<ChainHead> read() {
        try (Connection connection = database.getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT seq, hash FROM " + TABLE + " WHERE id = 1");
             ResultSet row = select.executeQuery()) {
            return row.next() ? Optional.of(new ChainHead(row.getLong(1), row.getString(2))) : Optional.empty();
        } catch (SQLException e) {
            throw failure("read", e);
        }
    }

    @Override
    public void advance(ChainHead head) {
        Timestamp now = Timestamp.from(clock.instant());
        try (Connection connection = database.getConnection()) {
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE " + TABLE + " SET seq = ?, hash = ?, recordedAt = ? WHERE id = 1 AND seq < ?")) {
                update.setLong(1, head.seq());
                update.setString(2, head.hash());
                update.setTimestamp(3, now);
                update.setLong(4, head.seq());
                if (update.executeUpdate() > 0) {
                    return;
                }
            }
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + TABLE
                    + " (id, seq, hash, recordedAt) SELECT 1, ?, ?, ? WHERE NOT EXISTS (SELECT 1 FROM " + TABLE + ")")) {
                insert.setLong(1, head.seq());
                insert.setString(2, head.hash());
                insert.setTimestamp(3, now);
                insert.executeUpdate();
            }
        } catch (SQLException e) {
            throw failure("record", e);
        }
    }

    private static IllegalStateException failure(String what, SQLException e) {
        return new IllegalStateException("Cannot " + what + " the audit chain head in the state store (table " + TABLE
                + "): " + e.getMessage().lines().findFirst().orElse(""), e);
    }
}
