package netralitas.hub.audit;

import java.nio.file.Path;

/**
 * The trail on disk is damaged where the hub needs to continue it. Thrown instead of skipping or overwriting the
 * damaged line, because either would destroy the evidence of what happened.
 */
public class AuditTrailCorruptException extends RuntimeException {

    private final Path file;
    private final long lineNumber;

    public AuditTrailCorruptException(Path file, long lineNumber, String problem) {
        super("Audit trail damaged at " + file + ":" + lineNumber + ": " + problem
                + ". The hub will not append to a damaged trail. "
                + "Move the damaged file aside (keep it as evidence), "
                + "run `audit verify` to check the rest of the chain, "
                + "and restore the file from backup if you have one.");
        this.file = file;
        this.lineNumber = lineNumber;
    }

    public Path file() {
        return file;
    }

    public long lineNumber() {
        return lineNumber;
    }
}
