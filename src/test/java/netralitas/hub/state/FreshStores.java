package netralitas.hub.state;

import java.nio.file.Path;

/** A new, migrated state store of either kind, for the tests that run one table's class on both (SPEC §11). */
final class FreshStores {

    private FreshStores() {
    }

    /** The embedded H2 file under {@code dataDir}, or a new database on the test PostgreSQL server. */
    static StateStore open(StateStore.Kind kind, Path dataDir) {
        return switch (kind) {
            case EMBEDDED_H2 -> StateStore.embedded(dataDir, 4);
            case POSTGRESQL -> StateStore.postgresql(PostgresServer.newDatabase(), PostgresServer.USER, null, 4);
        };
    }
}
