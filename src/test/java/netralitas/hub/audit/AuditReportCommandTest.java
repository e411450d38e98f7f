package netralitas.hub.audit;

import netralitas.hub.app.AuditCommand;
import netralitas.hub.testing.MutableClock;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code audit report} and the progress lines of the long audit commands. */
class AuditReportCommandTest {

    @TempDir
    Path dir;

    private final MutableClock clock = MutableClock.jakarta("2024-11-27T02:00:00Z");
    private TrailAccess access = TrailAccess.NONE;
    private ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
    private ByteArrayOutputStream errBytes = new ByteArrayOutputStream();

    private Path audit() {
        return dir.resolve("audit");
    }

    private int run(Clock commandClock, String... args) {
        outBytes = new ByteArrayOutputStream();
        errBytes = new ByteArrayOutputStream();
        return new AuditCommand(commandClock, Duration.ofSeconds(2), ReportFixture.REGION_NAMES::get, access).run(List.of(args),
                audit(), new PrintStream(outBytes, true, StandardCharsets.UTF_8),
                new PrintStream(errBytes, true, StandardCharsets.UTF_8));
    }

    private String out() {
        return outBytes.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return errBytes.toString(StandardCharsets.UTF_8);
    }

    /** A clock read at least once per line: every read is a second later, so a pass over the trail takes long. */
    private static Clock slow() {
        return new TickingClock(Instant.parse("2024-11-29T09:00:00Z"), Duration.ofSeconds(1));
    }

    @Test
    void reportWritesTheFileAndSaysWhatItHolds() throws IOException {
        access = ReportFixture.write(audit(), clock);
        Path file = dir.resolve("laporan/report.html");
        assertEquals(0, run(clock, "report", "--out", file.toString()));
        assertEquals("Report written to " + file.toAbsolutePath() + ": 48 events, 10 cases, chain intact (48 events"
                + " checked, keyed), the trail ends at the state store's head (seq 48)", out().strip());
        assertEquals("", err(), "a quick run prints no progress");
        Document doc = Jsoup.parse(Files.readString(file, StandardCharsets.UTF_8));
        assertEquals("Kabupaten Kepahiang", doc.selectFirst("tr[data-region=\"17.08\"] td.name").text(),
                "region names come from the command's lookup");
        assertFalse(Files.exists(dir.resolve("laporan/report.html.part")));
    }

    @Test
    void reportOfABrokenChainStillWritesTheFileAndExitsOne() throws IOException {
        access = ReportFixture.write(audit(), clock);
        Path day1 = audit().resolve("audit-2024-11-27.jsonl");
        List<String> lines = TrailFixture.lines(day1);
        lines.remove(4);
        TrailFixture.rewrite(day1, lines);
        Path file = dir.resolve("report.html");

        assertEquals(1, run(clock, "report", "--out=" + file));
        assertTrue(out().contains("chain BROKEN at " + day1 + ":5: seq jumps to 6"), out());
        Document doc = Jsoup.parse(Files.readString(file, StandardCharsets.UTF_8));
        assertEquals("RUSAK", doc.selectFirst("#verifikasi .chain").attr("data-result"));
        assertEquals("5", doc.selectFirst("#verifikasi .line").text());
    }

    @Test
    void reportOptionsAreChecked() {
        assertEquals(2, run(clock, "report"));
        assertTrue(err().contains("report needs --out <file.html>"), err());
        assertEquals(2, run(clock, "report", "--out"));
        assertTrue(err().contains("--out needs a value"), err());
        assertEquals(2, run(clock, "report", "--out", "r.html", "--from", "27/11/2024"));
        assertEquals(2, run(clock, "report", "--out", "r.html", "--from", "2024-11-29", "--to", "2024-11-28"));
        assertEquals(2, run(clock, "report", "--out", "r.html", "--format", "pdf"));
        assertTrue(err().contains("Unknown report option: --format"), err());
        assertEquals("", out());
        assertFalse(Files.exists(Path.of("r.html")));
    }

    @Test
    void reportForADateRangeCountsOnlyItsEvents() throws IOException {
        access = ReportFixture.write(audit(), clock);
        Path file = dir.resolve("r.html");
        assertEquals(0, run(clock, "report", "--from", "2024-11-28", "--to", "2024-11-28", "--out", file.toString()));
        assertTrue(out().contains(": 15 events, 4 cases, chain intact (48 events checked, keyed)"), out());
    }

    @Test
    void usageListsTheReport() {
        assertEquals(0, run(clock, "help"));
        assertTrue(out().contains("audit report --out <file.html> [--from YYYY-MM-DD] [--to YYYY-MM-DD]"), out());
    }

    @Test
    void longRunsOfVerifyStatsAndReportPrintProgressToStderr() {
        access = ReportFixture.write(audit(), clock);

        assertEquals(0, run(slow(), "verify"));
        assertTrue(out().startsWith("OK: 48 events, chain intact"), out());
        assertProgress();

        assertEquals(0, run(slow(), "stats"));
        assertTrue(out().contains("Events: 48"), out());
        assertProgress();

        assertEquals(0, run(slow(), "report", "--out", dir.resolve("r.html").toString()));
        assertProgress();
    }

    private void assertProgress() {
        List<String> lines = err().lines().filter(l -> l.startsWith("… ")).toList();
        // 48 lines, a second each, a line every 2 s at most
        assertTrue(lines.size() >= 10 && lines.size() <= 30, err());
        assertTrue(lines.get(0).matches("… \\d+ events read \\([\\d,]+/s\\), \\d+% done, about .+ left"), lines.get(0));
        assertTrue(lines.get(lines.size() - 1).startsWith("… done: 48 events read in "), err());
        assertFalse(out().contains("…"), "progress never goes to stdout");
    }

    @Test
    void exportStdoutIsTheSameDataWithOrWithoutProgress() {
        access = ReportFixture.write(audit(), clock);
        assertEquals(0, run(clock, "export", "--format", "json"));
        String quiet = out();
        assertEquals("Exported 48 events.", err().strip());

        assertEquals(0, run(slow(), "export", "--format", "json"));
        assertEquals(quiet, out());
        assertTrue(err().contains("events read"), err());
        assertTrue(err().strip().endsWith("Exported 48 events."), err());
        assertEquals(48, quiet.lines().count());
        assertTrue(quiet.lines().allMatch(l -> l.startsWith("{")));
    }

    @Test
    void aFastClockRunPrintsNoProgressForAnyCommand() {
        access = ReportFixture.write(audit(), clock);
        for (String command : List.of("verify", "stats")) {
            assertEquals(0, run(clock, command));
            assertEquals("", err(), command);
        }
        assertEquals(0, run(clock, "export"));
        assertEquals("Exported 48 events.", err().strip());
    }
}
