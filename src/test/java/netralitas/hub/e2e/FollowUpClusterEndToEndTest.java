package netralitas.hub.e2e;

import jakarta.mail.internet.MimeMessage;
import netralitas.hub.audit.AuditEvent;
import netralitas.hub.bench.GeneratedEmployees;
import netralitas.hub.embedded.BknSimulator;
import netralitas.hub.embedded.EmbeddedMailServer;
import netralitas.hub.state.PostgresServer;
import netralitas.hub.state.StateStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The follow-up clock on three hub processes sharing one PostgreSQL (SPEC §11, §12): every node looks for due cases,
 * and still each due case gets one reminder and one escalation, not three; a case its office closed before the
 * deadline gets neither, whichever node read the reply.
 */
class FollowUpClusterEndToEndTest {

    private static final int NODES = 3;
    private static final int CASES = 40;
    private static final int ANSWERED = 10;

    @Test
    void eachDueCaseIsRemindedOnceAndEscalatedOnceAcrossTheCluster(@TempDir Path work) throws Exception {
        String stateUrl = PostgresServer.newDatabase();
        try (EmbeddedMailServer mail = new EmbeddedMailServer(0, 0).start();
             BknSimulator bkn = GeneratedEmployees.simulator(TestHub.PROJECT.resolve("config"), TestHub.CONSUMER_KEY,
                     TestHub.CONSUMER_SECRET);
             StateStore store = StateStore.postgresql(stateUrl, PostgresServer.USER, null, 2)) {
            bkn.start();
            Map<String, String> shared = TestHub.settings(work, mail, bkn, mail.smtpPort());
            shared.put("hub.state.url", stateUrl);
            shared.put("hub.state.username", PostgresServer.USER);
            shared.put("hub.cluster.takeover-seconds", "3");
            shared.put("hub.followup.deadline.sedang", "PT12S");
            shared.put("hub.followup.check-interval", "PT1S");
            shared.put("hub.followup.reminder-interval", "PT3S");
            shared.put("hub.followup.max-reminders", "1");
            Files.createDirectories(work.resolve("drop"));

            List<HubProcess> nodes = new ArrayList<>();
            try {
                for (int i = 1; i <= NODES; i++) {
                    nodes.add(HubProcess.start(ClusterNodes.settings(shared, work, i), ClusterNodes.log(work, i)));
                }
                Path csv = work.resolve("laporan.csv");
                Files.writeString(csv, SedangReports.csv(CASES), StandardCharsets.UTF_8);
                Files.move(csv, work.resolve("drop/laporan.csv"), StandardCopyOption.ATOMIC_MOVE);
                await(() -> mailsWithPrefix(mail, "").size() >= CASES, "every case mail sent", work);

                // The offices of the last cases forwarded answer at once, as their mail clients would: a final status.
                ImapMailbox imap = new ImapMailbox(mail.host(), mail.imapPort());
                List<MimeMessage> caseMails = mailsWithPrefix(mail, "");
                Set<String> answered = new TreeSet<>();
                for (MimeMessage caseMail : caseMails.subList(caseMails.size() - ANSWERED, caseMails.size())) {
                    imap.append(TestHub.REPORT_MAILBOX, "INBOX", reply(caseMail));
                    answered.add(caseMail.getHeader("X-Netralitas-Case-Id", null));
                }
                await(() -> ClusterNodes.events(store, "ESCALATED").size() >= CASES - ANSWERED, "every unanswered case escalated",
                        work);
                // A few more turns of every node's clock: nothing more may go out.
                Thread.sleep(3_000);

                Map<String, Long> reminded = perCase(ClusterNodes.events(store, "REMINDED"));
                Map<String, Long> escalated = perCase(ClusterNodes.events(store, "ESCALATED"));
                Map<String, Long> closed = perCase(ClusterNodes.events(store, "FOLLOW_UP_CLOSED"));
                assertEquals(answered, closed.keySet(), "the answered cases, closed");
                assertEquals(CASES - ANSWERED, reminded.size(), "every unanswered case reminded: " + reminded.keySet());
                reminded.forEach((caseId, times) -> assertEquals(1L, times, caseId + " reminded once across the nodes"));
                escalated.forEach((caseId, times) -> assertEquals(1L, times, caseId + " escalated once"));
                assertEquals(reminded.keySet(), escalated.keySet());
                assertTrue(answered.stream().noneMatch(reminded::containsKey), "an answered case was reminded");

                List<MimeMessage> reminders = mailsWithPrefix(mail, "[PENGINGAT]");
                assertEquals(CASES - ANSWERED, reminders.stream().map(FollowUpClusterEndToEndTest::inReplyTo)
                        .collect(Collectors.toSet()).size(), "one reminder thread per unanswered case");
                assertEquals(CASES - ANSWERED, reminders.size(), "each case's one recipient reminded once");
                System.out.printf("Follow-up on %d nodes: %d cases, %d closed by a reply, %d reminded, %d escalated,"
                        + " reminders sent by node (%s)%n", NODES, CASES, closed.size(), reminded.size(),
                        escalated.size(), perNode(work, "REMINDED"));
            } finally {
                for (HubProcess node : nodes) {
                    node.close();
                }
            }
        }
    }

