package netralitas.hub.e2e;

import jakarta.mail.Message;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import netralitas.hub.audit.AuditEvent;
import netralitas.hub.embedded.BknSimulator;
import netralitas.hub.followup.FollowUpCase;
import netralitas.hub.state.FollowUpTable;
import netralitas.hub.testing.LogCapture;
import org.apache.camel.builder.NotifyBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The follow-up clock of the real hub against GreenMail and the BKN simulator (SPEC §12), with deadlines of seconds:
 * a delivered case nobody answers gets one reminder threaded to its mail, then one escalation to the region's Bawaslu
 * and the Kanreg BKN, and then nothing more. The mail server refuses the first two reminder attempts: the case stays
 * due, each failure is logged once, and still only one reminder arrives.
 */
class FollowUpClockEndToEndTest {

    private static final String CSV = "tanggal_kejadian;nip_terlapor;kode_wilayah;jenis_pelanggaran;uraian\n"
            + "2024-10-01;197803122003121004;17.08;APPROACH_PARTY;Mendaftar penjaringan bakal calon di partai\n";
    private static final String FOLLOW_UP_ADDRESS = "tindak-lanjut@bawaslu.example";
    private static final String BAWASLU_KEPAHIANG = "bawaslu.kab-kepahiang@bawaslu.example";
    private static final String KANREG_VII = "kanreg-vii.palembang@bkn.example";
    private static final String DEADLINE = "PT3S";

    @Test
    void anUnansweredCaseIsRemindedOnceThenEscalatedOnceThenLeftAlone(@TempDir Path work) throws Exception {
        BknSimulator bkn = BknSimulator.withRecords(TestHub.PROJECT.resolve("config/dev/bkn-records.json"), 0,
                TestHub.CONSUMER_KEY, TestHub.CONSUMER_SECRET);
        try (TestHub hub = new TestHub(work, bkn, true);
             LogCapture log = new LogCapture("followup-clock")) {
            hub.settings.put("hub.followup.address", FOLLOW_UP_ADDRESS);
            hub.settings.put("hub.followup.deadline.sedang", DEADLINE);
            hub.settings.put("hub.followup.deadline.berat", DEADLINE);
            hub.settings.put("hub.followup.business-days", "false");
            hub.settings.put("hub.followup.check-interval", "PT1S");
            hub.settings.put("hub.followup.reminder-interval", "PT3S");
            hub.settings.put("hub.followup.max-reminders", "1");
            hub.settings.put("hub.followup.overdue-refresh-ms", "200");
            hub.start();
            FollowUpTable followUps = hub.context().getRegistry().lookupByNameAndType("followUpTable", FollowUpTable.class);

            hub.dropAndAwait("laporan.csv", CSV);
            hub.awaitEvent("DELIVERED", 1);
            String caseId = hub.audit().stream().filter(e -> "DELIVERED".equals(e.event().name())).findFirst()
                    .orElseThrow().caseId();
            MimeMessage caseMail = onlyMail(hub, m -> !subject(m).startsWith("["
                    + "PENGINGAT") && caseId.equals(header(m, "X-Netralitas-Case-Id")));
            assertNotNull(followUps.find(caseId).orElse(null), "the row the delivery opened");
            // The next two reminder attempts are refused by the mail server (451: try later).
            hub.smtp.failTransactions(2, "451 4.3.0 Coba lagi nanti");

            hub.awaitEvent("ESCALATED", 1);
            NotifyBuilder threeMoreChecks = new NotifyBuilder(hub.context()).fromRoute("followup-clock").whenDone(3).create();
            assertTrue(threeMoreChecks.matches(30, TimeUnit.SECONDS), "the clock kept looking");

            List<String> steps = hub.audit().stream().filter(e -> caseId.equals(e.caseId()))
                    .map(e -> e.event().name()).filter(name -> Set.of("DELIVERED", "REMINDED", "ESCALATED").contains(name))
                    .toList();
            assertEquals(List.of("DELIVERED", "REMINDED", "ESCALATED"), steps, "one reminder, then one escalation");
            AuditEvent reminded = event(hub, caseId, "REMINDED");
            assertEquals(1, ((Number) reminded.detail().get("reminder")).intValue());
            assertEquals(header(caseMail, "To"), reminded.detail().get("to"));
            AuditEvent escalated = event(hub, caseId, "ESCALATED");
            assertEquals(BAWASLU_KEPAHIANG + ", " + KANREG_VII, escalated.detail().get("to"));
            String source = event(hub, caseId, "DELIVERED").source();
            assertEquals(source, reminded.source(), "the case's source, kept in its follow-up row");
            assertEquals(source, escalated.source());
            assertEquals(2, log.lines().stream().filter(line -> line.contains("reminder 1 NOT sent")).count(),
                    "each refused attempt logged once: " + log.lines());

            List<MimeMessage> reminders = mails(hub, m -> subject(m).startsWith("[PENGINGAT] "));
            int caseMailCopies = recipients(caseMail).size();
            assertEquals(caseMailCopies, reminders.size(), "one reminder, one copy per recipient of the case mail");
            MimeMessage reminder = reminders.get(0);
            assertEquals("[PENGINGAT] " + subject(caseMail), subject(reminder));
            assertEquals(recipients(caseMail), recipients(reminder), "the same To and Cc as the case mail");
            assertEquals(caseMail.getMessageID(), header(reminder, "In-Reply-To"), "threaded to the case mail");
            assertEquals(caseMail.getMessageID(), header(reminder, "References"));
            assertEquals(FOLLOW_UP_ADDRESS, header(reminder, "Reply-To"));
            String reminderText = MailText.of(reminder).plain();
            assertTrue(reminderText.contains(caseId) && reminderText.contains("Status: DIPROSES"), reminderText);

            List<MimeMessage> escalations = mails(hub, m -> subject(m).startsWith("[ESKALASI] "));
            assertEquals(2, escalations.size(), "one escalation, to Bawaslu and the Kanreg");
            assertEquals(List.of(BAWASLU_KEPAHIANG, KANREG_VII), recipients(escalations.get(0)));
            assertEquals("[ESKALASI] " + subject(caseMail), subject(escalations.get(0)));
            String escalationText = MailText.of(escalations.get(0)).plain();
            assertTrue(escalationText.contains("Diteruskan") && escalationText.contains("Pengingat: pengingat ke-1"),
                    escalationText);

            FollowUpCase row = followUps.find(caseId).orElseThrow();
            assertEquals(1, row.reminders());
            assertNotNull(row.escalatedAt());
            assertNull(row.nextCheckAt(), "the clock stopped for the case");
            assertEquals(List.of("FORWARDED", "REMINDED", "ESCALATED"),
                    followUps.history(caseId).stream().map(e -> e.kind()).toList());

            awaitMetric(hub, "netralitas_followup_overdue{region=\"17.08\"} 1.0");

            // The region's Bawaslu answers the escalation after the office acted: recorded (it was told of the case,
            // so it is no stranger), and the case closes.
            MimeMessage escalation = escalations.get(0);
            new ImapMailbox(hub.mail.host(), hub.mail.imapPort()).append(TestHub.REPORT_MAILBOX, "INBOX",
                    ("From: Bawaslu Kepahiang <" + BAWASLU_KEPAHIANG + ">\r\n"
                            + "To: " + FOLLOW_UP_ADDRESS + "\r\n"
                            + "Subject: Re: " + subject(escalation) + "\r\n"
                            + "Message-ID: <jawaban-terlambat@bawaslu.example>\r\n"
                            + "In-Reply-To: " + escalation.getMessageID() + "\r\n"
                            + "Content-Type: text/plain; charset=UTF-8\r\n\r\n"
                            + "Status: SELESAI\r\nSanksi: Teguran tertulis\r\n").getBytes(StandardCharsets.UTF_8));
            hub.awaitEvent("FOLLOW_UP_CLOSED", 1);
            AuditEvent answer = event(hub, caseId, "FOLLOW_UP");
            assertEquals("SELESAI", answer.detail().get("status"));
            assertEquals(false, answer.detail().get("spoofed"), answer.toString());
            assertNotNull(followUps.find(caseId).orElseThrow().closedAt(), "closed after its escalation");
            awaitMetric(hub, "netralitas_followup_overdue{region=\"17.08\"} 0.0");
        }
    }

