package netralitas.hub.e2e;

import netralitas.hub.audit.AuditEvent;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Bad rows are kept with their reason; the same file dropped twice forwards nothing the second time. */
class CsvRejectsAndDuplicatesTest {

    private static final String HEADER = "nip_terlapor,nama_terlapor,tanggal_kejadian,kode_wilayah,jenis_pelanggaran,uraian\n";

    private TestHub hub;

    @BeforeEach
    void start(@TempDir Path work) throws Exception {
        hub = new TestHub(work).start();
    }

    @AfterEach
    void stop() {
        hub.close();
    }

    @Test
    void badRowsGoToTheRejectsFileWithLineAndReasonWhileGoodRowsGoOn() throws Exception {
        String csv = HEADER
                + "197803122003121004,,2024-10-01,17.08,BANNER,Memasang baliho paslon\n"   // line 2: good
                + "198013322005011001,,2024-10-01,17.08,BANNER,Tanggal lahir salah\n"      // line 3: bad NIP
                + "197803122003121004,,2024-13-45,17.08,BANNER,Tanggal salah\n"             // line 4: bad date
                + "197803122003121004,,2024-10-02,17.08,BANNER,\n"                          // line 5: no description
                + ",\"=HYPERLINK(\"\"http://x.example\"\")\",2024-10-03,,BANNER,Tanpa NIP dan wilayah\n"; // line 6: formula, no region
        hub.dropAndAwait("campur.csv", csv);

        Path rejects;
        try (Stream<Path> files = Files.list(hub.doneDir())) {
            rejects = files.filter(f -> f.getFileName().toString().endsWith(".rejected.csv")).findFirst().orElseThrow();
        }
        assertTrue(rejects.getFileName().toString().startsWith("campur-"), rejects.toString());
        String movedCsv = rejects.getFileName().toString().replace(".rejected.csv", ".csv");
        assertTrue(Files.exists(hub.doneDir().resolve(movedCsv)), "the CSV and its rejects share one name");

        List<CSVRecord> rows;
        String rejectsText = Files.readString(rejects, StandardCharsets.UTF_8);
        assertTrue(rejectsText.startsWith("\uFEFF"), "a byte order mark, so that a spreadsheet reads UTF-8");
        try (Reader reader = new StringReader(rejectsText.substring(1));
             CSVParser parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader)) {
            assertEquals(List.of("nip_terlapor", "nama_terlapor", "tanggal_kejadian", "kode_wilayah", "jenis_pelanggaran",
                    "uraian", "baris", "alasan"), parser.getHeaderNames());
            rows = parser.getRecords().stream()
                    .sorted(Comparator.comparingInt(r -> Integer.parseInt(r.get("baris")))).toList();
        }
        assertEquals(4, rows.size());
        assertEquals("3", rows.get(0).get("baris"));
        assertTrue(rows.get(0).get("alasan").contains("tanggal lahir 19801332 tidak ada"), rows.get(0).get("alasan"));
        assertEquals("4", rows.get(1).get("baris"));
        assertTrue(rows.get(1).get("alasan").toLowerCase().contains("tanggal"), rows.get(1).get("alasan"));
        assertEquals("5", rows.get(2).get("baris"));
        assertTrue(rows.get(2).get("alasan").contains("uraian"), rows.get(2).get("alasan"));
        assertEquals("6", rows.get(3).get("baris"));
        assertEquals("'=HYPERLINK(\"http://x.example\")", rows.get(3).get("nama_terlapor"), "formula neutralised");

