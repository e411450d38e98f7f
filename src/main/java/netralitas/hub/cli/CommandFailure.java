package netralitas.hub.cli;

/**
 * A command that cannot do its work for a reason it can say in one line (no hub folder, a bad chain key): the line goes
 * to stderr and the process exits with the given code, without a stack trace.
 */
public final class CommandFailure extends RuntimeException {

    private final int exitCode;

    public CommandFailure(int exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }
}
