package netralitas.hub.state;

import org.h2.jdbcx.JdbcConnectionPool;
import org.postgresql.ds.PGSimpleDataSource;

import javax.sql.DataSource;
import java.nio.file.Path;

/** An empty store of either kind, for a migration test to bring to the version it starts from. */
final class UnmigratedStore {

    private UnmigratedStore() {
    }

    /** An H2 file under {@code dir}, or a fresh PostgreSQL database of the tests' server. */
    static DataSource of(StateStore.Kind kind, Path dir) {
        if (kind == StateStore.Kind.EMBEDDED_H2) {
            return JdbcConnectionPool.create("jdbc:h2:file:" + dir.resolve("hub").toAbsolutePath(), "hub", "");
        }
        PGSimpleDataSource postgres = new PGSimpleDataSource();
        postgres.setUrl(PostgresServer.newDatabase());
        postgres.setUser(PostgresServer.USER);
        return postgres;
    }
}
