package netralitas.hub.e2e;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import jakarta.mail.internet.MimeMessage;
import netralitas.hub.audit.AuditEvent;
import netralitas.hub.bench.GeneratedEmployees;
import netralitas.hub.embedded.BknSimulator;
import netralitas.hub.embedded.EmbeddedMailServer;
import netralitas.hub.state.PostgresServer;
import netralitas.hub.state.StateStore;
import netralitas.hub.testing.FreePort;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * PostgreSQL stops under a running hub in the middle of a CSV file and comes back a little later (SPEC §11): the cases
 * in flight wait for the store instead of being dead-lettered, the file is finished once the store answers again, and
 * every case reaches its office once (or is parked as "delivery uncertain" when the store went away between the send
 * and its record); the trail in the store verifies.
 */
class StoreOutageEndToEndTest {

    private static final int ROWS = 300;
    private static final int WORKERS = 2;

    @Test
    void theStoreStopsAndComesBackWhileAFileIsRead(@TempDir Path work) throws Exception {
        Path pgData = work.resolve("pg");
        int pgPort = FreePort.next();
        EmbeddedPostgres postgres = postgres(pgData, pgPort);
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement sql = connection.createStatement()) {
            sql.execute("CREATE DATABASE hub_outage");
        }
        String stateUrl = postgres.getJdbcUrl(PostgresServer.USER, "hub_outage");
        try (EmbeddedMailServer mail = new EmbeddedMailServer(0, 0).start();
             BknSimulator bkn = GeneratedEmployees.simulator(TestHub.PROJECT.resolve("config"), TestHub.CONSUMER_KEY,
                     TestHub.CONSUMER_SECRET)) {
            bkn.start();
            Map<String, String> settings = TestHub.settings(work, mail, bkn, mail.smtpPort());
            settings.put("hub.state.url", stateUrl);
            settings.put("hub.state.username", PostgresServer.USER);
            settings.put("hub.pipeline.workers", String.valueOf(WORKERS));
            Files.createDirectories(work.resolve("drop"));
            Path log = work.resolve("hub.log");
            try (HubProcess hub = HubProcess.start(settings, log)) {
                Path csv = work.resolve("laporan.csv");
                Files.writeString(csv, SedangReports.csv(ROWS), StandardCharsets.UTF_8);
                Files.move(csv, work.resolve("drop/laporan.csv"), StandardCopyOption.ATOMIC_MOVE);
                await(() -> DeliveredCopies.caseMails(mail).size() >= ROWS / 5, "a fifth of the file delivered", log);

                postgres.close();
                Thread.sleep(4_000);
                postgres = postgres(pgData, pgPort);

                await(() -> !Files.exists(work.resolve("drop/laporan.csv")), "the file finished", log);
                assertTrue(hub.isAlive(), "the hub stopped\n" + RawTrail.logTail(log, 30));
            }
            try (StateStore store = StateStore.postgresql(stateUrl, PostgresServer.USER, null, 2)) {
                Map<String, Long> delivered = ClusterNodes.events(store, "DELIVERED").stream()
                        .collect(Collectors.groupingBy(AuditEvent::caseId, Collectors.counting()));
                delivered.forEach((caseId, times) -> assertEquals(1L, times, caseId + " delivered once"));
                List<AuditEvent> parked = ClusterNodes.events(store, "DEAD_LETTERED");
                Set<String> uncertain = parked.stream()
                        .filter(e -> String.valueOf(e.alasan()).startsWith("delivery uncertain"))
                        .map(AuditEvent::caseId).collect(Collectors.toSet());
                assertEquals(uncertain.size(), parked.size(), "dead-lettered for another reason than an uncertain"
                        + " delivery: " + parked);
                assertTrue(uncertain.size() <= WORKERS, "more uncertain cases than workers: " + uncertain);
                Set<String> accounted = new HashSet<>(delivered.keySet());
                accounted.addAll(uncertain);
                assertEquals(ROWS, accounted.size(), "every case delivered, or parked as uncertain\n"
                        + RawTrail.logTail(log, 40));
                DeliveredCopies.assertEachCaseReachedEachOfItsRecipientsOnce(DeliveredCopies.caseMails(mail), delivered.keySet(),
                        uncertain);
                HubProcess.Output verify = HubProcess.command(settings, work.resolve("verify.txt"), "audit", "verify");
                assertEquals(0, verify.exit(), verify.out());
                System.out.printf("Store outage: %d cases delivered, %d uncertain, %d WARN lines about the store%n",
                        delivered.size(), uncertain.size(), warnings(log));
            }
        } finally {
            postgres.close();
        }
    }

    private static EmbeddedPostgres postgres(Path data, int port) throws Exception {
        return EmbeddedPostgres.builder().setDataDirectory(data).setCleanDataDirectory(false).setPort(port).start();
    }

    private static long warnings(Path log) throws Exception {
        try (Stream<String> lines = Files.lines(log)) {
            return lines.filter(line -> line.contains(" WARN ") && line.toLowerCase().contains("store")).count();
        }
    }

    private static void await(BooleanSupplier condition, String what, Path log) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(240);
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "timed out waiting until " + what + "\n" + RawTrail.logTail(log, 40));
            Thread.sleep(200);
        }
    }

}
