package netralitas.hub.e2e;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The hub in a JVM of its own (this build's classes and dependencies), so that a test can kill it the hard way, as
 * {@code kill -9} or a power cut would. Settings are passed as {@code -D} system properties, which override
 * config/application.properties like a deployer's would.
 */
final class HubProcess implements AutoCloseable {

    /**
     * A test's hub lives seconds, on two cores it shares with the test JVMs and its partners: the optimising compiler
     * and the parallel collector's threads would cost more CPU than they win back (SigtermRestartEndToEndTest: 91 s of
     * CPU for 68 s alone, 69 s with these). What the hub does is the same; only how fast it gets warm differs.
     */
    private static final List<String> SHORT_LIVED_JVM = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");

    private final Process process;

    private HubProcess(Process process) {
        this.process = process;
    }

    static HubProcess start(Map<String, String> settings, Path log) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx256m");
        command.addAll(SHORT_LIVED_JVM);
        settings.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add("netralitas.hub.app.HubMain");
        command.add("run");
        ProcessBuilder builder = new ProcessBuilder(command).directory(TestHub.PROJECT.toFile())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().put("HUB_HOME", TestHub.PROJECT.toString());
        return new HubProcess(builder.start());
    }

    /** What a command printed (stdout and stderr together), and its exit code. */
    record Output(int exit, String out) {
    }

    /**
     * {@code java -cp … HubMain <args>} with the settings as -D properties, as a deployer's override, in a JVM of its
     * own; its output is kept in {@code output}.
     */
    static Output command(Map<String, String> settings, Path output, String... args) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx128m");
        command.addAll(SHORT_LIVED_JVM);
        settings.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add("netralitas.hub.app.HubMain");
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(TestHub.PROJECT.toFile())
                .redirectErrorStream(true).redirectOutput(output.toFile());
        builder.environment().put("HUB_HOME", TestHub.PROJECT.toString());
        Process process = builder.start();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("hub " + String.join(" ", args) + " did not finish in 120 s");
        }
        return new Output(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
    }

    /** SIGKILL: no shutdown hook, no flush, no graceful stop. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** SIGTERM: the hub's graceful stop (camel.main.shutdown-timeout). Returns false if it had not exited in time. */
    boolean terminate(long timeoutSeconds) throws InterruptedException {
        process.destroy();
        return process.waitFor(timeoutSeconds, TimeUnit.SECONDS);
    }

    boolean isAlive() {
        return process.isAlive();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                kill();
            }
        }
    }
}
