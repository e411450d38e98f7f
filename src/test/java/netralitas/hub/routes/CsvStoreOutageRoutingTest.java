package netralitas.hub.routes;

import org.apache.camel.EndpointInject;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.main.MainConfigurationProperties;
import org.apache.camel.test.main.junit5.CamelMainTest;
import org.apache.camel.test.main.junit5.Configure;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Route ingest-csv when the state store stops answering while a file is read, past store-retries' tries: the file is
 * left in the drop folder and read again from the start once the store answers, never rejected as unreadable (it was
 * moved to {@code failed/} while the doCatch branched by an onWhen whose bean never saw the exception). The rows step
 * is a mock endpoint that fails as a lost PostgreSQL connection does, a few times, then reads the file.
 */
@CamelMainTest(propertyPlaceholderLocations = RouteTestHub.PROPERTIES,
        properties = {RouteTestHub.NO_MANAGEMENT, "hub.csv.poll-delay-ms=100", "hub.csv.read-lock-min-age-ms=100"},
        mockEndpointsAndSkip = "direct:csv-rows")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CsvStoreOutageRoutingTest {

    private static final int FAILED_READS = 3;

    @TempDir
    static Path work;

    @EndpointInject("mock:direct:csv-rows")
    MockEndpoint rows;

    @Configure
    void configure(MainConfigurationProperties configuration) {
        RouteTestHub.in(work).routes("ingest-csv.camel.yaml").applyTo(configuration);
    }

    @Test
    void aFileReadWhileTheStoreIsDownStaysInTheDropFolderAndIsReadOnceItAnswers() throws Exception {
        AtomicInteger reads = new AtomicInteger();
        rows.whenAnyExchangeReceived(e -> {
            if (reads.incrementAndGet() <= FAILED_READS) {
                throw new SQLException("An I/O error occurred while sending to the backend.", "08006");
            }
            e.getIn().setBody("0 rows");
        });
        Path drop = work.resolve("drop");
        Files.createDirectories(drop);
        Path written = work.resolve("laporan.csv");
        Files.writeString(written, "nomor_laporan;tanggal_kejadian;nip_terlapor;jenis_pelanggaran;uraian\n",
                StandardCharsets.UTF_8);
        Files.move(written, drop.resolve("laporan.csv"));

        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (Files.exists(drop.resolve("laporan.csv"))) {
            assertTrue(System.nanoTime() < deadline, "the file was not read once the store answered: " + reads.get()
                    + " reads");
            assertFalse(Files.exists(drop.resolve("failed")), "rejected as unreadable");
            Thread.sleep(50);
        }
        assertEquals(FAILED_READS + 1, reads.get(), "read again after each outage, and once more");
        try (Stream<Path> done = Files.list(drop.resolve("done"))) {
            assertEquals(1, done.filter(file -> file.getFileName().toString().matches("laporan-.*\\.csv")).count(),
                    "finished");
        }
        try (Stream<Path> failed = Files.exists(drop.resolve("failed")) ? Files.list(drop.resolve("failed"))
                : Stream.empty()) {
            assertEquals(0, failed.count(), "nothing rejected");
        }
    }
}
