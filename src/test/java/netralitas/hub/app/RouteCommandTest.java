package netralitas.hub.app;

import netralitas.hub.testing.FolderCopy;
import netralitas.hub.testing.RefusingPort;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code route --dry-run} on a copy of the hub's config/ and routes/: the routes' real decisions, from a CSV or a raw
 * message, with BKN (the embedded mode's simulator) or offline, and nothing sent or recorded.
 */
class RouteCommandTest {

    private static final Path PROJECT = Path.of("").toAbsolutePath();

    private static final Path SAMPLE_CSV = PROJECT.resolve("config/dev/samples/laporan-contoh.csv");
    private static final Path MAIL = PROJECT.resolve("src/test/resources/mail");

    @TempDir
    Path work;
    private Path home;
    private String out;
    private String err;

    @BeforeEach
    void copyHome() throws IOException {
        home = FolderCopy.hubHome(work.resolve("home"));
    }

    @Test
    void printsWhatTheRoutesDecideForEachRowWithTheBknRecord() throws Exception {
        assertEquals(0, run("route", "--dry-run", SAMPLE_CSV.toString()), err);

        assertTrue(row("197803122003121004").contains("ARIF WICAKSONO, S.E., M.M."), out);
        assertTrue(row("197803122003121004").matches(".*BERAT +17\\.08 Kabupaten Kepahiang +IMMEDIATE +"
                + "bkpsdm\\.kab-kepahiang@pemda\\.example, cc:inspektorat\\.kab-kepahiang@pemda\\.example, "
                + "cc:kanreg-vii\\.palembang@bkn\\.example .*BKN: terverifikasi.*"), out);
        assertTrue(row("198911252014022001").matches(".*BUKAN_PELANGGARAN +17\\.08 Kabupaten Kepahiang +CLOSED .*"), out);
        assertTrue(row("199107142022212005").matches(".*RINGAN +17\\.07 Kabupaten Lebong +DIGEST +bkpsdm\\.kab-lebong@pemda\\.example .*"), out);
        assertTrue(row("198603042009121001").matches(".*instansi pusat +IMMEDIATE +asn-instansi-pusat@bawaslu\\.example .*"), out);
        assertTrue(row("Zulkifli Anwar").contains("IMMEDIATE  bawaslu.kab-bungo@bawaslu.example"), out);
        assertTrue(row("Heru Pratama").matches(".* - +TRIAGE +triase@bawaslu\\.example .*"), out);
        assertTrue(out.contains("13 reports, 1 CLOSED, 1 DIGEST, 10 IMMEDIATE, 1 TRIAGE. Dry run: nothing was sent or recorded."), out);
        // The deadline each case would get (SPEC §12): by severity, Bawaslu's own for village heads and triage.
        assertTrue(out.lines().findFirst().orElseThrow().contains("RECIPIENTS") && out.contains("DEADLINE"), out);
        assertTrue(row("197803122003121004").matches(".* \\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2} \\S+ \\(P14D hari kerja\\) .*"), out);
        assertTrue(row("Zulkifli Anwar").contains("(P7D hari kerja)"), out);
        assertTrue(row("Heru Pratama").contains("(P7D hari kerja)"), out);
        assertTrue(row("199107142022212005").contains("P30D hari kerja setelah rekap terkirim"), out);
        assertFalse(row("198911252014022001").contains("hari kerja"), "a case that is no violation has no deadline");
        assertFalse(Files.exists(home.resolve("data")), "a dry run keeps no state and writes no audit trail");
    }

    @Test
    void offlineTakesNamesAndRegionsFromTheReportAlone() throws Exception {
        assertEquals(0, run("route", "--dry-run", "--offline", SAMPLE_CSV.toString()), err);

        assertTrue(row("197803122003121004").contains("Arif Wicaksono"), out);
        assertTrue(row("197803122003121004").contains("BKN tidak ditanya (--offline); wilayah dari REPORT_CODE"), out);
        // Without BKN the central agency is not recognised: the report's region decides.
        assertTrue(row("198603042009121001").contains("17.08 Kabupaten Kepahiang"), out);
    }

    @Test
    void showsTheEffectOfARoutingChangeBeforeItIsDeployed() throws Exception {
        Path routes = home.resolve("routes/route.camel.yaml");
        String closed = """
                                  - setProperty:
                                      name: hubDecision
                                      constant: CLOSED
                """;
        String yaml = Files.readString(routes);
        assertTrue(yaml.contains(closed), "the fixture edit still fits route.camel.yaml");
        Files.writeString(routes, yaml.replace(closed, closed.replace("CLOSED", "TRIAGE") + """
                                  - setProperty:
                                      name: hubTo
                                      constant: "{{hub.routing.triage-inbox}}"
                """));

        assertEquals(0, run("route", "--dry-run", "--offline", SAMPLE_CSV.toString()), err);

        assertTrue(row("198911252014022001").matches(".*BUKAN_PELANGGARAN +17\\.08 Kabupaten Kepahiang +TRIAGE +triase@bawaslu\\.example .*"), out);
    }

    @Test
    void readsRawMessagesAsTheMailboxWould() throws Exception {
        assertEquals(0, run("route", "--dry-run", "--offline", MAIL.resolve("18-bounce.eml").toString()), err);
        assertTrue(out.contains("NOT_A_REPORT") && out.contains("bounce"), out);

        assertEquals(0, run("route", "--dry-run", "--offline", MAIL.resolve("15-malformed-boundary.eml").toString()), err);
        assertTrue(row("<lap-15-joko@pelapor.example>").contains("QUARANTINE") && out.contains("struktur MIME rusak"), out);

        assertEquals(0, run("route", "--dry-run", MAIL.resolve("10-csv-attachment.eml").toString()), err);
        assertTrue(row("rekap-oktober.csv:4").contains("REJECTED") && row("rekap-oktober.csv:4").contains("NIP tidak valid"), out);
        assertTrue(out.contains("3 reports, 1 CLOSED, 1 IMMEDIATE, 1 REJECTED."), out);
    }

    @Test
    void aBadRowIsListedWithItsReasonAndLongFilesShowProgress() throws Exception {
        Files.writeString(home.resolve("config/application.properties"), "\nhub.csv.progress-interval-ms = 0\n",
                StandardOpenOption.APPEND);
        Path csv = work.resolve("laporan.csv");
        List<String> lines = Files.readAllLines(SAMPLE_CSV);
        Files.write(csv, Stream.concat(lines.stream(), Stream.of(
                ";2024-10-08;12345;Tanpa NIP Benar;;;ASN;17.08;;BANNER;Memasang baliho;Desa;;Pelapor;0812")).toList());

        assertEquals(0, run("route", "--dry-run", "--offline", csv.toString()), err);

        assertTrue(row("laporan.csv:15").contains("REJECTED"), out);
        assertTrue(row("laporan.csv:15").contains("NIP"), out);
        assertTrue(err.contains("CSV laporan.csv: 14 rows read"), err);
        assertFalse(out.contains("rows read"), "progress goes to stderr, the table alone to stdout");
    }

    @Test
    void unusableInputIsNamedAndWrongUsageShowsHowToCallIt() throws Exception {
        Path noHeader = work.resolve("kosong.csv");
        Files.writeString(noHeader, "");
        assertEquals(1, run("route", "--dry-run", noHeader.toString()));
        assertTrue(err.contains("The hub would move kosong.csv to failed/"), err);

        assertEquals(1, run("route", "--dry-run", work.resolve("tidak-ada.csv").toString()));
        assertTrue(err.contains("No such file: " + work.resolve("tidak-ada.csv")), err);

        assertEquals(2, run("route", SAMPLE_CSV.toString()));
        assertTrue(err.startsWith("route needs --dry-run (try: netralitas-hub route --help)"), err);
    }

    @Test
    void bknUnreachableShowsTheCaseAsDeferred() throws Exception {
        try (RefusingPort refusing = new RefusingPort()) {
            int closedPort = refusing.port();
            Files.writeString(home.resolve("config/application.properties"), String.join("\n", "",
                    "hub.embedded = false",
                    "hub.bkn.base-url = http://127.0.0.1:" + closedPort + "/api",
                    "hub.bkn.token-url = http://127.0.0.1:" + closedPort + "/oauth/token",
                    "hub.bkn.consumer-key = test-key",
                    "hub.bkn.consumer-secret = test-secret", ""), StandardOpenOption.APPEND);

            assertEquals(0, run("route", "--dry-run", MAIL.resolve("01-structured-plain.eml").toString()), err);

            assertTrue(row("197803122003121004").contains("DEFERRED"), out);
            assertTrue(row("197803122003121004").contains("BKN: "), out);
        }
    }

    private int run(String... args) throws Exception {
        CommandLine run = CommandLine.run(home, args);
        out = run.out();
        err = run.err();
        return run.exit();
    }

    private String row(String containing) {
        List<String> rows = out.lines().filter(line -> line.contains(containing)).toList();
        assertEquals(1, rows.size(), () -> "one row with " + containing + " in\n" + out);
        return rows.get(0);
    }
}
