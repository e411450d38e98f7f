package netralitas.hub.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * At start-up, before the hub appends to its trail (SPEC §8): the trail's end against the chain head the state store
 * recorded. Reads back from the end only as far as the head, at most {@link ChainHeadRecorder#MAX_LAG} lines, checking
 * each line's hash (keyed) and its link to the next, so that a trail whose tail was cut, or which was rewritten and
 * re-hashed without the key, is refused with one line, like a torn last line.
 */
public final class TrailEndCheck {

    private TrailEndCheck() {
    }

    /**
     * @param lookup what the state store holds
     * @return the trail's end, for the head to start from
     * @throws AuditTrailCorruptException naming the file and line when a line read back is damaged
     * @throws IllegalStateException      when the trail's end does not match the recorded head
     */
    public static ChainHead require(Path auditDir, ChainKey key, HeadLookup lookup) {
        return require(auditDir, key, lookup, ChainHeadRecorder.MAX_LAG);
    }

    static ChainHead require(Path auditDir, ChainKey key, HeadLookup lookup, long maxLag) {
        long storedSeq = lookup.kind() == HeadLookup.Kind.FOUND ? lookup.head().seq() : Long.MAX_VALUE;
        ChainHead end = null;
        boolean endKeyed = false;
        String hashAtStored = storedSeq == 0 ? AuditEvent.GENESIS : null;
        AuditEvent later = null;
        long read = 0;
        try (TrailBackwards lines = new TrailBackwards(AuditFiles.list(auditDir))) {
            TrailBackwards.Line line;
            while ((line = lines.previous()) != null) {
                AuditEvent event = check(line, key, later);
                if (end == null) {
                    end = ChainHead.of(event);
                    endKeyed = event.keyed();
                }
                if (event.seq() == storedSeq) {
                    hashAtStored = event.hash();
                }
                // Reading back ends at the head, at the first line, or once the trail is too far ahead to pass.
                if (event.seq() <= storedSeq || event.seq() == 1 || ++read > maxLag) {
                    break;
                }
                later = event;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the audit trail in " + auditDir, e);
        }
        HeadCheck check = HeadCheck.compare(end == null ? ChainHead.EMPTY : end, endKeyed, hashAtStored, lookup, maxLag);
        if (check.failed()) {
            throw new IllegalStateException("Audit trail in " + auditDir + " does not match the chain head in the state"
                    + " store: " + check.message() + ". The hub will not append to it: keep the trail as evidence, run"
                    + " `audit verify`, and restore hub.data-dir (trail and state together) from the last backup.");
        }
        return end == null ? ChainHead.EMPTY : end;
    }

    /** The line's event, checked on its own and against the line after it (already read). */
    private static AuditEvent check(TrailBackwards.Line line, ChainKey key, AuditEvent later) throws IOException {
        if (line.text() == null) {
            throw corrupt(line, "line is not valid UTF-8, or longer than " + TrailLineReader.MAX_LINE_BYTES + " bytes");
        }
        if (!line.terminated()) {
            throw corrupt(line, "the last line is incomplete (no newline at its end; probably torn by a crash while"
                    + " writing)");
        }
        AuditEvent event;
        try {
            event = TrailLine.check(line.text(), key);
        } catch (IllegalArgumentException e) {
            throw corrupt(line, e.getMessage());
        }
        if (later != null) {
            if (later.seq() != event.seq() + 1) {
                throw corrupt(line, "seq " + event.seq() + " is followed by seq " + later.seq()
                        + " (events removed or reordered)");
            }
            if (!later.prev().equals(event.hash())) {
                throw corrupt(line, "the next line's prev is not this line's hash (a line was altered, removed or"
                        + " reordered)");
            }
            if (event.keyed() && !later.keyed()) {
                throw corrupt(line, "an unkeyed line follows this keyed one: lines after it were re-hashed without the"
                        + " chain key");
            }
        }
        return event;
    }

    private static AuditTrailCorruptException corrupt(TrailBackwards.Line line, String problem) throws IOException {
        return new AuditTrailCorruptException(line.file(), line.number(), EventBounds.text(problem));
    }
}
