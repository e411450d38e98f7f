package netralitas.hub.audit;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * Reads a trail's lines from its end backwards, across its daily files, so that the start-up check reads only the few
 * lines it needs however long the trail is.
 */
final class TrailBackwards implements Closeable {

    /**
     * One line.
     *
     * @param offset     where it starts in {@code file} (its 1-based number is only counted for an error report)
     * @param text       null when it is not valid UTF-8 or longer than {@link TrailLineReader#MAX_LINE_BYTES}
     * @param terminated whether a newline ends it (only the trail's very last line may lack one: torn)
     */
    record Line(Path file, long offset, String text, boolean terminated) {

        long number() throws IOException {
            return TrailTail.countLines(file, offset) + 1;
        }
    }

    private final List<Path> files;
    private int fileIndex;
    private FileChannel channel;
    /** End (exclusive, before its newline) of the next line to return in the current file; -1 when it is done. */
    private long end = -1;
    private boolean newest = true;

    /** @param files oldest first, as {@link AuditFiles#list} gives them */
    TrailBackwards(List<Path> files) {
        this.files = files;
        this.fileIndex = files.size();
    }

    /** The line before the last one returned, or null at the start of the trail. */
    Line previous() throws IOException {
        while (end < 0) {
            if (channel != null) {
                channel.close();
                channel = null;
            }
            if (--fileIndex < 0) {
                return null;
            }
            channel = FileChannel.open(files.get(fileIndex), StandardOpenOption.READ);
            long size = channel.size();
            if (size > 0) {
                end = lastByte(size) == '\n' ? size - 1 : size;
            }
        }
        Path file = files.get(fileIndex);
        boolean terminated = !newest || end < channel.size();
        newest = false;
        long start = TrailTail.startOfLineEndingAt(channel, end);
        String text = null;
        if (end - start <= TrailLineReader.MAX_LINE_BYTES) {
            ByteBuffer bytes = ByteBuffer.allocate((int) (end - start));
            while (bytes.hasRemaining()) {
                if (channel.read(bytes, start + bytes.position()) < 0) {
                    throw new IOException(file + " shrank while being read");
                }
            }
            bytes.flip();
            text = TrailTail.decode(bytes);
        }
        end = start == 0 ? -1 : start - 1;
        return new Line(file, start, text, terminated);
    }

    private byte lastByte(long size) throws IOException {
        ByteBuffer one = ByteBuffer.allocate(1);
        if (channel.read(one, size - 1) != 1) {
            throw new IOException("cannot read the last byte of " + files.get(fileIndex));
        }
        return one.get(0);
    }

    @Override
    public void close() throws IOException {
        if (channel != null) {
            channel.close();
        }
    }
}
