package netralitas.hub.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * The trail as daily files of one hub (SPEC §8): one JSON line per event in {@code audit-YYYY-MM-DD.jsonl}, the chain
 * running on across daily files. Each line is keyed (HMAC-SHA256 under the {@link ChainKey}); a trail begun by an
 * earlier release, unkeyed, goes on keyed from the next line. Safe to call from many threads; only one process may
 * write a trail directory at a time (a lock file guards it), because two writers would fork the chain.
 */
final class FileChain implements EventChain {

    private static final String LOCK_FILE = "audit.lock";

    private final Path auditDir;
    private final Clock clock;
    /** Null only for the unkeyed trails of tests that stand for an earlier release's. */
    private final ChainKey key;
    /** Null when no state store keeps the head (tests). */
    private final ChainHeadRecorder head;
    private final FileChannel lockChannel;
    private final FileLock lock;

    // All below guarded by "this".
    private long lastSeq;
    private String lastHash;
    private boolean lastKeyed;
    private LocalDate fileDate;
    private FileChannel out;
    private long outSize;
    private boolean closed;
    private IOException broken;

    private FileChain(Path auditDir, Clock clock, ChainKey key, ChainHeadRecorder head, FileChannel lockChannel,
                       FileLock lock, long lastSeq, String lastHash, LocalDate fileDate) {
        this.auditDir = auditDir;
        this.clock = clock;
        this.key = key;
        this.head = head;
        this.lockChannel = lockChannel;
        this.lock = lock;
        this.lastSeq = lastSeq;
        this.lastHash = lastHash;
        this.fileDate = fileDate;
    }

