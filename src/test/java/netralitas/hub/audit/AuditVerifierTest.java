package netralitas.hub.audit;

import netralitas.hub.progress.Progress;
import netralitas.hub.testing.MutableClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AuditVerifierTest {

    @TempDir
    Path dir;

    private final MutableClock clock = MutableClock.jakarta("2024-11-27T02:00:00Z");
    private final AuditVerifier verifier = new AuditVerifier();

    private Path day1() {
        return dir.resolve("audit-2024-11-27.jsonl");
    }

    @Test
    void emptyOrMissingDirectoryIsIntact() {
        VerifyResult result = verifier.verify(dir.resolve("nothing-here"));
        assertTrue(result.ok());
        assertEquals(0, result.eventsChecked());
    }

    @Test
    void changingOneDigitInAMiddleLineIsPinnedToThatFileAndLine() throws IOException {
        TrailFixture.write(dir, clock, 9);
        byte[] bytes = Files.readAllBytes(day1());
        String text = new String(bytes, StandardCharsets.UTF_8);
        int lineStart = nthLineStart(text, 5);
        int digit = text.indexOf("\"rows\":45", lineStart) + "\"rows\":4".length();
        assertTrue(digit > lineStart && digit < nthLineStart(text, 6));
        bytes[digit] = (byte) '6'; // exactly one byte changes
        Files.write(day1(), bytes);

        VerifyResult result = verifier.verify(dir);
        assertFalse(result.ok());
        assertEquals(day1(), result.file());
        assertEquals(5, result.lineNumber());
        assertEquals(4, result.eventsChecked());
        assertTrue(result.problem().contains("hash"), result.problem());
    }

    @Test
    void deletingALineIsDetectedAtTheLineAfterTheGap() throws IOException {
        TrailFixture.write(dir, clock, 6);
        List<String> lines = TrailFixture.lines(day1());
        lines.remove(2); // seq 3
        TrailFixture.rewrite(day1(), lines);

        VerifyResult result = verifier.verify(dir);
        assertFalse(result.ok());
        assertEquals(3, result.lineNumber());
        assertTrue(result.problem().contains("missing"), result.problem());
    }

    @Test
    void deletingTheFirstLineIsDetected() throws IOException {
        TrailFixture.write(dir, clock, 3);
        List<String> lines = TrailFixture.lines(day1());
        lines.remove(0);
        TrailFixture.rewrite(day1(), lines);

        VerifyResult result = verifier.verify(dir);
        assertFalse(result.ok());
        assertEquals(1, result.lineNumber());
    }

    @Test
    void swappingTwoLinesIsDetected() throws IOException {
        TrailFixture.write(dir, clock, 6);
        List<String> lines = TrailFixture.lines(day1());
        Collections.swap(lines, 3, 4);
        TrailFixture.rewrite(day1(), lines);

        VerifyResult result = verifier.verify(dir);
        assertFalse(result.ok());
        assertEquals(4, result.lineNumber());
    }

    @Test
    void duplicatingALineIsDetected() throws IOException {
        TrailFixture.write(dir, clock, 4);
        List<String> lines = TrailFixture.lines(day1());
        lines.add(2, lines.get(1));
        TrailFixture.rewrite(day1(), lines);

        VerifyResult result = verifier.verify(dir);
        assertFalse(result.ok());
        assertEquals(3, result.lineNumber());
        assertTrue(result.problem().contains("duplicated"), result.problem());
    }

    @Test
    void aLineEditedAndRehashedBreaksTheLinkOfTheNextLine() throws IOException {
        TrailFixture.write(dir, clock, 5);
        List<String> lines = TrailFixture.lines(day1());
        AuditEvent original = AuditEvent.fromJsonLine(lines.get(1));
        // a tamperer who knows the scheme recomputes this line's hash, but cannot fix every later prev
        AuditEvent forged = AuditEvent.chained(original.seq(), original.at(), original.caseId(), original.event(),
                original.source(), original.route(), Map.of("rows", 1), original.prev());
        lines.set(1, forged.toJsonLine());
        TrailFixture.rewrite(day1(), lines);

        VerifyResult result = verifier.verify(dir);
        assertFalse(result.ok());
        assertEquals(3, result.lineNumber());
        assertTrue(result.problem().startsWith("prev"), result.problem());
    }

    @Test
    void whitespaceAddedToALineIsDetectedEvenThoughTheValuesAreTheSame() throws IOException {
        TrailFixture.write(dir, clock, 3);
        List<String> lines = TrailFixture.lines(day1());
        lines.set(1, lines.get(1).replace("\"event\":", "\"event\": "));
        TrailFixture.rewrite(day1(), lines);

        VerifyResult result = verifier.verify(dir);
        assertFalse(result.ok());
        assertEquals(2, result.lineNumber());
        assertTrue(result.problem().contains("canonical"), result.problem());
    }

    @Test
    void tornLastLineAndEmptyLinesAreReported() throws IOException {
        TrailFixture.write(dir, clock, 3);
        Files.writeString(day1(), "{\"at\":\"2024", StandardOpenOption.APPEND);
        VerifyResult torn = verifier.verify(dir);
        assertFalse(torn.ok());
        assertEquals(4, torn.lineNumber());
        assertEquals(3, torn.eventsChecked());
        assertTrue(torn.problem().contains("incomplete"), torn.problem());

        List<String> lines = TrailFixture.lines(day1()).subList(0, 3);
        List<String> withBlank = new java.util.ArrayList<>(lines);
        withBlank.add(1, "");
        TrailFixture.rewrite(day1(), withBlank);
        VerifyResult blank = verifier.verify(dir);
        assertEquals(2, blank.lineNumber());
        assertTrue(blank.problem().contains("empty"), blank.problem());
    }

    @Test
    void invalidUtf8IsReported() throws IOException {
        TrailFixture.write(dir, clock, 2);
        byte[] bytes = Files.readAllBytes(day1());
        int secondLine = nthLineStart(new String(bytes, StandardCharsets.UTF_8), 2);
        bytes[secondLine + 3] = (byte) 0xC3; // starts a two-byte sequence that does not continue
        Files.write(day1(), bytes);
        VerifyResult result = verifier.verify(dir);
        assertEquals(2, result.lineNumber());
        assertTrue(result.problem().contains("UTF-8"), result.problem());
    }

    @Test
    void brokenLinkAcrossFilesIsReportedInTheLaterFile() throws IOException {
        try (AuditTrail trail = AuditTrail.open(dir, clock)) {
            for (int day = 0; day < 3; day++) {
                trail.append("NTR-" + day, AuditEventType.RECEIVED, "a.csv:" + day, "ingest-csv", Map.of());
                trail.append("NTR-" + day, AuditEventType.ROUTED, "a.csv:" + day, "route", Map.of());
                clock.advance(Duration.ofDays(1));
            }
        }
        assertTrue(verifier.verify(dir).ok());
        assertEquals(6, verifier.verify(dir).eventsChecked());

        Path middle = dir.resolve("audit-2024-11-28.jsonl");
        Files.delete(middle);
        VerifyResult result = verifier.verify(dir);
        assertFalse(result.ok());
        assertEquals(dir.resolve("audit-2024-11-29.jsonl"), result.file());
        assertEquals(1, result.lineNumber());
        assertEquals(2, result.eventsChecked());
    }

    @Test
    void everyEventIsCheckedNotOnlyTheFirstAndLast() throws IOException {
        TrailFixture.write(dir, clock, 50);
        List<String> lines = TrailFixture.lines(day1());
        String original = lines.get(36);
        lines.set(36, original.replace("laporan.csv:38", "laporan.csv:39"));
        assertNotEquals(original, lines.get(36));
        TrailFixture.rewrite(day1(), lines);
        VerifyResult result = verifier.verify(dir);
        assertEquals(37, result.lineNumber());
        assertEquals(36, result.eventsChecked());
    }

    @Test
    void aScanForAReportHandsOnEveryEventAndReadsOnPastTheBreakWithoutTrustingIt() throws IOException {
        TrailFixture.write(dir, clock, 10);
        List<String> lines = TrailFixture.lines(day1());
        lines.set(3, lines.get(3).replace("laporan.csv:5", "laporan.csv:6"));
        lines.set(6, "{not json");
        TrailFixture.rewrite(day1(), lines);
        List<Long> seen = new java.util.ArrayList<>();
        Progress progress = Progress.silent();

        AuditVerifier.Scan scan = verifier.scan(dir, AuditVerifier.Watch.NONE, e -> seen.add(e.seq()), progress);
        assertFalse(scan.result().ok());
        assertEquals(4, scan.result().lineNumber());
        assertEquals(3, scan.result().eventsChecked());
        assertEquals(List.of(1L, 2L, 3L, 4L, 5L, 6L, 8L, 9L, 10L), seen, "the altered line too, the unreadable one not");
        assertEquals(6, scan.unverifiedEvents());
        assertEquals(1, scan.unreadableLines());
        assertEquals(10, progress.count(), "every line counted as read");

        Progress alone = Progress.silent();
        assertEquals(4, verifier.verify(dir, alone).lineNumber());
        assertEquals(4, alone.count(), "without a sink the pass stops at the break");
    }

    private static int nthLineStart(String text, int n) {
        int pos = 0;
        for (int i = 1; i < n; i++) {
            pos = text.indexOf('\n', pos) + 1;
        }
        return pos;
    }
}
