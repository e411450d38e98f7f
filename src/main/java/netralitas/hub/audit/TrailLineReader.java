package netralitas.hub.audit;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Reads a trail file line by line, byte-exact: unlike BufferedReader it tells whether the last line ended with a
 * newline (a line without one was torn by a crash) and does not swallow a stray '\r' (a sign of editing). Any line is
 * read without failing: one longer than {@link #MAX_LINE_BYTES} is passed over without being held in memory, and one
 * that is not UTF-8 comes without text; each names its problem, for the reader to report with file and line number.
 */
final class TrailLineReader implements TrailLines.LineSource {

    /**
     * One line.
     *
     * @param text  null when the line is longer than {@link #MAX_LINE_BYTES} or its bytes are not valid UTF-8
     * @param bytes the line's length in bytes, without its newline
     */
    record Line(long number, String text, boolean terminated, long bytes) {

        boolean overLong() {
            return bytes > MAX_LINE_BYTES;
        }

        /** Why the line has no text, or null when it has. */
        String problem() {
            if (overLong()) {
                return "line is longer than " + MAX_LINE_BYTES + " bytes (" + bytes + " bytes): not an event the hub"
                        + " writes, skipped unread";
            }
            return text == null ? "line is not valid UTF-8" : null;
        }
    }

    /** Far above any event the hub writes (EventBounds keeps them to a few tens of kilobytes). */
    static final int MAX_LINE_BYTES = 16 * 1024 * 1024;

    /** A buffer grown for a long line is let go after it, rather than kept for the rest of the file. */
    private static final int KEPT_CAPACITY = 64 * 1024;

    private final InputStream in;
    private final byte[] chunk = new byte[1 << 16];
    private int chunkPos;
    private int chunkEnd;
    private byte[] line = new byte[512];
    private int lineLength;
    private long lineBytes;
    private long lineNumber;
    private long position;

    TrailLineReader(Path file) throws IOException {
        this.in = Files.newInputStream(file);
    }

    /** The next line, or null at end of file. */
    public Line next() throws IOException {
        if (line.length > KEPT_CAPACITY) {
            line = new byte[512];
        }
        lineLength = 0;
        lineBytes = 0;
        while (true) {
            if (chunkPos == chunkEnd) {
                chunkEnd = in.read(chunk);
                chunkPos = 0;
                if (chunkEnd <= 0) {
                    chunkEnd = 0;
                    position += lineBytes;
                    return lineBytes == 0 ? null : new Line(++lineNumber, decode(), false, lineBytes);
                }
            }
            int start = chunkPos;
            while (chunkPos < chunkEnd && chunk[chunkPos] != '\n') {
                chunkPos++;
            }
            keep(start, chunkPos - start);
            if (chunkPos < chunkEnd) {
                chunkPos++; // past the newline
                position += lineBytes + 1;
                return new Line(++lineNumber, decode(), true, lineBytes);
            }
        }
    }

    /** Bytes of the file taken by the lines returned so far (newlines included): how far a reader has got. */
    public long position() {
        return position;
    }

    /** Appends a piece of the current line, or only counts it once the line is too long to be an event. */
    private void keep(int from, int length) {
        lineBytes += length;
        if (lineBytes > MAX_LINE_BYTES) {
            if (lineLength > 0) {
                line = new byte[512];
                lineLength = 0;
            }
            return;
        }
        if (lineLength + length > line.length) {
            line = Arrays.copyOf(line, Math.max(lineLength + length, Math.min(MAX_LINE_BYTES, line.length * 2)));
        }
        System.arraycopy(chunk, from, line, lineLength, length);
        lineLength += length;
    }

    private String decode() {
        if (lineBytes > MAX_LINE_BYTES) {
            return null;
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(line, 0, lineLength))
                    .toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
