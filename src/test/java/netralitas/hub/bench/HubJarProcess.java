package netralitas.hub.bench;

import netralitas.hub.embedded.BknSimulator;
import netralitas.hub.embedded.EmbeddedMailServer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The hub as a deployer runs it: the built jar in its own JVM, production settings (hub.embedded=false) pointing at
 * partners of the benchmark harness over loopback, its log in a file. For the benchmarks that drive the hub from Java.
 */
final class HubJarProcess {

    static final String REPORT_MAILBOX = "laporan@bawaslu.example";
    static final String STARTED = "Apache Camel 4.17.0 (netralitas-hub) started";

    private HubJarProcess() {
    }

    static Process start(Path root, Path work, String xmx, EmbeddedMailServer mail, BknSimulator bkn, Path log,
                         List<String> moreOptions) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + xmx,
                "-Dhub.embedded=false",
                // The harness's partners speak plaintext on loopback, and its secrets are throwaway ones.
                "-Dhub.security.allow-insecure=true",
                "-Dhub.data-dir=" + work.resolve("data"),
                "-Dhub.csv.drop-dir=" + work.resolve("drop"),
                "-Dhub.imap.host=" + mail.host(), "-Dhub.imap.port=" + mail.imapPort(), "-Dhub.imap.protocol=imap",
                "-Dhub.imap.username=" + REPORT_MAILBOX, "-Dhub.imap.password=" + REPORT_MAILBOX,
                "-Dhub.smtp.host=" + mail.host(), "-Dhub.smtp.port=" + mail.smtpPort(), "-Dhub.smtp.starttls=false",
                "-Dhub.bkn.base-url=" + bkn.baseUrl(), "-Dhub.bkn.token-url=" + bkn.tokenUrl(),
                "-Dhub.bkn.consumer-key=bench", "-Dhub.bkn.consumer-secret=bench-secret",
                "-Dhub.audit.reporter-secret=bench-reporter-key",
                "-Dhub.audit.chain-key=bench-audit-chain-key-of-32-bytes-or-more"));
        command.addAll(moreOptions);
        command.addAll(List.of("-jar", root.resolve("target/netralitas-hub.jar").toString()));
        return new ProcessBuilder(command).directory(root.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
    }

    /** The partners the hub expects: the report mailbox, and a BKN simulator that knows {@code bench}/{@code bench-secret}. */
    static BknSimulator simulator(Path root) throws IOException {
        return BknSimulator.withRecords(root.resolve("config/dev/bkn-records.json"), 0, "bench", "bench-secret");
    }

    /** Waits until the hub's log holds {@code text}; returns System.nanoTime() of the moment it was seen. */
    static long awaitLogLine(Path log, String text, Process hub) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
            if (Files.exists(log) && Files.readString(log, StandardCharsets.ISO_8859_1).contains(text)) {
                return System.nanoTime();
            }
            if (!hub.isAlive()) {
                throw new IllegalStateException("the hub stopped before its routes started; see " + log);
            }
            Thread.sleep(20);
        }
        throw new IllegalStateException("the hub did not start in 120 s; see " + log);
    }

    static double seconds(long nanos) {
        return nanos / 1e9;
    }
}
