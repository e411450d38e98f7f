package netralitas.hub.bench;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class GcLogTest {

    static final long DROP = Instant.parse("2024-10-08T10:00:00Z").toEpochMilli();
    static final long DONE = Instant.parse("2024-10-08T10:00:40Z").toEpochMilli();

    @TempDir
    Path dir;

    @Test
    void theRunWindowItsQuartersAndTheLiveSetAtTheEnd() throws IOException {
        Path log = dir.resolve("gc.log");
        Files.writeString(log, """
                [2024-10-08T09:59:58.000+0000][0.010s][info][gc] Using G1
                [2024-10-08T09:59:59.000+0000][1.000s][info][gc] GC(0) Pause Young (Normal) (G1 Evacuation Pause) 200M->190M(256M) 3.000ms
                [2024-10-08T10:00:05.000+0000][7.000s][info][gc] GC(1) Pause Young (Normal) (G1 Evacuation Pause) 24M->8M(256M) 3.123ms
                [2024-10-08T10:00:15.000+0000][17.000s][info][gc] GC(2) Pause Young (Concurrent Start) (G1 Humongous Allocation) 100M->90M(256M) 5.000ms
                [2024-10-08T10:00:16.000+0000][18.000s][info][gc] GC(3) Concurrent Mark Cycle
                [2024-10-08T10:00:16.500+0000][18.500s][info][gc] GC(3) Pause Remark 95M->60M(256M) 1.500ms
                [2024-10-08T10:00:39.000+0000][41.000s][info][gc] GC(4) Pause Full (G1 Compaction Pause) 250M->1536K(64M) 40.250ms
                [2024-10-08T10:00:41.000+0000][43.000s][info][gc] GC(5) Pause Young (Normal) (G1 Evacuation Pause) 230M->220M(256M) 2.000ms
                [2024-10-08T10:00:42.000+0000][44.000s][info][gc] GC(6) Pause Full (Heap Inspection Initiated GC) 120M->42M(256M) 30.000ms
                """);

        GcLog gc = GcLog.read(log, DROP, DONE);

        assertEquals(4, gc.pauses(), "only the pauses between drop and done");
        assertEquals(1, gc.fullPauses());
        assertEquals(90L << 20, gc.peakAfterGcBytes());
        assertEquals(256L << 20, gc.peakCommittedBytes());
        assertEquals(49.873, gc.pauseMillis(), 1e-9);
        assertArrayEquals(new long[] {8L << 20, 90L << 20, -1, 1536L << 10}, gc.quarterPeaks());
        assertEquals(42L << 20, gc.liveAtEnd());
    }

    @Test
    void withoutTimestampsOrWindowEveryPauseCounts() throws IOException {
        Path log = dir.resolve("gc.log");
        Files.writeString(log, """
                [1.234s][info][gc] GC(0) Pause Young (Normal) (G1 Evacuation Pause) 24M->8M(256M) 3.123ms
                [3.000s][info][gc] GC(3) Pause Full (G1 Compaction Pause) 250M->100M(200M) 40.250ms
                """);

        GcLog gc = GcLog.read(log, DROP, DONE);

        assertEquals(2, gc.pauses());
        assertEquals(100L << 20, gc.peakAfterGcBytes());
        assertEquals(-1, gc.liveAtEnd());
    }

    @Test
    void noLogMeansUnknown() throws IOException {
        assertEquals(-1, GcLog.read(dir.resolve("absent.log"), 0, 0).peakAfterGcBytes());
    }
}
