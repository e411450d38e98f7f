package netralitas.hub.bench;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

class GcLogTest {

    @TempDir
    Path dir;

    @Test
    void peakHeapAfterCollectionPausesAndFullCollections() throws IOException {
        Path log = dir.resolve("gc.log");
        Files.writeString(log, """
                [0.010s][info][gc] Using G1
                [1.234s][info][gc] GC(0) Pause Young (Normal) (G1 Evacuation Pause) 24M->8M(256M) 3.123ms
                [2.000s][info][gc] GC(1) Pause Young (Concurrent Start) (G1 Humongous Allocation) 100M->90M(256M) 5.000ms
                [2.100s][info][gc] GC(2) Concurrent Mark Cycle
                [2.200s][info][gc] GC(2) Pause Remark 95M->60M(256M) 1.500ms
                [3.000s][info][gc] GC(3) Pause Full (G1 Compaction Pause) 250M->1536K(64M) 40.250ms
                """);

        GcLog gc = GcLog.read(log);

        assertEquals(4, gc.pauses());
        assertEquals(1, gc.fullPauses());
        assertEquals(90L << 20, gc.peakAfterGcBytes());
        assertEquals(256L << 20, gc.peakCommittedBytes());
        assertEquals(49.873, gc.pauseMillis(), 1e-9);
    }

    @Test
    void noLogMeansUnknown() throws IOException {
        assertEquals(-1, GcLog.read(dir.resolve("absent.log")).peakAfterGcBytes());
    }
}