        List<AuditEvent> rejected = hub.audit().stream().filter(e -> "REJECTED".equals(e.event().name())).toList();
        assertEquals(List.of("campur.csv:3", "campur.csv:4", "campur.csv:5", "campur.csv:6"),
                rejected.stream().map(AuditEvent::source).sorted().toList());
        assertEquals(1, hub.imap().messages("bkpsdm.kab-kepahiang@pemda.example").size(), "the good row was delivered");
    }

    @Test
    void aFileThatCannotBeReadMovesToFailedWithItsReasonRecorded() throws Exception {
        hub.dropAndAwait("tanpa-uraian.csv", "nip_terlapor,tanggal_kejadian\n197803122003121004,2024-10-01\n");

        List<String> failed;
        try (Stream<Path> files = Files.list(hub.dropDir().resolve("failed"))) {
            failed = files.map(f -> f.getFileName().toString()).sorted().toList();
        }
        assertEquals(2, failed.size(), failed.toString());
        assertTrue(failed.get(0).matches("tanpa-uraian-\\d{8}-\\d{9}\\.csv"), failed.toString());
        assertEquals(failed.get(0).replace(".csv", ".reason.txt"), failed.get(1), "the reason beside the file");
        String reason = "baris judul kolom tidak lengkap: baris pertama berisi 2 kolom, 2 di antaranya dikenali;"
                + " kolom wajib tidak ada: uraian";
        assertEquals(reason + "\n", Files.readString(hub.dropDir().resolve("failed").resolve(failed.get(1))));
        AuditEvent rejected = hub.audit().stream().filter(e -> "REJECTED".equals(e.event().name())).findFirst().orElseThrow();
        assertEquals("tanpa-uraian.csv", rejected.source());
        assertEquals(reason, rejected.detail().get("alasan"));
        assertTrue(hub.imap().messages("bkpsdm.kab-kepahiang@pemda.example").isEmpty());
    }

    @Test
    void aFileStillBeingWrittenIsReadOnlyOnceComplete() throws Exception {
        hub.stopHub();
        // Writes come every 500 ms; the lock waits for 3 s of quiet, a wide margin on a loaded machine.
        hub.settings.put("hub.csv.read-lock-min-age-ms", "3000");
        hub.start();
        Files.createDirectories(hub.dropDir());
        Path file = hub.dropDir().resolve("pelan.csv");
        Files.writeString(file, HEADER, StandardCharsets.UTF_8);
        for (int i = 0; i < 5; i++) {
            Thread.sleep(500);
            Files.writeString(file, "197803122003121004,,2024-10-0" + (i + 1) + ",17.08,BANNER,Baliho ke-" + i + "\n",
                    StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);
        }
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(60);
        while (Files.exists(file)) {
            assertTrue(System.nanoTime() < deadline, "not processed");
            Thread.sleep(100);
        }
        assertEquals(5, hub.audit().stream().filter(e -> "DELIVERED".equals(e.event().name())).count(),
                "every row of the slowly written file, read once");
    }

    @Test
    void theSameFileDroppedTwiceForwardsNothingTheSecondTime() throws Exception {
        String csv = HEADER + "197803122003121004,,2024-10-01,17.08,BANNER,Memasang baliho paslon di kantor\n";
        hub.dropAndAwait("laporan.csv", csv);
        hub.dropAndAwait("laporan.csv", csv);
        hub.dropAndAwait("laporan-lagi.csv", csv);

        assertEquals(1, hub.imap().messages("bkpsdm.kab-kepahiang@pemda.example").size());
        List<AuditEvent> events = hub.audit();
        assertEquals(1, events.stream().filter(e -> "DELIVERED".equals(e.event().name())).count());
        assertEquals(2, events.stream().filter(e -> "DUPLICATE".equals(e.event().name())).count());
        try (Stream<Path> done = Files.list(hub.doneDir())) {
            assertEquals(3, done.filter(f -> f.toString().endsWith(".csv")).count(), "no moved file overwritten");
        }
    }

    @Test
    void copiesOfOneReportInOneFileAreForwardedOnceAlthoughRowsRunInParallel() throws Exception {
        String row = "197803122003121004,,2024-10-01,17.08,BANNER,Memasang baliho paslon di kantor\n";
        hub.dropAndAwait("laporan.csv", HEADER + row.repeat(8));
        assertEquals(1, hub.imap().messages("bkpsdm.kab-kepahiang@pemda.example").size());
        assertEquals(7, hub.audit().stream().filter(e -> "DUPLICATE".equals(e.event().name())).count());
    }

    @Test
    void aDuplicateIsStillRecognisedAfterARestart() throws Exception {
        String csv = HEADER + "197803122003121004,,2024-10-01,17.08,BANNER,Memasang baliho paslon di kantor\n";
        hub.dropAndAwait("laporan.csv", csv);
        hub.stopHub();
        hub.start();
        hub.dropAndAwait("laporan.csv", csv);
        assertEquals(1, hub.imap().messages("bkpsdm.kab-kepahiang@pemda.example").size());
        assertEquals(1, hub.audit().stream().filter(e -> "DUPLICATE".equals(e.event().name())).count());
    }
}
