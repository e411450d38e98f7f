package netralitas.hub.inbox;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Measures MIME structure before Jakarta Mail parses it. Jakarta Mail builds every part of a multipart level, and
 * every header line of a part, as objects in memory at once: a 40 MB message of empty parts or one-letter header
 * lines would need gigabytes. These scans read the bytes once, keep nothing, and stop as soon as a budget is spent.
 */
final class MimeScan {

    private static final int BUFFER = 64 * 1024;
    /** RFC 2046 allows 70 characters; room for a few more, and for the "--" on both sides. */
    private static final int MAX_BOUNDARY = 80;

    private MimeScan() {
    }

    /** Bytes of the header block at the start of {@code in} (up to its blank line), or {@code limit + 1} when longer. */
    static long headerBytes(InputStream in, long limit) throws IOException {
        byte[] buffer = new byte[BUFFER];
        long total = 0;
        long lineLength = 0;
        boolean lineHasText = false;
        int n;
        while ((n = in.read(buffer)) != -1) {
            for (int i = 0; i < n; i++) {
                byte b = buffer[i];
                total++;
                if (b == '\n') {
                    if (!lineHasText) {
                        return total - lineLength - 1;
                    }
                    lineLength = 0;
                    lineHasText = false;
                } else {
                    lineLength++;
                    lineHasText |= b != '\r';
                }
                // The line under way may still turn out to be the blank one, which is not part of the header.
                if (total - (lineHasText ? 0 : lineLength) > limit) {
                    return limit + 1;
                }
            }
        }
        return Math.min(total, limit + 1);
    }

    /** What one multipart body holds, as far as it was read: at most one part or one byte past a budget. */
    record Multipart(int parts, long headerBytes) {
    }

    /**
     * Counts the parts of a multipart body (its delimiter lines, as Jakarta Mail recognises them) and the bytes of
     * their header blocks, until the closing delimiter or until {@code maxParts} or {@code maxHeaderBytes} is passed.
     *
     * @param boundary the Content-Type boundary, or null: then, like Jakarta Mail, the first line starting with "--"
     */
    static Multipart multipart(InputStream in, String boundary, int maxParts, long maxHeaderBytes) throws IOException {
        return new MultipartCounter(boundary, maxParts, maxHeaderBytes).read(in);
    }

    private static final class MultipartCounter {
        private static final byte[] DASHES = {'-', '-'};
        private final int maxParts;
        private final long maxHeaderBytes;
        private byte[] delimiter;
        private final byte[] head = new byte[MAX_BOUNDARY + 4];
        private int headLength;
        private long lineLength;
        /** Position after the line's last character that is not a space, tab or CR. */
        private long lineTextEnd;
        private int parts;
        private long headerBytes;
        private boolean inHeader;
        private boolean done;

        MultipartCounter(String boundary, int maxParts, long maxHeaderBytes) {
            this.maxParts = maxParts;
            this.maxHeaderBytes = maxHeaderBytes;
            this.delimiter = boundary == null ? null : ("--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
        }

        Multipart read(InputStream in) throws IOException {
            byte[] buffer = new byte[BUFFER];
            int n;
            while (!done && (n = in.read(buffer)) != -1) {
                for (int i = 0; i < n && !done; i++) {
                    byte b = buffer[i];
                    if (b == '\n') {
                        endOfLine();
                    } else {
                        if (headLength < head.length) {
                            head[headLength++] = b;
                        }
                        lineLength++;
                        if (b != ' ' && b != '\t' && b != '\r') {
                            lineTextEnd = lineLength;
                        }
                    }
                }
            }
            if (!done && lineLength > 0) {
                endOfLine();
            }
            return new Multipart(parts, headerBytes);
        }

        private void endOfLine() {
            if (delimiter == null && startsWith(DASHES, 0)) {
                int end = (int) Math.min(lineTextEnd, headLength);
                delimiter = Arrays.copyOf(head, end);
            }
            if (delimiter != null && startsWith(delimiter, 0)) {
                if (lineTextEnd == delimiter.length) {
                    parts++;
                    inHeader = true;
                } else if (lineTextEnd == delimiter.length + 2 && startsWith(DASHES, delimiter.length)) {
                    done = true;
                }
            } else if (inHeader) {
                if (lineTextEnd == 0) {
                    inHeader = false;
                } else {
                    headerBytes += lineLength + 1;
                }
            }
            done |= parts > maxParts || headerBytes > maxHeaderBytes;
            headLength = 0;
            lineLength = 0;
            lineTextEnd = 0;
        }

        private boolean startsWith(byte[] prefix, int at) {
            if (at + prefix.length > headLength) {
                return false;
            }
            for (int i = 0; i < prefix.length; i++) {
                if (head[at + i] != prefix[i]) {
                    return false;
                }
            }
            return true;
        }
    }
}
