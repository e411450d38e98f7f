package netralitas.hub.e2e;

import netralitas.hub.app.Hub;
import netralitas.hub.audit.AuditEvent;
import netralitas.hub.audit.AuditLog;
import netralitas.hub.audit.ChainKey;
import netralitas.hub.embedded.BknSimulator;
import netralitas.hub.embedded.EmbeddedMailServer;
import netralitas.hub.testing.FreePort;
import netralitas.hub.state.ParkedCaseTable;
import org.apache.camel.CamelContext;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The real hub (routes/ and config/ of this project) started against a real GreenMail server and a real BKN simulator,
 * both on ephemeral loopback ports, with its state in a temporary folder.
 */
final class TestHub implements AutoCloseable {

    static final Path PROJECT = Path.of("").toAbsolutePath();
    static final String CONSUMER_KEY = "test-key";
    static final String CONSUMER_SECRET = "test-secret";
    /** The audit chain key of every test hub. */
    static final String CHAIN_KEY = "test-audit-chain-key-0123456789abcdef";
    /** The Bawaslu report mailbox (login = password = the address, like every test mailbox). */
    static final String REPORT_MAILBOX = "laporan@bawaslu.example";

    final Path work;
    final EmbeddedMailServer mail;
    final BknSimulator bkn;
    /** Between the hub and the SMTP server when the test injects SMTP faults, else null. */
    final SmtpFaultProxy smtp;
    final Map<String, String> settings = new HashMap<>();
    private Hub hub;
    private Path home = PROJECT;

    /** BKN knows the ten people of config/dev/bkn-records.json; the hub talks to the SMTP server directly. */
    TestHub(Path work) throws IOException {
        this(work, BknSimulator.withRecords(PROJECT.resolve("config/dev/bkn-records.json"), 0, CONSUMER_KEY, CONSUMER_SECRET),
                false);
    }

    /** With the given (not yet started) BKN simulator, and SMTP through a {@link SmtpFaultProxy} when asked. */
    TestHub(Path work, BknSimulator bkn, boolean smtpFaults) throws IOException {
        this.work = work;
        this.mail = new EmbeddedMailServer(0, 0).start();
        this.bkn = bkn;
        bkn.start();
        this.smtp = smtpFaults ? new SmtpFaultProxy(mail.host(), mail.smtpPort()) : null;
        settings.putAll(settings(work, mail, bkn, smtp == null ? mail.smtpPort() : smtp.port()));
    }

    /**
     * Settings for a hub (in this JVM or in its own) talking to this test's mail server and BKN simulator, with the
     * report mailbox created: short delays so that tests run fast, and no BKN rate limit (the simulator has none; the
     * production limit of 20 calls/s would set the pace of a large file).
     */
    static Map<String, String> settings(Path work, EmbeddedMailServer mail, BknSimulator bkn, int smtpPort)
            throws IOException {
        mail.addUser(REPORT_MAILBOX, REPORT_MAILBOX, REPORT_MAILBOX);
        Map<String, String> settings = new HashMap<>();
        settings.put("hub.embedded", "false");
        // GreenMail and the BKN simulator speak plaintext on loopback, and HubProcess passes the secrets as -D.
        settings.put("hub.security.allow-insecure", "true");
        settings.put("hub.data-dir", work.resolve("data").toString());
        settings.put("hub.csv.drop-dir", work.resolve("drop").toString());
        settings.put("hub.csv.read-lock-min-age-ms", "100");
        settings.put("hub.csv.poll-delay-ms", "100");
        settings.put("hub.imap.host", mail.host());
        settings.put("hub.imap.port", String.valueOf(mail.imapPort()));
        settings.put("hub.imap.protocol", "imap");
        settings.put("hub.imap.username", REPORT_MAILBOX);
        settings.put("hub.imap.password", REPORT_MAILBOX);
        settings.put("hub.imap.poll-delay-ms", "100");
        settings.put("hub.imap.retry-delay-ms", "300");
        settings.put("hub.imap.max-retry-delay-ms", "2000");
        settings.put("hub.smtp.host", mail.host());
        settings.put("hub.smtp.port", String.valueOf(smtpPort));
        settings.put("hub.smtp.starttls", "false");
        settings.put("hub.smtp.redelivery-delay-ms", "100");
        settings.put("hub.bkn.base-url", bkn.baseUrl());
        settings.put("hub.bkn.token-url", bkn.tokenUrl());
        settings.put("hub.bkn.consumer-key", CONSUMER_KEY);
        settings.put("hub.bkn.consumer-secret", CONSUMER_SECRET);
        settings.put("hub.bkn.redelivery-delay-ms", "50");
        settings.put("hub.bkn.rate-limit-per-second", "10000");
        // Deferred cases come back within a second; the BKN circuit tests BKN again after one.
        settings.put("hub.deferred.retry-delay-ms", "300");
        settings.put("hub.bkn.breaker.open-seconds", "1");
        settings.put("hub.replay.poll-delay-ms", "200");
        settings.put("hub.audit.reporter-secret", "test-reporter-key");
        settings.put("hub.audit.chain-key", CHAIN_KEY);
        settings.put("hub.management.port", String.valueOf(freePort()));
        // Digests are sent when a test flushes them, never by the clock; the anchor mail only in the tests that ask for it.
        settings.put("hub.digest.cron", "0 0 7 1 1 ? 2099");
        settings.put("hub.audit.anchor-cron", "0 55 23 1 1 ? 2099");
        return settings;
    }

