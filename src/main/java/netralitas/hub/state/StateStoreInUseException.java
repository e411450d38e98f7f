package netralitas.hub.state;

import java.nio.file.Path;

/**
 * The embedded state file is held by another process (the running hub): H2 admits one process at a time, so a command
 * that must write to it can only run while the hub is stopped.
 */
public final class StateStoreInUseException extends IllegalStateException {

    private final Path file;

    public StateStoreInUseException(Path file, String message) {
        super(message);
        this.file = file;
    }

    public Path file() {
        return file;
    }
}
