package netralitas.hub.audit;

import netralitas.hub.testing.MutableClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AuditLogTest {

    @TempDir
    Path dir;

    private final MutableClock clock = MutableClock.jakarta("2024-11-27T02:00:00Z");

    @Test
    void streamsAllFilesInChainOrderAndIgnoresOtherFiles() throws IOException {
        try (AuditTrail trail = AuditTrail.open(dir, clock)) {
            trail.append("NTR-A", AuditEventType.RECEIVED, "a.csv:2", "ingest-csv", Map.of());
            clock.advance(Duration.ofDays(1));
            trail.append("NTR-B", AuditEventType.RECEIVED, "a.csv:3", "ingest-csv", Map.of());
            trail.append("NTR-A", AuditEventType.DELIVERED, "a.csv:2", "deliver", Map.of("to", "x@pemkab.example"));
        }
        Files.writeString(dir.resolve("notes.txt"), "not part of the trail\n");
        Files.writeString(dir.resolve("audit-2024-11-27.jsonl.bak"), "junk\n");

        try (Stream<AuditEvent> events = new AuditLog(dir).events()) {
            assertEquals(List.of(1L, 2L, 3L), events.map(AuditEvent::seq).toList());
        }
        try (Stream<AuditEvent> events = new AuditLog(dir).eventsOf("NTR-A")) {
            List<AuditEvent> a = events.toList();
            assertEquals(List.of(AuditEventType.RECEIVED, AuditEventType.DELIVERED),
                    a.stream().map(AuditEvent::event).toList());
            assertEquals("x@pemkab.example", a.get(1).detail().get("to"));
        }
        try (Stream<AuditEvent> events = new AuditLog(dir).eventsOf("NTR-")) {
            assertEquals(0, events.count(), "a prefix of a case id is not that case");
        }
    }

    @Test
    void caseIdMentionedOnlyInDetailIsNotThatCasesEvent() {
        try (AuditTrail trail = AuditTrail.open(dir, clock)) {
            trail.append("NTR-2", AuditEventType.DUPLICATE, "a.csv:9", "dedupe", Map.of("caseId", "NTR-1"));
        }
        try (Stream<AuditEvent> events = new AuditLog(dir).eventsOf("NTR-1")) {
            assertEquals(0, events.count());
        }
    }

    @Test
    void unreadableLineIsReportedWithFileAndLine() throws IOException {
        try (AuditTrail trail = AuditTrail.open(dir, clock)) {
            trail.append("NTR-A", AuditEventType.RECEIVED, "a.csv:2", "ingest-csv", Map.of());
        }
        Path file = dir.resolve("audit-2024-11-27.jsonl");
        Files.writeString(file, "{not json\n", StandardOpenOption.APPEND);
        try (Stream<AuditEvent> events = new AuditLog(dir).events()) {
            AuditTrailCorruptException e = assertThrows(AuditTrailCorruptException.class, events::toList);
            assertEquals(file, e.file());
            assertEquals(2, e.lineNumber());
            assertTrue(e.getMessage().contains(file + ":2"));
        }
    }

    @Test
    void aSkippingLogHandsOverEachLineThatIsNotAnEventAndReadsOn() throws IOException {
        try (AuditTrail trail = AuditTrail.open(dir, clock)) {
            trail.append("NTR-A", AuditEventType.RECEIVED, "a.csv:2", "ingest-csv", Map.of());
        }
        Path file = dir.resolve("audit-2024-11-27.jsonl");
        String good = Files.readString(file);
        Files.write(file, new byte[]{'{', (byte) 0xFF, '\n'}, StandardOpenOption.APPEND);
        Files.writeString(file, "{\"seq\":\u0007}\n" + good + "{\"seq\":3", StandardOpenOption.APPEND);
        List<AuditLog.UnreadableLine> skipped = new ArrayList<>();
        try (Stream<AuditEvent> events = new AuditLog(dir, skipped::add).events()) {
            assertEquals(2, events.count());
        }
        assertEquals(List.of(2L, 3L, 5L), skipped.stream().map(AuditLog.UnreadableLine::lineNumber).toList());
        assertEquals("line is not valid UTF-8", skipped.get(0).problem());
        assertTrue(skipped.get(1).problem().startsWith("not a JSON object: "), skipped.get(1).problem());
        assertTrue(skipped.get(1).problem().chars().noneMatch(Character::isISOControl), skipped.get(1).problem());
        assertEquals("the last line is incomplete (no newline)", skipped.get(2).problem());
        assertTrue(skipped.stream().allMatch(line -> line.file().equals(file)));
    }
}
