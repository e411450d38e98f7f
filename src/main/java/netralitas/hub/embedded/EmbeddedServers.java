package netralitas.hub.embedded;

import netralitas.hub.settings.HubSettings;
import org.apache.camel.Service;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The embedded default (SPEC §10): a GreenMail mail server and the BKN simulator on loopback, the settings that point
 * the hub at them, and the sample reports dropped for a first run. Stopped with the Camel context.
 */
public final class EmbeddedServers implements Service {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedServers.class);
    static final String BAWASLU_MAILBOX = "laporan@bawaslu.example";
    /** The demo's reply mailbox (SPEC §12), with hub.embedded.followup-mailbox=true. */
    static final String FOLLOW_UP_MAILBOX = "tindak-lanjut@bawaslu.example";

    private final EmbeddedMailServer mail;
    private final BknSimulator bkn;
    private final DemoOffices offices;
    private final Map<String, String> settings;
    private final ScheduledExecutorService summaryLog = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "embedded-summary");
        thread.setDaemon(true);
        return thread;
    });
    private List<String> lastSummary = List.of();
    private final String reportFolder;
    private final String processedFolder;
    private final String quarantineFolder;
    /** The reply mailbox's folders (inbox, processed, quarantine), empty without hub.embedded.followup-mailbox. */
    private final List<String> followUpFolders;

    private EmbeddedServers(EmbeddedMailServer mail, BknSimulator bkn, DemoOffices offices, Map<String, String> settings,
                            HubSettings hub) {
        this.mail = mail;
        this.bkn = bkn;
        this.offices = offices;
        this.settings = settings;
        this.reportFolder = hub.required("hub.imap.folder");
        this.processedFolder = hub.required("hub.imap.processed-folder");
        this.quarantineFolder = hub.required("hub.imap.quarantine-folder");
        this.followUpFolders = settings.containsKey("hub.followup.imap.host")
                ? List.of(hub.required("hub.followup.imap.folder"), hub.required("hub.followup.imap.processed-folder"),
                        hub.required("hub.followup.imap.quarantine-folder"))
                : List.of();
    }

    public static EmbeddedServers start(HubSettings hub) throws IOException {
        Path config = hub.configDir();
        EmbeddedMailServer mail = new EmbeddedMailServer(hub.integer("hub.embedded.smtp-port"),
                hub.integer("hub.embedded.imap-port")).start();
        // Like every embedded mailbox, login = password = the address: loopback only, and an engineer can look inside.
        mail.addUser(BAWASLU_MAILBOX, BAWASLU_MAILBOX, BAWASLU_MAILBOX);

        String consumerKey = "hub-embedded";
        String consumerSecret = randomSecret();
        BknSimulator bkn = BknSimulator.withRecords(config.resolve("dev/bkn-records.json"),
                hub.integer("hub.embedded.bkn-port"), consumerKey, consumerSecret);
        bkn.start();

        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("hub.smtp.host", mail.host());
        settings.put("hub.smtp.port", String.valueOf(mail.smtpPort()));
        settings.put("hub.smtp.protocol", "smtp");
        settings.put("hub.smtp.starttls", "false");
        settings.put("hub.imap.host", mail.host());
        settings.put("hub.imap.port", String.valueOf(mail.imapPort()));
        settings.put("hub.imap.protocol", "imap");
        settings.put("hub.imap.username", BAWASLU_MAILBOX);
        settings.put("hub.imap.password", BAWASLU_MAILBOX);
        if (hub.bool("hub.embedded.followup-mailbox")) {
            // The case mails' Reply-To becomes this login (an address), and the demo offices answer the Reply-To.
            mail.addUser(FOLLOW_UP_MAILBOX, FOLLOW_UP_MAILBOX, FOLLOW_UP_MAILBOX);
            settings.put("hub.followup.imap.host", mail.host());
            settings.put("hub.followup.imap.port", String.valueOf(mail.imapPort()));
            settings.put("hub.followup.imap.protocol", "imap");
            settings.put("hub.followup.imap.username", FOLLOW_UP_MAILBOX);
            settings.put("hub.followup.imap.password", FOLLOW_UP_MAILBOX);
        }
        settings.put("hub.bkn.base-url", bkn.baseUrl());
        settings.put("hub.bkn.token-url", bkn.tokenUrl());
        settings.put("hub.bkn.consumer-key", consumerKey);
        settings.put("hub.bkn.consumer-secret", consumerSecret);
        if (hub.optional("hub.audit.reporter-secret").isEmpty()) {
            // Demo data only: a real deployment sets HUB_AUDIT_REPORTER_SECRET (required outside embedded mode).
            settings.put("hub.audit.reporter-secret", "embedded-demo-reporter-key");
        }
        if (hub.optional("hub.audit.chain-key").isEmpty()) {
            EmbeddedChainKey.Generated chainKey = EmbeddedChainKey.obtain(hub.dataDir());
            settings.put("hub.audit.chain-key", chainKey.key());
            LOG.info("EMBEDDED MODE: audit chain key {} {} (demo only: a deployment sets HUB_AUDIT_CHAIN_KEY from its"
                    + " secret store)", chainKey.isNew() ? "generated and kept in" : "read from",
                    EmbeddedChainKey.file(hub.dataDir()));
        }
        hub.optional("hub.embedded.digest-cron").ifPresent(cron -> settings.put("hub.digest.cron", cron));
        hub.optional("hub.embedded.followup-deadline").ifPresent(deadline -> {
            for (String kind : List.of("berat", "sedang", "ringan", "bawaslu")) {
                settings.put("hub.followup.deadline." + kind, deadline);
            }
        });
        hub.optional("hub.embedded.followup-reminder-interval")
                .ifPresent(interval -> settings.put("hub.followup.reminder-interval", interval));
        hub.optional("hub.embedded.followup-check-interval")
                .ifPresent(interval -> settings.put("hub.followup.check-interval", interval));

        DemoOffices offices = DemoOffices.start(mail, hub.optional("hub.embedded.answering-offices").orElse(""),
                Duration.parse(hub.required("hub.embedded.answer-delay")));
        EmbeddedServers servers = new EmbeddedServers(mail, bkn, offices, settings, hub);
        if (hub.bool("hub.embedded.samples")) {
            servers.dropSamples(config.resolve("dev/samples"), hub.path("hub.csv.drop-dir"));
        }
        long period = hub.longValue("hub.embedded.summary-period-ms");
        servers.summaryLog.scheduleAtFixedRate(servers::logSummary, period, period, TimeUnit.MILLISECONDS);
        return servers;
    }

    /** Settings that replace the hub's endpoint settings while embedded. */
    public Map<String, String> settings() {
        return settings;
    }

    public EmbeddedMailServer mail() {
        return mail;
    }

    public BknSimulator bkn() {
        return bkn;
    }

    /**
     * Logs where the reports went (each mailbox with the subjects it received, and the folders of the report mailbox),
     * when that changed: one log line per mailbox and per subject, as the log layout keeps every event on one line.
     */
    private synchronized void logSummary() {
        List<String> summary = new ArrayList<>();
        summary.add("Embedded mailboxes (IMAP 127.0.0.1:" + mail.imapPort() + ", login = password = the address):");
        StringBuilder reportMailbox = new StringBuilder("  " + BAWASLU_MAILBOX + " (report mailbox) — ");
        mail.folderSizes(BAWASLU_MAILBOX, List.of(reportFolder, processedFolder, quarantineFolder))
                .forEach((folder, size) -> reportMailbox.append(folder).append(' ').append(size).append("  "));
        summary.add(reportMailbox.toString().stripTrailing());
        if (!followUpFolders.isEmpty()) {
            StringBuilder replyMailbox = new StringBuilder("  " + FOLLOW_UP_MAILBOX + " (reply mailbox) — ");
            mail.folderSizes(FOLLOW_UP_MAILBOX, followUpFolders)
                    .forEach((folder, size) -> replyMailbox.append(folder).append(' ').append(size).append("  "));
            summary.add(replyMailbox.toString().stripTrailing());
        }
        mail.subjectsByRecipient().forEach((recipient, subjects) -> {
            summary.add("  " + recipient + " — " + subjects.size() + " pesan");
            subjects.forEach(subject -> summary.add("      " + subject));
        });
        if (!summary.equals(lastSummary)) {
            lastSummary = summary;
            summary.forEach(LOG::info);
        }
    }

    private void dropSamples(Path samples, Path dropDir) throws IOException {
        if (!Files.isDirectory(samples)) {
            return;
        }
        Files.createDirectories(dropDir);
        try (Stream<Path> files = Files.list(samples)) {
            for (Path sample : files.sorted().toList()) {
                String name = sample.getFileName().toString();
                if (name.endsWith(".csv")) {
                    Files.copy(sample, dropDir.resolve(name), StandardCopyOption.REPLACE_EXISTING);
                    LOG.info("Embedded mode: dropped sample reports {} into {}", name, dropDir);
                } else if (name.endsWith(".eml")) {
                    mail.deliver(BAWASLU_MAILBOX, Files.readAllBytes(sample));
                    LOG.info("Embedded mode: sample report email {} is in the INBOX of {}", name, BAWASLU_MAILBOX);
                }
            }
        }
    }

    private static String randomSecret() {
        byte[] bytes = new byte[16];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    @Override
    public void start() {
        // Already running: the servers start before the routes so the hub's settings can point at them.
    }

    @Override
    public void stop() {
        summaryLog.shutdownNow();
        offices.close();
        try {
            bkn.close();
        } finally {
            mail.close();
        }
    }

    @Override
    public void close() {
        stop();
    }
}
