package netralitas.hub.region;

import java.nio.file.Path;

/** A region data file cannot be used; the message names the file and line so a deployer can fix it. */
public class RegionDataException extends RuntimeException {

    private final Path file;
    private final long line;

    public RegionDataException(Path file, long line, String problem) {
        super(file + (line > 0 ? " line " + line : "") + ": " + problem);
        this.file = file;
        this.line = line;
    }

    public RegionDataException(Path file, String problem, Throwable cause) {
        super(file + ": " + problem, cause);
        this.file = file;
        this.line = 0;
    }

    public Path file() {
        return file;
    }

    /** 1-based line in the file, 0 when the problem is not tied to a line. */
    public long line() {
        return line;
    }
}
