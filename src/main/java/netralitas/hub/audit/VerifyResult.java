package netralitas.hub.audit;

import java.nio.file.Path;

/**
 * Outcome of {@link AuditVerifier#verify}.
 *
 * @param eventsChecked events found good (on failure: those before the bad line)
 * @param file          the file holding the first bad line; null when ok
 * @param lineNumber    1-based line in {@code file}; 0 when ok
 * @param problem       what is wrong with that line; null when ok
 */
public record VerifyResult(boolean ok, long eventsChecked, Path file, long lineNumber, String problem) {

    static VerifyResult intact(long eventsChecked) {
        return new VerifyResult(true, eventsChecked, null, 0, null);
    }

    static VerifyResult brokenAt(long eventsChecked, Path file, long lineNumber, String problem) {
        return new VerifyResult(false, eventsChecked, file, lineNumber, problem);
    }
}
