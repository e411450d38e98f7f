package netralitas.hub.audit;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads a trail file line by line, byte-exact: unlike BufferedReader it tells whether the last line ended with a
 * newline (a line without one was torn by a crash) and does not swallow a stray '\r' (a sign of editing).
 */
final class TrailLineReader implements Closeable {

    /** One line; {@code text} is null when the bytes are not valid UTF-8. */
    record Line(long number, String text, boolean terminated) {
    }

    /** Far above any real event; stops a damaged file without newlines from exhausting memory. */
    static final int MAX_LINE_BYTES = 16 * 1024 * 1024;

    private final InputStream in;
    private final byte[] chunk = new byte[1 << 16];
    private int chunkPos;
    private int chunkEnd;
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream(512);
    private long lineNumber;
    private long position;

    TrailLineReader(Path file) throws IOException {
        this.in = Files.newInputStream(file);
    }

    /** The next line, or null at end of file. */
    Line next() throws IOException {
        buffer.reset();
        while (true) {
            if (chunkPos == chunkEnd) {
                chunkEnd = in.read(chunk);
                chunkPos = 0;
                if (chunkEnd <= 0) {
                    chunkEnd = 0;
                    position += buffer.size();
                    return buffer.size() == 0 ? null : new Line(++lineNumber, decode(), false);
                }
            }
            int start = chunkPos;
            while (chunkPos < chunkEnd && chunk[chunkPos] != '\n') {
                chunkPos++;
            }
            buffer.write(chunk, start, chunkPos - start);
            if (buffer.size() > MAX_LINE_BYTES) {
                throw new IOException("line " + (lineNumber + 1) + " is longer than " + MAX_LINE_BYTES + " bytes");
            }
            if (chunkPos < chunkEnd) {
                chunkPos++; // past the newline
                position += buffer.size() + 1;
                return new Line(++lineNumber, decode(), true);
            }
        }
    }

    /** Bytes of the file taken by the lines returned so far (newlines included): how far a reader has got. */
    long position() {
        return position;
    }

    private String decode() {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(buffer.toByteArray()))
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
