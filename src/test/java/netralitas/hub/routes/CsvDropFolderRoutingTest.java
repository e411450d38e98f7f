package netralitas.hub.routes;

import netralitas.hub.camel.FileTally;
import org.apache.camel.CamelContext;
import org.apache.camel.EndpointInject;
import org.apache.camel.builder.NotifyBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.main.MainConfigurationProperties;
import org.apache.camel.spi.StreamCachingStrategy;
import org.apache.camel.test.main.junit5.CamelMainTest;
import org.apache.camel.test.main.junit5.Configure;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Route ingest-csv with the files a shared folder gets (SPEC §3.1): the hub's own routes and beans, the pipeline after a
 * good row replaced by a mock. What a file costs the heap, a file without rows, an empty file, a quote left open, a
 * {@code .CSV} name.
 */
@CamelMainTest(propertyPlaceholderLocations = RouteTestHub.PROPERTIES,
        properties = {RouteTestHub.NO_MANAGEMENT, "hub.csv.poll-delay-ms=100", "hub.csv.read-lock-min-age-ms=100",
                "hub.csv.settle-ms=" + CsvDropFolderRoutingTest.SETTLE_MS},
        mockEndpointsAndSkip = "direct:intake")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CsvDropFolderRoutingTest {

    static final long SETTLE_MS = 6000;
    private static final String HEADER = "nomor_laporan;tanggal_kejadian;nip_terlapor;jenis_pelanggaran;uraian\n";

    @TempDir
    static Path work;

    @EndpointInject("mock:direct:intake")
    MockEndpoint intake;

    private Path drop;

    @Configure
    void configure(MainConfigurationProperties configuration) {
        RouteTestHub.in(work).routes("ingest-csv.camel.yaml").applyTo(configuration);
    }

    @BeforeEach
    void reset() throws IOException {
        MockEndpoint.resetMocks(intake.getCamelContext());
        drop = Files.createDirectories(work.resolve("drop"));
    }

    @Test
    void aFileIsReadFromItsStreamNeverCopiedIntoTheHeap() throws Exception {
        StreamCachingStrategy.Statistics statistics = context().getStreamCachingStrategy().getStatistics();
        statistics.setStatisticsEnabled(true);
        statistics.reset();
        dropFile("stream.csv", HEADER + row(1, "baris satu") + row(2, "baris dua"));

        awaitGone("stream.csv");
        assertEquals(2, intake.getReceivedCounter());
        // Stream caching copied the file's stream whole before its first row: a 200 MB file ran a 256 MB hub out of
        // memory and stopped the folder's poller.
        assertEquals(0, statistics.getCacheMemoryCounter() + statistics.getCacheSpoolCounter(),
                "copies of a stream made by stream caching");
    }

    @Test
    void aFileWithoutRowsEndsWithItsCountsNotItsText() throws Exception {
        NotifyBuilder done = new NotifyBuilder(context()).fromRoute("ingest-csv").whenDone(1)
                .whenBodiesDone(new FileTally.Counts(0, 0)).create();
        // The summary line printed the file's text when nothing replaced the stream: a header may name a reporter.
        dropFile("kosong.csv", HEADER + "\n\n");

        assertTrue(done.matches(20, TimeUnit.SECONDS), "the file's result is its counts");
        awaitGone("kosong.csv");
        assertEquals(1, filesIn("done", "kosong-.*\\.csv"));
    }

    @Test
    void anEmptyFileWaitsWhileYoungWithoutHoldingUpOthersThenFailsWithItsReason() throws Exception {
        Files.createFile(drop.resolve("belum-ditulis.csv"));
        dropFile("sesudahnya.csv", HEADER + row(3, "baris tiga"));

        awaitGone("sesudahnya.csv");
        assertTrue(Files.exists(drop.resolve("belum-ditulis.csv")), "an empty young file is a writer not started yet");
        // Camel's read lock never granted an empty file (one byte at least): it stayed there for ever, unsaid.
        awaitGone("belum-ditulis.csv");
        assertEquals(1, filesIn("failed", "belum-ditulis-.*\\.csv"));
        try (Stream<Path> reasons = Files.list(drop.resolve("failed"))) {
            Path reason = reasons.filter(f -> f.getFileName().toString().matches("belum-ditulis-.*\\.reason\\.txt"))
                    .findFirst().orElseThrow();
            assertTrue(Files.readString(reason).contains("berkas kosong"), Files.readString(reason));
        }
    }

    @Test
    void aQuoteLeftOpenIsReadOnceWhileYoungAndOnceSettledNotAtEveryPoll() throws Exception {
        dropFile("kutip.csv", HEADER + row(4, "baris empat") + "LAP-5;2024-10-05;197803122003121004;BANNER;\"kutip terbuka\n"
                + row(6, "baris enam"));

        awaitGone("kutip.csv");
        // Read at every poll until it settled (1 s apart in production: 54 readings, 54 DUPLICATEs of each row before).
        assertTrue(intake.getReceivedCounter() <= 2, intake.getReceivedCounter() + " readings of the row before the quote");
        List<String> rejects = Files.readAllLines(onlyFile("done", "kutip-.*\\.rejected\\.csv"), StandardCharsets.UTF_8);
        assertEquals(2, rejects.size(), rejects.toString());
        assertTrue(rejects.get(1).contains(";3;") && rejects.get(1).contains("baris ini dan semua baris sesudahnya"),
                rejects.get(1));
    }

    @Test
    void anUpperCaseExtensionIsADropToo() throws Exception {
        dropFile("LAPORAN.CSV", HEADER + row(7, "baris tujuh"));

        awaitGone("LAPORAN.CSV");
        assertEquals(1, intake.getReceivedCounter());
        assertEquals(1, filesIn("done", "LAPORAN-.*\\.csv"));
    }

    private CamelContext context() {
        return intake.getCamelContext();
    }

    private static String row(int number, String text) {
        return "LAP-" + number + ";2024-10-05;197803122003121004;BANNER;" + text + "\n";
    }

    /** Written beside the folder and moved in whole, as the README asks of writers. */
    private void dropFile(String name, String content) throws IOException {
        Path written = work.resolve(name + ".tmp");
        Files.writeString(written, content, StandardCharsets.UTF_8);
        Files.move(written, drop.resolve(name));
    }

    private void awaitGone(String name) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (Files.exists(drop.resolve(name))) {
            assertTrue(System.nanoTime() < deadline, name + " still in the drop folder");
            Thread.sleep(50);
        }
    }

    private long filesIn(String folder, String pattern) throws IOException {
        Path dir = drop.resolve(folder);
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().matches(pattern)).count();
        }
    }

    private Path onlyFile(String folder, String pattern) throws IOException {
        try (Stream<Path> files = Files.list(drop.resolve(folder))) {
            return files.filter(f -> f.getFileName().toString().matches(pattern)).findFirst().orElseThrow();
        }
    }
}
