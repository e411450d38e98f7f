package netralitas.hub.audit;

/**
 * What a reader found of the chain head in the state store.
 *
 * @param head   the recorded head when {@link Kind#FOUND}, else null
 * @param detail for {@link Kind#NO_STORE} and {@link Kind#UNAVAILABLE}: which store, and why it was not read
 */
public record HeadLookup(Kind kind, ChainHead head, String detail) {

    public enum Kind {
        /** The store holds a head. */
        FOUND,
        /** The store was read and holds no head. */
        NONE_RECORDED,
        /** There is no state store to read (only a copy of the trail files is at hand). */
        NO_STORE,
        /** There is one, but it could not be read (in use by the running hub, damaged …). */
        UNAVAILABLE
    }

    public static HeadLookup found(ChainHead head) {
        return new HeadLookup(Kind.FOUND, head, null);
    }

    public static HeadLookup noneRecorded() {
        return new HeadLookup(Kind.NONE_RECORDED, null, null);
    }

    public static HeadLookup noStore(String detail) {
        return new HeadLookup(Kind.NO_STORE, null, detail);
    }

    public static HeadLookup unavailable(String detail) {
        return new HeadLookup(Kind.UNAVAILABLE, null, detail);
    }

    /** The lookup of a store that keeps heads: its recorded head, if any. */
    public static HeadLookup of(ChainHeadStore store) {
        return store.read().map(HeadLookup::found).orElseGet(HeadLookup::noneRecorded);
    }
}