    /**
     * Opens (creating if needed) the trail in {@code auditDir} and continues its chain, keyed under {@code key} (null:
     * unkeyed, for tests of earlier releases' trails), from the last event of the newest file, reading only that file's
     * tail.
     */
    static FileChain openChain(Path auditDir, Clock clock, ChainKey key, ChainHeadRecorder head) {
        try {
            Files.createDirectories(auditDir);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create audit directory " + auditDir, e);
        }
        FileChannel lockChannel = null;
        try {
            lockChannel = FileChannel.open(auditDir.resolve(LOCK_FILE),
                    StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = tryLock(lockChannel, auditDir);
            try {
                return continueChain(auditDir, clock, key, head, lockChannel, lock);
            } catch (RuntimeException e) {
                lock.release();
                throw e;
            }
        } catch (IOException e) {
            closeQuietly(lockChannel);
            throw new UncheckedIOException("Cannot open audit trail in " + auditDir, e);
        } catch (RuntimeException e) {
            closeQuietly(lockChannel);
            throw e;
        }
    }

    private static FileLock tryLock(FileChannel lockChannel, Path auditDir) throws IOException {
        FileLock lock;
        try {
            lock = lockChannel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        }
        if (lock == null) {
            throw new IllegalStateException("The audit trail in " + auditDir
                    + " is already open for writing by another hub (or another AuditTrail in this process)");
        }
        return lock;
    }

    private static FileChain continueChain(Path auditDir, Clock clock, ChainKey key, ChainHeadRecorder head,
                                            FileChannel lockChannel, FileLock lock) throws IOException {
        List<Path> files = AuditFiles.list(auditDir);
        LocalDate newestDate = files.isEmpty() ? null : AuditFiles.dateOf(files.get(files.size() - 1));
        // A crash right after a new day's file was created leaves it empty: the chain then ends in an older file.
        for (int i = files.size() - 1; i >= 0; i--) {
            Path file = files.get(i);
            TrailTail.Last last = TrailTail.read(file);
            if (last == null) {
                continue;
            }
            if (!last.terminated()) {
                throw new AuditTrailCorruptException(file, TrailTail.countLines(file),
                        "the last line is incomplete (no newline at its end; probably torn by a crash while writing)");
            }
            AuditEvent event;
            try {
                event = TrailLine.check(last.text(), key);
            } catch (TrailLine.KeyRequiredException e) {
                throw new IllegalStateException("The audit trail in " + auditDir + " is keyed: an unkeyed line after"
                        + " it would downgrade it");
            } catch (IllegalArgumentException e) {
                throw new AuditTrailCorruptException(file, TrailTail.countLines(file), e.getMessage());
            }
            FileChain trail = new FileChain(auditDir, clock, key, head, lockChannel, lock, event.seq(), event.hash(),
                    newestDate);
            trail.lastKeyed = event.keyed();
            return trail;
        }
        return new FileChain(auditDir, clock, key, head, lockChannel, lock, 0, AuditEvent.GENESIS, newestDate);
    }

    /** The line reaches the operating system before this returns (it survives a crash of the hub, not of the machine). */
    @Override
    public synchronized AuditEvent append(PendingEvent pending) {
        ensureWritable();
        long seq = lastSeq + 1;
        if (head != null) {
            head.awaitRoomFor(seq);
        }
        OffsetDateTime at = OffsetDateTime.ofInstant(clock.instant(), clock.getZone());
        PendingEvent.Linked linked = pending.link(seq, lastHash, at, key);
        write(at.toLocalDate(), (linked.line() + "\n").getBytes(StandardCharsets.UTF_8));
        lastSeq = seq;
        lastHash = linked.event().hash();
        lastKeyed = key != null;
        if (head != null) {
            head.appended(new ChainHead(seq, lastHash));
        }
        return linked.event();
    }

    /** A file write is cheap: the line reaches the operating system before this returns too. */
    @Override
    public void appendSoon(PendingEvent pending) {
        append(pending);
    }

    private void ensureWritable() {
        if (closed) {
            throw new IllegalStateException("The audit trail in " + auditDir + " is closed");
        }
        if (broken != null) {
            throw new IllegalStateException("The audit trail in " + auditDir
                    + " stopped accepting events after a write failure: " + broken.getMessage(), broken);
        }
    }

    private void write(LocalDate eventDate, byte[] bytes) {
        try {
            // Never back to an older file (the clock may step back): file order must stay chain order.
            LocalDate target = fileDate == null || eventDate.isAfter(fileDate) ? eventDate : fileDate;
            if (out == null || !target.equals(fileDate)) {
                switchTo(target);
            }
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            while (buffer.hasRemaining()) {
                out.write(buffer);
            }
            outSize += bytes.length;
        } catch (IOException e) {
            undoPartialWrite(e);
            throw new UncheckedIOException("Cannot write to the audit trail in " + auditDir, e);
        }
    }

    private void switchTo(LocalDate date) throws IOException {
        if (out != null) {
            out.force(false);
            out.close();
            out = null;
        }
        out = FileChannel.open(AuditFiles.fileFor(auditDir, date),
                StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
        outSize = out.size();
        fileDate = date;
    }

    private void undoPartialWrite(IOException cause) {
        if (out == null) {
            return;
        }
        try {
            // A torn line would make every later line unreadable: cut it off so the chain stays intact.
            if (out.size() > outSize) {
                out.truncate(outSize);
            }
        } catch (IOException e) {
            cause.addSuppressed(e);
            broken = cause;
        }
    }

    @Override
    public synchronized void sync() {
        if (out == null || closed) {
            return;
        }
        try {
            out.force(false);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot sync the audit trail in " + auditDir, e);
        }
    }

    @Override
    public synchronized ChainHead head() {
        return new ChainHead(lastSeq, lastHash);
    }

    @Override
    public synchronized boolean endsKeyed() {
        return lastKeyed;
    }

    @Override
    public Map<AuditEventType, Long> countsOn(LocalDate day) {
        return DayCounts.of(auditDir, day);
    }

    @Override
    public String location() {
        return auditDir.toString();
    }

    /** Syncs and closes the trail, records its head, and releases the directory for another writer. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        IOException failure = null;
        if (out != null) {
            try {
                out.force(false);
                out.close();
            } catch (IOException e) {
                failure = e;
            }
            out = null;
        }
        if (head != null) {
            head.close();
        }
        try {
            lock.release();
            lockChannel.close();
        } catch (IOException e) {
            if (failure == null) {
                failure = e;
            } else {
                failure.addSuppressed(e);
            }
        }
        if (failure != null) {
            throw new UncheckedIOException("Cannot close the audit trail in " + auditDir, failure);
        }
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // already failing; the original exception matters more
            }
        }
    }
}