    private static byte[] reply(MimeMessage caseMail) throws Exception {
        String office = caseMail.getHeader("To", null);
        return ("From: BKPSDM <" + office + ">\r\n"
                + "To: " + TestHub.REPORT_MAILBOX + "\r\n"
                + "Subject: Re: " + caseMail.getHeader("Subject", null) + "\r\n"
                + "Date: Mon, 14 Oct 2024 09:00:00 +0700\r\n"
                + "Message-ID: <reply-" + caseMail.getHeader("X-Netralitas-Case-Id", null) + "@pemda.example>\r\n"
                + "In-Reply-To: " + caseMail.getMessageID() + "\r\n"
                + "References: " + caseMail.getMessageID() + "\r\n"
                + "MIME-Version: 1.0\r\n"
                + "Content-Type: text/plain; charset=UTF-8\r\n"
                + "\r\n"
                + "Status: SELESAI\r\n"
                + "Sanksi: Teguran tertulis\r\n").getBytes(StandardCharsets.UTF_8);
    }

    /** Mails to the offices whose subject starts with {@code prefix}: "" for the case mails themselves. */
    private static List<MimeMessage> mailsWithPrefix(EmbeddedMailServer mail, String prefix) {
        List<MimeMessage> found = new ArrayList<>();
        for (MimeMessage message : mail.greenMail().getReceivedMessages()) {
            try {
                String subject = message.getSubject() == null ? "" : message.getSubject();
                boolean caseMail = !subject.startsWith("[PENGINGAT]") && !subject.startsWith("[ESKALASI]");
                boolean wanted = prefix.isEmpty() ? caseMail : subject.startsWith(prefix);
                if (wanted && message.getHeader("X-Netralitas-Case-Id", null) != null) {
                    found.add(message);
                }
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }
        return found;
    }

    private static String inReplyTo(MimeMessage message) {
        try {
            return message.getHeader("In-Reply-To", null);
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Long> perCase(List<AuditEvent> events) {
        return events.stream().collect(Collectors.groupingBy(AuditEvent::caseId, Collectors.counting()));
    }

    /** How many lines naming {@code what} each node logged. */
    private static String perNode(Path work, String what) throws IOException {
        List<String> counts = new ArrayList<>();
        for (int i = 1; i <= NODES; i++) {
            try (Stream<String> lines = Files.lines(ClusterNodes.log(work, i))) {
                counts.add("node-" + i + ": " + lines.filter(line -> line.contains(" " + what)).count());
            }
        }
        return String.join(", ", counts);
    }

    private static void await(BooleanSupplier condition, String what, Path work) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "timed out waiting until " + what + "\n" + ClusterNodes.tails(work, NODES));
            Thread.sleep(200);
        }
    }

}
