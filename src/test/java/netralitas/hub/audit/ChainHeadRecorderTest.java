package netralitas.hub.audit;

import netralitas.hub.testing.MutableClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The state store's chain head follows the trail: never ahead of the lines on disk, behind by a bounded number. */
class ChainHeadRecorderTest {

    @TempDir
    Path dir;

    private final MutableClock clock = MutableClock.jakarta("2024-10-08T02:00:00Z");

    /** Records each head it is given after checking that the trail file already holds that many lines. */
    private final class CheckingStore implements ChainHeadStore {
        final MemoryChainHeads heads = new MemoryChainHeads();
        final List<String> leads = new CopyOnWriteArrayList<>();
        volatile boolean failing;

        @Override
        public Optional<ChainHead> read() {
            return heads.read();
        }

        @Override
        public void advance(ChainHead head) {
            if (failing) {
                throw new IllegalStateException("state store unreachable");
            }
            long lines = linesOnDisk();
            if (head.seq() > lines) {
                leads.add("head " + head.seq() + " while the trail holds " + lines + " lines");
            }
            heads.advance(head);
        }

        long linesOnDisk() {
            try (Stream<Path> files = Files.list(dir)) {
                long count = 0;
                for (Path file : files.filter(f -> f.toString().endsWith(".jsonl")).toList()) {
                    count += Files.readAllLines(file).size();
                }
                return count;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @Test
    void theHeadFollowsTheTrailNeverAheadOfItAndIsRecordedAtClose() throws Exception {
        CheckingStore store = new CheckingStore();
        ChainHeadRecorder recorder = new ChainHeadRecorder(store, ChainHead.EMPTY, message -> { },
                Duration.ofMillis(1), ChainHeadRecorder.MAX_LAG, Duration.ofSeconds(5));
        ChainHead end;
        try (AuditTrail trail = AuditTrail.open(dir, clock, MemoryChainHeads.KEY, recorder)) {
            Thread[] writers = new Thread[4];
            for (int t = 0; t < writers.length; t++) {
                writers[t] = new Thread(() -> {
                    for (int i = 0; i < 250; i++) {
                        trail.append("NH-1", AuditEventType.NOTE, null, "hub", Map.of("i", i));
                    }
                });
                writers[t].start();
            }
            for (Thread writer : writers) {
                writer.join(TimeUnit.SECONDS.toMillis(30));
            }
            end = trail.head();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (recorder.recorded().seq() < end.seq()) {
                assertTrue(System.nanoTime() < deadline, "the head did not catch up: " + recorder.recorded());
                Thread.sleep(5);
            }
        }
        assertEquals(1000, end.seq());
        assertEquals(List.of(), store.leads);
        assertEquals(Optional.of(end), store.read());
    }

    @Test
    void aStoreThatFailsHoldsTheTrailWithinTheLagAndTheLineIsNotWritten() throws Exception {
        CheckingStore store = new CheckingStore();
        store.failing = true;
        List<String> warnings = new CopyOnWriteArrayList<>();
        ChainHeadRecorder recorder = new ChainHeadRecorder(store, ChainHead.EMPTY, warnings::add,
                Duration.ofMillis(5), 5, Duration.ofSeconds(3));
        try (AuditTrail trail = AuditTrail.open(dir, clock, MemoryChainHeads.KEY, recorder)) {
            for (int i = 0; i < 5; i++) {
                trail.append(null, AuditEventType.NOTE, null, "hub", Map.of());
            }
            IllegalStateException held = assertThrows(IllegalStateException.class,
                    () -> trail.append(null, AuditEventType.NOTE, null, "hub", Map.of()));
            assertTrue(held.getMessage().contains("could not be recorded in the state store"), held.getMessage());
            assertEquals(5, trail.lastSeq());
            assertEquals(5, store.linesOnDisk(), "the held line was not written");
            assertFalse(warnings.isEmpty());
            assertTrue(warnings.get(0).startsWith("Audit chain head (seq "), warnings.get(0));

            store.failing = false;
            trail.append(null, AuditEventType.NOTE, null, "hub", Map.of());
            assertEquals(6, trail.lastSeq());
        }
        assertEquals(6, store.read().orElseThrow().seq());
    }
}
