package netralitas.hub.text;

/** What to tell an operator of a failure: the message of its root cause, which names the file or setting at fault. */
public final class FailureText {

    private FailureText() {
    }

    public static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.toString() : root.getMessage();
    }
}
