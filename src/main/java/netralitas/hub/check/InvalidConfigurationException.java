package netralitas.hub.check;

import java.util.List;
import java.util.stream.Collectors;

/** The hub refuses to start: its message lists every problem, one per line, as {@code check} prints them. */
public final class InvalidConfigurationException extends RuntimeException {

    private final List<CheckProblem> problems;

    public InvalidConfigurationException(List<CheckProblem> problems) {
        super(CheckReport.summary(problems) + problems.stream().map(p -> "\n  " + p).collect(Collectors.joining()));
        this.problems = List.copyOf(problems);
    }

    public List<CheckProblem> problems() {
        return problems;
    }
}
