package netralitas.hub.e2e;

import jakarta.mail.internet.MimeMessage;
import netralitas.hub.audit.AuditEvent;
import netralitas.hub.followup.FollowUpEntry;
import netralitas.hub.state.FollowUpTable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Case mails that come back undeliverable, against the real hub, GreenMail and the BKN simulator. A BERAT case is
 * delivered with hub.mail.bounce-address set to the report mailbox; then the bounces a relay would write land in that
 * mailbox: Postfix's RFC 3464 report returning the case mail as it was delivered (the BKPSDM address unknown), the same
 * report read a second time, a qmail-style text bounce quoting a reminder's headers, a delay warning, and the bounce of
 * an acknowledgement. Bawaslu staff at the triage inbox are told once per bounce of a case's mail, the case records
 * BOUNCED and the step in its history; a delay warning and a returned acknowledgement tell nobody and change no case.
 */
class FollowUpBounceEndToEndTest {

    private static final String KEPAHIANG = "bkpsdm.kab-kepahiang@pemda.example";
    private static final String TRIAGE = "triase@bawaslu.example";
    private static final String DOMAIN = "netralitas.bawaslu.example";
    private static final String HEADER = "nomor_laporan;tanggal_kejadian;nip_terlapor;nama_terlapor;jabatan_terlapor;"
            + "instansi_terlapor;jenis_terlapor;kode_wilayah;wilayah;jenis_pelanggaran;uraian;tempat_kejadian;bukti;"
            + "nama_pelapor;kontak_pelapor\n";
    private static final String DIAGNOSTIC = "550 5.1.1 <" + KEPAHIANG + ">: Recipient address rejected: User unknown in"
            + " virtual mailbox table";

    private static TestHub hub;
    private static ImapMailbox imap;
    private static String caseId;
    private static MimeMessage delivered;

    @BeforeAll
    static void deliverThenBounce(@TempDir Path work) throws Exception {
        hub = new TestHub(work);
        hub.settings.put("hub.mail.bounce-address", TestHub.REPORT_MAILBOX);
        hub.start();
        imap = hub.imap();
        hub.dropAndAwait("laporan.csv", HEADER + "R-1;2024-10-01;197803122003121004;Arif Wicaksono;;;ASN;17.08;;"
                + "PARTISAN_ACTIVITY;Mengumpulkan kepala desa dan mengajak memilih paslon nomor 2;Kantor Setda;;;\n");
        hub.awaitEvent("DELIVERED", 1);
        caseId = hub.audit().stream().filter(e -> "DELIVERED".equals(e.event().name())).findFirst().orElseThrow().caseId();
        delivered = imap.onlyCopy(KEPAHIANG, caseId);

        byte[] postfix = postfixReport("<bounce-1@relay.pemda.example>");
        imap.append(TestHub.REPORT_MAILBOX, "INBOX", postfix);
        awaitProcessed(1);
        hub.awaitEvent("BOUNCED", 1);
        imap.append(TestHub.REPORT_MAILBOX, "INBOX", postfixReport("<bounce-1-again@relay.pemda.example>"));
        imap.append(TestHub.REPORT_MAILBOX, "INBOX", qmailReminderBounce());
        imap.append(TestHub.REPORT_MAILBOX, "INBOX", delayWarning());
        imap.append(TestHub.REPORT_MAILBOX, "INBOX", acknowledgementBounce());
        awaitProcessed(5);
        hub.awaitEvent("BOUNCED", 2);
    }

    @AfterAll
    static void stop() {
        hub.close();
    }

    @Test
    void theHubsMailLeavesWithTheBounceAddressAsItsEnvelopeSender() throws Exception {
        assertEquals("<" + TestHub.REPORT_MAILBOX + ">", delivered.getHeader("Return-Path", null));
    }

    @Test
    void aReturnedCaseMailIsToldToBawaslusTriageInboxOnceWithTheAddressAndTheServersAnswer() throws Exception {
        List<MimeMessage> notices = imap.messages(TRIAGE).stream()
                .filter(m -> subject(m).startsWith("[TIDAK TERKIRIM]")).toList();
        assertEquals(2, notices.size(), "one notice for the case mail (read twice), one for the reminder");
        MimeMessage notice = notices.stream().filter(m -> text(m).contains("surat kasus")).findFirst().orElseThrow();
        assertEquals("[TIDAK TERKIRIM] " + delivered.getSubject(), subject(notice));
        String text = text(notice);
        assertTrue(text.contains(KEPAHIANG + " (status 5.1.1)"), text);
        assertTrue(text.contains("Jawaban server: " + DIAGNOSTIC), text);
        assertTrue(text.contains(caseId), text);
        assertTrue(text.contains("config/regions.csv"), text);
        assertTrue(text.contains("kotak surat laporan (" + TestHub.REPORT_MAILBOX + "), folder \"Processed\""), text);
        assertEquals(caseId, notice.getHeader("X-Netralitas-Case-Id", null));
        assertEquals(null, notice.getHeader("In-Reply-To", null), "a notice answers no case mail");
    }

