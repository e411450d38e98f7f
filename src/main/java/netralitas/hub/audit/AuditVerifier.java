package netralitas.hub.audit;

import netralitas.hub.progress.Progress;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/**
 * Walks the whole trail and recomputes the chain (SPEC §8): each line's hash against its content, each prev against
 * the hash before it (also across daily files), and seq counting up by one from 1. Reports the first bad line
 * only: after it, every later line is suspect anyway. One line in memory at a time.
 */
public final class AuditVerifier {

    /**
     * A pass that verified the chain and, when asked, handed on the events read.
     *
     * @param unverifiedEvents events read after the first bad line (its own included when readable): handed on, but
     *                         not to be trusted
     * @param unreadableLines  lines after the first bad one that could not be read as an event at all (skipped)
     */
    record Scan(VerifyResult result, long unverifiedEvents, long unreadableLines) {
    }

    public VerifyResult verify(Path auditDir) {
        return verify(auditDir, Progress.silent());
    }

    public VerifyResult verify(Path auditDir, Progress progress) {
        return scan(auditDir, null, progress).result();
    }

    /**
     * Verifies the chain and gives each event to {@code sink} in chain order in the same pass, so a report does not
     * read a big trail twice. Without a sink the pass stops at the first bad line; with one it reads on to the end
     * (leniently, without checks) so the report still shows what the rest of the trail claims.
     */
    Scan scan(Path auditDir, Consumer<AuditEvent> sink, Progress progress) {
        List<Path> files = AuditFiles.list(auditDir);
        long bytesTotal = AuditFiles.totalBytes(files);
        long bytesBefore = 0;
        Chain chain = new Chain();
        long unverified = 0;
        long unreadable = 0;
        for (Path file : files) {
            try (TrailLineReader reader = new TrailLineReader(file)) {
                TrailLineReader.Line line;
                while ((line = reader.next()) != null) {
                    progress.advance(1, bytesBefore + reader.position(), bytesTotal);
                    if (chain.broken == null) {
                        AuditEvent event = chain.check(file, line);
                        if (event != null) {
                            if (sink != null) {
                                sink.accept(event);
                            }
                            continue;
                        }
                        if (sink == null) {
                            return new Scan(chain.broken, 0, 0);
                        }
                    }
                    AuditEvent event = lenient(line);
                    if (event == null) {
                        unreadable++;
                    } else {
                        unverified++;
                        sink.accept(event);
                    }
                }
                bytesBefore += reader.position();
            } catch (IOException e) {
                if (chain.broken == null) {
                    chain.broken = VerifyResult.brokenAt(chain.checked, file, 0, "cannot read the file: " + e.getMessage());
                }
                if (sink == null) {
                    return new Scan(chain.broken, 0, 0);
                }
                unreadable++;
            }
        }
        return new Scan(chain.broken != null ? chain.broken : VerifyResult.intact(chain.checked), unverified, unreadable);
    }

    private static AuditEvent lenient(TrailLineReader.Line line) {
        if (line.text() == null || !line.terminated()) {
            return null;
        }
        try {
            return AuditEvent.fromJsonLine(line.text());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The chain so far: what the next line must continue, and the first break once found. */
    private static final class Chain {
        long checked;
        long expectedSeq = 1;
        String expectedPrev = AuditEvent.GENESIS;
        VerifyResult broken;

        /** The line's event when it continues the chain; otherwise null, with {@link #broken} set. */
        AuditEvent check(Path file, TrailLineReader.Line line) {
            if (line.overLong()) {
                return breakAt(file, line, line.problem());
            }
            if (!line.terminated()) {
                return breakAt(file, line, "the last line is incomplete (no newline at its end; torn while writing?)");
            }
            AuditEvent event;
            try {
                event = TrailLine.check(line.text());
            } catch (IllegalArgumentException e) {
                return breakAt(file, line, e.getMessage());
            }
            String seqProblem = seqProblem(expectedSeq, event.seq());
            if (seqProblem != null) {
                return breakAt(file, line, seqProblem);
            }
            if (!event.prev().equals(expectedPrev)) {
                return breakAt(file, line, "prev does not match the hash of the event before it"
                        + " (an event before this line was removed, altered or reordered)");
            }
            checked++;
            expectedSeq++;
            expectedPrev = event.hash();
            return event;
        }

        private AuditEvent breakAt(Path file, TrailLineReader.Line line, String problem) {
            // A problem may quote the line (an unknown "event" value): one line, bounded.
            broken = VerifyResult.brokenAt(checked, file, line.number(), EventBounds.text(problem));
            return null;
        }
    }

    private static String seqProblem(long expected, long found) {
        if (found == expected) {
            return null;
        }
        if (found > expected) {
            long missing = found - expected;
            return "seq jumps to " + found + " where " + expected + " was expected: "
                    + missing + (missing == 1 ? " event is" : " events are") + " missing (or lines were reordered)";
        }
        return "seq " + found + " where " + expected + " was expected: a duplicated or reordered event";
    }
}