    private static AuditEvent event(TestHub hub, String caseId, String name) throws Exception {
        return hub.audit().stream().filter(e -> caseId.equals(e.caseId()) && name.equals(e.event().name()))
                .findFirst().orElseThrow();
    }

    private interface MailTest {
        boolean test(MimeMessage message) throws Exception;
    }

    private static List<MimeMessage> mails(TestHub hub, MailTest test) throws Exception {
        List<MimeMessage> found = new ArrayList<>();
        for (MimeMessage message : hub.mail.greenMail().getReceivedMessages()) {
            if (test.test(message)) {
                found.add(message);
            }
        }
        return found;
    }

    private static MimeMessage onlyMail(TestHub hub, MailTest test) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        List<MimeMessage> found;
        while ((found = mails(hub, test)).isEmpty()) {
            assertTrue(System.nanoTime() < deadline, "the case mail never arrived");
            Thread.sleep(50);
        }
        return found.get(0);
    }

    private static String subject(MimeMessage message) throws Exception {
        return message.getSubject() == null ? "" : message.getSubject();
    }

    private static String header(MimeMessage message, String name) throws Exception {
        return message.getHeader(name, ", ");
    }

    private static List<String> recipients(MimeMessage message) throws Exception {
        List<String> addresses = new ArrayList<>();
        for (Message.RecipientType type : List.of(Message.RecipientType.TO, Message.RecipientType.CC)) {
            if (message.getRecipients(type) != null) {
                Stream.of(message.getRecipients(type)).map(a -> ((InternetAddress) a).getAddress()).forEach(addresses::add);
            }
        }
        return addresses;
    }

    private static void awaitMetric(TestHub hub, String line) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        String url = "http://127.0.0.1:" + hub.managementPort() + "/observe/metrics";
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        String metrics;
        while (!(metrics = http.send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofString()).body()).contains(line)) {
            assertTrue(System.nanoTime() < deadline, "no " + line + " in:\n" + metrics.lines()
                    .filter(l -> l.contains("followup")).toList());
            Thread.sleep(100);
        }
    }
}
