package netralitas.hub.audit;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Walks the whole trail and recomputes the chain (SPEC §8): each line's hash against its content, each prev against
 * the hash before it (also across daily files), and seq counting up by one from 1. Reports the first bad line
 * only: after it, every later line is suspect anyway. One line in memory at a time.
 */
public final class AuditVerifier {

    public VerifyResult verify(Path auditDir) {
        long checked = 0;
        long expectedSeq = 1;
        String expectedPrev = AuditEvent.GENESIS;
        for (Path file : AuditFiles.list(auditDir)) {
            try (TrailLineReader reader = new TrailLineReader(file)) {
                TrailLineReader.Line line;
                while ((line = reader.next()) != null) {
                    if (!line.terminated()) {
                        return VerifyResult.brokenAt(checked, file, line.number(),
                                "the last line is incomplete (no newline at its end; torn while writing?)");
                    }
                    AuditEvent event;
                    try {
                        event = TrailLine.check(line.text());
                    } catch (IllegalArgumentException e) {
                        return VerifyResult.brokenAt(checked, file, line.number(), e.getMessage());
                    }
                    String seqProblem = seqProblem(expectedSeq, event.seq());
                    if (seqProblem != null) {
                        return VerifyResult.brokenAt(checked, file, line.number(), seqProblem);
                    }
                    if (!event.prev().equals(expectedPrev)) {
                        return VerifyResult.brokenAt(checked, file, line.number(),
                                "prev does not match the hash of the event before it"
                                        + " (an event before this line was removed, altered or reordered)");
                    }
                    checked++;
                    expectedSeq++;
                    expectedPrev = event.hash();
                }
            } catch (IOException e) {
                return VerifyResult.brokenAt(checked, file, 0, "cannot read the file: " + e.getMessage());
            }
        }
        return VerifyResult.intact(checked);
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
