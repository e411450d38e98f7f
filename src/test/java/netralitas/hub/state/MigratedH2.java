package netralitas.hub.state;

import org.h2.jdbcx.JdbcConnectionPool;

import java.nio.file.Path;

/** H2 databases with the state store's schema, for tests of one table's class. */
public final class MigratedH2 {

    private MigratedH2() {
    }

    /** A database in memory, gone when the test's pool is disposed. */
    public static JdbcConnectionPool inMemory(String name) {
        return migrated(JdbcConnectionPool.create("jdbc:h2:mem:" + name + "-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1",
                "hub", ""));
    }

    /** A database in the file {@code base}.mv.db, which survives its pool (a restart). */
    public static JdbcConnectionPool inFile(Path base) {
        return migrated(JdbcConnectionPool.create("jdbc:h2:file:" + base.toAbsolutePath() + ";WRITE_DELAY=0", "hub", ""));
    }

    private static JdbcConnectionPool migrated(JdbcConnectionPool pool) {
        StateSchema.migrate(pool, StateStore.Kind.EMBEDDED_H2);
        return pool;
    }
}
