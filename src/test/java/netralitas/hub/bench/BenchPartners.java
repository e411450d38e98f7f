package netralitas.hub.bench;

import com.icegreen.greenmail.user.UserManager;
import netralitas.hub.embedded.BknSimulator;
import netralitas.hub.embedded.EmbeddedMailServer;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The servers the hub talks to during a load run, in their own JVM: the BKN simulator answering every valid NIP with a
 * generated record, and a GreenMail SMTP server whose mailboxes are emptied every few seconds (the mail is counted as
 * it arrives). Ports are ephemeral; they and the BKN credentials go to {@code --ports-file}. Counters go to
 * {@code --stats-file} after every purge and at exit (SIGTERM).
 *
 * <pre>
 * BenchPartners --config config/ --ports-file partners.properties --stats-file partners-stats.properties
 *               [--purge-ms 2000] [--latency-ms 0] [--rate-limit 0] [--not-found 0] [--threads 32]
 * </pre>
 */
public final class BenchPartners {

    private BenchPartners() {
    }

    private static final String REPORT_MAILBOX = "laporan@bawaslu.example";

    public static void main(String[] argv) throws Exception {
        Args args = new Args(argv);
        Path config = args.path("config");
        Path portsFile = args.path("ports-file");
        Path statsFile = args.path("stats-file");
        long purgeMillis = args.number("purge-ms", 2000);

        EmbeddedMailServer mail = new EmbeddedMailServer(0, 0).start();
        // The hub polls a report mailbox; a load run leaves it empty.
        mail.addUser(REPORT_MAILBOX, REPORT_MAILBOX, REPORT_MAILBOX);
        UserManager users = mail.greenMail().getUserManager();
        CountingDelivery counter = new CountingDelivery(users.getMessageDeliveryHandler());
        users.setMessageDeliveryHandler(counter);

        String key = "bench-" + secret(4);
        String secret = secret(16);
        BknSimulator bkn = new BknSimulator()
                .credentials(key, secret)
                .threads((int) args.number("threads", BknSimulator.DEFAULT_THREADS))
                .recordGenerator(new EmployeeRecords(Employers.load(config), Clock.systemDefaultZone(),
                        args.fraction("not-found", 0)))
                .start();
        bkn.setLatency(Duration.ofMillis(args.number("latency-ms", 0)));
        bkn.setRateLimitPerSecond((int) args.number("rate-limit", 0));

        Stats stats = new Stats(mail, bkn, counter, statsFile);
        ScheduledExecutorService purger = Executors.newSingleThreadScheduledExecutor();
        purger.scheduleWithFixedDelay(stats::purge, purgeMillis, purgeMillis, TimeUnit.MILLISECONDS);

        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            purger.shutdownNow();
            stats.write();
            bkn.close();
            mail.close();
            stopped.countDown();
        }, "bench-partners-stop"));

        Map<String, Object> ports = new LinkedHashMap<>();
        ports.put("smtp.host", mail.host());
        ports.put("smtp.port", mail.smtpPort());
        ports.put("imap.port", mail.imapPort());
        ports.put("imap.mailbox", REPORT_MAILBOX);
        ports.put("bkn.base-url", bkn.baseUrl());
        ports.put("bkn.token-url", bkn.tokenUrl());
        ports.put("bkn.consumer-key", key);
        ports.put("bkn.consumer-secret", secret);
        ports.put("pid", ProcessHandle.current().pid());
        KeyValues.write(portsFile, ports);
        System.out.printf("partners ready: SMTP %s:%d, BKN %s (latency %d ms, rate limit %d/s, not-found share %s)%n",
                mail.host(), mail.smtpPort(), bkn.baseUrl(), args.number("latency-ms", 0), args.number("rate-limit", 0),
                args.fraction("not-found", 0));
        stopped.await();
    }

    private static String secret(int bytes) {
        byte[] random = new byte[bytes];
        new SecureRandom().nextBytes(random);
        return HexFormat.of().formatHex(random);
    }

    /** Purges the mailboxes and keeps the counters file current. */
    private static final class Stats {

        private final EmbeddedMailServer mail;
        private final BknSimulator bkn;
        private final CountingDelivery counter;
        private final Path file;
        private long lastLogged;

        Stats(EmbeddedMailServer mail, BknSimulator bkn, CountingDelivery counter, Path file) {
            this.mail = mail;
            this.bkn = bkn;
            this.counter = counter;
            this.file = file;
        }

        synchronized void purge() {
            try {
                int held = mail.greenMail().getReceivedMessages().length;
                mail.greenMail().purgeEmailFromAllMailboxes();
                long messages = counter.messages();
                if (messages != lastLogged) {
                    System.out.printf("purged %d mailbox copies; %,d mails received so far, BKN data requests %,d%n",
                            held, messages, bkn.dataRequests());
                    lastLogged = messages;
                }
                write();
            } catch (Exception e) {
                // A failed purge must not end the schedule: the next one tries again.
                System.out.println("purge failed: " + e);
            }
        }

        synchronized void write() {
            Map<String, Object> values = new LinkedHashMap<>();
            values.put("mail.messages", counter.messages());
            values.put("mail.deliveries", counter.deliveries());
            counter.byKind().forEach((kind, count) -> values.put("mail.kind." + kind, count));
            values.put("bkn.data-requests", bkn.dataRequests());
            values.put("bkn.data-request-span-ms", bkn.dataRequestSpanMillis());
            values.put("bkn.token-requests", bkn.tokenRequests());
            values.put("bkn.too-many-requests", bkn.tooManyRequestsSent());
            values.put("bkn.unauthorized", bkn.unauthorizedSent());
            values.put("bkn.peak-concurrency", bkn.maxConcurrentDataRequests());
            values.put("bkn.worst-second", bkn.worstSecond());
            try {
                KeyValues.write(file, values);
            } catch (Exception e) {
                System.out.println("cannot write " + file + ": " + e);
            }
        }
    }
}
