package netralitas.hub.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The figures of a finished load run, from what its processes left in the work folder: the generator's manifest,
 * the monitor's measurements, the partners' counters, the hub's audit trail, rejects files, GC log and console log.
 * The first line sums it up; the rest explains. Also written to {@code report.txt} in the work folder, and the main
 * figures, for the scripts that compare runs, to {@code figures.properties}.
 *
 * <p>A cluster run ({@code nodes} above 1 in {@code run.properties}) keeps each node's log, GC log and data folder in
 * {@code node-<n>/}; its checks are the cluster's (one trail in the store), its hub CPU the nodes' sum, and a section
 * gives each node's share.
 *
 * <pre>LoadReport --work /tmp/netralitas-load.XXXX</pre>
 */
public final class LoadReport {

    private static final List<String> EVENTS = List.of("RECEIVED", "REJECTED", "DUPLICATE", "ENRICHED",
            "NOT_FOUND_AT_BKN", "ENRICH_DEFERRED", "CLASSIFIED", "ROUTED", "DELIVERED", "DIGEST_QUEUED", "DIGEST_SENT",
            "CLOSED", "DEAD_LETTERED", "REPLAYED");
    private static final List<String> SETTLING = List.of("DUPLICATE", "DELIVERED", "DIGEST_QUEUED", "CLOSED",
            "DEAD_LETTERED");

    private LoadReport() {
    }

    public static void main(String[] argv) throws IOException {
        Path work = new Args(argv).path("work");
        String report = render(work);
        System.out.print(report);
        Files.writeString(work.resolve("report.txt"), report, StandardCharsets.UTF_8);
        System.exit(report.startsWith("LOAD RUN OK") ? 0 : 1);
    }

