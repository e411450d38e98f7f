package netralitas.hub.region;

import java.util.List;
import java.util.Optional;

/** The outcome of matching a written region name against the directory. */
public sealed interface NameMatch {

    NameMatch NONE = new NotFound();

    /** The single region the name fits. */
    record Found(Region region) implements NameMatch {
        @Override
        public Optional<Region> unique() {
            return Optional.of(region);
        }

        @Override
        public List<Region> candidates() {
            return List.of(region);
        }
    }

    /** The name fits several regions ("Bengkulu": the province and the city), ordered by code. */
    record Ambiguous(List<Region> candidates) implements NameMatch {
        public Ambiguous {
            candidates = List.copyOf(candidates);
        }
    }

    /** No region has that name. */
    record NotFound() implements NameMatch {
    }

    /** The region when the match is unique. */
    default Optional<Region> unique() {
        return Optional.empty();
    }

    /** Every region the name fits: one when unique, several when ambiguous, none when not found. */
    default List<Region> candidates() {
        return List.of();
    }

    default boolean ambiguous() {
        return this instanceof Ambiguous;
    }
}
