package netralitas.hub.audit;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Reads the last line of a trail file from its end, so opening a trail of millions of lines stays instant. */
final class TrailTail {

    /** The last line; {@code text} is null when it is not valid UTF-8. */
    record Last(String text, boolean terminated) {
    }

    private static final int CHUNK = 8192;

    private TrailTail() {
    }

    /** The file's last line, or null when the file is empty. */
    static Last read(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            if (size == 0) {
                return null;
            }
            boolean terminated = byteAt(channel, size - 1) == '\n';
            long end = terminated ? size - 1 : size;
            long start = startOfLineEndingAt(channel, end);
            if (end - start > TrailLineReader.MAX_LINE_BYTES) {
                throw new IOException("the last line of " + file + " is longer than "
                        + TrailLineReader.MAX_LINE_BYTES + " bytes");
            }
            ByteBuffer line = ByteBuffer.allocate((int) (end - start));
            while (line.hasRemaining()) {
                if (channel.read(line, start + line.position()) < 0) {
                    throw new IOException(file + " shrank while being read");
                }
            }
            line.flip();
            return new Last(decode(line), terminated);
        }
    }

    static long startOfLineEndingAt(FileChannel channel, long end) throws IOException {
        ByteBuffer chunk = ByteBuffer.allocate(CHUNK);
        long pos = end;
        while (pos > 0) {
            long from = Math.max(0, pos - CHUNK);
            if (end - from > TrailLineReader.MAX_LINE_BYTES) {
                return from; // too long to be an event; the caller reports it
            }
            chunk.clear().limit((int) (pos - from));
            while (chunk.hasRemaining()) {
                if (channel.read(chunk, from + chunk.position()) < 0) {
                    throw new IOException("file shrank while being read");
                }
            }
            for (int i = (int) (pos - from) - 1; i >= 0; i--) {
                if (chunk.get(i) == '\n') {
                    return from + i + 1;
                }
            }
            pos = from;
        }
        return 0;
    }

    private static byte byteAt(FileChannel channel, long position) throws IOException {
        ByteBuffer one = ByteBuffer.allocate(1);
        if (channel.read(one, position) != 1) {
            throw new IOException("cannot read byte " + position);
        }
        return one.get(0);
    }

    static String decode(ByteBuffer bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(bytes).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    /** Newlines before byte {@code offset}; reads the file up to there, so only for error reports. */
    static long countLines(Path file, long offset) throws IOException {
        long count = 0;
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer chunk = ByteBuffer.allocate(1 << 16);
            long position = 0;
            while (position < offset && channel.read(chunk) > 0) {
                chunk.flip();
                while (chunk.hasRemaining() && position < offset) {
                    if (chunk.get() == '\n') {
                        count++;
                    }
                    position++;
                }
                chunk.clear();
            }
        }
        return count;
    }

    /** Number of lines, counting an unterminated last one; reads the whole file, so only for error reports. */
    static long countLines(Path file) throws IOException {
        long count = 0;
        boolean endsWithNewline = true;
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer chunk = ByteBuffer.allocate(1 << 16);
            while (channel.read(chunk) > 0) {
                chunk.flip();
                while (chunk.hasRemaining()) {
                    endsWithNewline = chunk.get() == '\n';
                    if (endsWithNewline) {
                        count++;
                    }
                }
                chunk.clear();
            }
        }
        return endsWithNewline ? count : count + 1;
    }
}
