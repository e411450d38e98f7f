package netralitas.hub.bench;

import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import netralitas.hub.embedded.BknSimulator;
import netralitas.hub.embedded.EmbeddedMailServer;
import netralitas.hub.inbox.MailCorpus;
import netralitas.hub.testing.RawMessage;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * Benchmark 4 (issue: email ingest): how long the hub takes to drain a mailbox of N report messages. The partners
 * (GreenMail SMTP/IMAP, BKN simulator) run in this JVM; the hub runs from the built jar in its own JVM with production
 * settings. The messages are the test corpus (src/test/resources/mail, every shape a report takes, without the 20 MB
 * one) in turn, each copy with its own Message-ID. Run it with bench/mail-drain.sh; {@link OddMailDrain} runs the same
 * drain with odd messages.
 */
public final class MailDrain {

    private static final String MAILBOX = HubJarProcess.REPORT_MAILBOX;
    private static final Pattern MESSAGE_ID = Pattern.compile("(?im)^Message-ID:[^\\n]*\\n");

    /** What one drain took: the hub's time, CPU and log, and where the messages ended. */
    record Result(int messages, double drainSeconds, double startupSeconds, double cpuSeconds, double drainCpuSeconds,
                  int processed, int quarantined, long logBytes, long logLines, long errorLines, long stackTraceLines,
                  Path work) {
    }

    private MailDrain() {
    }

    public static void main(String[] argv) throws Exception {
        Args args = new Args(argv);
        int count = (int) args.number("messages", 1000);
        Result result = drain(args.path("root"), args.path("work"), args.string("xmx", "256m"), reports(count),
                args.number("timeout-seconds", 1800));
        System.out.printf("mail drain: %d messages in %.1f s after the routes started (%.1f messages/s);"
                        + " %d in Processed, %d in Quarantine; hub start-up %.1f s; hub CPU %.1f s%n",
                result.messages(), result.drainSeconds(), result.messages() / result.drainSeconds(), result.processed(),
                result.quarantined(), result.startupSeconds(), result.cpuSeconds());
        System.out.printf("details: work folder %s (hub.log, data/audit)%n", result.work());
    }

    /** {@code count} messages of the report corpus in turn, each copy with its own Message-ID. */
    static List<byte[]> reports(int count) {
        List<String> corpus = MailCorpus.ALL_BUT_LARGE.stream()
                // ISO-8859-1, so that every byte survives the Message-ID rewrite unchanged.
                .map(name -> new String(MailCorpus.bytes(name), StandardCharsets.ISO_8859_1)).toList();
        List<byte[]> messages = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String raw = MESSAGE_ID.matcher(corpus.get(i % corpus.size())).replaceFirst("");
            messages.add(("Message-ID: <drain-" + i + "@pelapor.example>\n" + raw).getBytes(StandardCharsets.ISO_8859_1));
        }
        return messages;
    }

    /**
     * Puts the messages into the report mailbox of a new GreenMail server, starts the hub jar against it and a new BKN
     * simulator, and waits until every message is in Processed or Quarantine (at most {@code timeoutSeconds}).
     */
    static Result drain(Path root, Path work, String xmx, List<byte[]> messages, long timeoutSeconds) throws Exception {
        Files.createDirectories(work);
        int count = messages.size();
        try (EmbeddedMailServer mail = new EmbeddedMailServer(0, 0).start();
             BknSimulator bkn = HubJarProcess.simulator(root)) {
            bkn.start();
            mail.addUser(MAILBOX, MAILBOX, MAILBOX);
            long fillStart = System.nanoTime();
            fill(mail, messages);
            System.out.printf("filled INBOX with %d messages in %.1f s%n", count, HubJarProcess.seconds(System.nanoTime() - fillStart));

            Path log = work.resolve("hub.log");
            long launched = System.nanoTime();
            Process hub = HubJarProcess.start(root, work, xmx, mail, bkn, log, List.of());
            try {
                long ready = HubJarProcess.awaitLogLine(log, HubJarProcess.STARTED, hub);
                ProcStats stats = new ProcStats(hub.pid(), 100);
                double cpuAtReady = stats.cpuSeconds();
                long deadline = ready + TimeUnit.SECONDS.toNanos(timeoutSeconds);
                long filed;
                int processed;
                int quarantined;
                do {
                    Thread.sleep(200);
                    processed = count(mail, "Processed");
                    quarantined = count(mail, "Quarantine");
                    filed = System.nanoTime();
                    if (!hub.isAlive()) {
                        throw new IllegalStateException("the hub stopped; see " + log);
                    }
                    if (filed > deadline) {
                        throw new IllegalStateException("not drained in " + timeoutSeconds + " s: " + processed
                                + " in Processed, " + quarantined + " in Quarantine; see " + log);
                    }
                } while (processed + quarantined < count);
                double cpu = stats.cpuSeconds();
                List<String> lines = Files.readAllLines(log, StandardCharsets.ISO_8859_1);
                return new Result(count, HubJarProcess.seconds(filed - ready), HubJarProcess.seconds(ready - launched),
                        cpu, cpu - cpuAtReady, processed, quarantined, Files.size(log), lines.size(),
                        lines.stream().filter(l -> l.contains(" ERROR ")).count(),
                        lines.stream().filter(l -> l.startsWith("\tat ")).count(), work);
            } finally {
                hub.destroy();
                hub.waitFor(60, TimeUnit.SECONDS);
            }
        }
    }

    private static void fill(EmbeddedMailServer mail, List<byte[]> messages) throws Exception {
        Store store = connect(mail);
        try {
            Folder inbox = store.getFolder("INBOX");
            List<Message> batch = new ArrayList<>();
            for (int i = 0; i < messages.size(); i++) {
                batch.add(new RawMessage(messages.get(i)));
                if (batch.size() == 100 || i == messages.size() - 1) {
                    inbox.appendMessages(batch.toArray(new Message[0]));
                    batch.clear();
                }
            }
        } finally {
            store.close();
        }
    }

    private static int count(EmbeddedMailServer mail, String folderName) throws MessagingException {
        Store store = connect(mail);
        try {
            Folder folder = store.getFolder(folderName);
            return folder.exists() ? folder.getMessageCount() : 0;
        } finally {
            store.close();
        }
    }

    private static Store connect(EmbeddedMailServer mail) throws MessagingException {
        Store store = Session.getInstance(new Properties()).getStore("imap");
        store.connect(mail.host(), mail.imapPort(), MAILBOX, MAILBOX);
        return store;
    }
}
