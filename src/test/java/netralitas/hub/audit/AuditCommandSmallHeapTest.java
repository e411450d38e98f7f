package netralitas.hub.audit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The audit commands as an auditor runs them, in a JVM of their own with the heap the README gives the hub (-Xmx256m),
 * on a trail holding the largest line they parse, a longer one (an older hub quoted a 17 MB CSV line in an event), a
 * binary line and a garbled one: each names the bad lines with file and line number and goes on; none runs out of
 * memory or prints a stack trace.
 */
class AuditCommandSmallHeapTest {

    @TempDir
    static Path home;

    private static Path trailFile;

    @BeforeAll
    static void writeTrail() throws IOException {
        Files.createDirectories(home.resolve("config"));
        Files.writeString(home.resolve("config/application.properties"), "hub.data-dir = data\nhub.config-dir = config\n");
        Path audit = Files.createDirectories(home.resolve("data/audit"));
        trailFile = audit.resolve("audit-2024-11-27.jsonl");
        OffsetDateTime at = OffsetDateTime.parse("2024-11-27T09:00:00+07:00");
        List<AuditEvent> events = new ArrayList<>();
        events.add(AuditEvent.chained(1, at, "NTR-1", AuditEventType.RECEIVED, "lampiran.csv:2", "ingest-csv",
                Map.of("channel", "CSV"), AuditEvent.GENESIS));
        // A rejection quoting a line just short of the reader's limit: the largest line the commands parse.
        events.add(AuditEvent.chained(2, at, "NTR-1", AuditEventType.REJECTED, "lampiran.csv", "ingest-csv",
                Map.of("alasan", "y".repeat(TrailLineReader.MAX_LINE_BYTES - 1024)), events.get(0).hash()));
        events.add(AuditEvent.chained(3, at, "NTR-1", AuditEventType.REJECTED, "lampiran.csv", "ingest-csv",
                Map.of("alasan", "x".repeat(17 * 1024 * 1024)), events.get(1).hash()));
        events.add(AuditEvent.chained(4, at, "NTR-1", AuditEventType.NOTE, "lampiran.csv", "ingest-csv",
                Map.of(), events.get(2).hash()));
        try (OutputStream out = Files.newOutputStream(trailFile)) {
            for (int i = 0; i < 3; i++) {
                out.write((events.get(i).toJsonLine() + "\n").getBytes(StandardCharsets.UTF_8));
            }
            out.write(new byte[]{(byte) 0xC3, 0x28, 0x00, (byte) 0xFF, 0x1B, '[', '2', 'J', '\n'});
            out.write("{\"seq\":5,garbled\n".getBytes(StandardCharsets.UTF_8));
            out.write((events.get(3).toJsonLine() + "\n").getBytes(StandardCharsets.UTF_8));
        }
    }

    @Test
    void verifyChecksTheLargestLineAndNamesTheLongerOne() throws Exception {
        Run run = run("audit", "verify");
        assertEquals(1, run.exit(), run.toString());
        assertTrue(run.output().contains("FAILED at " + trailFile + ":3: line is longer than 16777216 bytes"),
                run.output());
        assertTrue(run.output().contains("2 events before that line are intact."), run.toString());
    }

    @Test
    void statsShowAndExportNameEveryBadLineAndCountTheRest() throws Exception {
        Run stats = run("audit", "stats");
        assertEquals(1, stats.exit(), stats.toString());
        assertTrue(stats.output().contains("Events: 3"), stats.toString());
        assertTrue(stats.output().contains("3 lines of the trail are not events and were skipped"), stats.toString());

        Run show = run("audit", "show", "NTR-1");
        assertEquals(1, show.exit(), show.toString());
        assertTrue(show.output().contains("Case NTR-1: 3 events"), show.toString());

        for (String format : List.of("csv", "json")) {
            Run export = run("audit", "export", "--format", format);
            assertEquals(1, export.exit(), export.toString());
            assertTrue(export.output().contains("Exported 3 events."), export.toString());
            assertTrue(export.output().contains("Skipped " + trailFile + ":3: line is longer than 16777216 bytes"),
                    export.output());
            assertTrue(export.output().contains("Skipped " + trailFile + ":4: line is not valid UTF-8"), export.toString());
            assertTrue(export.output().contains("Skipped " + trailFile + ":5: not a JSON object"), export.toString());
        }
    }

    @Test
    void theReportIsWrittenAndSaysWhereTheChainBreaks() throws Exception {
        Path html = home.resolve("laporan.html");
        Run report = run("audit", "report", "--out", html.toString());
        assertEquals(1, report.exit(), report.toString());
        assertTrue(report.output().contains("chain BROKEN at " + trailFile + ":3: line is longer than"), report.toString());
        assertTrue(Files.isRegularFile(html));
    }

    /** @param output everything the command printed, stdout and stderr together */
    private record Run(int exit, String output) {

        /** The output for an assertion message: the export or the table of a 16 MB line would be large. */
        @Override
        public String toString() {
            return output.length() > 4000 ? output.substring(0, 2000) + " … " + output.substring(output.length() - 2000)
                    : output;
        }
    }

    /** The command in its own JVM, stdout and stderr together; asserts that it neither ran out of memory nor crashed. */
    private static Run run(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-cp", System.getProperty("java.class.path"), "netralitas.hub.app.HubMain"));
        command.addAll(List.of(args));
        Path output = home.resolve("output.txt");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
        builder.environment().put("HUB_HOME", home.toString());
        Process process = builder.start();
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), "the command did not finish: " + String.join(" ", args));
        Run run = new Run(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
        assertFalse(run.output().contains("OutOfMemoryError"), run.toString());
        assertFalse(run.output().contains("\tat ") || run.output().contains("Exception in thread"), "no stack trace: " + run);
        return run;
    }
}
