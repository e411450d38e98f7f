package netralitas.hub.e2e;

import netralitas.hub.embedded.BknSimulator;
import netralitas.hub.embedded.EmbeddedMailServer;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The hub in a JVM of its own (this build's classes and dependencies), so that a test can kill it the hard way, as
 * {@code kill -9} or a power cut would. Settings are passed as {@code -D} system properties, which override
 * config/application.properties like a deployer's would.
 */
final class HubProcess implements AutoCloseable {

    private final Process process;

    private HubProcess(Process process) {
        this.process = process;
    }

    static HubProcess start(Map<String, String> settings, Path log) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx256m");
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

    /** Production-like settings for a hub talking to this test's mail server (report mailbox included) and BKN. */
    static Map<String, String> settings(Path work, EmbeddedMailServer mail, BknSimulator bkn) throws IOException {
        mail.addUser(TestHub.REPORT_MAILBOX, TestHub.REPORT_MAILBOX, TestHub.REPORT_MAILBOX);
        Map<String, String> settings = new HashMap<>();
        settings.put("hub.embedded", "false");
        settings.put("hub.data-dir", work.resolve("data").toString());
        settings.put("hub.csv.drop-dir", work.resolve("drop").toString());
        settings.put("hub.imap.host", mail.host());
        settings.put("hub.imap.port", String.valueOf(mail.imapPort()));
        settings.put("hub.imap.protocol", "imap");
        settings.put("hub.imap.username", TestHub.REPORT_MAILBOX);
        settings.put("hub.imap.password", TestHub.REPORT_MAILBOX);
        settings.put("hub.imap.poll-delay-ms", "200");
        settings.put("hub.smtp.host", mail.host());
        settings.put("hub.smtp.port", String.valueOf(mail.smtpPort()));
        settings.put("hub.smtp.starttls", "false");
        settings.put("hub.bkn.base-url", bkn.baseUrl());
        settings.put("hub.bkn.token-url", bkn.tokenUrl());
        settings.put("hub.bkn.consumer-key", TestHub.CONSUMER_KEY);
        settings.put("hub.bkn.consumer-secret", TestHub.CONSUMER_SECRET);
        // The simulator has no rate limit; the production one (20 calls/s) would set the pace of a large file.
        settings.put("hub.bkn.rate-limit-per-second", "10000");
        settings.put("hub.audit.reporter-secret", "test-reporter-key");
        settings.put("hub.management.port", String.valueOf(TestHub.freePort()));
        settings.put("hub.digest.cron", "0 0 7 1 1 ? 2099");
        return settings;
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
