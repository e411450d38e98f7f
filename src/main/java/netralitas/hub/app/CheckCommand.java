package netralitas.hub.app;

import netralitas.hub.check.CheckProblem;
import netralitas.hub.check.CheckReport;
import netralitas.hub.check.ConfigurationCheck;
import netralitas.hub.check.ReachabilityCheck;
import netralitas.hub.settings.HubSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code java -jar netralitas-hub.jar check}: the configuration validation the hub runs at start-up, and outside
 * embedded mode whether the SMTP and IMAP servers and the BKN token endpoint answer. Prints every problem with its
 * file or setting; exit code 0 when there is none, 1 otherwise.
 */
@Command(name = "check", description = "validate the configuration; outside embedded mode also whether the SMTP, IMAP and BKN servers answer"
                + " (exit 0 no problem, 1 problems listed)")
public final class CheckCommand implements Callable<Integer> {

    @ParentCommand
    private HubMain hub;

    @Override
    public Integer call() {
        return run(hub.configuredHome(), hub.out());
    }

    public int run(Path home, PrintStream out) {
        HubSettings settings = HubSettings.load(home);
        boolean embedded;
        try {
            embedded = settings.bool("hub.embedded");
        } catch (IllegalStateException e) {
            return CheckReport.print(List.of(CheckProblem.setting("hub.embedded", e.getMessage())), List.of(), false, out);
        }
        ConfigurationCheck.Findings findings = new ConfigurationCheck(home, settings::optional, embedded).findings();
        List<CheckProblem> problems = new ArrayList<>(findings.problems());
        if (!embedded) {
            problems.addAll(new ReachabilityCheck(settings::optional, ReachabilityCheck.DEFAULT_TIMEOUT).problems());
        }
        return CheckReport.print(problems, findings.warnings(), !embedded, out);
    }
}
