package netralitas.hub.audit;

import javax.sql.DataSource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/**
 * The trail as rows of the store's table (PostgreSQL mode), read in seq order through a cursor, a thousand rows at a
 * time, so that a big trail is never held in memory. A line's number is its row's seq.
 */
final class StoreLines implements TrailLines {

    private static final int FETCH_ROWS = 1000;

    private final DataSource database;
    private final String location;
    private final Runnable onClose;

    StoreLines(DataSource database, String location, Runnable onClose) {
        this.database = database;
        this.location = location;
        this.onClose = onClose;
    }

    @Override
    public String location() {
        return location + " (table " + StoreChain.TABLE + ")";
    }

    @Override
    public String contents() {
        return "table " + StoreChain.TABLE + " in " + location;
    }

    @Override
    public List<Part> parts() {
        return List.of(new Table(null));
    }

    /** The case's rows only, found by the index on case_id. */
    @Override
    public List<Part> partsOf(String caseId) {
        return List.of(new Table(caseId));
    }

    @Override
    public String where(Path part, long number) {
        return "table " + StoreChain.TABLE + ", seq " + number;
    }

    @Override
    public void close() {
        if (onClose != null) {
            onClose.run();
        }
    }

    private final class Table implements Part {

        /** Null for all rows. */
        private final String caseId;

        Table(String caseId) {
            this.caseId = caseId;
        }

        @Override
        public Path name() {
            return Path.of(StoreChain.TABLE);
        }

        @Override
        public long bytes() {
            return -1;
        }

        @Override
        public LineSource open() throws IOException {
            try {
                return new Rows(database.getConnection(), caseId);
            } catch (SQLException e) {
                throw new IOException("Cannot read the audit trail in " + location() + ": " + e.getMessage(), e);
            }
        }
    }

    private final class Rows implements LineSource {

        private final Connection connection;
        private final PreparedStatement select;
        private final ResultSet rows;
        private long position;

        Rows(Connection connection, String caseId) throws SQLException {
            this.connection = connection;
            try {
                // PostgreSQL streams through a cursor only inside a transaction.
                connection.setAutoCommit(false);
                connection.setReadOnly(true);
                select = connection.prepareStatement("SELECT seq, json_line FROM " + StoreChain.TABLE
                        + (caseId == null ? "" : " WHERE case_id = ?") + " ORDER BY seq");
                if (caseId != null) {
                    select.setString(1, caseId);
                }
                select.setFetchSize(FETCH_ROWS);
                rows = select.executeQuery();
            } catch (SQLException e) {
                connection.close();
                throw e;
            }
        }

        @Override
        public TrailLineReader.Line next() throws IOException {
            try {
                if (!rows.next()) {
                    return null;
                }
                long seq = rows.getLong(1);
                String line = rows.getString(2);
                long bytes = line.getBytes(StandardCharsets.UTF_8).length;
                position += bytes + 1;
                return new TrailLineReader.Line(seq, bytes > TrailLineReader.MAX_LINE_BYTES ? null : line, true, bytes);
            } catch (SQLException e) {
                throw new IOException("Cannot read the audit trail in " + location() + ": " + e.getMessage(), e);
            }
        }

        @Override
        public long position() {
            return position;
        }

        @Override
        public void close() throws IOException {
            try (connection; select; rows) {
                connection.rollback();
            } catch (SQLException e) {
                throw new IOException("Cannot close the reading of " + location() + ": " + e.getMessage(), e);
            }
        }
    }
}
