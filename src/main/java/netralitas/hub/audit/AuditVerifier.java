package netralitas.hub.audit;

import netralitas.hub.progress.Progress;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/**
 * Walks the whole trail and recomputes the chain (SPEC §8): each line's hash against its content (HMAC-SHA256 under the
 * chain key for a keyed line, plain SHA-256 for a line of an earlier release), each prev against the hash before it
 * (also across daily files), seq counting up by one from 1, and no unkeyed line after a keyed one (which would be a
 * downgrade: lines re-hashed by someone without the key). Reports the first bad line only: after it, every later line
 * is suspect anyway. One line in memory at a time.
 */
public final class AuditVerifier {

    /**
     * A pass that verified the chain and, when asked, handed on the events read.
     *
     * @param unverifiedEvents events read after the first bad line (its own included when readable): handed on, but
     *                         not to be trusted
     * @param unreadableLines  lines after the first bad one that could not be read as an event at all (skipped)
     * @param watchedHash      hash of the good event at {@link Watch#seq()} ({@link AuditEvent#GENESIS} for seq 0); null
     *                         when the chain did not reach it intact
     * @param watchedHashSeq   seq of the good event whose hash is {@link Watch#hash()}; 0 when none is
     */
    record Scan(VerifyResult result, long unverifiedEvents, long unreadableLines, String watchedHash,
                long watchedHashSeq) {
    }

    /**
     * What a pass notes on the way: the hash at the state store's head seq, and where a hash kept elsewhere (an
     * anchor) sits in the chain.
     *
     * @param seq  -1 for none
     * @param hash null for none
     */
    record Watch(long seq, String hash) {
        static final Watch NONE = new Watch(-1, null);
    }

    private final ChainKey key;

    /** Checks unkeyed trails only: a keyed line stops the check as {@link VerifyResult#keyMissing()}. */
    public AuditVerifier() {
        this(null);
    }

    /** @param key the chain key the hub writes with; null when it is not at hand */
    public AuditVerifier(ChainKey key) {
        this.key = key;
    }

    public VerifyResult verify(Path auditDir) {
        return verify(auditDir, Progress.silent());
    }

    public VerifyResult verify(Path auditDir, Progress progress) {
        return scan(TrailLines.files(auditDir), Watch.NONE, null, progress).result();
    }

    /**
     * Verifies the chain, holds its end against the state store's head, and looks for {@code anchor} among its hashes.
     *
     * @param anchor a hash kept outside the hub (the daily anchor mail); null for none
     * @param sink   as for {@link #scan}; null to stop at the first bad line
     */
    public TrailVerification verifyAll(Path auditDir, HeadLookup lookup, String anchor, Consumer<AuditEvent> sink,
                                Progress progress) {
        return verifyAll(TrailLines.files(auditDir), lookup, anchor, sink, progress);
    }

    /** As above, for a trail wherever it is kept: its files, or the state store's table. */
    public TrailVerification verifyAll(TrailLines trail, HeadLookup lookup, String anchor, Consumer<AuditEvent> sink,
                                       Progress progress) {
        long headSeq = lookup.kind() == HeadLookup.Kind.FOUND ? lookup.head().seq() : -1;
        Scan scan = scan(trail, new Watch(headSeq, anchor), sink, progress);
        return verification(scan, lookup, anchor);
    }

    static TrailVerification verification(Scan scan, HeadLookup lookup, String anchor) {
        VerifyResult chain = scan.result();
        HeadCheck head = chain.ok() ? HeadCheck.compare(chain.head(), chain.keyed(), scan.watchedHash(), lookup,
                ChainHeadRecorder.MAX_LAG) : null;
        return new TrailVerification(chain, head,
                anchor == null ? null : new TrailVerification.AnchorCheck(anchor, scan.watchedHashSeq()));
    }

    /**
     * Verifies the chain and gives each event to {@code sink} in chain order in the same pass, so a report does not
     * read a big trail twice. Without a sink the pass stops at the first bad line; with one it reads on to the end
     * (leniently, without checks) so the report still shows what the rest of the trail claims.
     */
    Scan scan(Path auditDir, Watch watch, Consumer<AuditEvent> sink, Progress progress) {
        return scan(TrailLines.files(auditDir), watch, sink, progress);
    }

    Scan scan(TrailLines trail, Watch watch, Consumer<AuditEvent> sink, Progress progress) {
        List<TrailLines.Part> parts = trail.parts();
        long bytesTotal = totalBytes(parts);
        long bytesBefore = 0;
        Chain chain = new Chain(key, watch);
        long unverified = 0;
        long unreadable = 0;
        for (TrailLines.Part part : parts) {
            Path file = part.name();
            try (TrailLines.LineSource reader = part.open()) {
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
                            return chain.scan(0, 0);
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
                    chain.broken = VerifyResult.brokenAt(chain.checked, file, 0, "cannot read the file: " + e.getMessage(),
                            chain.keyedFrom, chain.expectedPrev);
                }
                if (sink == null) {
                    return chain.scan(0, 0);
                }
                unreadable++;
            }
        }
        return chain.scan(unverified, unreadable);
    }

    /** Their size together, for the share of a pass done; -1 when one is not known (progress then shows none). */
    static long totalBytes(List<TrailLines.Part> parts) {
        long total = 0;
        for (TrailLines.Part part : parts) {
            long bytes = part.bytes();
            if (bytes < 0) {
                return -1;
            }
            total += bytes;
        }
        return total;
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
        final ChainKey key;
        final Watch watch;
        long checked;
        long expectedSeq = 1;
        String expectedPrev = AuditEvent.GENESIS;
        long keyedFrom;
        VerifyResult broken;
        String watchedHash;
        long watchedHashSeq;

        Chain(ChainKey key, Watch watch) {
            this.key = key;
            this.watch = watch;
            if (watch.seq() == 0) {
                watchedHash = AuditEvent.GENESIS;
            }
        }

        Scan scan(long unverified, long unreadable) {
            VerifyResult result = broken != null ? broken : VerifyResult.intact(checked, keyedFrom, expectedPrev);
            return new Scan(result, unverified, unreadable, watchedHash, watchedHashSeq);
        }

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
                event = TrailLine.check(line.text(), key);
            } catch (TrailLine.KeyRequiredException e) {
                broken = VerifyResult.keyMissingAt(checked, file, line.number(), keyedFrom, expectedPrev);
                return null;
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
            if (keyedFrom > 0 && !event.keyed()) {
                return breakAt(file, line, "an unkeyed line after keyed ones (the chain is keyed from seq " + keyedFrom
                        + "): lines from here on were re-hashed without the chain key");
            }
            if (keyedFrom == 0 && event.keyed()) {
                keyedFrom = event.seq();
            }
            checked++;
            expectedSeq++;
            expectedPrev = event.hash();
            if (event.seq() == watch.seq()) {
                watchedHash = event.hash();
            }
            if (event.hash().equals(watch.hash())) {
                watchedHashSeq = event.seq();
            }
            return event;
        }

        private AuditEvent breakAt(Path file, TrailLineReader.Line line, String problem) {
            // A problem may quote the line (an unknown "event" value): one line, bounded.
            broken = VerifyResult.brokenAt(checked, file, line.number(), EventBounds.text(problem), keyedFrom,
                    expectedPrev);
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