    /** The hub's folder (config/ and routes/): this project's unless a test works on copies. */
    TestHub home(Path folder) {
        this.home = folder;
        return this;
    }

    TestHub start() {
        hub = Hub.create(home, settings);
        hub.start();
        return this;
    }

    /** Stops the hub only (mail server and BKN stay up), as a restart would. */
    void stopHub() {
        hub.stop();
    }

    CamelContext context() {
        return hub.camelContext();
    }

    /** The running hub's parked cases (table PARKED_CASES of its state store). */
    ParkedCaseTable parkedCases() {
        return context().getRegistry().lookupByNameAndType("parkedCases", ParkedCaseTable.class);
    }

    /** Waits until the hub holds exactly these parked cases of this kind (ids, oldest first). */
    void awaitParked(ParkedCaseTable.Kind kind, List<String> caseIds) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        List<String> parked;
        while (!(parked = parkedCases().list(kind).stream().map(ParkedCaseTable.ParkedCase::caseId).toList()).equals(caseIds)) {
            assertTrue(System.nanoTime() < deadline, kind + " cases: " + parked + ", not " + caseIds);
            Thread.sleep(50);
        }
    }

    Path dropDir() {
        return work.resolve("drop");
    }

    /**
     * Drops a CSV the way a careful sender does (write aside, then move), and waits until the hub has handled every
     * row: the file is moved out of the drop folder only when its exchange is complete.
     */
    void dropAndAwait(String fileName, String content) throws IOException, InterruptedException {
        Files.createDirectories(dropDir());
        Path temp = work.resolve(fileName + ".part");
        Files.writeString(temp, content, StandardCharsets.UTF_8);
        Path dropped = dropDir().resolve(fileName);
        Files.move(temp, dropped, StandardCopyOption.ATOMIC_MOVE);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (Files.exists(dropped)) {
            assertTrue(System.nanoTime() < deadline, "the hub did not finish " + fileName);
            Thread.sleep(50);
        }
    }

    /** Sends every pending digest now, and waits until the audit trail holds {@code expectedSent} DIGEST_SENT events. */
    void flushDigest(int expectedSent) throws IOException, InterruptedException {
        context().createProducerTemplate().sendBody("direct:digest-flush", null);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (audit().stream().filter(e -> "DIGEST_SENT".equals(e.event().name())).count() < expectedSent) {
            assertTrue(System.nanoTime() < deadline, "no digest sent");
            Thread.sleep(50);
        }
    }

    /**
     * The pseudonym the trail records for a message instead of its Message-ID (SPEC §8), as in
     * {@code INBOX;uid=7;mid=<pseudonym>}.
     */
    static String mid(String messageId) {
        return ChainKey.of(CHAIN_KEY).messageIdPseudonym(messageId);
    }

    /** Whether the event is of the message with this Message-ID. */
    static boolean fromMessage(AuditEvent event, String messageId) {
        return event.source() != null && event.source().contains(";mid=" + mid(messageId));
    }

    /** The Message-ID pseudonym in an email's source, or the source itself when it has none (a CSV row). */
    static String midOf(String source) {
        int at = source == null ? -1 : source.indexOf(";mid=");
        return at < 0 ? source : source.substring(at + ";mid=".length(), Math.min(source.length(), at + 21));
    }

    static int freePort() throws IOException {
        return FreePort.next();
    }

    int managementPort() {
        return Integer.parseInt(settings.get("hub.management.port"));
    }

    /** Waits until the audit trail holds at least {@code count} events of {@code event}. */
    void awaitEvent(String event, long count) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (audit().stream().filter(e -> event.equals(e.event().name())).count() < count) {
            assertTrue(System.nanoTime() < deadline, "fewer than " + count + " " + event + " events");
            Thread.sleep(50);
        }
    }

    ImapMailbox imap() {
        return new ImapMailbox(mail.host(), mail.imapPort());
    }

    List<AuditEvent> audit() throws IOException {
        try (Stream<AuditEvent> events = new AuditLog(work.resolve("data/audit")).events()) {
            return events.toList();
        }
    }

    /** The events of the message with this Message-ID: the trail names it by folder, UID and Message-ID pseudonym. */
    List<AuditEvent> eventsOf(String messageId) throws IOException {
        return audit().stream().filter(e -> fromMessage(e, messageId)).toList();
    }

    /** The case the message with this Message-ID became. */
    String caseOf(String messageId) throws IOException {
        return eventsOf(messageId).stream().filter(e -> e.caseId() != null).findFirst()
                .orElseThrow(() -> new AssertionError("no case for " + messageId)).caseId();
    }

    Path doneDir() {
        return dropDir().resolve("done");
    }

    @Override
    public void close() {
        try {
            if (hub != null) {
                hub.stop();
            }
        } finally {
            bkn.close();
            if (smtp != null) {
                smtp.close();
            }
            mail.close();
        }
    }
}
