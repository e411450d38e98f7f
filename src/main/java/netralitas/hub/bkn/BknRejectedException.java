package netralitas.hub.bkn;

/** BKN answered in a way retrying will not change (bad credentials, malformed response, unexpected status). */
public class BknRejectedException extends Exception {

    public BknRejectedException(String message) {
        super(message);
    }

    public BknRejectedException(String message, Throwable cause) {
        super(message, cause);
    }
}
