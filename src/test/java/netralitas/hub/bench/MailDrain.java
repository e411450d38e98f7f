package netralitas.hub.bench;

import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.MimeMessage;
import netralitas.hub.embedded.BknSimulator;
import netralitas.hub.embedded.EmbeddedMailServer;
import netralitas.hub.inbox.MailCorpus;

import java.io.ByteArrayInputStream;
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
 * one) in turn, each copy with its own Message-ID. Run it with bench/mail-drain.sh.
 */
public final class MailDrain {

    private static final String MAILBOX = HubJarProcess.REPORT_MAILBOX;
    private static final Pattern MESSAGE_ID = Pattern.compile("(?im)^Message-ID:[^\\n]*\\n");

    private MailDrain() {
    }

    public static void main(String[] argv) throws Exception {
        Args args = new Args(argv);
        int count = (int) args.number("messages", 1000);
        Path root = args.path("root");
        Path work = args.path("work");
        String xmx = args.string("xmx", "256m");
        Files.createDirectories(work);

        try (EmbeddedMailServer mail = new EmbeddedMailServer(0, 0).start();
             BknSimulator bkn = HubJarProcess.simulator(root)) {
            bkn.start();
            mail.addUser(MAILBOX, MAILBOX, MAILBOX);
            long fillStart = System.nanoTime();
            fill(mail, count);
            System.out.printf("filled INBOX with %d messages in %.1f s%n", count, HubJarProcess.seconds(System.nanoTime() - fillStart));

            Path log = work.resolve("hub.log");
            long launched = System.nanoTime();
            Process hub = HubJarProcess.start(root, work, xmx, mail, bkn, log, List.of());
            try {
                long ready = HubJarProcess.awaitLogLine(log, HubJarProcess.STARTED, hub);
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
                } while (processed + quarantined < count);
                ProcStats stats = new ProcStats(hub.pid(), 100);
                System.out.printf("mail drain: %d messages in %.1f s after the routes started (%.1f messages/s);"
                                + " %d in Processed, %d in Quarantine; hub start-up %.1f s; hub CPU %.1f s%n",
                        count, HubJarProcess.seconds(filed - ready), count / HubJarProcess.seconds(filed - ready), processed, quarantined,
                        HubJarProcess.seconds(ready - launched), stats.cpuSeconds());
                System.out.printf("details: work folder %s (hub.log, data/audit)%n", work);
            } finally {
                hub.destroy();
                hub.waitFor(60, TimeUnit.SECONDS);
            }
        }
    }

    private static void fill(EmbeddedMailServer mail, int count) throws Exception {
        List<String> corpus = corpus();
        Store store = connect(mail);
        try {
            Folder inbox = store.getFolder("INBOX");
            Session session = Session.getInstance(new Properties());
            List<Message> batch = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                String raw = MESSAGE_ID.matcher(corpus.get(i % corpus.size())).replaceFirst("");
                raw = "Message-ID: <drain-" + i + "@pelapor.example>\n" + raw;
                batch.add(new MimeMessage(session, new ByteArrayInputStream(raw.getBytes(StandardCharsets.ISO_8859_1))));
                if (batch.size() == 100 || i == count - 1) {
                    inbox.appendMessages(batch.toArray(new Message[0]));
                    batch.clear();
                }
            }
        } finally {
            store.close();
        }
    }

    /** The corpus as ISO-8859-1 text, so that every byte survives the Message-ID rewrite unchanged. */
    private static List<String> corpus() {
        return MailCorpus.ALL_BUT_LARGE.stream()
                .map(name -> new String(MailCorpus.bytes(name), StandardCharsets.ISO_8859_1)).toList();
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
