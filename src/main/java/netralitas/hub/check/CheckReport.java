package netralitas.hub.check;

import java.io.PrintStream;
import java.util.List;

/**
 * What {@code java -jar netralitas-hub.jar check} prints: one line per accepted risk (WARNING) and per problem, then
 * one summary line.
 */
public final class CheckReport {

    private CheckReport() {
    }

    /**
     * @param warnings          risks the deployer accepted ({@code hub.security.allow-insecure=true}): no reason to fail
     * @param partnersContacted whether {@link ReachabilityCheck} ran (outside embedded mode), for the summary line
     * @return the exit code: 0 when there is no problem, 1 otherwise
     */
    public static int print(List<CheckProblem> problems, List<CheckProblem> warnings, boolean partnersContacted,
                            PrintStream out) {
        warnings.forEach(warning -> out.println("WARNING " + warning));
        problems.forEach(out::println);
        if (problems.isEmpty()) {
            out.println("Configuration OK: settings, region directory, categories and mail templates"
                    + (partnersContacted ? "; the SMTP and IMAP servers and the BKN token endpoint answer"
                    : " (embedded mode: no partner server contacted)")
                    + (warnings.isEmpty() ? "" : "; " + warnings.size() + (warnings.size() == 1 ? " warning" : " warnings")
                    + " above"));
            return 0;
        }
        out.println(summary(problems));
        return 1;
    }

    static String summary(List<CheckProblem> problems) {
        return problems.size() + (problems.size() == 1 ? " problem" : " problems") + " found in the configuration";
    }
}