    @Test
    void theCaseRecordsBouncedWithEachFailedRecipientAndItsHistoryTheStep() throws Exception {
        List<AuditEvent> bounced = events("BOUNCED");
        assertEquals(2, bounced.size(), bounced.toString());
        Map<String, Object> caseMail = bounced.get(0).detail();
        assertEquals(caseId, bounced.get(0).caseId());
        assertEquals("CASE", caseMail.get("mail"));
        assertEquals(delivered.getMessageID(), caseMail.get("messageId"));
        assertEquals(List.of(Map.of("address", KEPAHIANG, "status", "5.1.1", "diagnostic", DIAGNOSTIC)),
                caseMail.get("failed"));
        assertEquals(TRIAGE, caseMail.get("noticeTo"));
        assertTrue(bounced.get(0).source().startsWith("INBOX;uid="), bounced.get(0).source());

        List<FollowUpEntry> steps = table().history(caseId).stream().filter(e -> e.kind().equals("BOUNCED")).toList();
        assertEquals(2, steps.size(), steps.toString());
        assertEquals("surat kasus tidak terkirim kepada " + KEPAHIANG + " (5.1.1: " + DIAGNOSTIC + ")",
                steps.get(0).detail());
    }

    @Test
    void theMetricsCountEachBouncedCaseMail() throws Exception {
        String metrics = new String(java.net.URI.create("http://127.0.0.1:" + hub.managementPort() + "/observe/metrics")
                .toURL().openStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(metrics.lines().anyMatch(line -> line.startsWith("netralitas_cases_total{") && line.contains("event=\"BOUNCED\"")
                && line.contains("severity=\"BERAT\"") && line.endsWith(" 2.0")), metrics);
    }

    @Test
    void aTextBounceOfAReminderIsMatchedByTheCaseMailItAnswered() throws Exception {
        Map<String, Object> reminder = events("BOUNCED").get(1).detail();
        assertEquals("REMINDER", reminder.get("mail"));
        assertEquals(1, reminder.get("reminder"));
        assertEquals(List.of(), reminder.get("failed"), "a text bounce names no recipient the hub can read");
    }

    @Test
    void noBounceBecomesACaseOrIsAcknowledgedAndTheOthersAreOnlyFiled() throws Exception {
        assertEquals(1, events("RECEIVED").size());
        assertEquals(0, events("ACKNOWLEDGED").size());
        assertEquals(1, events("DELIVERED").size());
        long notes = hub.audit().stream().filter(e -> "NOTE".equals(e.event().name()) && e.caseId() == null
                && String.valueOf(e.detail().get("alasan")).contains("bounce")).count();
        assertEquals(3, notes, "the case mail's bounce read again, the delay warning, the returned acknowledgement");
        assertTrue(imap.messageIds(TestHub.REPORT_MAILBOX, "INBOX").isEmpty());
    }

    // --- the bounces, as relays write them ----------------------------------------------------------------------------

    /** Postfix: the text, the delivery status, the case mail as it was delivered. */
    private static byte[] postfixReport(String messageId) throws Exception {
        ByteArrayOutputStream original = new ByteArrayOutputStream();
        delivered.writeTo(original);
        String status = "Reporting-MTA: dns; relay.pemda.example\r\nX-Postfix-Queue-ID: 4XkQ2m1Zs9z3wPb\r\n"
                + "Arrival-Date: Mon, 11 Nov 2024 10:00:01 +0700 (WIB)\r\n\r\n"
                + "Final-Recipient: rfc822; " + KEPAHIANG + "\r\nOriginal-Recipient: rfc822;" + KEPAHIANG + "\r\n"
                + "Action: failed\r\nStatus: 5.1.1\r\nRemote-MTA: dns; mx.pemda.example\r\n"
                + "Diagnostic-Code: smtp; 550 5.1.1 <" + KEPAHIANG + ">: Recipient address rejected:\r\n"
                + "    User unknown in virtual mailbox table\r\n";
        return report(messageId, "failed", status, "message/rfc822", original.toString(StandardCharsets.ISO_8859_1));
    }

    /** An Exchange-style delay warning with the returned headers only: the relay still tries. */
    private static byte[] delayWarning() throws Exception {
        String status = "Reporting-MTA: dns; relay.pemda.example\r\n\r\nFinal-Recipient: rfc822; " + KEPAHIANG
                + "\r\nAction: delayed\r\nStatus: 4.4.7\r\nWill-Retry-Until: Wed, 13 Nov 2024 10:00:01 +0700\r\n";
        String headers = "Message-ID: " + delivered.getMessageID() + "\r\nSubject: " + delivered.getHeader("Subject", null)
                + "\r\n";
        return report("<delay-1@relay.pemda.example>", "delayed", status, "text/rfc822-headers", headers);
    }

    /** A reporter's mistyped address: the hub's acknowledgement comes back. */
    private static byte[] acknowledgementBounce() throws Exception {
        String status = "Reporting-MTA: dns; relay.pemda.example\r\n\r\nFinal-Recipient: rfc822; warga@pelapor.example"
                + "\r\nAction: failed\r\nStatus: 5.1.1\r\n";
        String headers = "Message-ID: <ack.xyz@" + DOMAIN + ">\r\nIn-Reply-To: <laporan@pelapor.example>\r\n"
                + "Subject: [NETRALITAS ASN] Laporan diterima\r\n";
        return report("<bounce-ack@relay.pemda.example>", "failed", status, "text/rfc822-headers", headers);
    }

    private static byte[] report(String messageId, String what, String status, String returnedType, String returned) {
        String boundary = "4XkQ2m1Zs9z3wPb.1731294001/relay.pemda.example";
        String mail = "Return-Path: <>\r\nDate: Mon, 11 Nov 2024 10:00:02 +0700 (WIB)\r\n"
                + "From: MAILER-DAEMON@relay.pemda.example (Mail Delivery System)\r\n"
                + "Subject: Undelivered Mail Returned to Sender (" + what + ")\r\nTo: " + TestHub.REPORT_MAILBOX + "\r\n"
                + "Auto-Submitted: auto-replied\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: multipart/report; report-type=delivery-status;\r\n\tboundary=\"" + boundary + "\"\r\n"
                + "Message-Id: " + messageId + "\r\n\r\nThis is a MIME-encapsulated message.\r\n\r\n"
                + "--" + boundary + "\r\nContent-Description: Notification\r\nContent-Type: text/plain; charset=us-ascii\r\n\r\n"
                + "This is the mail system at host relay.pemda.example.\r\n\r\nI'm sorry to have to inform you that your"
                + " message could not\r\nbe delivered to one or more recipients.\r\n\r\n"
                + "--" + boundary + "\r\nContent-Description: Delivery report\r\nContent-Type: message/delivery-status\r\n\r\n"
                + status + "\r\n"
                + "--" + boundary + "\r\nContent-Description: Undelivered Message\r\nContent-Type: " + returnedType + "\r\n\r\n"
                + returned + "\r\n--" + boundary + "--\r\n";
        return mail.getBytes(StandardCharsets.ISO_8859_1);
    }

    /** qmail: no RFC 3464 report; the returned reminder's headers quoted in the text. */
    private static byte[] qmailReminderBounce() throws Exception {
        String mail = "Return-Path: <>\r\nDate: 12 Nov 2024 03:00:00 -0000\r\nFrom: MAILER-DAEMON@mx.pemda.example\r\n"
                + "To: " + TestHub.REPORT_MAILBOX + "\r\nSubject: failure notice\r\nMessage-ID: <qmail-1@mx.pemda.example>\r\n\r\n"
                + "Hi. This is the qmail-send program at mx.pemda.example.\r\n"
                + "I'm afraid I wasn't able to deliver your message to the following addresses.\r\n"
                + "This is a permanent error; I've given up. Sorry it didn't work out.\r\n\r\n"
                + "<" + KEPAHIANG + ">:\r\nSorry, no mailbox here by that name. (#5.1.1)\r\n\r\n"
                + "--- Below this line is a copy of the message.\r\n\r\n"
                + "Return-Path: <" + TestHub.REPORT_MAILBOX + ">\r\n"
                + "Message-ID: <reminder-1-" + caseId + "@" + DOMAIN + ">\r\n"
                + "In-Reply-To: " + delivered.getMessageID() + "\r\nReferences: " + delivered.getMessageID() + "\r\n"
                + "Subject: [PENGINGAT] " + delivered.getHeader("Subject", null) + "\r\n\r\nYth. BKPSDM ...\r\n";
        return mail.getBytes(StandardCharsets.ISO_8859_1);
    }

    // --- helpers -------------------------------------------------------------------------------------------------------

    private static void awaitProcessed(int count) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (imap.messageIds(TestHub.REPORT_MAILBOX, "Processed").size() < count) {
            assertTrue(System.nanoTime() < deadline, "the hub did not file every bounce");
            Thread.sleep(100);
        }
    }

    private static List<AuditEvent> events(String event) throws Exception {
        return hub.audit().stream().filter(e -> event.equals(e.event().name())).toList();
    }

    private static FollowUpTable table() {
        return hub.context().getRegistry().lookupByNameAndType("followUpTable", FollowUpTable.class);
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String text(MimeMessage message) {
        try {
            return MailText.of(message).plain();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
