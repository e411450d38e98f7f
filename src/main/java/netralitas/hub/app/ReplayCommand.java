package netralitas.hub.app;

import netralitas.hub.cases.ParkedCases;
import netralitas.hub.progress.Progress;

import netralitas.hub.cli.HubCommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code replay <case id>… | --all}: puts dead-lettered cases back through the pipeline. The command only moves their
 * files into the dead-letter store's replay folder: the running hub (or the next one to start) takes them from there,
 * records REPLAYED and sends them through intake — the command never touches the hub's state database or audit trail,
 * which the running hub holds.
 */
@Command(name = "replay", description = "put dead-lettered cases back through the pipeline (exit 1 if one of them is not dead-lettered)")
public final class ReplayCommand implements Callable<Integer> {

    private static final Duration PROGRESS_INTERVAL = Duration.ofSeconds(2);

    @ParentCommand
    private HubMain hub;

    @Spec
    private CommandSpec spec;

    @Parameters(arity = "0..*", paramLabel = "<case id>", description = "the dead-lettered cases to replay")
    private List<String> caseIds = new ArrayList<>();

    @Option(names = "--all", description = "every dead-lettered case")
    private boolean all;

    private Path deadLetterDir;
    private PrintStream out;
    private PrintStream err;

    /** Runs {@code replay <args>} on the dead-letter store in {@code deadLetterDir}, as the command line would. */
    public int run(List<String> args, Path deadLetterDir, PrintStream out, PrintStream err) {
        this.deadLetterDir = deadLetterDir;
        this.out = out;
        this.err = err;
        return HubCommandLine.of(this, out, err).execute(args.toArray(String[]::new));
    }

    @Override
    public Integer call() throws IOException {
        if (all == !caseIds.isEmpty()) {
            throw HubCommandLine.usageError(spec, all ? "replay takes case ids or --all, not both"
                    : "replay needs case ids or --all");
        }
        if (hub != null) {
            deadLetterDir = hub.settings().dataDir().resolve("dead-letter");
            out = hub.out();
            err = hub.err();
        }
        ParkedCases deadLetters = new ParkedCases(deadLetterDir, Clock.systemDefaultZone());
        List<String> wanted = all ? deadLetters.caseIds() : caseIds;
        if (wanted.isEmpty()) {
            out.println("No dead-lettered cases in " + deadLetterDir + ": nothing to replay.");
            return 0;
        }
        List<String> reasons = new ArrayList<>();
        Progress progress = Progress.onConsole(err, Clock.systemDefaultZone(), PROGRESS_INTERVAL, "dead letters read");
        for (String caseId : wanted) {
            reasons.add(deadLetters.reason(caseId));
            progress.advance(1);
        }
        progress.finish();
        List<String> missing = new ArrayList<>();
        List<String> queued = deadLetters.queueForReplay(wanted, missing);
        for (int i = 0; i < wanted.size(); i++) {
            String caseId = wanted.get(i);
            if (queued.contains(caseId)) {
                out.println("queued " + caseId + "  (" + line(reasons.get(i), 1) + ")");
            }
        }
        for (String caseId : missing) {
            err.println("not dead-lettered: " + caseId + " (no " + caseId + ParkedCases.CASE_SUFFIX + " in " + deadLetterDir + ")");
        }
        out.println(queued.size() + " case(s) queued for replay in " + deadLetterDir.resolve(ParkedCases.REPLAY_FOLDER)
                + ": the running hub takes them within hub.replay.poll-delay-ms, or the next start does;"
                + " each is recorded as REPLAYED in the audit trail.");
        return missing.isEmpty() ? 0 : 1;
    }

    /** The reason file's second line is the exception; the first is when and from where. */
    private static String line(String reason, int index) {
        String[] lines = reason.split("\\R");
        return lines.length > index ? lines[index] : reason;
    }
}
