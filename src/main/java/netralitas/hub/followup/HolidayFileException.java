package netralitas.hub.followup;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/** config/holidays.csv cannot be used: every bad row, each with its file, line and reason. */
public final class HolidayFileException extends RuntimeException {

    /** One bad row; {@code line} 0 when the problem concerns the whole file. */
    public record Problem(Path file, long line, String text) {
        @Override
        public String toString() {
            return file + (line > 0 ? ":" + line : "") + ": " + text;
        }
    }

    private final List<Problem> problems;

    public HolidayFileException(List<Problem> problems, Throwable cause) {
        super(problems.stream().map(Problem::toString).collect(Collectors.joining("; ")), cause);
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }
}
