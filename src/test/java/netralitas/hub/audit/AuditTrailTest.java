package netralitas.hub.audit;

import netralitas.hub.testing.MutableClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AuditTrailTest {

    @TempDir
    Path dir;

    // 2024-11-27 09:00 in Jakarta (UTC+7)
    private final MutableClock clock = MutableClock.jakarta("2024-11-27T02:00:00Z");

    @Test
    void appendedEventsAreChainedAndReadBackIdentically() throws IOException {
        List<AuditEvent> written = new ArrayList<>();
        try (AuditTrail trail = AuditTrail.open(dir, clock)) {
            written.add(trail.append("NTR-2024-0001", AuditEventType.RECEIVED, "laporan-bengkulu.csv:2",
                    "ingest-csv", Map.of("channel", "CSV")));
            clock.advance(Duration.ofSeconds(3));
            written.add(trail.append("NTR-2024-0001", AuditEventType.CLASSIFIED, "laporan-bengkulu.csv:2",
                    "classify", Map.of("severity", "SEDANG", "category", "KAMPANYE_MEDSOS")));
            written.add(trail.append(null, AuditEventType.NOTE, null, "hub", null));
        }

        assertEquals(1, written.get(0).seq());
        assertEquals(AuditEvent.GENESIS, written.get(0).prev());
        assertEquals(written.get(0).hash(), written.get(1).prev());
        assertEquals(written.get(1).hash(), written.get(2).prev());
        assertEquals(3, written.get(2).seq());
        assertTrue(written.stream().allMatch(event -> event.hashIsValid(null)));
        assertEquals(OffsetDateTime.parse("2024-11-27T09:00:03+07:00"), written.get(1).at());

        Path file = dir.resolve("audit-2024-11-27.jsonl");
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        assertEquals(3, lines.size());
        for (int i = 0; i < 3; i++) {
            assertEquals(written.get(i).toJsonLine(), lines.get(i));
        }
        assertTrue(lines.get(0).startsWith("{\"at\":\"2024-11-27T09:00:00.000+07:00\",\"caseId\":\"NTR-2024-0001\","
                + "\"detail\":{\"channel\":\"CSV\"},\"event\":\"RECEIVED\",\"hash\":\""), lines.get(0));
        assertTrue(lines.get(2).contains("\"caseId\":null"), lines.get(2));

        try (Stream<AuditEvent> events = new AuditLog(dir).events()) {
            assertEquals(written, events.toList());
        }
        VerifyResult result = new AuditVerifier().verify(dir);
        assertTrue(result.ok(), result.toString());
        assertEquals(3, result.eventsChecked());
    }

    @Test
    void hashIsSha256OfPrevFollowedByCanonicalJsonWithoutHash() throws Exception {
        AuditEvent event;
        try (AuditTrail trail = AuditTrail.open(dir, clock)) {
            event = trail.append("NTR-9", AuditEventType.ROUTED, "<a1@bawaslu.example>", "route",
                    Map.of("to", List.of("pemkab@kepahiang.example")));
        }
        String canonical = event.canonicalJsonWithoutHash();
        assertFalse(canonical.contains("\"hash\""));
        java.security.MessageDigest sha = java.security.MessageDigest.getInstance("SHA-256");
        byte[] digest = sha.digest((AuditEvent.GENESIS + canonical).getBytes(StandardCharsets.UTF_8));
        assertEquals(java.util.HexFormat.of().formatHex(digest), event.hash());
    }

    @Test
    void chainContinuesAcrossDailyFiles() throws IOException {
        AuditEvent lastOfDay1;
        AuditEvent firstOfDay2;
        try (AuditTrail trail = AuditTrail.open(dir, clock)) {
            trail.append("NTR-1", AuditEventType.RECEIVED, "a.csv:2", "ingest-csv", Map.of());
            clock.set(Instant.parse("2024-11-27T16:59:59.999Z")); // 23:59:59.999 Jakarta
            lastOfDay1 = trail.append("NTR-1", AuditEventType.ROUTED, "a.csv:2", "route", Map.of());
            clock.set(Instant.parse("2024-11-27T17:00:00Z")); // midnight Jakarta, still the 27th in UTC
            firstOfDay2 = trail.append("NTR-1", AuditEventType.DELIVERED, "a.csv:2", "deliver", Map.of());
        }
        assertEquals(List.of(dir.resolve("audit-2024-11-27.jsonl"), dir.resolve("audit-2024-11-28.jsonl")),
                new AuditLog(dir).files());
        assertEquals(2, Files.readAllLines(dir.resolve("audit-2024-11-27.jsonl")).size());
        assertEquals(1, Files.readAllLines(dir.resolve("audit-2024-11-28.jsonl")).size());
        assertEquals(lastOfDay1.hash(), firstOfDay2.prev());
        assertEquals(3, firstOfDay2.seq());
        assertTrue(new AuditVerifier().verify(dir).ok());
    }

    @Test
    void reopeningContinuesSeqAndChainFromTheNewestFile() {
        AuditEvent last;
        try (AuditTrail trail = AuditTrail.open(dir, clock)) {
            trail.append("NTR-1", AuditEventType.RECEIVED, "a.csv:2", "ingest-csv", Map.of());
            clock.advance(Duration.ofDays(1));
            last = trail.append("NTR-1", AuditEventType.CLOSED, "a.csv:2", "close", Map.of("x", 1));
        }
        clock.advance(Duration.ofHours(1));
        try (AuditTrail trail = AuditTrail.open(dir, clock)) {
            assertEquals(2, trail.lastSeq());
            assertEquals(last.hash(), trail.lastHash());
            AuditEvent next = trail.append("NTR-2", AuditEventType.RECEIVED, "b.csv:2", "ingest-csv", Map.of());
            assertEquals(3, next.seq());
            assertEquals(last.hash(), next.prev());
        }
        VerifyResult result = new AuditVerifier().verify(dir);
        assertTrue(result.ok(), result.toString());
        assertEquals(3, result.eventsChecked());
    }

    @Test
    void emptyNewestFileLeftByACrashIsSkippedWhenRecovering() throws IOException {
        AuditEvent last;
        try (AuditTrail trail = AuditTrail.open(dir, clock)) {
            last = trail.append("NTR-1", AuditEventType.RECEIVED, "a.csv:2", "ingest-csv", Map.of());
        }
        Files.createFile(dir.resolve("audit-2024-11-28.jsonl"));
        clock.advance(Duration.ofDays(1));
        try (AuditTrail trail = AuditTrail.open(dir, clock)) {
            AuditEvent next = trail.append("NTR-2", AuditEventType.RECEIVED, "b.csv:2", "ingest-csv", Map.of());
            assertEquals(2, next.seq());
            assertEquals(last.hash(), next.prev());
        }
        assertTrue(new AuditVerifier().verify(dir).ok());
        assertEquals(1, Files.readAllLines(dir.resolve("audit-2024-11-28.jsonl")).size());
    }

    @Test
    void aClockSteppingBackOverMidnightNeverWritesToAnOlderFile() throws IOException {
        try (AuditTrail trail = AuditTrail.open(dir, clock)) {
            clock.set(Instant.parse("2024-11-27T17:00:01Z")); // 28th, 00:00:01 Jakarta
            trail.append("NTR-1", AuditEventType.RECEIVED, "a.csv:2", "ingest-csv", Map.of());
            clock.set(Instant.parse("2024-11-27T16:59:58Z")); // NTP steps back to the 27th
            AuditEvent stepped = trail.append("NTR-1", AuditEventType.ROUTED, "a.csv:2", "route", Map.of());
            assertEquals(LocalDate.of(2024, 11, 27), stepped.at().toLocalDate());
        }
        assertFalse(Files.exists(dir.resolve("audit-2024-11-27.jsonl")));
        assertEquals(2, Files.readAllLines(dir.resolve("audit-2024-11-28.jsonl")).size());
        assertTrue(new AuditVerifier().verify(dir).ok());
    }

    @Test
    void truncatedLastLineStopsOpenNamingFileAndLine() throws IOException {
        TrailFixture.write(dir, clock, 5);
        Path file = dir.resolve("audit-2024-11-27.jsonl");
        byte[] bytes = Files.readAllBytes(file);
        byte[] torn = java.util.Arrays.copyOf(bytes, bytes.length - 40);
        Files.write(file, torn);

        AuditTrailCorruptException e = assertThrows(AuditTrailCorruptException.class,
                () -> AuditTrail.open(dir, clock));
        assertEquals(file, e.file());
        assertEquals(5, e.lineNumber());
        assertTrue(e.getMessage().contains(file + ":5"), e.getMessage());
        assertTrue(e.getMessage().contains("audit verify"), e.getMessage());
        // nothing was dropped or appended
        assertEquals(torn.length, Files.size(file));
        // the failed open released the directory: after repair it opens again
        Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length));
        try (AuditTrail trail = AuditTrail.open(dir, clock)) {
            assertEquals(5, trail.lastSeq());
        }
    }

    @Test
    void lastLineThatIsCompleteButAlteredAlsoStopsOpen() throws IOException {
        TrailFixture.write(dir, clock, 3);
        Path file = dir.resolve("audit-2024-11-27.jsonl");
        List<String> lines = TrailFixture.lines(file);
        lines.set(2, lines.get(2).replace("\"rows\":43", "\"rows\":44"));
        TrailFixture.rewrite(file, lines);

        AuditTrailCorruptException e = assertThrows(AuditTrailCorruptException.class,
                () -> AuditTrail.open(dir, clock));
        assertEquals(3, e.lineNumber());
        assertTrue(e.getMessage().contains("hash"), e.getMessage());
    }

    @Test
    void lastLineThatIsNotJsonStopsOpen() throws IOException {
        TrailFixture.write(dir, clock, 2);
        Path file = dir.resolve("audit-2024-11-27.jsonl");
        Files.writeString(file, "garbage\n", StandardOpenOption.APPEND);
        AuditTrailCorruptException e = assertThrows(AuditTrailCorruptException.class,
                () -> AuditTrail.open(dir, clock));
        assertEquals(3, e.lineNumber());
    }

    @Test
    void tailIsFoundWhenTheLastLineIsLongerThanOneReadChunk() {
        String big = "x".repeat(20_000);
        try (AuditTrail trail = AuditTrail.open(dir, clock)) {
            trail.append("NTR-1", AuditEventType.RECEIVED, "a.csv:2", "ingest-csv", Map.of("text", "short"));
            trail.append("NTR-1", AuditEventType.REJECTED, "a.csv:2", "ingest-csv", Map.of("text", big));
        }
        try (AuditTrail trail = AuditTrail.open(dir, clock)) {
            assertEquals(2, trail.lastSeq());
            assertEquals(3, trail.append("NTR-2", AuditEventType.NOTE, null, "hub", Map.of()).seq());
        }
        assertTrue(new AuditVerifier().verify(dir).ok());
    }

    @Test
    void concurrentAppendsGiveUniqueGapFreeSeqsAndAnIntactChain() throws Exception {
        int threads = 8;
        int perThread = 2_000;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        Set<Long> seqs = Collections.synchronizedSet(new HashSet<>());
        try (AuditTrail trail = AuditTrail.open(dir, clock)) {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                futures.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < perThread; i++) {
                        AuditEvent e = trail.append("NTR-" + thread + "-" + i, AuditEventType.RECEIVED,
                                "t" + thread + ".csv:" + i, "ingest-csv", Map.of("i", i, "thread", thread));
                        seqs.add(e.seq());
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : futures) {
                f.get(60, TimeUnit.SECONDS);
            }
            assertEquals((long) threads * perThread, trail.lastSeq());
        } finally {
            pool.shutdownNow();
        }
        assertEquals(threads * perThread, seqs.size());
        assertEquals(1L, Collections.min(seqs));
        assertEquals((long) threads * perThread, Collections.max(seqs));
        VerifyResult result = new AuditVerifier().verify(dir);
        assertTrue(result.ok(), result.toString());
        assertEquals((long) threads * perThread, result.eventsChecked());
    }

    @Test
    void aSecondWriterOnTheSameDirectoryIsRefused() {
        try (AuditTrail trail = AuditTrail.open(dir, clock)) {
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> AuditTrail.open(dir, clock));
            assertTrue(e.getMessage().contains("already open"), e.getMessage());
            trail.append("NTR-1", AuditEventType.NOTE, null, "hub", Map.of());
        }
        try (AuditTrail again = AuditTrail.open(dir, clock)) {
            assertEquals(1, again.lastSeq());
        }
    }

    @Test
    void appendAfterCloseFails() {
        AuditTrail trail = AuditTrail.open(dir, clock);
        trail.close();
        assertThrows(IllegalStateException.class,
                () -> trail.append("NTR-1", AuditEventType.NOTE, null, "hub", Map.of()));
        trail.close(); // idempotent
    }

    @Test
    void syncOnAnEmptyOrWrittenTrailDoesNotFail() {
        try (AuditTrail trail = AuditTrail.open(dir, clock)) {
            trail.sync();
            trail.append("NTR-1", AuditEventType.NOTE, null, "hub", Map.of());
            trail.sync();
            assertEquals(1, trail.lastSeq());
        }
    }

    @Test
    void canonicalJsonSortsKeysAtEveryLevelWithoutWhitespace() {
        Map<String, Object> inner = new LinkedHashMap<>();
        inner.put("zeta", 1);
        inner.put("alpha", List.of(Map.of("b", 2, "a", 1)));
        Map<String, Object> outer = new LinkedHashMap<>();
        outer.put("z", inner);
        outer.put("m", null);
        outer.put("a", "teks \"kutip\" ü");
        assertEquals("{\"a\":\"teks \\\"kutip\\\" ü\",\"m\":null,\"z\":{\"alpha\":[{\"a\":1,\"b\":2}],\"zeta\":1}}",
                AuditTrail.canonicalJson(outer));
    }

    @Test
    void detailValuesAreNormalisedSoTheWrittenLineVerifies() {
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("amount", new BigDecimal("1.50"));
        detail.put("ratio", 0.1f);
        detail.put("when", OffsetDateTime.parse("2024-11-27T09:00:00+07:00"));
        detail.put("day", LocalDate.of(2024, 11, 27));
        AuditEvent event;
        try (AuditTrail trail = AuditTrail.open(dir, clock)) {
            event = trail.append("NTR-1", AuditEventType.ENRICHED, "a.csv:2", "enrich", detail);
        }
        assertEquals("2024-11-27", event.detail().get("day"));
        assertEquals("2024-11-27T09:00+07:00", event.detail().get("when"));
        assertTrue(event.hashIsValid(null));
        VerifyResult result = new AuditVerifier().verify(dir);
        assertTrue(result.ok(), result.toString());
    }

    @Test
    void returnedEventDetailIsImmutable() {
        AuditEvent event;
        try (AuditTrail trail = AuditTrail.open(dir, clock)) {
            event = trail.append(null, AuditEventType.NOTE, null, "hub", Map.of("k", "v"));
        }
        assertThrows(UnsupportedOperationException.class, () -> event.detail().put("k", "w"));
    }
}
