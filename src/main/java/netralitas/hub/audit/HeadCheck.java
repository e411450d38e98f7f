package netralitas.hub.audit;

/**
 * The trail's end held against the chain head the state store recorded (SPEC §8): a trail that ends before the head
 * was cut; one whose line at the head's seq has another hash was rewritten. The head lags the trail after a crash
 * (it is recorded after the lines it names), so a trail ending up to {@link ChainHeadRecorder#MAX_LAG} events past it
 * passes, when those events chain on from it.
 *
 * @param stored  the head the store holds; null when it holds none or was not read
 * @param message what was found, one line in English
 */
public record HeadCheck(Outcome outcome, ChainHead stored, String message) {

    public enum Outcome {
        /** The trail ends at the recorded head. */
        MATCH(true),
        /** The trail goes on a few events past the recorded head, and they chain on from it. */
        BEHIND(true),
        /** No head recorded, and the trail is unkeyed: a trail of an earlier release, which recorded none. */
        UNKEYED_UNRECORDED(true),
        /** The store could not be read: the trail's end is unchecked. */
        NOT_COMPARED(false),
        /** The trail ends before the recorded head: lines were removed. */
        CUT(false),
        /** The trail's line at the recorded head's seq has another hash. */
        REWRITTEN(false),
        /** The trail goes on further past the head than a stop can leave it. */
        TOO_FAR_AHEAD(false),
        /** The trail is keyed, yet the store holds no head. */
        MISSING(false);

        private final boolean ok;

        Outcome(boolean ok) {
            this.ok = ok;
        }
    }

    /** The trail's end passes the check. */
    public boolean ok() {
        return outcome.ok;
    }

    /** The check found the trail cut or rewritten (not merely unchecked). */
    public boolean failed() {
        return !outcome.ok && outcome != Outcome.NOT_COMPARED;
    }

    /**
     * @param trailEnd        the last event of the trail (found good)
     * @param keyed           whether the trail's chain ends keyed
     * @param hashAtStoredSeq the trail's hash at the stored head's seq ({@link AuditEvent#GENESIS} for seq 0); null when
     *                        the trail does not reach it
     * @param maxLag          how far past the head the trail may go
     */
    static HeadCheck compare(ChainHead trailEnd, boolean keyed, String hashAtStoredSeq, HeadLookup lookup,
                             long maxLag) {
        switch (lookup.kind()) {
            case NO_STORE, UNAVAILABLE -> {
                return new HeadCheck(Outcome.NOT_COMPARED, null, "the state store's chain head was not compared: "
                        + lookup.detail());
            }
            case NONE_RECORDED -> {
                return keyed
                        ? new HeadCheck(Outcome.MISSING, null, "the state store holds no chain head, but the trail is"
                        + " keyed: the head was deleted, or the state store is not this trail's")
                        : new HeadCheck(Outcome.UNKEYED_UNRECORDED, null, "no chain head recorded in the state store:"
                        + " a trail of an earlier release, which recorded none");
            }
            default -> {
                return compareWith(trailEnd, hashAtStoredSeq, lookup.head(), maxLag);
            }
        }
    }

    private static HeadCheck compareWith(ChainHead trailEnd, String hashAtStoredSeq, ChainHead stored, long maxLag) {
        long end = trailEnd.seq();
        long head = stored.seq();
        if (end < head) {
            String lines = end + 1 == head ? "line " + head + " was removed" : "lines " + (end + 1) + ".." + head
                    + " were removed";
            return new HeadCheck(Outcome.CUT, stored, "trail ends at seq " + end + " but the state store's head is seq "
                    + head + ": " + lines);
        }
        long past = end - head;
        if (past > maxLag) {
            return new HeadCheck(Outcome.TOO_FAR_AHEAD, stored, "the trail goes on " + past + " events past the state"
                    + " store's head (seq " + head + "), more than the " + maxLag + " a stop can leave unrecorded: the"
                    + " state store is older than the trail (restored from an older copy?) or not this trail's");
        }
        if (!stored.hash().equals(hashAtStoredSeq)) {
            return new HeadCheck(Outcome.REWRITTEN, stored, "the state store's head is seq " + head + " with hash "
                    + stored.hash() + ", but the trail's event " + head + " has hash " + hashAtStoredSeq
                    + ": the trail was rewritten");
        }
        if (past > 0) {
            return new HeadCheck(Outcome.BEHIND, stored, "the state store's head is seq " + head + ", " + past
                    + (past == 1 ? " event" : " events") + " before the trail's end (written after the head was last"
                    + " recorded, as when the hub stopped abruptly); they chain on from it");
        }
        return new HeadCheck(Outcome.MATCH, stored, "the trail ends at the state store's head (seq " + head + ")");
    }
}
