package netralitas.hub.audit;

/**
 * Everything {@code audit verify} and {@code audit report} establish about a trail (SPEC §8): its chain, its end held
 * against the state store's head, and, when given, a hash kept elsewhere (the daily anchor mail) found in the chain.
 *
 * @param chain  the chain of the files on their own
 * @param head   the end against the recorded head; null when the chain is broken (its end is then untrusted anyway)
 * @param anchor null when no anchor was given
 */
public record TrailVerification(VerifyResult chain, HeadCheck head, AnchorCheck anchor) {

    public enum Verdict {
        /** Keyed chain intact, its end at the recorded head (and the anchor found, when given). */
        INTACT,
        /** An unkeyed trail of an earlier release, its chain intact: it proves the order of its lines, not who wrote them. */
        UNKEYED,
        /** A line altered, removed or re-hashed, the tail cut, or the anchor not in the chain. */
        BROKEN,
        /** Not all could be checked: no chain key at hand, or the state store's head could not be read. */
        INCOMPLETE
    }

    /**
     * A hash kept outside the hub, looked for among the chain's positions.
     *
     * @param seq the event whose hash it is; 0 when it is none
     */
    public record AnchorCheck(String hash, long seq) {

        public boolean found() {
            return seq > 0;
        }
    }

    public Verdict verdict() {
        if (chain.keyMissing()) {
            return Verdict.INCOMPLETE;
        }
        if (!chain.ok() || head.failed() || anchor != null && !anchor.found()) {
            return Verdict.BROKEN;
        }
        if (!chain.keyed() && chain.eventsChecked() > 0) {
            return Verdict.UNKEYED;
        }
        // A keyed chain, or an empty trail: only the recorded head tells it was not cut (or wiped).
        return head.ok() ? Verdict.INTACT : Verdict.INCOMPLETE;
    }

    /** 0 intact (or unkeyed and intact), 1 broken, 2 no chain key given, 3 the head could not be compared. */
    public int exitCode() {
        return switch (verdict()) {
            case INTACT, UNKEYED -> 0;
            case BROKEN -> 1;
            case INCOMPLETE -> chain.keyMissing() ? 2 : 3;
        };
    }
}
