package netralitas.hub.state;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;

/**
 * The state store's schema, created and upgraded at start by the versioned migrations in {@code db/migration} (SPEC
 * §11). The same migrations serve H2 and PostgreSQL; the few types that differ are placeholders. A state file of
 * release 0.1, which created its tables without Flyway, is baselined at version 0 and brought forward by V1, whose
 * statements are the ones that release ran. A schema newer than this hub knows is refused: an older hub writing into
 * it could lose what the newer one keeps there.
 */
public final class StateSchema {

    private static final Logger LOG = LoggerFactory.getLogger(StateSchema.class);

    private StateSchema() {
    }

    /** Brings the schema to the newest version this hub knows; returns how many migrations ran. */
    public static int migrate(DataSource dataSource, StateStore.Kind kind) {
        Flyway flyway = configure(dataSource, kind);
        refuseNewer(flyway);
        MigrateResult result = flyway.migrate();
        if (result.migrationsExecuted > 0) {
            LOG.info("State store schema brought from version {} to {} ({} migration(s))",
                    Optional.ofNullable(result.initialSchemaVersion).orElse("none"), result.targetSchemaVersion,
                    result.migrationsExecuted);
        }
        return result.migrationsExecuted;
    }

    /** The version the store is at, empty when no migration has run yet. */
    public static Optional<String> version(DataSource dataSource, StateStore.Kind kind) {
        MigrationInfo current = configure(dataSource, kind).info().current();
        return Optional.ofNullable(current).map(info -> info.getVersion().getVersion());
    }

    static Flyway configure(DataSource dataSource, StateStore.Kind kind) {
        return Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .placeholders(placeholders(kind))
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .baselineDescription("state of release 0.1, before migrations")
                // Future migrations are the concern of refuseNewer, with a message that says what to do.
                .ignoreMigrationPatterns("*:future")
                .loggers("slf4j")
                .load();
    }

    private static Map<String, String> placeholders(StateStore.Kind kind) {
        return switch (kind) {
            case EMBEDDED_H2 -> Map.of("binary", "VARBINARY(1000000)", "text", "CHARACTER LARGE OBJECT");
            case POSTGRESQL -> Map.of("binary", "BYTEA", "text", "TEXT");
        };
    }

    private static void refuseNewer(Flyway flyway) {
        MigrationVersion known = Arrays.stream(flyway.info().all())
                .filter(info -> info.getType() != null && !info.getState().name().startsWith("FUTURE"))
                .map(MigrationInfo::getVersion).filter(v -> v != null)
                .max(Comparator.naturalOrder()).orElse(MigrationVersion.EMPTY);
        MigrationInfo current = flyway.info().current();
        if (current != null && current.getVersion() != null && current.getVersion().compareTo(known) > 0) {
            throw new IllegalStateException("The state store is at schema version " + current.getVersion()
                    + ", newer than this hub knows (" + known + "): it was upgraded by a newer release. Run that"
                    + " release, or restore the store from a backup taken before the upgrade.");
        }
    }
}
