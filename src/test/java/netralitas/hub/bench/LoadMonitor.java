package netralitas.hub.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Drops the CSV into the running hub's drop folder (an atomic move: the hub never sees half a file) and watches until
 * the hub has moved it to {@code done/} or {@code failed/}: progress from the audit trail every {@code --progress-s},
 * the hub's CPU and resident memory from /proc. Writes what it measured to {@code --out}. A cluster's nodes are given
 * as {@code --hub-pid P1,P2,P3}: their CPU is summed, and each node's is written too ({@code node.<n>.…}, n from 1);
 * with {@code --state-url} the PostgreSQL server's CPU is measured as well.
 *
 * <pre>
 * LoadMonitor --csv work/load.csv --drop-dir work/drop --audit-dir work/data/audit --hub-pid P --rows N --out f
 *             [--state-url jdbc:postgresql://…] [--partners-pid Q] [--clk-tck 100] [--progress-s 30] [--stall-s 900]
 *             [--timeout-s 0]
 * </pre>
 * Exit status 0 when the file reached done/, 1 when it went to failed/, 2 when a hub died, stalled or timed out.
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
        List<ProcStats> nodes = Arrays.stream(args.string("hub-pid").split(","))
                .map(pid -> new ProcStats(Long.parseLong(pid.trim()), clkTck)).toList();
        long partnersPid = args.number("partners-pid", -1);
        ProcStats partners = partnersPid > 0 ? new ProcStats(partnersPid, clkTck) : null;
        long progressNanos = args.number("progress-s", 30) * 1_000_000_000L;
        long stallNanos = args.number("stall-s", 900) * 1_000_000_000L;
        long timeoutNanos = args.number("timeout-s", 0) * 1_000_000_000L;
        String stateUrl = args.string("state-url", "");
        AuditTally tally = new AuditTally(args.path("audit-dir"), stateUrl);
        PostgresCpu postgres = stateUrl.isBlank() ? null : PostgresCpu.of(stateUrl, clkTck);

        for (int n = 0; n < nodes.size(); n++) {
            if (!nodes.get(n).alive()) {
                System.out.println(nodeName(nodes, n) + " is not running");
                System.exit(2);
            }
        }
        Files.createDirectories(dropDir);
        Path dropped = dropDir.resolve(csv.getFileName());
        String stem = csv.getFileName().toString().replaceFirst("\\.csv$", "");

        double[] nodeCpuAtDrop = nodes.stream().mapToDouble(ProcStats::cpuSeconds).toArray();
        double postgresCpuAtDrop = postgres == null ? -1 : postgres.cpuSeconds();
        double partnersCpuAtDrop = partners == null ? -1 : partners.cpuSeconds();
        long started = System.nanoTime();
        long droppedAtEpochMs = System.currentTimeMillis();
        Files.move(csv, dropped, StandardCopyOption.ATOMIC_MOVE);
        System.out.printf("dropped %s (%,d rows) into %s%n", csv.getFileName(), rows, dropDir);

        String outcome = null;
        Path movedTo = null;
        long[] peakRssKb = new long[nodes.size()];
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
            if (nodes.stream().anyMatch(node -> !node.alive())) {
                outcome = "hub-exited";
                for (int n = 0; n < nodes.size(); n++) {
                    if (!nodes.get(n).alive()) {
                        System.out.println(nodeName(nodes, n) + " exited while the file was being read");
                    }
                }
                break;
            }
            if (now >= nextSample) {
                for (int n = 0; n < nodes.size(); n++) {
                    peakRssKb[n] = Math.max(peakRssKb[n], nodes.get(n).statusKb("VmRSS"));
                }
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
                System.out.printf("[%6.0f s] rows seen %,d/%,d (%.0f%%), %.1f rows/s (last interval %.1f) |%s | %s%n",
                        elapsed, seen, rows, rows == 0 ? 0 : 100.0 * seen / rows, seen / elapsed, recent, events,
                        resources(nodes));
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
        double[] nodeCpuAtEnd = nodes.stream().mapToDouble(ProcStats::cpuSeconds).toArray();
        long[] hwmKb = nodes.stream().mapToLong(node -> node.statusKb("VmHWM")).toArray();
        for (int n = 0; n < nodes.size(); n++) {
            peakRssKb[n] = Math.max(peakRssKb[n], nodes.get(n).statusKb("VmRSS"));
        }
        double partnersCpuAtEnd = partners == null ? -1 : partners.cpuSeconds();
        double postgresCpuAtEnd = postgres == null ? -1 : postgres.cpuSeconds();
        boolean nodeGone = Arrays.stream(nodeCpuAtEnd).anyMatch(cpu -> cpu < 0);

        Map<String, Object> result = new LinkedHashMap<>();
        result.put("outcome", outcome);
        result.put("moved-to", movedTo == null ? "" : movedTo);
        result.put("wall-ms", wallNanos / 1_000_000);
        result.put("drop-epoch-ms", droppedAtEpochMs);
        result.put("end-epoch-ms", endedAtEpochMs);
        // The hub's figures are the cluster's: CPU summed over the nodes, memory the largest node's.
        result.put("hub.cpu-ms.drop-to-done", nodeGone ? -1
                : Math.round((Arrays.stream(nodeCpuAtEnd).sum() - Arrays.stream(nodeCpuAtDrop).sum()) * 1000));
        result.put("hub.cpu-ms.at-done", nodeGone ? -1 : Math.round(Arrays.stream(nodeCpuAtEnd).sum() * 1000));
        result.put("hub.vmhwm-kb", Arrays.stream(hwmKb).max().orElse(-1));
        result.put("hub.rss-peak-sampled-kb", Arrays.stream(peakRssKb).max().orElse(-1));
        result.put("partners.cpu-ms.drop-to-done", partners == null || partnersCpuAtEnd < 0 ? -1
                : Math.round((partnersCpuAtEnd - partnersCpuAtDrop) * 1000));
        result.put("postgres.cpu-ms.drop-to-done", postgres == null || postgresCpuAtEnd < 0 ? -1
                : Math.round((postgresCpuAtEnd - postgresCpuAtDrop) * 1000));
        result.put("nodes", nodes.size());
        for (int n = 0; n < nodes.size(); n++) {
            String node = "node." + (n + 1) + ".";
            result.put(node + "pid", nodes.get(n).pid());
            result.put(node + "cpu-ms.drop-to-done", nodeCpuAtEnd[n] < 0 ? -1
                    : Math.round((nodeCpuAtEnd[n] - nodeCpuAtDrop[n]) * 1000));
            result.put(node + "cpu-ms.at-done", nodeCpuAtEnd[n] < 0 ? -1 : Math.round(nodeCpuAtEnd[n] * 1000));
            result.put(node + "vmhwm-kb", hwmKb[n]);
        }
        KeyValues.write(args.path("out"), result);
        System.out.printf("%s: %s after %.1f s%n", outcome, movedTo == null ? dropped : movedTo, wallNanos / 1e9);
        System.exit("done".equals(outcome) ? 0 : "failed".equals(outcome) ? 1 : 2);
    }

    /** "hub" for one, "node-2" for the second of several: the names the load run gives them. */
    private static String nodeName(List<ProcStats> nodes, int n) {
        return nodes.size() == 1 ? "the hub" : "node-" + (n + 1);
    }

    /** "hub RSS 412 MB, CPU 35 s", or per node: "node-1 RSS 412 MB, CPU 35 s; node-2 …". */
    private static String resources(List<ProcStats> nodes) {
        List<String> parts = new ArrayList<>();
        for (int n = 0; n < nodes.size(); n++) {
            parts.add(String.format("%s RSS %d MB, CPU %.0f s", nodes.size() == 1 ? "hub" : "node-" + (n + 1),
                    nodes.get(n).statusKb("VmRSS") / 1024, nodes.get(n).cpuSeconds()));
        }
        return String.join("; ", parts);
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
