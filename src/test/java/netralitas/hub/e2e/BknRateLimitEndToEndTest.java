package netralitas.hub.e2e;

import netralitas.hub.bench.GeneratedEmployees;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * SPEC §4.2: the hub never sends BKN more than {@code hub.bkn.rate-limit-per-second} requests within one second as
 * BKN counts them, a sliding window (any second, not only clock seconds), token requests and retries included. The
 * real routes against the real simulator over HTTP, with the simulator holding the same limit (a request beyond it is
 * answered 429) and measuring the busiest second it saw. Every report closes the case without a mail (passive
 * attendance), so that BKN, not the SMTP server, sets the pace. The 5/s run of 1,000 requests is in
 * {@code bench/latency-bound.sh} (it takes over three minutes).
 */
class BknRateLimitEndToEndTest {

    private static final String HEADER = "nomor_laporan;tanggal_kejadian;nip_terlapor;jenis_pelanggaran;uraian\n";

    private TestHub hub;

    @AfterEach
    void stop() {
        if (hub != null) {
            hub.close();
        }
    }

    /** 1,000 employees at 50/s, BKN answering after 20 ms and failing 5 % of the calls (each retry is a request too). */
    @Test
    void fiftyPerSecondOverAThousandRequests(@TempDir Path work) throws Exception {
        int rows = 1_000;
        hub = hubLimitedTo(work, 50);
        hub.bkn.setLatency(Duration.ofMillis(20));
        hub.bkn.setFailureRatio(0.05, 503);

        dropAndAwait("seribu.csv", csv(rows, 0), rows, 50);

        assertHeldTheLimit(50, rows);
    }

    /** At 5/s, with a token that lasts 2 s: the hub renews it several times during the run, within the same limit. */
    @Test
    void fivePerSecondWithTokenRenewalsAndRetries(@TempDir Path work) throws Exception {
        int rows = 40;
        hub = hubLimitedTo(work, 5);
        hub.bkn.tokenLifetime(Duration.ofSeconds(2));
        hub.bkn.setFailureRatio(0.1, 503);

        dropAndAwait("empat-puluh.csv", csv(rows, 5_000), rows, 5);

        assertTrue(hub.bkn.tokenRequests() >= 3, "the token was renewed during the run: " + hub.bkn.tokenRequests());
        assertHeldTheLimit(5, rows);
    }

    private static TestHub hubLimitedTo(Path work, int perSecond) throws Exception {
        TestHub hub = new TestHub(work, GeneratedEmployees.simulator(TestHub.PROJECT.resolve("config"),
                TestHub.CONSUMER_KEY, TestHub.CONSUMER_SECRET), false);
        hub.settings.put("hub.bkn.rate-limit-per-second", String.valueOf(perSecond));
        hub.bkn.setRateLimitPerSecond(perSecond);
        return hub.start();
    }

    private void assertHeldTheLimit(int perSecond, int rows) throws Exception {
        // The file leaves the drop folder once each row is handled, and a case whose BKN calls all failed is handled by
        // being deferred: it comes back on its own within hub.deferred.retry-delay-ms, through the same limit.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (hub.audit().stream().filter(e -> "CLOSED".equals(e.event().name())).count() < rows
                && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        int requests = hub.bkn.dataRequests() + hub.bkn.tokenRequests();
        System.out.printf("BKN at %d/s: %d data-utama + %d token requests, worst second %d, 429s %d%n", perSecond,
                hub.bkn.dataRequests(), hub.bkn.tokenRequests(), hub.bkn.worstSecond(), hub.bkn.tooManyRequestsSent());
        assertTrue(hub.bkn.dataRequests() >= rows, "every employee was looked up: " + hub.bkn.dataRequests());
        assertEquals(0, hub.bkn.tooManyRequestsSent(), "429 answers from BKN");
        assertTrue(hub.bkn.worstSecond() <= perSecond, "BKN counted " + hub.bkn.worstSecond()
                + " requests within one second, limit " + perSecond + " (" + requests + " requests in all)");
        assertEquals(rows, hub.audit().stream().filter(e -> "CLOSED".equals(e.event().name())).count(),
                "every case enriched and closed");
        assertEquals(rows, hub.audit().stream().filter(e -> "ENRICHED".equals(e.event().name())).count());
    }

    /**
     * Drops the file (written aside, then moved in) and waits until the hub has moved it out of the drop folder, which
     * it does once every row is handled: at the limit, about {@code rows / perSecond} seconds.
     */
    private void dropAndAwait(String fileName, String content, int rows, int perSecond) throws Exception {
        Files.createDirectories(hub.dropDir());
        Path aside = hub.work.resolve(fileName + ".part");
        Files.writeString(aside, content, StandardCharsets.UTF_8);
        Path dropped = hub.dropDir().resolve(fileName);
        Files.move(aside, dropped, StandardCopyOption.ATOMIC_MOVE);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60 + 4L * rows / perSecond);
        while (Files.exists(dropped)) {
            assertTrue(System.nanoTime() < deadline, "the hub did not finish " + fileName);
            Thread.sleep(100);
        }
    }

    /** {@code rows} reports of passive attendance, each about another employee. */
    private static String csv(int rows, long firstNip) {
        StringBuilder csv = new StringBuilder(HEADER);
        for (int i = 0; i < rows; i++) {
            csv.append("R-").append(firstNip + i).append(";2024-10-0").append(1 + i % 9).append(';')
                    .append(GeneratedEmployees.nip(firstNip + i)).append(";PASSIVE_ATTENDANCE;")
                    .append("Hadir mendengarkan visi-misi pasangan calon, laporan nomor ").append(firstNip + i)
                    .append('\n');
        }
        return csv.toString();
    }
}
