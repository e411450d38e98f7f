package netralitas.hub.inbox;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

class BoundedBytesTest {

    /** Produces {@code length} bytes without holding them: reading it whole would need more heap than the test JVM has. */
    private static final class EndlessZeros extends InputStream {
        private long left;

        EndlessZeros(long length) {
            this.left = length;
        }

        @Override
        public int read() {
            return left-- > 0 ? 0 : -1;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (left <= 0) {
                return -1;
            }
            int n = (int) Math.min(len, left);
            left -= n;
            return n;
        }
    }

    @Test
    void countsAStreamFarLargerThanTheHeapWithoutKeepingIt() throws IOException {
        long threeGigabytes = 3L * 1024 * 1024 * 1024;
        BoundedBytes.Read read = BoundedBytes.read(new EndlessZeros(threeGigabytes), 1024 * 1024);
        assertTrue(read.overLimit());
        assertNull(read.content());
        assertEquals(threeGigabytes, read.size());
    }

    @Test
    void keepsContentUpToAndIncludingTheLimit() throws IOException {
        byte[] data = new byte[200_000];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) i;
        }
        BoundedBytes.Read exact = BoundedBytes.read(new ByteArrayInputStream(data), data.length);
        assertFalse(exact.overLimit());
        assertArrayEquals(data, exact.content());
        BoundedBytes.Read over = BoundedBytes.read(new ByteArrayInputStream(data), data.length - 1);
        assertTrue(over.overLimit());
        assertEquals(data.length, over.size());
    }

    @Test
    void zeroLimitKeepsOnlyEmptyContent() throws IOException {
        assertArrayEquals(new byte[0], BoundedBytes.read(new ByteArrayInputStream(new byte[0]), 0).content());
        assertTrue(BoundedBytes.read(new ByteArrayInputStream(new byte[1]), 0).overLimit());
    }
}
