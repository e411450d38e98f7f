package netralitas.hub.audit;

import netralitas.hub.progress.Progress;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Reads a trail back, oldest event first, across all daily files, one line in memory at a time. It parses but does
 * not verify: use {@link AuditVerifier} to check the chain. Close the returned streams (try-with-resources).
 */
public final class AuditLog {

    /** A line that could not be read as an event (too long, not UTF-8, not an event, cut short), skipped. */
    public record UnreadableLine(Path file, long lineNumber, String problem) {
    }

    private final TrailLines trail;
    private final Consumer<UnreadableLine> unreadable;

    /** Stops at the first line that is not an event, with an {@link AuditTrailCorruptException}. */
    public AuditLog(Path auditDir) {
        this(auditDir, null);
    }

    /**
     * Skips a line that is not an event, handing it to {@code unreadable}, and reads on: for the commands that show
     * what the trail holds, where one bad line must not hide the rest.
     */
    public AuditLog(Path auditDir, Consumer<UnreadableLine> unreadable) {
        this(TrailLines.files(Objects.requireNonNull(auditDir, "auditDir")), unreadable);
    }

    /** As above, for a trail wherever it is kept: its files, or the state store's table. */
    public AuditLog(TrailLines trail, Consumer<UnreadableLine> unreadable) {
        this.trail = Objects.requireNonNull(trail, "trail");
        this.unreadable = unreadable;
    }

    /** The daily files, oldest first (the table, for a trail in the state store). */
    public List<Path> files() {
        return trail.parts().stream().map(TrailLines.Part::name).toList();
    }

    /**
     * Every event in chain order.
     *
     * @throws AuditTrailCorruptException (while streaming) at a line that cannot be read as an event, unless this log
     *                                     skips such lines
     */
    public Stream<AuditEvent> events() {
        return events(Progress.silent());
    }

    /** {@link #events()}, telling {@code progress} of each line read and how far into the trail's bytes it is. */
    public Stream<AuditEvent> events(Progress progress) {
        return stream(trail.parts(), line -> true, progress);
    }

    /** The events of one case in chain order; skips other lines before parsing them, so it is cheap on big trails. */
    public Stream<AuditEvent> eventsOf(String caseId) {
        Objects.requireNonNull(caseId, "caseId");
        String marker = "\"caseId\":" + CanonicalJson.write(caseId);
        return stream(trail.partsOf(caseId), line -> line.contains(marker), Progress.silent())
                .filter(e -> caseId.equals(e.caseId()));
    }

    private Stream<AuditEvent> stream(List<TrailLines.Part> parts, Predicate<String> worthParsing, Progress progress) {
        EventIterator iterator = new EventIterator(parts, worthParsing, progress, unreadable);
        return StreamSupport.stream(
                        Spliterators.spliteratorUnknownSize(iterator, Spliterator.ORDERED | Spliterator.NONNULL), false)
                .onClose(iterator::close);
    }

    private static final class EventIterator implements Iterator<AuditEvent> {
        private final Iterator<TrailLines.Part> files;
        private final Predicate<String> worthParsing;
        private final Progress progress;
        private final Consumer<UnreadableLine> unreadable;
        private final long bytesTotal;
        private long bytesBefore;
        private Path file;
        private TrailLines.LineSource reader;
        private AuditEvent next;

        EventIterator(List<TrailLines.Part> files, Predicate<String> worthParsing, Progress progress,
                      Consumer<UnreadableLine> unreadable) {
            this.files = files.iterator();
            this.worthParsing = worthParsing;
            this.progress = progress;
            this.unreadable = unreadable;
            this.bytesTotal = AuditVerifier.totalBytes(files);
        }

        @Override
        public boolean hasNext() {
            try {
                while (next == null) {
                    if (reader == null) {
                        if (!files.hasNext()) {
                            return false;
                        }
                        TrailLines.Part part = files.next();
                        file = part.name();
                        reader = part.open();
                    }
                    TrailLineReader.Line line = reader.next();
                    if (line == null) {
                        bytesBefore += reader.position();
                        close();
                        continue;
                    }
                    progress.advance(1, bytesBefore + reader.position(), bytesTotal);
                    next = parse(line);
                }
                return true;
            } catch (IOException e) {
                close();
                throw new UncheckedIOException("Cannot read audit file " + file, e);
            }
        }

        /** The line's event; null when it is not wanted, or skipped as unreadable. */
        private AuditEvent parse(TrailLineReader.Line line) {
            if (line.text() == null) {
                return unreadable(line, line.problem());
            }
            if (!line.terminated()) {
                return unreadable(line, "the last line is incomplete (no newline)");
            }
            if (!worthParsing.test(line.text())) {
                return null;
            }
            try {
                return AuditEvent.fromJsonLine(line.text());
            } catch (IllegalArgumentException e) {
                return unreadable(line, e.getMessage());
            }
        }

        private AuditEvent unreadable(TrailLineReader.Line line, String problem) {
            // A parser's message may quote the line: one line, bounded, nothing a terminal would interpret.
            String shown = EventBounds.text(problem);
            if (unreadable == null) {
                throw new AuditTrailCorruptException(file, line.number(), shown);
            }
            unreadable.accept(new UnreadableLine(file, line.number(), shown));
            return null;
        }

        @Override
        public AuditEvent next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            AuditEvent result = next;
            next = null;
            return result;
        }

        void close() {
            if (reader != null) {
                try {
                    reader.close();
                } catch (IOException ignored) {
                    // read-only file: nothing was lost
                }
                reader = null;
            }
        }
    }
}
