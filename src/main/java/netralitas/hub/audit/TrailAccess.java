package netralitas.hub.audit;

import java.util.function.Supplier;

/**
 * What the audit commands need besides the trail files to check it fully (SPEC §8): the chain key, and the chain head
 * the state store recorded.
 *
 * @param key  null when none is at hand: keyed lines cannot be verified then
 * @param head read when a command checks the trail's end
 */
public record TrailAccess(ChainKey key, Supplier<HeadLookup> head) {

    /** No key and no state store: an unkeyed trail of an earlier release can be verified, a keyed one cannot. */
    public static final TrailAccess NONE = new TrailAccess(null, () -> HeadLookup.noStore("no state store given"));
}