    static String render(Path work) throws IOException {
        Map<String, String> run = KeyValues.read(work.resolve("run.properties"));
        Map<String, String> generated = KeyValues.read(work.resolve("generator.properties"));
        Map<String, String> monitor = KeyValues.read(work.resolve("monitor.properties"));
        Map<String, String> partners = KeyValues.read(work.resolve("partners-stats.properties"));
        String stateUrl = run.getOrDefault("state-url", "");
        List<Path> nodeDirs = nodeDirs(work, Math.max(1, (int) KeyValues.number(run, "nodes")));
        Path home = nodeDirs.get(0);
        AuditTally audit = new AuditTally(home.resolve("data/audit"), stateUrl);
        Map<String, Long> events = audit.update();
        RejectsFiles rejects = RejectsFiles.read(work.resolve("drop/done"));
        List<GcLog> gcs = new ArrayList<>();
        List<HubLogScan> logs = new ArrayList<>();
        for (Path dir : nodeDirs) {
            gcs.add(GcLog.read(dir.resolve("gc.log"), KeyValues.number(monitor, "drop-epoch-ms"),
                    KeyValues.number(monitor, "end-epoch-ms")));
            logs.add(HubLogScan.read(dir.resolve("hub.log")));
        }
        GcLog gc = gcs.stream().max(Comparator.comparingLong(GcLog::peakAfterGcBytes)).orElseThrow();
        HeapHistogram histogram = HeapHistogram.read(home.resolve("heap-histogram.txt"));
        long logErrors = logs.stream().mapToLong(HubLogScan::errors).sum();
        long outOfMemory = logs.stream().mapToLong(HubLogScan::outOfMemory).sum();

        long rows = KeyValues.number(generated, "rows");
        String outcome = monitor.getOrDefault("outcome", "not-measured");
        double wall = KeyValues.number(monitor, "wall-ms") / 1000.0;
        double cpu = KeyValues.number(monitor, "hub.cpu-ms.drop-to-done") / 1000.0;
        long received = events.getOrDefault("RECEIVED", 0L);
        long rejected = events.getOrDefault("REJECTED", 0L);
        boolean accounted = received + rejected == rows;
        long settled = SETTLING.stream().mapToLong(e -> events.getOrDefault(e, 0L)).sum();
        long handled = CaseOutcomes.HANDLED.stream().mapToLong(e -> events.getOrDefault(e, 0L)).sum();
        long incidents = rows - KeyValues.number(generated, "bad") - KeyValues.number(generated, "kind.DUPLICATE");
        // In the store the trail can be asked per case: equal totals could still hide a case handled twice and
        // another never, which is what a cluster that shares work badly would do.
        List<String> handledTwice = stateUrl.isBlank() ? List.of() : audit.casesHandledMoreThanOnce(CaseOutcomes.HANDLED, 10);
        boolean handledOnce = handled == incidents && handledTwice.isEmpty();
        boolean ok = "done".equals(outcome) && accounted && handledOnce && rejects.rows() == rejected && logErrors == 0
                && outOfMemory == 0;

        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT,
                "LOAD RUN %s: %,d rows in %.1f s = %.1f rows/s | hub CPU %.1f s = %,.0f ms per 1,000 rows | peak RSS %s"
                        + " | peak heap after GC %s, live at done %s (-Xmx%s) | accounted %s | handled once %s | hub log %d ERROR%s%n",
                ok ? "OK" : "PROBLEM", rows, wall, wall > 0 ? rows / wall : 0, cpu, rows > 0 ? cpu * 1_000_000 / rows : 0,
                mb(KeyValues.number(monitor, "hub.vmhwm-kb") * 1024), mb(gc.peakAfterGcBytes()), mb(gc.liveAtEnd()),
                run.getOrDefault("xmx", "?"), accounted ? "OK" : "MISMATCH", handledOnce ? "OK" : "MISMATCH", logErrors,
                nodeDirs.size() > 1 ? String.format(" | %d nodes (CPU summed, memory of the largest)", nodeDirs.size()) : ""));

        section(out, "Run");
        line(out, "outcome", outcome + ("done".equals(outcome) || "failed".equals(outcome)
                ? " (" + monitor.get("moved-to") + ")" : ""));
        line(out, "work dir", work.toString());
        line(out, "hub", run.getOrDefault("hub-command", "?"));
        line(out, "revision", run.getOrDefault("revision", "?"));
        line(out, "scenario", run.getOrDefault("scenario", "?"));
        line(out, "csv", String.format("%s, %,d bytes; %s", generated.getOrDefault("file", "?"),
                KeyValues.number(generated, "bytes"), generated.getOrDefault("mix", "")));
        line(out, "machine", run.getOrDefault("machine", "?"));
        line(out, "hub start-up", run.getOrDefault("hub-startup-s", "?") + " s; stop (SIGTERM) took "
                + run.getOrDefault("hub-stop-s", "?") + " s, exit status " + run.getOrDefault("hub-exit", "?"));

        section(out, "Throughput");
        line(out, "rows", String.format("%,d", rows));
        line(out, "wall, drop → done", String.format(Locale.ROOT, "%.1f s", wall));
        line(out, "rows/s", String.format(Locale.ROOT, "%.1f", wall > 0 ? rows / wall : 0));
        line(out, "hub CPU, drop → done", String.format(Locale.ROOT, "%.1f s = %,.0f ms per 1,000 rows (%.2f cores busy on average)",
                cpu, rows > 0 ? cpu * 1_000_000 / rows : 0, wall > 0 ? cpu / wall : 0));
        line(out, "hub CPU, whole life", String.format(Locale.ROOT, "%.1f s at done (start-up included)",
                KeyValues.number(monitor, "hub.cpu-ms.at-done") / 1000.0));
        long partnersCpu = KeyValues.number(monitor, "partners.cpu-ms.drop-to-done");
        line(out, "partners CPU", partnersCpu < 0 ? "?" : String.format(Locale.ROOT,
                "%.1f s drop → done (BKN simulator + SMTP server, same machine)", partnersCpu / 1000.0));
        long postgresCpu = stateUrl.isBlank() ? -1 : KeyValues.number(monitor, "postgres.cpu-ms.drop-to-done");
        if (!stateUrl.isBlank()) {
            line(out, "PostgreSQL CPU", postgresCpu < 0 ? "?" : String.format(Locale.ROOT,
                    "%.1f s drop → done (the postmaster and all its processes, same machine)", postgresCpu / 1000.0));
        }
        line(out, "CPU per 1,000 rows", String.format(Locale.ROOT, "hub%s %,.0f ms,%s partners %s",
                nodeDirs.size() > 1 ? "s (summed)" : "", rows > 0 ? cpu * 1_000_000 / rows : 0,
                stateUrl.isBlank() ? "" : " PostgreSQL " + perThousandRows(postgresCpu, rows) + ",",
                perThousandRows(partnersCpu, rows)));

        section(out, "Memory");
        line(out, "peak RSS (VmHWM)", mb(KeyValues.number(monitor, "hub.vmhwm-kb") * 1024));
        line(out, "peak heap after GC", String.format(Locale.ROOT,
                "%s, drop → done (heap committed at most %s; %,d GC pauses, %d full, %.0f ms paused)",
                mb(gc.peakAfterGcBytes()), mb(gc.peakCommittedBytes()), gc.pauses(), gc.fullPauses(), gc.pauseMillis()));
        long[] quarters = gc.quarterPeaks();
        line(out, "  by quarter of run", String.format("%s / %s / %s / %s  (after-GC peaks; young collections leave old"
                + " garbage in, so rising quarters mean growth only if the live set below grows too)",
                mb(quarters[0]), mb(quarters[1]), mb(quarters[2]), mb(quarters[3])));
        line(out, "live heap at done", gc.liveAtEnd() < 0 ? "? (no histogram)" : String.format(
                "%s after the full GC of jcmd GC.class_histogram; largest classes:", mb(gc.liveAtEnd())));
        histogram.top().forEach(row -> out.append("      ").append(row).append('\n'));

        section(out, "Audit trail (events)");
        Map<String, String> expected = expectations(generated);
        for (String event : EVENTS) {
            long count = events.getOrDefault(event, 0L);
            if (count == 0 && !expected.containsKey(event) && !SETTLING.contains(event)) {
                continue;
            }
            String hint = expected.containsKey(event) ? "   (generator: " + expected.get(event) + ")" : "";
            line(out, event, String.format("%,d%s", count, hint));
        }
        events.forEach((event, count) -> {
            if (!EVENTS.contains(event)) {
                line(out, event, String.format("%,d", count));
            }
        });
        if (audit.malformedLines() > 0) {
            line(out, "unreadable lines", String.format("%,d", audit.malformedLines()));
        }
        out.append(String.format("  accounted: received + rejected == rows: %,d + %,d = %,d %s %,d  %s%n",
                received, rejected, received + rejected, accounted ? "==" : "!=", rows, accounted ? "OK" : "MISMATCH"));
        out.append(String.format("  settled:   duplicate + delivered + digest_queued + closed + dead_lettered == received: %,d %s %,d  %s%n",
                settled, settled == received ? "==" : "!=", received, settled == received ? "OK" : "MISMATCH"));
        out.append(String.format("  handled once: delivered + digest_queued + closed + dead_lettered == distinct incidents in the file"
                + " (good rows - duplicate rows): %,d %s %,d  %s%n", handled, handledOnce ? "==" : "!=", incidents,
                handledOnce ? "OK" : "MISMATCH"));
        if (!stateUrl.isBlank()) {
            out.append(String.format("  handled once, per case: cases handled more than once in the store's trail: %s  %s%n",
                    handledTwice.size() < 10 ? handledTwice.size() : "10 or more", handledTwice.isEmpty() ? "OK" : "MISMATCH"));
            handledTwice.forEach(c -> out.append("      ").append(c).append("   (java -jar netralitas-hub.jar audit show <id>)\n"));
        } else if (!handledOnce) {
            CaseOutcomes.notHandledOnce(home.resolve("data/audit"), 10)
                    .forEach(c -> out.append("      ").append(c).append("   (java -jar netralitas-hub.jar audit show <id>)\n"));
        }

        section(out, "Rejects files");
        line(out, "rows", String.format("%,d in %d file(s); REJECTED events %,d  %s", rejects.rows(), rejects.files(),
                rejected, rejects.rows() == rejected ? "OK" : "MISMATCH"));
        rejects.reasons().forEach((reason, count) -> line(out, "  " + count, reason));

        section(out, "Mail received by the SMTP server");
        line(out, "messages", String.format("%,d (%,d mailbox copies: To + Cc)", KeyValues.number(partners, "mail.messages"),
                KeyValues.number(partners, "mail.deliveries")));
        partners.forEach((key, value) -> {
            if (key.startsWith("mail.kind.")) {
                line(out, "  " + key.substring("mail.kind.".length()), value);
            }
        });

        section(out, "BKN simulator");
        line(out, "data-utama requests", String.format("%,d (distinct NIPs in good rows: %,d)",
                KeyValues.number(partners, "bkn.data-requests"), KeyValues.number(generated, "distinctNips")));
        long requests = KeyValues.number(partners, "bkn.data-requests");
        long spanMs = KeyValues.number(partners, "bkn.data-request-span-ms");
        line(out, "request rate", spanMs <= 0 || requests < 2 ? "?" : String.format(Locale.ROOT,
                "%.1f requests/s from the first to the last (%,d in %.1f s)%s", (requests - 1) * 1000.0 / spanMs, requests,
                spanMs / 1000.0, limitShare(run, (requests - 1) * 1000.0 / spanMs)));
        line(out, "token requests", partners.getOrDefault("bkn.token-requests", "?"));
        line(out, "429 / 401 sent", partners.getOrDefault("bkn.too-many-requests", "?") + " / "
                + partners.getOrDefault("bkn.unauthorized", "?"));
        line(out, "peak concurrency", partners.getOrDefault("bkn.peak-concurrency", "?"));
        line(out, "worst second", partners.getOrDefault("bkn.worst-second", "?")
                + " requests (data-utama and token) within one second, any second (a sliding window)"
                + limitOfHub(run, KeyValues.number(partners, "bkn.worst-second"), nodeDirs.size()));

        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("ok", ok);
        figures.put("rows", rows);
        figures.put("rows-per-s", String.format(Locale.ROOT, "%.1f", wall > 0 ? rows / wall : 0));
        figures.put("nodes", nodeDirs.size());
        figures.put("cpu-ms.hubs", Math.round(cpu * 1000));
        figures.put("cpu-ms.postgres", postgresCpu);
        figures.put("cpu-ms.partners", partnersCpu);
        if (nodeDirs.size() > 1 || !stateUrl.isBlank()) {
            section(out, "Nodes (delivered: the node's \"DELIVERED to\" log lines; leads: the namespaces it led)");
            for (int n = 0; n < nodeDirs.size(); n++) {
                String node = "node." + (n + 1) + ".";
                long delivered = linesContaining(nodeDirs.get(n).resolve("hub.log"), " DELIVERED to ");
                long nodeCpu = KeyValues.number(monitor, node + "cpu-ms.drop-to-done");
                line(out, "node-" + (n + 1), String.format(Locale.ROOT,
                        "%,d delivered (%.1f %%) | CPU %.1f s drop → done | peak RSS %s | peak heap after GC %s | %d ERROR | leads %s",
                        delivered, rows > 0 ? 100.0 * delivered / rows : 0, nodeCpu / 1000.0,
                        mb(KeyValues.number(monitor, node + "vmhwm-kb") * 1024), mb(gcs.get(n).peakAfterGcBytes()),
                        logs.get(n).errors(), leads(nodeDirs.get(n).resolve("hub.log"))));
                figures.put(node + "delivered", delivered);
                figures.put(node + "cpu-ms", nodeCpu);
                figures.put(node + "vmhwm-kb", KeyValues.number(monitor, node + "vmhwm-kb"));
            }
        }
        KeyValues.write(work.resolve("figures.properties"), figures);

        section(out, "Disk (work folder)");
        line(out, "audit trail", mb(sizeOf(home.resolve("data/audit"))));
        long state = 0;
        for (Path dir : nodeDirs) {
            state += sizeOf(dir.resolve("data")) - sizeOf(dir.resolve("data/audit"));
        }
        line(out, "other hub state", mb(state) + " (case ledger, digest queue, parked cases)"
                + perCase(state, events.getOrDefault("RECEIVED", 0L)));
        for (Path dir : nodeDirs) {
            stopCopy(dir.resolve("hub.log")).ifPresent(copy -> line(out, "state file at stop", copy));
        }
        if (!stateUrl.isBlank()) {
            long database = databaseSize(stateUrl);
            line(out, "PostgreSQL database", mb(database) + " (everything, the trail included)"
                    + perCase(database, events.getOrDefault("RECEIVED", 0L)));
        }
        long logBytes = 0;
        for (Path dir : nodeDirs) {
            logBytes += sizeOf(dir.resolve("hub.log"));
        }
        line(out, "hub log", mb(logBytes) + (nodeDirs.size() > 1 ? " (all nodes)" : ""));

        for (int n = 0; n < nodeDirs.size(); n++) {
            HubLogScan log = logs.get(n);
            section(out, nodeDirs.size() == 1 ? "Hub log" : "Hub log, node-" + (n + 1));
            line(out, "lines", String.format("%,d: %,d ERROR, %,d WARN (+ %,d \"Rejected\" warnings for bad rows), %,d stack-trace lines%s",
                    log.lines(), log.errors(), log.warnings(), log.rejectedWarnings(), log.stackTraceLines(),
                    log.outOfMemory() > 0 ? ", OutOfMemoryError x" + log.outOfMemory() : ""));
            log.summaryLines().forEach(l -> out.append("    ").append(l).append('\n'));
        }
        return out.toString();
    }

    /** Where each node keeps its log, GC log and data: the work folder itself for one hub, node-1/ … for a cluster. */
    static List<Path> nodeDirs(Path work, int nodes) {
        if (nodes == 1) {
            return List.of(work);
        }
        List<Path> dirs = new ArrayList<>();
        for (int n = 1; n <= nodes; n++) {
            dirs.add(work.resolve("node-" + n));
        }
        return dirs;
    }

    private static long linesContaining(Path log, String text) throws IOException {
        if (!Files.exists(log)) {
            return 0;
        }
        try (Stream<String> lines = Files.lines(log, StandardCharsets.UTF_8)) {
            return lines.filter(line -> line.contains(text)).count();
        }
    }

    /** The namespaces the node's log says it came to lead ("Node node-2 now leads csv-drop-folder …"), or "nothing". */
    private static String leads(Path log) throws IOException {
        if (!Files.exists(log)) {
            return "nothing";
        }
        Pattern leads = Pattern.compile("Node \\S+ now leads (\\S+)");
        try (Stream<String> lines = Files.lines(log, StandardCharsets.UTF_8)) {
            String namespaces = lines.map(leads::matcher).filter(Matcher::find).map(m -> m.group(1)).distinct().sorted()
                    .collect(Collectors.joining(", "));
            return namespaces.isEmpty() ? "nothing" : namespaces;
        }
    }

    private static String perThousandRows(long cpuMs, long rows) {
        return cpuMs < 0 || rows == 0 ? "?" : String.format(Locale.ROOT, "%,.0f ms", cpuMs * 1000.0 / rows);
    }

    /** What the generated file should produce, where the generator can know it. */
    private static Map<String, String> expectations(Map<String, String> generated) {
        Map<String, String> expected = new LinkedHashMap<>();
        long rows = KeyValues.number(generated, "rows");
        long bad = KeyValues.number(generated, "bad");
        long immediate = KeyValues.number(generated, "kind.IMMEDIATE");
        long village = KeyValues.number(generated, "kind.VILLAGE");
        expected.put("RECEIVED", String.format("%,d good rows", rows - bad));
        expected.put("REJECTED", String.format("%,d bad rows", bad));
        expected.put("DUPLICATE", String.format("%,d duplicate rows", KeyValues.number(generated, "kind.DUPLICATE")));
        expected.put("DELIVERED", String.format("%,d BERAT/SEDANG + %,d village heads", immediate, village));
        expected.put("DIGEST_QUEUED", String.format("%,d RINGAN", KeyValues.number(generated, "kind.DIGEST")));
        expected.put("CLOSED", String.format("%,d passive attendance", KeyValues.number(generated, "kind.CLOSED")));
        return expected;
    }

    private static void section(StringBuilder out, String title) {
        out.append(title).append('\n');
    }

    private static void line(StringBuilder out, String label, String value) {
        out.append(String.format("  %-22s %s%n", label, value));
    }

    private static final Pattern STOP_COPY = Pattern.compile("compacted at stop: (.*)$");

    /** The embedded file's size before and after the copy a clean stop made of it (EmbeddedStateCompaction), if any. */
    private static Optional<String> stopCopy(Path log) throws IOException {
        if (!Files.exists(log)) {
            return Optional.empty();
        }
        try (Stream<String> lines = Files.lines(log, StandardCharsets.UTF_8)) {
            return lines.map(STOP_COPY::matcher).filter(Matcher::find).map(m -> m.group(1)).reduce((a, b) -> b);
        }
    }

    private static String perCase(long bytes, long cases) {
        return cases == 0 ? "" : String.format(", %,d bytes per case", bytes / cases);
    }

    private static long databaseSize(String stateUrl) throws IOException {
        try (Connection connection = DriverManager.getConnection(stateUrl, "postgres", null);
             Statement sql = connection.createStatement();
             ResultSet row = sql.executeQuery("SELECT pg_database_size(current_database())")) {
            row.next();
            return row.getLong(1);
        } catch (SQLException e) {
            throw new IOException("cannot read the size of " + stateUrl + ": " + e.getMessage(), e);
        }
    }

    private static long sizeOf(Path path) throws IOException {
        if (!Files.exists(path)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(path)) {
            return files.filter(Files::isRegularFile).mapToLong(file -> file.toFile().length()).sum();
        }
    }

    /** "; 97.6 % of the simulator's limit of 50/s" when the run had one. */
    private static String limitShare(Map<String, String> run, double rate) {
        long limit = KeyValues.number(run, "bkn-rate-limit");
        return limit <= 0 ? "" : String.format(Locale.ROOT, "; %.1f %% of the simulator's limit of %d/s", rate * 100 / limit, limit);
    }

    /** "; the hub's limit: 50/s, OK" (a cluster's nodes share that one limit: BKN counts them together) */
    private static String limitOfHub(Map<String, String> run, long worstSecond, int nodes) {
        String limit = run.get("hub-bkn-rate");
        if (limit == null) {
            return "";
        }
        return "; the hub's limit: " + limit + "/s" + (nodes > 1 ? " for all " + nodes + " nodes together" : "")
                + (worstSecond <= Long.parseLong(limit) ? ", OK" : ", ABOVE IT");
    }

    private static String mb(long bytes) {
        return bytes < 0 ? "?" : String.format(Locale.ROOT, bytes < 10 << 20 ? "%.1f MB" : "%.0f MB", bytes / 1048576.0);
    }
}
