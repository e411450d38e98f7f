package netralitas.hub.audit;

import netralitas.hub.testing.MutableClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** No event of the trail grows with what a caller passes (SPEC §9), and every bounded event still verifies. */
class EventBoundsTest {

    /** Far above a bounded event (8,000 characters of text, 500 values), far below what input could make. */
    private static final int MAX_LINE_BYTES = 64 * 1024;

    @TempDir
    Path dir;

    private final MutableClock clock = MutableClock.jakarta("2024-11-27T02:00:00Z");

    private AuditEvent append(String source, Map<String, ?> detail) {
        try (AuditTrail trail = AuditTrail.open(dir, clock)) {
            return trail.append("NTR-1", AuditEventType.REJECTED, source, "ingest-csv", detail);
        }
    }

    @Test
    void aSeventeenMegabyteReasonIsCutToFiveHundredCharactersWithAnEllipsis() throws IOException {
        String line = "3,2024-10-10,199308,Wagiman " + "x".repeat(17 * 1024 * 1024);
        AuditEvent event = append("lampiran.csv", Map.of("alasan", "Judul kolom yang ada: " + line));

        String reason = (String) event.detail().get("alasan");
        assertEquals(EventBounds.MAX_TEXT + 1, reason.codePointCount(0, reason.length()));
        assertTrue(reason.startsWith("Judul kolom yang ada: 3,2024-10-10,199308,Wagiman xxx") && reason.endsWith("x…"), reason);
        assertTrue(trailBytes() < MAX_LINE_BYTES, "line of " + trailBytes() + " bytes");
        assertTrue(new AuditVerifier().verify(dir).ok());
    }

    @Test
    void aTextBeyondWhatJacksonReadsIsWrittenToo() {
        // 25 million characters: over Jackson's 20-million limit for one string, which once failed the append itself.
        AuditEvent event = append("x".repeat(25_000_000), Map.of("alasan", "y".repeat(25_000_000)));
        assertEquals(EventBounds.MAX_TEXT + 1, event.source().length());
        assertTrue(new AuditVerifier().verify(dir).ok());
    }

    @Test
    void controlCharactersAndLoneSurrogatesAreReplaced() {
        AuditEvent event = append("laporan\r\n12:00 INFO palsu.csv:2", Map.of(
                "alasan", "baris\tsatu\nbaris dua\u0000\u001b[31mmerah\u2028\uD800akhir"));
        assertEquals("laporan  12:00 INFO palsu.csv:2", event.source());
        assertEquals("baris satu baris dua\uFFFD\uFFFD[31mmerah \uFFFDakhir", event.detail().get("alasan"));
        assertTrue(new AuditVerifier().verify(dir).ok(), "a lone surrogate would not survive UTF-8 unreplaced");
    }

    @Test
    void listsAndMapsKeepFiftyEntriesAndSayHowManyWereLeftOut() {
        List<String> attachments = IntStream.range(0, 5_000).mapToObj(i -> "lampiran-" + i + ".pdf").toList();
        Map<String, Integer> headers = new LinkedHashMap<>();
        IntStream.range(0, 1_000).forEach(i -> headers.put("X-Header-" + i, i));
        AuditEvent event = append("pesan.eml", Map.of("dropped", attachments, "headers", headers));

        List<?> dropped = (List<?>) event.detail().get("dropped");
        assertEquals(EventBounds.MAX_ITEMS + 1, dropped.size());
        assertEquals("lampiran-0.pdf", dropped.get(0));
        assertEquals("… +4950", dropped.get(EventBounds.MAX_ITEMS));
        Map<?, ?> kept = (Map<?, ?>) event.detail().get("headers");
        assertEquals(EventBounds.MAX_ITEMS + 1, kept.size());
        assertEquals("+950", kept.get("…"));
        assertTrue(new AuditVerifier().verify(dir).ok());
    }

    @Test
    void nestingStopsAtTheMaximumDepth() {
        Object nested = "dasar";
        for (int i = 0; i < 200; i++) {
            nested = List.of(nested);
        }
        AuditEvent event = append("pesan.eml", Map.of("bagian", nested));
        Object level = event.detail().get("bagian");
        int depth = 0;
        while (level instanceof List<?> list) {
            level = list.get(0);
            depth++;
        }
        assertEquals(EventBounds.MAX_DEPTH, depth);
        assertEquals("…", level);
    }

    @Test
    void theWholeDetailIsBoundedHoweverManySmallValuesItHolds() throws IOException {
        Map<String, Object> detail = new LinkedHashMap<>();
        for (int i = 0; i < EventBounds.MAX_ITEMS; i++) {
            List<Object> values = new ArrayList<>();
            for (int j = 0; j < EventBounds.MAX_ITEMS; j++) {
                values.add(j % 2 == 0 ? "z".repeat(EventBounds.MAX_TEXT) : Map.of("n", j, "teks", "\"\\".repeat(300)));
            }
            detail.put("kunci-" + "k".repeat(600) + i, values);
        }
        append("x.csv", detail);
        assertTrue(trailBytes() < MAX_LINE_BYTES, "line of " + trailBytes() + " bytes");
        assertTrue(new AuditVerifier().verify(dir).ok());
    }

    @Test
    void aHugeNumberAndARecordAreBoundedToo() {
        record Attachment(String name, long bytes) {
        }
        AuditEvent event = append("pesan.eml", Map.of(
                "besar", new BigInteger("9".repeat(100_000)),
                "lampiran", new Attachment("a".repeat(10_000) + ".pdf", 42)));
        assertEquals(EventBounds.MAX_TEXT + 1, ((String) event.detail().get("besar")).length());
        Map<?, ?> attachment = (Map<?, ?>) event.detail().get("lampiran");
        assertEquals(42, ((Number) attachment.get("bytes")).intValue());
        assertEquals(EventBounds.MAX_TEXT + 1, ((String) attachment.get("name")).length());
        assertTrue(new AuditVerifier().verify(dir).ok());
    }

    @Test
    void ordinaryEventsAreWrittenAsTheyWere() {
        Map<String, Object> detail = Map.of("to", List.of("inspektorat@kepahiang.example"), "cases", 3,
                "regionSource", "NIP", "notes", List.of());
        AuditEvent event = append("laporan.csv:8", detail);
        assertEquals(detail, event.detail());
        assertEquals("laporan.csv:8", event.source());
    }

    /** The trail holds one event in one file. */
    private long trailBytes() throws IOException {
        return Files.size(dir.resolve("audit-2024-11-27.jsonl"));
    }
}
