package netralitas.hub.audit;

import java.util.Optional;

/** Where the chain's head is kept apart from the trail file: the state store (SPEC §8, §11). */
public interface ChainHeadStore {

    /** The head recorded last; empty when none was ever recorded. */
    Optional<ChainHead> read();

    /** Records {@code head}, unless the head recorded already is at its seq or past it (never moves back). */
    void advance(ChainHead head);
}
