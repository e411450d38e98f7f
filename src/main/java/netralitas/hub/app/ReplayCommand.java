package netralitas.hub.app;

import netralitas.hub.cases.ParkedCases;
import netralitas.hub.progress.Progress;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code replay <case id>… | --all}: puts dead-lettered cases back through the pipeline. The command only moves their
 * files into the dead-letter store's replay folder: the running hub (or the next one to start) takes them from there,
 * records REPLAYED and sends them through intake — the command never touches the hub's state database or audit trail,
 * which the running hub holds.
 */
public final class ReplayCommand {

    private static final String USAGE = "Usage: java -jar netralitas-hub.jar replay <case id>... | replay --all";
    private static final Duration PROGRESS_INTERVAL = Duration.ofSeconds(2);

    public int run(List<String> args, Path deadLetterDir, PrintStream out, PrintStream err) throws IOException {
        if (args.isEmpty()) {
            err.println(USAGE);
            return 2;
        }
        ParkedCases deadLetters = new ParkedCases(deadLetterDir, Clock.systemDefaultZone());
        List<String> wanted = args.equals(List.of("--all")) ? deadLetters.caseIds() : args;
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
