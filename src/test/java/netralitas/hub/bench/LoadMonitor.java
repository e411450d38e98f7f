package netralitas.hub.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Drops the CSV into the running hub's drop folder (an atomic move: the hub never sees half a file) and watches until
 * the hub has moved it to {@code done/} or {@code failed/}: progress from the audit trail every {@code --progress-s},
 * the hub's CPU and resident memory from /proc. Writes what it measured to {@code --out}.
 *
 * <pre>
 * LoadMonitor --csv work/load.csv --drop-dir work/drop --audit-dir work/data/audit --hub-pid P --rows N --out f
 *             [--partners-pid Q] [--clk-tck 100] [--progress-s 30] [--stall-s 900] [--timeout-s 0]
 * </pre>
 * Exit status 0 when the file reached done/, 1 when it went to failed/, 2 when the hub died, stalled or timed out.
 */
public final class LoadMonitor {

    private static final List<String> PROGRESS_EVENTS = List.of("RECEIVED", "REJECTED", "DUPLICATE", "DELIVERED",
            "DIGEST_QUEUED", "CLOSED", "NOT_FOUND_AT_BKN", "DEAD_LETTERED");

    private LoadMonitor() {
    }

    public static void main(String[] argv) throws Exception {
        Args args = new Args(argv);
        Path csv = args.path("csv");
        Path dropDir = args.path("drop-dir");
        long rows = args.number("rows", 0);
        long clkTck = args.number("clk-tck", 100);
        ProcStats hub = new ProcStats(args.number("hub-pid", -1), clkTck);
        long partnersPid = args.number("partners-pid", -1);
        ProcStats partners = partnersPid > 0 ? new ProcStats(partnersPid, clkTck) : null;
        long progressNanos = args.number("progress-s", 30) * 1_000_000_000L;
        long stallNanos = args.number("stall-s", 900) * 1_000_000_000L;
        long timeoutNanos = args.number("timeout-s", 0) * 1_000_000_000L;
        AuditTally tally = new AuditTally(args.path("audit-dir"), args.string("state-url", ""));

        if (!hub.alive()) {
            System.out.println("the hub is not running");
            System.exit(2);
        }
        Files.createDirectories(dropDir);
        Path dropped = dropDir.resolve(csv.getFileName());
        String stem = csv.getFileName().toString().replaceFirst("\\.csv$", "");

        double hubCpuAtDrop = hub.cpuSeconds();
        double partnersCpuAtDrop = partners == null ? -1 : partners.cpuSeconds();
        long started = System.nanoTime();
        long droppedAtEpochMs = System.currentTimeMillis();
        Files.move(csv, dropped, StandardCopyOption.ATOMIC_MOVE);
        System.out.printf("dropped %s (%,d rows) into %s%n", csv.getFileName(), rows, dropDir);

        String outcome = null;
        Path movedTo = null;
        long peakRssKb = 0;
        long nextSample = started;
        long nextProgress = started + progressNanos;
        long lastSeen = -1;
        long lastSeenAt = started;
        long seenAtLastProgress = 0;
        long lastProgressAt = started;
        while (outcome == null) {
            Thread.sleep(200);
            long now = System.nanoTime();
            Optional<Path> done = Files.exists(dropped) ? Optional.empty() : find(dropDir.resolve("done"), stem);
            Optional<Path> failed = Files.exists(dropped) || done.isPresent() ? Optional.empty()
                    : find(dropDir.resolve("failed"), stem);
            if (done.isPresent()) {
                outcome = "done";
                movedTo = done.get();
                break;
            }
            if (failed.isPresent()) {
                outcome = "failed";
                movedTo = failed.get();
                break;
            }
            if (!hub.alive()) {
                outcome = "hub-exited";
                break;
            }
            if (now >= nextSample) {
                peakRssKb = Math.max(peakRssKb, hub.statusKb("VmRSS"));
                nextSample = now + 1_000_000_000L;
            }
            if (now >= nextProgress) {
                Map<String, Long> counts = tally.update();
                long seen = tally.count("RECEIVED") + tally.count("REJECTED");
                double elapsed = (now - started) / 1e9;
                double recent = (seen - seenAtLastProgress) / ((now - lastProgressAt) / 1e9);
                StringBuilder events = new StringBuilder();
                for (String event : PROGRESS_EVENTS) {
                    events.append(' ').append(event).append(' ').append(counts.getOrDefault(event, 0L));
                }
                System.out.printf("[%6.0f s] rows seen %,d/%,d (%.0f%%), %.1f rows/s (last interval %.1f) |%s | hub RSS %d MB, CPU %.0f s%n",
                        elapsed, seen, rows, rows == 0 ? 0 : 100.0 * seen / rows, seen / elapsed, recent, events,
                        hub.statusKb("VmRSS") / 1024, hub.cpuSeconds());
                seenAtLastProgress = seen;
                lastProgressAt = now;
                nextProgress = now + progressNanos;
                if (seen != lastSeen) {
                    lastSeen = seen;
                    lastSeenAt = now;
                } else if (stallNanos > 0 && now - lastSeenAt > stallNanos) {
                    outcome = "stalled";
                }
            }
            if (timeoutNanos > 0 && now - started > timeoutNanos) {
                outcome = "timeout";
            }
        }
        long wallNanos = System.nanoTime() - started;
        long endedAtEpochMs = System.currentTimeMillis();
        double hubCpuAtEnd = hub.cpuSeconds();
        long hwmKb = hub.statusKb("VmHWM");
        peakRssKb = Math.max(peakRssKb, hub.statusKb("VmRSS"));
        double partnersCpuAtEnd = partners == null ? -1 : partners.cpuSeconds();

        Map<String, Object> result = new LinkedHashMap<>();
        result.put("outcome", outcome);
        result.put("moved-to", movedTo == null ? "" : movedTo);
        result.put("wall-ms", wallNanos / 1_000_000);
        result.put("drop-epoch-ms", droppedAtEpochMs);
        result.put("end-epoch-ms", endedAtEpochMs);
        result.put("hub.cpu-ms.drop-to-done", hubCpuAtEnd < 0 ? -1 : Math.round((hubCpuAtEnd - hubCpuAtDrop) * 1000));
        result.put("hub.cpu-ms.at-done", hubCpuAtEnd < 0 ? -1 : Math.round(hubCpuAtEnd * 1000));
        result.put("hub.vmhwm-kb", hwmKb);
        result.put("hub.rss-peak-sampled-kb", peakRssKb);
        result.put("partners.cpu-ms.drop-to-done", partners == null || partnersCpuAtEnd < 0 ? -1
                : Math.round((partnersCpuAtEnd - partnersCpuAtDrop) * 1000));
        KeyValues.write(args.path("out"), result);
        System.out.printf("%s: %s after %.1f s%n", outcome, movedTo == null ? dropped : movedTo, wallNanos / 1e9);
        System.exit("done".equals(outcome) ? 0 : "failed".equals(outcome) ? 1 : 2);
    }

    /** The file the hub moved: {@code <stem>-<timestamp>.csv}, not the {@code .rejected.csv} beside it. */
    private static Optional<Path> find(Path dir, String stem) throws IOException {
        if (!Files.isDirectory(dir)) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> {
                String name = p.getFileName().toString();
                return name.startsWith(stem) && name.endsWith(".csv") && !name.endsWith(".rejected.csv");
            }).findFirst();
        }
    }
}
