package netralitas.hub.e2e;

import netralitas.hub.audit.AuditEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * SPEC §3.1: a file whose writer pauses, or goes on after the hub has read it, loses no row and rejects none that was
 * only cut short. Every row is handled exactly once: delivered once, never rejected.
 */
class CsvSlowWriterEndToEndTest {

    private static final String HEADER = "nip_terlapor,nama_terlapor,tanggal_kejadian,kode_wilayah,jenis_pelanggaran,uraian\n";
    private static final String KEPAHIANG = "bkpsdm.kab-kepahiang@pemda.example";

    private TestHub hub;

    @AfterEach
    void stop() {
        if (hub != null) {
            hub.close();
        }
    }

    private static String row(int i) {
        return "197803122003121004,,2024-10-" + String.format("%02d", 1 + i % 28) + ",17.08,BANNER,Memasang baliho paslon nomor "
                + i + "\n";
    }

    private static String rows(int from, int to) {
        StringBuilder rows = new StringBuilder();
        for (int i = from; i < to; i++) {
            rows.append(row(i));
        }
        return rows.toString();
    }

    @Test
    void aWriterPausingInTheMiddleOfARowLongerThanTheReadLockWaits(@TempDir Path work) throws Exception {
        long minAge = 1000;
        hub = new TestHub(work);
        hub.settings.put("hub.csv.read-lock-min-age-ms", String.valueOf(minAge));
        hub.settings.put("hub.csv.settle-ms", "60000");
        hub.start();
        Files.createDirectories(hub.dropDir());
        Path file = hub.dropDir().resolve("pelan.csv");
        String content = HEADER + rows(0, 6);
        int cut = content.indexOf(row(3)) + 20;
        // One open file, as an upload or a copy over a network share writes it.
        try (OutputStream writer = Files.newOutputStream(file)) {
            writer.write(content.substring(0, cut).getBytes(StandardCharsets.UTF_8));
            writer.flush();
            Thread.sleep(3 * minAge);
            writer.write(content.substring(cut).getBytes(StandardCharsets.UTF_8));
        }
        await(() -> !Files.exists(file), "pelan.csv was not handled");

        assertEachRowHandledOnce(6);
        assertTrue(Files.notExists(hub.dropDir().resolve("failed")), "nothing failed");
    }

    @Test
    void aFileThatGrowsWhileTheHubReadsItIsReadAgainFromTheStart(@TempDir Path work) throws Exception {
        hub = new TestHub(work).start();
        Files.createDirectories(hub.dropDir());
        Path file = hub.dropDir().resolve("besar.csv");
        try (OutputStream writer = Files.newOutputStream(file)) {
            writer.write((HEADER + rows(0, 200)).getBytes(StandardCharsets.UTF_8));
            writer.flush();
            // The writer goes on while the hub is in the middle of the file: its rows are being received.
            await(() -> events("RECEIVED").stream().anyMatch(e -> e.source().startsWith("besar.csv:")),
                    "the hub did not start reading besar.csv");
            writer.write(rows(200, 203).getBytes(StandardCharsets.UTF_8));
        }
        await(() -> !Files.exists(file), "besar.csv was not handled");

        assertEachRowHandledOnce(203);
        assertFalse(events("DUPLICATE").isEmpty(), "read again from the start: rows already handled are duplicates");
        try (Stream<Path> done = Files.list(hub.doneDir())) {
            assertEquals(List.of(), done.filter(f -> f.toString().endsWith(".rejected.csv")).toList(),
                    "no rejects file, not even of the abandoned reading");
        }
    }

    @Test
    void rowsAppendedAfterTheHubTookTheFileAwayAreReadWithItsHeader(@TempDir Path work) throws Exception {
        hub = new TestHub(work).start();
        Files.createDirectories(hub.dropDir());
        Path file = hub.dropDir().resolve("tambah.csv");
        // A writer that opens the file for each batch: its second batch creates a new file holding only those rows.
        Files.writeString(file, HEADER + rows(0, 3), StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
        await(() -> !Files.exists(file) && events("DELIVERED").size() == 3, "the first batch was not handled");
        Files.writeString(file, rows(3, 6), StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        await(() -> !Files.exists(file), "the second batch was not handled");

        assertEachRowHandledOnce(6);
        assertTrue(Files.notExists(hub.dropDir().resolve("failed")), "the second batch was not rejected as a whole");
        assertEquals(List.of("tambah.csv:1", "tambah.csv:2", "tambah.csv:3"), events("RECEIVED").stream()
                .map(AuditEvent::source).skip(3).sorted().toList(), "lines of the second file");
    }

    private void assertEachRowHandledOnce(int rows) throws Exception {
        assertEquals(List.of(), events("REJECTED"), "no row rejected");
        Map<String, Long> delivered = events("DELIVERED").stream()
                .collect(Collectors.groupingBy(AuditEvent::caseId, Collectors.counting()));
        assertEquals(rows, delivered.size(), "every row became a delivered case");
        delivered.forEach((caseId, times) -> assertEquals(1L, times, caseId + " delivered once"));
        assertEquals(rows, hub.imap().messages(KEPAHIANG).size(), "one mail per row");
    }

    private List<AuditEvent> events(String type) {
        try {
            return hub.audit().stream().filter(e -> type.equals(e.event().name())).toList();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void await(BooleanSupplier condition, String failure) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, failure);
            Thread.sleep(50);
        }
    }
}
