package netralitas.hub.inbox;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads a stream keeping at most {@code limit} bytes and counting the rest, so an oversized attachment costs
 * its byte count, never its content, in memory.
 */
final class BoundedBytes {

    private static final int BUFFER = 64 * 1024;

    /** {@code content} is null when the stream held more than the limit; {@code size} is always the full count. */
    record Read(byte[] content, long size) {
        boolean overLimit() {
            return content == null;
        }
    }

    private BoundedBytes() {
    }

    static Read read(InputStream in, long limit) throws IOException {
        ByteArrayOutputStream kept = new ByteArrayOutputStream((int) Math.min(limit, BUFFER));
        byte[] buffer = new byte[BUFFER];
        long size = 0;
        int n;
        while ((n = in.read(buffer)) != -1) {
            if (kept != null && size + n > limit) {
                kept = null; // over the limit: drop what was kept, only count from here on
            }
            if (kept != null) {
                kept.write(buffer, 0, n);
            }
            size += n;
        }
        return new Read(kept == null ? null : kept.toByteArray(), size);
    }

    /** Reads at most {@code limit} bytes and stops: for text, where the beginning is what matters. */
    static byte[] readPrefix(InputStream in, int limit) throws IOException {
        return in.readNBytes(limit);
    }
}
