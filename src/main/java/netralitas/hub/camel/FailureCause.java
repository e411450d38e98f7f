package netralitas.hub.camel;

import netralitas.hub.text.HeaderValues;

/**
 * A failure as one log line names it: the exception's class and message, and its deepest cause when that says more.
 * "MessagingException: Could not convert socket to TLS" alone does not tell an operator that the server's certificate
 * is not trusted; "… <- SSLHandshakeException: PKIX path building failed: …" does.
 */
public final class FailureCause {

    private static final int MAX_CHARS = 400;

    /** Class and message of {@code failure}, then of its deepest cause with a message of its own, on one line. */
    public String of(Throwable failure) {
        return describe(failure);
    }

    static String describe(Throwable failure) {
        if (failure == null) {
            return "unknown";
        }
        Throwable deepest = failure;
        for (Throwable t = failure.getCause(); t != null && t != t.getCause(); t = t.getCause()) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                deepest = t;
            }
        }
        String line = said(failure);
        if (deepest != failure && (failure.getMessage() == null || !failure.getMessage().contains(deepest.getMessage()))) {
            line += " <- " + said(deepest);
        }
        return HeaderValues.sanitize(line, MAX_CHARS);
    }

    private static String said(Throwable t) {
        return t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
    }
}
