package netralitas.hub.audit;

import netralitas.hub.app.AuditCommand;
import netralitas.hub.testing.MutableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AuditCommandTest {

    @TempDir
    Path dir;

    private final MutableClock clock = MutableClock.jakarta("2024-11-27T02:00:00Z");
    private final MemoryChainHeads heads = new MemoryChainHeads();
    private final ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
    private final ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(outBytes, true, StandardCharsets.UTF_8);
    private final PrintStream err = new PrintStream(errBytes, true, StandardCharsets.UTF_8);

    @BeforeEach
    void writeTrail() {
        try (AuditTrail trail = heads.open(dir, clock)) {
            trail.append("NTR-2024-0007", AuditEventType.RECEIVED, "laporan.csv:8", "ingest-csv",
                    Map.of("channel", "CSV"));
            trail.append("NTR-2024-0008", AuditEventType.RECEIVED, "laporan.csv:9", "ingest-csv", Map.of());
            clock.advance(Duration.ofDays(1));
            trail.append("NTR-2024-0007", AuditEventType.DELIVERED, "laporan.csv:8", "deliver",
                    Map.of("to", List.of("inspektorat@kepahiang.example"), "messageId", "<NTR-2024-0007@hub.example>"));
        }
    }

    private int run(String... args) {
        return new AuditCommand(clock, Duration.ofSeconds(2), code -> null, heads.access()).run(List.of(args), dir, out,
                err);
    }

    private String out() {
        return outBytes.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return errBytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void showPrintsTheCaseEventsInOrderAsATable() {
        assertEquals(0, run("show", "NTR-2024-0007"));
        List<String> lines = out().lines().toList();
        assertEquals("Case NTR-2024-0007: 2 events", lines.get(0));
        assertTrue(lines.get(1).matches("seq\\s+at\\s+event\\s+route\\s+source\\s+detail"), lines.get(1));
        assertTrue(lines.get(2).startsWith("---"));
        assertEquals(5, lines.size());
        assertTrue(lines.get(3).matches("\\s*1\\s+2024-11-27T09:00:00\\.000\\+07:00\\s+RECEIVED\\s+ingest-csv\\s+"
                + "laporan\\.csv:8\\s+\\{\"channel\":\"CSV\"}"), lines.get(3));
        assertTrue(lines.get(4).contains("DELIVERED"));
        assertTrue(lines.get(4).endsWith(
                "{\"messageId\":\"<NTR-2024-0007@hub.example>\",\"to\":[\"inspektorat@kepahiang.example\"]}"),
                lines.get(4));
        assertFalse(out().contains("NTR-2024-0008"));
        // columns line up: "event" starts at the same offset on every row
        int column = lines.get(1).indexOf("event");
        assertEquals(column, lines.get(3).indexOf("RECEIVED"));
        assertEquals(column, lines.get(4).indexOf("DELIVERED"));
    }

    @Test
    void showOfAnUnknownCaseExitsOneWithAMessage() {
        assertEquals(1, run("show", "NTR-2099-0001"));
        assertTrue(err().contains("No audit events for case NTR-2099-0001"), err());
        assertEquals("", out());
    }

    @Test
    void showWithoutACaseIdIsAUsageError() {
        assertEquals(2, run("show"));
        assertTrue(err().contains("(try: audit show --help)"), err());
    }

    @Test
    void verifyReportsAnIntactChainWithItsFilesKeyingAndHead() {
        assertEquals(0, run("verify"));
        String head = heads.read().orElseThrow().hash();
        assertEquals(List.of("OK: 3 events, chain intact (files: audit-2024-11-27.jsonl, audit-2024-11-28.jsonl)",
                "Chain: keyed (HMAC-SHA256 under the chain key) from seq 1",
                "Head: seq 3, hash " + head,
                "State store: the trail ends at the state store's head (seq 3)"), out().lines().toList());
    }

    @Test
    void verifyNamesTheFirstBadLine() throws IOException {
        Path file = dir.resolve("audit-2024-11-27.jsonl");
        List<String> lines = Files.readAllLines(file);
        lines.set(1, lines.get(1).replace("laporan.csv:9", "laporan.csv:1"));
        Files.write(file, lines);

        assertEquals(1, run("verify"));
        assertTrue(err().startsWith("FAILED at " + file + ":2: "), err());
        assertEquals("", out());
    }

    @Test
    void exportWritesCsvForTheDateRange() {
        assertEquals(0, run("export", "--from", "2024-11-28", "--to=2024-11-28", "--format", "csv"));
        List<String> lines = out().lines().toList();
        assertEquals("seq,at,caseId,event,route,source,detail,prev,hash", lines.get(0));
        assertEquals(2, lines.size());
        assertTrue(lines.get(1).startsWith("3,2024-11-28T09:00:00.000+07:00,NTR-2024-0007,DELIVERED,deliver,"
                + "laporan.csv:8,\"{\"\"messageId\"\""), lines.get(1));
        assertTrue(err().contains("Exported 1 events"), err());
    }

    @Test
    void exportAsJsonWritesTheTrailsOwnLinesWhichStillVerify() throws IOException {
        assertEquals(0, run("export", "--format", "json"));
        List<String> lines = out().lines().toList();
        assertEquals(3, lines.size());
        AuditEvent delivered = AuditEvent.fromJsonLine(lines.get(2));
        assertEquals(AuditEventType.DELIVERED, delivered.event());
        List<String> trail;
        try (var files = Files.list(dir)) {
            trail = Files.readAllLines(files.filter(f -> f.toString().endsWith(".jsonl")).sorted().toList().get(1));
        }
        assertEquals(trail.get(0), lines.get(2), "byte for byte the trail's line, hashes included");
    }

    @Test
    void exportAsCsvDefusesCellsASpreadsheetWouldRun() {
        try (AuditTrail trail = heads.open(dir, clock)) {
            trail.append(null, AuditEventType.REJECTED, "=HYPERLINK(\"http://evil.example\").csv:2", "reject-row",
                    Map.of("alasan", "uraian kosong"));
        }
        assertEquals(0, run("export", "--format", "csv"));
        String last = out().lines().reduce((a, b) -> b).orElseThrow();
        assertTrue(last.contains(",\"'=HYPERLINK("), last);
    }

    @Test
    void exportWithoutBoundsWritesEverything() {
        assertEquals(0, run("export"));
        assertEquals(4, out().lines().count());
    }

    @Test
    void exportRejectsBadOptions() {
        assertEquals(2, run("export", "--format", "xlsx"));
        assertEquals(2, run("export", "--from", "27-11-2024"));
        assertEquals(2, run("export", "--from", "2024-11-28", "--to", "2024-11-27"));
        assertEquals(2, run("export", "--to"));
        assertEquals("", out());
    }

    @Test
    void unknownOrMissingSubCommandPrintsUsageAndExitsTwo() {
        assertEquals(2, run("delete"));
        assertTrue(err().contains("Unknown audit command: delete"), err());
        assertTrue(err().contains("(try: audit --help)"), err());
        assertEquals(2, run());
        assertEquals("", out());
    }

    @Test
    void showNamesADamagedLineOfTheCaseShowsTheRestAndExitsOne() throws IOException {
        Path file = dir.resolve("audit-2024-11-28.jsonl");
        Files.writeString(file, "{\"caseId\":\"NTR-2024-0007\",broken\n", java.nio.file.StandardOpenOption.APPEND);
        assertEquals(1, run("show", "NTR-2024-0007"));
        assertTrue(out().startsWith("Case NTR-2024-0007: 2 events"), out());
        assertTrue(err().startsWith("Skipped " + file + ":2: not a JSON object: "), err());
        assertTrue(err().contains("1 line of the trail is not an event and was skipped; `audit verify` checks the chain"),
                err());
    }

    /** Issue 10: a 17 MB line once made verify fail on the whole day and stats crash with a stack trace. */
    @Test
    void everyReadingCommandNamesALineThatIsNotAnEventSkipsItAndGoesOn() throws IOException {
        Path file = dir.resolve("audit-2024-11-27.jsonl");
        List<String> good = Files.readAllLines(file, StandardCharsets.UTF_8);
        int overLong = TrailLineReader.MAX_LINE_BYTES + 1024 * 1024;
        try (var write = Files.newOutputStream(file)) {
            write.write((good.get(0) + "\n").getBytes(StandardCharsets.UTF_8));
            write.write(("{\"alasan\":\"" + "x".repeat(overLong) + "\"}\n").getBytes(StandardCharsets.UTF_8));
            write.write(new byte[]{(byte) 0xC3, 0x28, 0x00, (byte) 0xFF, 0x1B, '[', '2', 'J', '\r', '\n'});
            write.write("garbled \u001b[2J\r line\n".getBytes(StandardCharsets.UTF_8));
            write.write((good.get(1) + "\n").getBytes(StandardCharsets.UTF_8));
        }
        List<String> skipped = List.of(
                "Skipped " + file + ":2: line is longer than 16777216 bytes (" + (overLong + 13) + " bytes):"
                        + " not an event the hub writes, skipped unread",
                "Skipped " + file + ":3: line is not valid UTF-8",
                "Skipped " + file + ":4: not a JSON object: ",
                "3 lines of the trail are not events and were skipped; `audit verify` checks the chain");

        assertEquals(1, run("verify"));
        assertEquals(List.of("FAILED at " + file + ":2: line is longer than 16777216 bytes (" + (overLong + 13)
                + " bytes): not an event the hub writes, skipped unread", "1 events before that line are intact."),
                err().lines().toList());
        errBytes.reset();

        assertEquals(1, run("stats"));
        assertTrue(out().startsWith("Events: 3"), out());
        assertSkipped(skipped);

        assertEquals(1, run("show", "NTR-2024-0008"));
        assertTrue(out().startsWith("Case NTR-2024-0008: 1 event"), out());
        // The garbled line does not name the case: show passes over it unparsed, like every other case's line.
        assertSkipped(List.of(skipped.get(0), skipped.get(1),
                "2 lines of the trail are not events and were skipped; `audit verify` checks the chain"));

        assertEquals(1, run("export", "--format", "json"));
        assertEquals(3, out().lines().count(), out());
        assertSkipped(skipped);

        Path html = dir.resolve("laporan.html");
        assertEquals(1, run("report", "--out", html.toString()));
        assertTrue(out().contains("chain BROKEN at " + file + ":2: line is longer than 16777216 bytes"), out());
        assertTrue(Files.size(html) < 1024 * 1024, "the report does not carry the line");
    }

    private void assertSkipped(List<String> expected) {
        List<String> lines = err().lines().filter(line -> !line.startsWith("Exported ")).toList();
        assertEquals(expected.size(), lines.size(), err());
        for (int i = 0; i < expected.size(); i++) {
            assertTrue(lines.get(i).startsWith(expected.get(i)), lines.get(i));
        }
        assertFalse(err().contains("\r") || err().contains("\u001b") || err().contains("\tat "), err());
        outBytes.reset();
        errBytes.reset();
    }

    @Test
    void statsCountEventsSeveritiesRegionsAndListTheCasesNotFinishedWithTheirAge() {
        try (AuditTrail trail = heads.open(dir, clock)) {
            trail.append("NTR-2024-0009", AuditEventType.RECEIVED, "laporan.csv:10", "intake", Map.of());
            trail.append("NTR-2024-0009", AuditEventType.CLASSIFIED, "laporan.csv:10", "classify",
                    Map.of("severity", "BERAT"));
            trail.append("NTR-2024-0009", AuditEventType.ROUTED, "laporan.csv:10", "route", Map.of("region", "17.08"));
            trail.append("NTR-2024-0009", AuditEventType.ENRICH_DEFERRED, "laporan.csv:10", "defer", Map.of());
        }
        clock.advance(Duration.ofHours(5));
        assertEquals(0, new AuditCommand(clock).run(List.of("stats"), dir, out, err));
        String text = out();
        assertTrue(text.contains("Events: 7"), text);
        assertTrue(text.lines().anyMatch(l -> l.matches("\\s+RECEIVED\\s+3")), text);
        assertTrue(text.lines().anyMatch(l -> l.matches("\\s+BERAT\\s+1")), text);
        assertTrue(text.lines().anyMatch(l -> l.matches("\\s+17\\.08\\s+1")), text);
        assertTrue(text.contains("Cases not finished: 2 (oldest first)"), text);
        List<String> waiting = text.lines().filter(l -> l.contains("waiting")).toList();
        // 0008 has waited since the trail began (a day and five hours), 0009 for five hours; 0007 was delivered.
        assertTrue(waiting.get(0).matches("\\s+NTR-2024-0008\\s+waiting 1d 5h\\s+last RECEIVED \\(IN_PROGRESS\\)"), waiting.toString());
        assertTrue(waiting.get(1).matches("\\s+NTR-2024-0009\\s+waiting 5h 0m\\s+last ENRICH_DEFERRED \\(DEFERRED\\)"), waiting.toString());
    }
}
