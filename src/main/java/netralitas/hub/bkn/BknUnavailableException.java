package netralitas.hub.bkn;

/**
 * BKN could not answer now (5xx, 429, a rejected token being renewed, I/O): worth retrying.
 * {@code retryAfterMillis} is BKN's own Retry-After, or 0 when it gave none.
 */
public class BknUnavailableException extends Exception {

    private final long retryAfterMillis;

    public BknUnavailableException(String message, long retryAfterMillis) {
        super(message);
        this.retryAfterMillis = retryAfterMillis;
    }

    public long retryAfterMillis() {
        return retryAfterMillis;
    }
}
