package netralitas.hub.text;

/** What to tell an operator of a failure: the message of its root cause, which names the file or setting at fault. */
public final class FailureText {

    /** How deep a chain of causes is followed. */
    private static final int MAX_DEPTH = 5;

    private FailureText() {
    }

    /**
     * "MessagingException <- SSLHandshakeException: PKIX path building failed": the classes from the outermost
     * exception to its root cause, and the message of the deepest one that has a message of its own (not just its
     * cause's name), on one line of at most {@code maxChars} ({@link HeaderValues#sanitize}); "unknown" for nothing.
     */
    public static String chain(Throwable failure, int maxChars) {
        StringBuilder classes = new StringBuilder();
        String message = null;
        Throwable current = failure;
        for (int depth = 0; current != null && depth < MAX_DEPTH; depth++) {
            classes.append(classes.isEmpty() ? "" : " <- ").append(current.getClass().getSimpleName());
            String own = current.getMessage();
            if (own != null && !own.isBlank() && (current.getCause() == null || !own.equals(current.getCause().toString()))) {
                message = own;
            }
            current = current.getCause() == current ? null : current.getCause();
        }
        String line = HeaderValues.sanitize(message == null ? classes.toString() : classes + ": " + message, maxChars);
        return line.isEmpty() ? "unknown" : line;
    }

    public static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.toString() : root.getMessage();
    }
}
