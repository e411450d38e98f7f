package netralitas.hub.state;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import netralitas.hub.settings.HubSettings;

import javax.sql.DataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The hub's one state store, through JDBC (SPEC §11): the embedded H2 file under hub.data-dir when hub.state.url is
 * empty (one node), PostgreSQL when it names one (any number of nodes). Opening it brings its schema up to date
 * ({@link StateSchema}); the same SQL serves both.
 */
public final class StateStore implements AutoCloseable {

    /** Which database holds the state. */
    public enum Kind { EMBEDDED_H2, POSTGRESQL }

    private static final Duration BEHIND_MARGIN = Duration.ofSeconds(5);
    private static final String POSTGRESQL_PREFIX = "jdbc:postgresql:";

    private final Kind kind;
    private final DataSource dataSource;
    private final String location;
    private final AutoCloseable pool;

    private StateStore(Kind kind, DataSource dataSource, String location, AutoCloseable pool) {
        this.kind = kind;
        this.dataSource = dataSource;
        this.location = location;
        this.pool = pool;
    }

    /** The store the settings name: hub.state.url, or the embedded file under hub.data-dir. */
    public static StateStore open(HubSettings settings) {
        int maxConnections = settings.integer("hub.state.max-connections");
        Optional<String> url = settings.optional("hub.state.url");
        if (url.isEmpty()) {
            return embedded(settings.dataDir(), maxConnections);
        }
        return postgresql(url.get(), settings.optional("hub.state.username").orElse(null),
                settings.optional("hub.state.password").orElse(null), maxConnections);
    }

    public static StateStore embedded(Path dataDir, int maxConnections) {
        HikariDataSource pool = EmbeddedStateFile.open(dataDir, maxConnections);
        EmbeddedStateHousekeeping housekeeping;
        try {
            housekeeping = EmbeddedStateHousekeeping.start(pool);
        } catch (SQLException | RuntimeException e) {
            pool.close();
            throw new IllegalStateException("State database " + EmbeddedStateFile.file(dataDir) + " cannot be opened: "
                    + e.getMessage(), e);
        }
        return new StateStore(Kind.EMBEDDED_H2, pool, EmbeddedStateFile.file(dataDir).toString(), () -> {
            housekeeping.close();
            Optional<EmbeddedStateCompaction.Occupancy> occupancy = EmbeddedStateCompaction.occupancy(pool);
            pool.close();
            occupancy.filter(file -> file.worthCompacting(EmbeddedStateCompaction.MIN_RECLAIMED_BYTES))
                    .ifPresent(file -> EmbeddedStateCompaction.compact(dataDir, file));
        });
    }

    /**
     * @throws IllegalArgumentException when the URL is not a PostgreSQL one
     * @throws IllegalStateException    when the server does not answer or refuses the login; the message names the
     *                                  server (never the password) and the reason
     */
    public static StateStore postgresql(String url, String username, String password, int maxConnections) {
        if (!url.startsWith(POSTGRESQL_PREFIX)) {
            throw new IllegalArgumentException("hub.state.url must be empty (the embedded store) or a PostgreSQL URL"
                    + " (jdbc:postgresql://host:5432/database), not " + withoutQuery(url));
        }
        HikariConfig config = new HikariConfig();
        config.setPoolName("state-store");
        config.setJdbcUrl(url);
        config.setUsername(username);
        config.setPassword(password);
        config.setMaximumPoolSize(maxConnections);
        config.setMinimumIdle(1);
        // A store that does not answer is reported within seconds, at start and to a waiting case alike.
        config.setConnectionTimeout(Duration.ofSeconds(5).toMillis());
        config.setInitializationFailTimeout(Duration.ofSeconds(5).toMillis());
        HikariDataSource pool;
        try {
            pool = new HikariDataSource(config);
        } catch (RuntimeException e) {
            throw new IllegalStateException("State store " + withoutQuery(url) + " cannot be reached: "
                    + deepestMessage(e), e);
        }
        try {
            StateSchema.migrate(pool, Kind.POSTGRESQL);
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
        return new StateStore(Kind.POSTGRESQL, pool, withoutQuery(url), pool);
    }

    public Kind kind() {
        return kind;
    }

    public DataSource dataSource() {
        return dataSource;
    }

    /** Where the store is, for messages: the embedded file, or the PostgreSQL URL without its parameters. */
    public String location() {
        return location;
    }

    /** Whether the store answers a query now (readiness). */
    public boolean answers() {
        try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement()) {
            sql.setQueryTimeout(5);
            sql.execute("SELECT 1");
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    /**
     * A store restored from an older copy (or an H2 file cut short, which H2 reads back in an older state without an
     * error) has forgotten the last cases it recorded, and they would be forwarded again. The audit trail knows when
     * the last case was delivered; a ledger whose newest record is clearly older than that is behind, and the hub
     * refuses to start on it. (A case delivered just before a crash may miss its record by milliseconds: hence the
     * margin.)
     */
    public void requireNotBehind(Optional<Instant> lastDelivery) throws SQLException {
        if (lastDelivery.isEmpty()) {
            return;
        }
        Timestamp newest;
        try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement();
             ResultSet row = sql.executeQuery("SELECT MAX(createdAt) FROM CAMEL_MESSAGEPROCESSED")) {
            row.next();
            newest = row.getTimestamp(1);
        }
        Instant delivered = lastDelivery.get();
        if (newest == null || newest.toInstant().plus(BEHIND_MARGIN).isBefore(delivered)) {
            throw new IllegalStateException("State store " + location + " is behind the audit trail: its newest case"
                    + " was recorded " + (newest == null ? "never" : newest.toInstant()) + ", the trail's last delivery"
                    + " is of " + delivered + " (the store was cut short or restored from an older copy). Restore the"
                    + " backup that matches the audit trail: started on this store, the hub would forward delivered"
                    + " cases again.");
        }
    }

    @Override
    public void close() {
        try {
            pool.close();
        } catch (Exception e) {
            throw new IllegalStateException("Cannot close the state store " + location + ": " + e.getMessage(), e);
        }
    }

    /** A JDBC URL may carry the password as a parameter: never shown. */
    private static String withoutQuery(String url) {
        int query = url.indexOf('?');
        return query < 0 ? url : url.substring(0, query);
    }

    private static String deepestMessage(Throwable e) {
        Throwable deepest = e;
        while (deepest.getCause() != null && deepest.getCause() != deepest) {
            deepest = deepest.getCause();
        }
        String message = deepest.getMessage() == null ? deepest.getClass().getSimpleName() : deepest.getMessage();
        return message.lines().findFirst().orElse(message);
    }
}
