package netralitas.hub.e2e;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Health and metrics over real HTTP, on the Camel management server of the real hub: readiness goes from not ready to
 * ready, back to not ready when a route is down, and the Prometheus endpoint shows the hub's case counters.
 */
class ObservabilityEndToEndTest {

    private static final String CSV = "tanggal_kejadian;nip_terlapor;kode_wilayah;jenis_pelanggaran;uraian\n"
            + "2024-10-01;197803122003121004;17.08;PARTISAN_ACTIVITY;Mengajak memilih paslon di kantor\n"
            + "2024-10-02;bukan-nip;17.08;PARTISAN_ACTIVITY;Mengajak memilih paslon\n";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @Test
    void readinessAndTheHubCountersOverHttp(@TempDir Path work) throws Exception {
        try (TestHub hub = new TestHub(work)) {
            String base = "http://127.0.0.1:" + hub.managementPort() + "/observe";
            List<Integer> seen = new ArrayList<>();
            CompletableFuture<Void> starting = CompletableFuture.runAsync(hub::start);
            while (!starting.isDone()) {
                seen.add(status(base + "/health/ready"));
                Thread.sleep(20);
            }
            starting.get(60, TimeUnit.SECONDS);
            awaitStatus(base + "/health/ready", 200);
            assertEquals(200, status(base + "/health/live"));
            assertTrue(seen.stream().anyMatch(code -> code != 200), "not ready while starting: " + seen);

            // (The routes one node of a cluster runs, ingest-csv and poll-mailbox, are stopped on the others by design:
            // their clustered route policy takes them out of readiness.)
            hub.context().getRouteController().stopRoute("resume-deferred");
            assertEquals(503, status(base + "/health/ready"), "not ready with a route down");
            hub.context().getRouteController().startRoute("resume-deferred");
            awaitStatus(base + "/health/ready", 200);

            hub.dropAndAwait("laporan.csv", CSV);
            String metrics = body(base + "/metrics");
            assertTrue(metrics.contains("netralitas_cases_total{channel=\"CSV\",event=\"DELIVERED\",region=\"17.08\","
                    + "severity=\"BERAT\"} 1.0"), metrics);
            assertTrue(metrics.contains("netralitas_cases_total{channel=\"CSV\",event=\"REJECTED\",region=\"-\","
                    + "severity=\"-\"} 1.0"), metrics);
            assertTrue(metrics.contains("routeId=\"deliver\""), "per-route counts");
        }
    }

    /** Consumers report ready after their first poll, a moment after the routes started. */
    private void awaitStatus(String url, int expected) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (status(url) != expected) {
            assertTrue(System.nanoTime() < deadline, url + " never answered " + expected + ": "
                    + body(url.replace("/ready", "") + "?exposureLevel=full"));
            Thread.sleep(100);
        }
    }

    /** The status code, or -1 while nothing listens yet. */
    private int status(String url) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(2)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (Exception e) {
            return -1;
        }
    }

    private String body(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString()).body();
    }
}
