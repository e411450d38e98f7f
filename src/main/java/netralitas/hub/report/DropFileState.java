package netralitas.hub.report;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * What a dropped file looks like from outside, to tell whether its writer touched it while the hub read it
 * (SPEC §3.1): size, modification time and identity (inode), of the entry itself, never of what a link points to.
 */
public record DropFileState(long size, long modifiedMillis, Object identity) {

    public static DropFileState of(Path file) throws IOException {
        return of(Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS));
    }

    public static DropFileState of(BasicFileAttributes attributes) {
        return new DropFileState(attributes.size(), attributes.lastModifiedTime().toMillis(), attributes.fileKey());
    }

    /**
     * Whether the regular file's last byte is not a line ending: its last line is cut short, as when a writer pauses
     * in the middle of a row. An empty file is not.
     */
    public static boolean endsMidLine(Path file) throws IOException {
        try (SeekableByteChannel channel = Files.newByteChannel(file, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
            long size = channel.size();
            if (size == 0) {
                return false;
            }
            ByteBuffer head = ByteBuffer.allocate(2);
            channel.read(head);
            // UTF-16 little-endian ends a line with LF then NUL: its last character is in the two last bytes.
            int lastChar = CsvEncoding.littleEndianUtf16(Arrays.copyOf(head.array(), head.position())) && size >= 4
                    ? 2 : 1;
            ByteBuffer last = ByteBuffer.allocate(1);
            channel.position(size - lastChar);
            if (channel.read(last) != 1) {
                return false;
            }
            byte b = last.get(0);
            return b != '\n' && b != '\r';
        }
    }
}
