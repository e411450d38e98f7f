package netralitas.hub.audit;

import java.nio.file.Path;

/**
 * Outcome of {@link AuditVerifier#verify}: the chain of the trail file(s) on their own. Whether the trail's end matches
 * the state store's head is a separate finding ({@link HeadCheck}).
 *
 * @param eventsChecked events found good (on failure: those before the bad line)
 * @param file          the file holding the first bad line; null when ok
 * @param lineNumber    1-based line in {@code file}; 0 when ok
 * @param problem       what is wrong with that line; null when ok
 * @param keyedFrom     seq of the first keyed event among those found good; 0 when none is keyed (a trail of an
 *                      earlier release: its chain proves the order of the lines, not who wrote them)
 * @param lastHash      hash of the last event found good ({@link AuditEvent#GENESIS} when none): the trail's head
 * @param keyMissing    the check stopped at a keyed line because no chain key was given
 */
public record VerifyResult(boolean ok, long eventsChecked, Path file, long lineNumber, String problem, long keyedFrom,
                           String lastHash, boolean keyMissing) {

    static VerifyResult intact(long eventsChecked, long keyedFrom, String lastHash) {
        return new VerifyResult(true, eventsChecked, null, 0, null, keyedFrom, lastHash, false);
    }

    static VerifyResult brokenAt(long eventsChecked, Path file, long lineNumber, String problem, long keyedFrom,
                                 String lastHash) {
        return new VerifyResult(false, eventsChecked, file, lineNumber, problem, keyedFrom, lastHash, false);
    }

    static VerifyResult keyMissingAt(long eventsChecked, Path file, long lineNumber, long keyedFrom, String lastHash) {
        return new VerifyResult(false, eventsChecked, file, lineNumber, "the trail is keyed from this line on"
                + " (\"chain\":\"" + ChainKey.CHAIN_NAME + "\"); set HUB_AUDIT_CHAIN_KEY (hub.audit.chain-key) to the"
                + " hub's chain key to verify it", keyedFrom, lastHash, true);
    }

    /**
     * Whether the chain ends keyed: then it proves who wrote it, not only the order of its lines. Unkeyed lines of an
     * earlier release before the first keyed one are pinned too: the first keyed line's HMAC covers their last hash.
     */
    public boolean keyed() {
        return keyedFrom > 0;
    }

    /** The head of the events found good. */
    public ChainHead head() {
        return new ChainHead(eventsChecked, lastHash);
    }
}
