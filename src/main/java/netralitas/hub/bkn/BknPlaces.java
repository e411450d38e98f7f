package netralitas.hub.bkn;

/**
 * The places of BKN's rate limit (SPEC §4.2): a request to BKN holds one from the moment it may go until one window
 * after it ended. {@link BknRateLimit} keeps them in memory for one node; a cluster keeps them in its state store, so
 * that the limit holds for all nodes together (SPEC §11).
 */
public interface BknPlaces extends AutoCloseable {

    /** Waits until a request may go, and takes its place; every call is followed by one {@link #release()}. */
    void acquire() throws InterruptedException;

    /** The request that took a place has ended (answered or failed): its place frees up one window from now. */
    void release();

    /** Writes what is still to be written of the releases; the places are not used afterwards. */
    @Override
    default void close() {
    }
}
