package netralitas.hub.region;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The region data files cannot be used. Carries every problem found, each naming its file and line, so a deployer
 * fixes them all in one pass instead of one per start-up; {@link #file()} and {@link #line()} are those of the first.
 */
public class RegionDataException extends RuntimeException {

    /** One defect: {@code line} is 1-based, 0 when the problem is not tied to a line (a missing file). */
    public record Problem(Path file, long line, String text) {

        /** A cell may hold a line break; each problem must print as one line. */
        public Problem {
            text = DirectoryCsv.printable(text);
        }

        @Override
        public String toString() {
            return file + (line > 0 ? " line " + line : "") + ": " + text;
        }
    }

    private final List<Problem> problems;

    public RegionDataException(Path file, long line, String problem) {
        this(List.of(new Problem(file, line, problem)), null);
    }

    public RegionDataException(Path file, String problem, Throwable cause) {
        this(List.of(new Problem(file, 0, problem)), cause);
    }

    /** @param problems at least one */
    public RegionDataException(List<Problem> problems) {
        this(problems, null);
    }

    private RegionDataException(List<Problem> problems, Throwable cause) {
        super(message(problems), cause);
        this.problems = List.copyOf(problems);
    }

    private static String message(List<Problem> problems) {
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a RegionDataException needs at least one problem");
        }
        if (problems.size() == 1) {
            return problems.get(0).toString();
        }
        return problems.size() + " problems in the region directory:"
                + problems.stream().map(p -> "\n  " + p).collect(Collectors.joining());
    }

    /** Every problem found, in file and line order of discovery. */
    public List<Problem> problems() {
        return problems;
    }

    public Path file() {
        return problems.get(0).file();
    }

    /** 1-based line in the file, 0 when the problem is not tied to a line. */
    public long line() {
        return problems.get(0).line();
    }
}
