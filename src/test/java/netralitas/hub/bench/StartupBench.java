package netralitas.hub.bench;

import netralitas.hub.embedded.BknSimulator;
import netralitas.hub.embedded.EmbeddedMailServer;
import netralitas.hub.testing.FreePort;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Benchmark 5 (issue: performance): how long the hub takes from the start of its process until it is ready (the
 * readiness probe answers 200: every route started, the directory and configuration loaded), and its resident memory
 * once it has idled. The partners (GreenMail SMTP/IMAP, BKN simulator) run in this JVM; the hub runs from the built jar
 * in its own JVM with production settings, once per run, each on a fresh data folder. Run it with bench/startup.sh.
 */
public final class StartupBench {

    private static final Pattern CAMEL_STARTED = Pattern.compile("started in (\\S+) \\(build:\\S+ init:\\S+ start:\\S+ boot:(\\S+)\\)");

    private StartupBench() {
    }

    public static void main(String[] argv) throws Exception {
        Args args = new Args(argv);
        int runs = (int) args.number("runs", 5);
        Path root = args.path("root");
        Path work = args.path("work");
        String xmx = args.string("xmx", "256m");
        int idleSeconds = (int) args.number("idle-seconds", 10);
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

        List<Double> ready = new ArrayList<>();
        List<Long> idleRssKb = new ArrayList<>();
        try (EmbeddedMailServer mail = new EmbeddedMailServer(0, 0).start();
             BknSimulator bkn = HubJarProcess.simulator(root)) {
            bkn.start();
            mail.addUser(HubJarProcess.REPORT_MAILBOX, HubJarProcess.REPORT_MAILBOX, HubJarProcess.REPORT_MAILBOX);
            for (int run = 1; run <= runs; run++) {
                Path runWork = Files.createDirectories(work.resolve("run-" + run));
                Path log = runWork.resolve("hub.log");
                int port = FreePort.next();
                URI readiness = URI.create("http://127.0.0.1:" + port + "/observe/health/ready");
                long launched = System.nanoTime();
                Process hub = HubJarProcess.start(root, runWork, xmx, mail, bkn, log,
                        List.of("-Dhub.management.port=" + port));
                try {
                    long readyAt = awaitReady(http, readiness, hub, log);
                    Thread.sleep(TimeUnit.SECONDS.toMillis(idleSeconds));
                    ProcStats stats = new ProcStats(hub.pid(), 100);
                    long rss = stats.statusKb("VmRSS");
                    ready.add(HubJarProcess.seconds(readyAt - launched));
                    idleRssKb.add(rss);
                    System.out.printf("run %d: ready after %.2f s (Camel: %s); RSS after %d s idle %,d MB; CPU so far %.1f s%n",
                            run, HubJarProcess.seconds(readyAt - launched), camelStarted(log), idleSeconds, rss / 1024,
                            stats.cpuSeconds());
                } finally {
                    hub.destroy();
                    hub.waitFor(60, TimeUnit.SECONDS);
                }
            }
        }
        Collections.sort(ready);
        Collections.sort(idleRssKb);
        System.out.printf("start-up: ready after %.2f s (median of %d runs, %.2f–%.2f s), RSS at idle %,d MB (median, %,d–%,d MB),"
                        + " -Xmx%s%n", ready.get(ready.size() / 2), runs, ready.get(0), ready.get(ready.size() - 1),
                idleRssKb.get(idleRssKb.size() / 2) / 1024, idleRssKb.get(0) / 1024,
                idleRssKb.get(idleRssKb.size() - 1) / 1024, xmx);
        System.out.printf("details: work folder %s (run-N/hub.log)%n", work);
    }

    private static long awaitReady(HttpClient http, URI readiness, Process hub, Path log) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        HttpRequest request = HttpRequest.newBuilder(readiness).timeout(Duration.ofSeconds(1)).build();
        while (System.nanoTime() < deadline) {
            try {
                if (http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return System.nanoTime();
                }
            } catch (java.io.IOException notListeningYet) {
                // The management server starts with the routes.
            }
            if (!hub.isAlive()) {
                throw new IllegalStateException("the hub stopped during start-up; see " + log);
            }
            Thread.sleep(10);
        }
        throw new IllegalStateException("the hub was not ready in 120 s; see " + log);
    }

    /** Camel's own account of its start, e.g. "started in 95ms, boot 1s424ms". */
    private static String camelStarted(Path log) throws java.io.IOException {
        Matcher m = CAMEL_STARTED.matcher(Files.readString(log, StandardCharsets.ISO_8859_1));
        return m.find() ? "routes started in " + m.group(1) + ", boot " + m.group(2) : "no start line in the log";
    }
}
