package netralitas.hub.app;

import netralitas.hub.cli.CommandFailure;
import netralitas.hub.cli.HubCommandLine;
import netralitas.hub.settings.HubSettings;
import netralitas.hub.state.ClusterNode;
import netralitas.hub.state.ParkedCaseTable;
import netralitas.hub.state.ParkedCaseTable.Kind;
import netralitas.hub.state.ParkedCaseTable.ParkedCase;
import netralitas.hub.state.StateStore;
import netralitas.hub.state.StateStoreInUseException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.PrintStream;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code replay <case id>… | --all}: puts dead-lettered cases back through the pipeline; {@code replay --list} shows
 * them with their reasons. The command only marks their rows in the state store as due: the running hub (any node, or
 * the next one to start) claims them, records REPLAYED and sends them through intake — the command never touches the
 * audit trail. On PostgreSQL it works while the hub runs; the embedded H2 store admits one process, so there it runs
 * while the hub is stopped, and says so when the hub holds the file.
 */
@Command(name = "replay", description = "put dead-lettered cases back through the pipeline, or list them (exit 1 if one"
        + " of them is not dead-lettered, or the state store cannot be opened)")
public final class ReplayCommand implements Callable<Integer> {

    @ParentCommand
    private HubMain hub;

    @Spec
    private CommandSpec spec;

    @Parameters(arity = "0..*", paramLabel = "<case id>", description = "the dead-lettered cases to replay")
    private List<String> caseIds = new ArrayList<>();

    @Option(names = "--all", description = "every dead-lettered case")
    private boolean all;

    @Option(names = "--list", description = "list the dead-lettered cases with their reasons; replay nothing")
    private boolean list;

    private ParkedCaseTable deadLetters;
    private String storeLocation;
    private PrintStream out;
    private PrintStream err;

    /** Runs {@code replay <args>} on the parked cases of a store already open, as the command line would. */
    public int run(List<String> args, ParkedCaseTable deadLetters, String storeLocation, PrintStream out, PrintStream err) {
        this.deadLetters = deadLetters;
        this.storeLocation = storeLocation;
        this.out = out;
        this.err = err;
        return HubCommandLine.of(this, out, err).execute(args.toArray(String[]::new));
    }

    @Override
    public Integer call() throws SQLException {
        int ways = (all ? 1 : 0) + (list ? 1 : 0) + (caseIds.isEmpty() ? 0 : 1);
        if (ways == 0) {
            throw HubCommandLine.usageError(spec, "replay needs case ids or --all");
        }
        if (ways > 1) {
            throw HubCommandLine.usageError(spec, "replay takes case ids, --all or --list, only one of them");
        }
        if (hub == null) {
            return work();
        }
        out = hub.out();
        err = hub.err();
        HubSettings settings = hub.settings();
        try (StateStore store = open(settings)) {
            deadLetters = new ParkedCaseTable(store.dataSource(), Clock.systemDefaultZone(), ClusterNode.of(settings),
                    Duration.ofMillis(settings.longValue("hub.deferred.retry-delay-ms")));
            storeLocation = store.location();
            return work();
        }
    }

    private static StateStore open(HubSettings settings) {
        try {
            return StateStore.open(settings);
        } catch (StateStoreInUseException e) {
            throw new CommandFailure(1, "replay cannot open the embedded state store " + e.file() + ": the running hub"
                    + " holds it, and H2 admits one process at a time. Stop the hub, run replay, then start the hub:"
                    + " it sends the cases marked for replay at once. (With PostgreSQL, hub.state.url, replay works"
                    + " while the hub runs.)");
        } catch (IllegalStateException | IllegalArgumentException e) {
            throw new CommandFailure(1, "replay cannot open the state store: " + e.getMessage());
        }
    }

    private int work() throws SQLException {
        Map<String, ParkedCase> parked = new LinkedHashMap<>();
        for (ParkedCase deadLetter : deadLetters.list(Kind.DEAD_LETTER)) {
            parked.put(deadLetter.caseId(), deadLetter);
        }
        if (list) {
            for (ParkedCase deadLetter : parked.values()) {
                out.println(deadLetter.caseId() + "  parked " + deadLetter.parkedAt()
                        + (deadLetter.dueAt().isPresent() ? "  queued for replay" : "") + "  " + firstLine(deadLetter.reason()));
            }
            out.println(parked.size() + " dead-lettered case(s) in " + storeLocation);
            return 0;
        }
        List<String> wanted = all ? List.copyOf(parked.keySet()) : caseIds;
        if (wanted.isEmpty()) {
            out.println("No dead-lettered cases in " + storeLocation + ": nothing to replay.");
            return 0;
        }
        List<String> missing = new ArrayList<>();
        int queued = 0;
        for (String caseId : wanted) {
            ParkedCase deadLetter = parked.get(caseId);
            if (deadLetter != null && deadLetters.requestReplay(caseId)) {
                out.println("queued " + caseId + "  (" + firstLine(deadLetter.reason()) + ")");
                queued++;
            } else {
                missing.add(caseId);
            }
        }
        for (String caseId : missing) {
            err.println("not dead-lettered: " + caseId + " (no dead letter of that id in " + storeLocation + ")");
        }
        out.println(queued + " case(s) queued for replay in " + storeLocation + ": a running hub takes them within"
                + " hub.replay.poll-delay-ms, or the next one to start does; each is recorded as REPLAYED in the audit"
                + " trail.");
        return missing.isEmpty() ? 0 : 1;
    }

    private static String firstLine(String reason) {
        return reason.lines().findFirst().orElse(reason);
    }
}
