package netralitas.hub.state;

import org.h2.jdbcx.JdbcConnectionPool;
import org.postgresql.ds.PGSimpleDataSource;

import javax.sql.DataSource;
import java.nio.file.Path;

/** A new state store of either kind, for the tests that run one table's class or migration on both (SPEC §11). */
final class FreshStores {

    private FreshStores() {
    }

    /** The embedded H2 file under {@code dataDir}, or a new database on the test PostgreSQL server, migrated. */
    static StateStore open(StateStore.Kind kind, Path dataDir) {
        return switch (kind) {
            case EMBEDDED_H2 -> StateStore.embedded(dataDir, 4);
            case POSTGRESQL -> StateStore.postgresql(PostgresServer.newDatabase(), PostgresServer.USER, null, 4);
        };
    }

    /** The same, empty, for a migration test to bring to the version it starts from. */
    static DataSource unmigrated(StateStore.Kind kind, Path dataDir) {
        return switch (kind) {
            case EMBEDDED_H2 -> JdbcConnectionPool.create("jdbc:h2:file:" + dataDir.resolve("hub").toAbsolutePath(),
                    "hub", "");
            case POSTGRESQL -> {
                PGSimpleDataSource postgres = new PGSimpleDataSource();
                postgres.setUrl(PostgresServer.newDatabase());
                postgres.setUser(PostgresServer.USER);
                yield postgres;
            }
        };
    }
}
