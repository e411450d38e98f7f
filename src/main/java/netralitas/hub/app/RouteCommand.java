package netralitas.hub.app;

import netralitas.hub.dryrun.DryRun;
import netralitas.hub.dryrun.DryRunTable;
import netralitas.hub.report.CsvFileException;
import netralitas.hub.text.FailureText;
import org.apache.camel.main.Main;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code java -jar netralitas-hub.jar route --dry-run <file.csv | message.eml> [--offline]}: what the hub's routes, as
 * they are now in {@code routes/}, would decide for each report of a file, without sending or recording anything.
 * Engineers run it before and after a routing change. Exit codes: 0 done, 1 the input or the configuration is
 * unusable, 2 wrong usage.
 */
@Command(name = "route", description = "what the routes would decide, without sending anything: reads the file as the CSV drop or the mailbox would,"
                + " runs each report through routes enrich, classify and route of routes/, and prints one line per report: case"
                + " id, NIP, name, severity, region, decision, recipients and reason. Nothing is sent, queued or recorded.")
public final class RouteCommand implements Callable<Integer> {

    @ParentCommand
    private HubMain hub;

    @Option(names = "--dry-run", required = true, description = "decide only (the one mode there is)")
    private boolean dryRun;

    @Parameters(paramLabel = "<file.csv | message.eml>", description = "a CSV drop file or a raw message")
    private Path file;

    @Option(names = "--offline",
            description = "do not ask BKN (no employee record: names and regions come from the report alone)")
    private boolean offline;

    @Override
    public Integer call() {
        Path home = hub.routedHome();
        PrintStream out = hub.out();
        PrintStream err = hub.err();
        Path input = file.toAbsolutePath();
        if (!Files.isRegularFile(input)) {
            err.println("No such file: " + input);
            return 1;
        }
        try (QuietLog quiet = new QuietLog()) {
            return dryRun(input, !offline, home, out, err);
        }
    }

    private static int dryRun(Path input, boolean askBkn, Path home, PrintStream out, PrintStream err) {
        Main main = Hub.dryRun(home, askBkn, err::println);
        try {
            main.start();
            DryRunTable table = new DryRunTable();
            new DryRun(main.getCamelContext(), askBkn).run(input, table::add);
            table.print(out);
            return 0;
        } catch (CsvFileException e) {
            err.println("The hub would move " + input.getFileName() + " to failed/: " + e.getMessage());
            return 1;
        } catch (Exception e) {
            err.println("Dry run failed: " + FailureText.rootMessage(e));
            return 1;
        } finally {
            main.stop();
        }
    }
}
