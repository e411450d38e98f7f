package netralitas.hub.e2e;

import jakarta.mail.Header;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import netralitas.hub.audit.AuditEvent;
import netralitas.hub.embedded.BknSimulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Who gets an acknowledgement, and what it says and carries (SPEC §3.3, §7), against the real hub over IMAP: bounces,
 * read receipts, list mail, forged and automated senders are never answered; a report is answered at its From only,
 * whatever its Reply-To, with a text that matches what became of it, at most hub.mail.ack-max-per-sender-per-day times
 * a day per sender (across a restart); and no mail of the hub carries a header SPEC §7 and §3.3 do not name.
 */
class AcknowledgementEndToEndTest {

    private static final String KEPAHIANG = "bkpsdm.kab-kepahiang@pemda.example";
    private static final String LEBONG = "bkpsdm.kab-lebong@pemda.example";
    private static final String TRIAGE_INBOX = "triase@bawaslu.example";
    private static final String FORWARDED_TEXT = "diteruskan kepada pihak yang berwenang untuk ditindaklanjuti";
    private static final String PHISHING_SUBJECT = "Laporan ASN Kab. Lebong - " + "mohon segera ditindaklanjuti ".repeat(5)
            + "verifikasi akun Anda di https://evil.example/login";
    /** Headers the receiving server (GreenMail) adds on delivery. */
    private static final Set<String> ADDED_BY_THE_SERVER = Set.of("received", "return-path");
    private static final Set<String> ACK_HEADERS = Set.of("from", "to", "subject", "date", "message-id", "mime-version",
            "content-type", "content-transfer-encoding", "auto-submitted", "in-reply-to", "references",
            "x-netralitas-case-id");
    /** SPEC §7; Reply-To is the follow-up address, In-Reply-To/References thread a related report (§12). */
    private static final Set<String> CASE_HEADERS = Set.of("from", "to", "cc", "reply-to", "subject", "date",
            "message-id", "mime-version", "content-type", "content-transfer-encoding", "auto-submitted",
            "in-reply-to", "references", "x-netralitas-case-id", "x-netralitas-severity", "x-netralitas-region",
            "x-priority");
    private static final int CAP = 10;
    /** The SMTP server refuses this recipient for good (550). */
    private static final String REFUSED = "ditolak@pelapor.example";
    /** And this office's inbox: its cases are dead-lettered. */
    private static final String REFUSED_OFFICE = "bkpsdm.kota-bengkulu@pemda.example";

    private static TestHub hub;
    private static ImapMailbox imap;
    private static boolean capRunWithinOneDay;

    @BeforeAll
    static void sendEveryShape(@TempDir Path work) throws Exception {
        hub = new TestHub(work, BknSimulator.withRecords(TestHub.PROJECT.resolve("config/dev/bkn-records.json"), 0,
                TestHub.CONSUMER_KEY, TestHub.CONSUMER_SECRET), true).start();
        imap = hub.imap();
        hub.smtp.rejectRecipient(REFUSED, "550 5.1.1 <" + REFUSED + ">: Recipient address rejected: User unknown");
        hub.smtp.rejectRecipient(REFUSED_OFFICE, "550 5.1.1 <" + REFUSED_OFFICE + ">: Recipient address rejected: User unknown");
        List<byte[]> messages = new ArrayList<>();
        // First: what comes after it must not notice.
        messages.add(mail("Ditolak <" + REFUSED + ">", "Laporan ASN Bungo", "<refused-ack@pelapor.example>", "",
                report("198208092006041003", "Yudi Prasetyo", "Kab. Bungo", "BANNER")));
        messages.add(deliveryReport());
        messages.add(readReceipt());
        messages.add(mail("Forum ASN <forum-asn@lists.example>", "Forum ASN Digest, Vol 3, Issue 12", "<digest-3-12@lists.example>",
                "List-Id: Forum ASN <forum-asn.lists.example>\nList-Unsubscribe: <mailto:forum-asn-leave@lists.example>\n",
                "Today's Topics:\n\n   1. Jadwal piket (Andi)\n   2. Re: Jadwal piket (Budi)\n"));
        messages.add(mail("Relawan <relawan.milis@pelapor.example>", "Laporan ASN Lebong", "<milis-lap@pelapor.example>",
                "List-Id: Relawan Pemilu <relawan.lists.example>\nList-Post: <mailto:relawan@lists.example>\n",
                report("198505172010012007", "Dewi Kartika Sari", "Kab. Lebong", "SOCMED_CAMPAIGN")));
        messages.add(mail("Korban <korban.palsu@lain.example>", "Selamat! Anda mendapat hadiah", "<spam-1@lain.example>", "",
                "Klaim hadiah Anda di https://evil.example sebelum besok.\n"));
        messages.add(mail("no-reply@bank.example", "Laporan", "<noreply-lap@bank.example>", "",
                report("197803122003131004", "Arif Wicaksono", "Kab. Kepahiang", "PARTISAN_ACTIVITY")));
        messages.add(mail("Toko <promo@toko.example>", "Laporan ASN", "<promo-1@toko.example>",
                "Return-Path: <bounces+77@mailer.toko.example>\n",
                report("197803122003131004", "Arif Wicaksono", "Kab. Kepahiang", "PARTISAN_ACTIVITY")));
        byte[] replyTo = mail("Pelapor Asli <pelapor.asli@pelapor.example>", "Laporan ASN Kepahiang", "<reply-to-lap@pelapor.example>",
                "Reply-To: <korban@korban.example>\n",
                report("197803122003121004", "Arif Wicaksono", "Kab. Kepahiang", "PARTISAN_ACTIVITY"));
        messages.add(replyTo);
        messages.add(mail("Dewi <dewi.pelapor@pelapor.example>", PHISHING_SUBJECT, "<phishing-subject@pelapor.example>", "",
                report("198505172010012007", "Dewi Kartika Sari", "Kab. Lebong", "SOCMED_CAMPAIGN")));
        messages.add(mail("Triase <pelapor.triase@pelapor.example>", "Laporan", "<triage-lap@pelapor.example>", "",
                "NIP Terlapor: 198001012005011001\nTanggal Kejadian: 20/10/2024\nJenis Pelanggaran: PARTISAN_ACTIVITY\n"
                        + "Uraian: Mengajak warga memilih pasangan calon dalam rapat dinas.\n"));
        messages.add(mail("Fajar <fajar.pelapor@pelapor.example>", "Laporan kampanye", "<digest-lap@pelapor.example>", "",
                report("198712052011011003", "Fajar Nugroho", "Kab. Kepahiang", "CAMPAIGN_EVENT")));
        messages.add(unreadableCsv());
        messages.add(mail("Pelapor Bengkulu <pelapor.bengkulu@pelapor.example>", "Laporan ASN Kota Bengkulu",
                "<dead-letter-lap@pelapor.example>", "",
                report("197406151998031005", "Bambang Suryadi", "Kota Bengkulu", "PARTISAN_ACTIVITY")));
        messages.add(csvWithADeadLetteredRow());
        // The same message again: a duplicate of the report above.
        messages.add(replyTo);
        appendAndAwait(messages);

        LocalDate day = LocalDate.now();
        appendAndAwait(capMessages(0, 6));
        hub.stopHub();
        hub.start();
        appendAndAwait(capMessages(6, CAP + 1));
        capRunWithinOneDay = day.equals(LocalDate.now());
        hub.flushDigest(1);
    }

    @AfterAll
    static void stop() {
        hub.close();
    }

    @Test
    void aRefusedAcknowledgementIsRecordedAndDroppedAndTheReportGoesOn() throws Exception {
        String messageId = "<refused-ack@pelapor.example>";
        assertTrue(inFolder("Processed", messageId));
        List<String> trail = eventNames(messageId);
        assertEquals(1, trail.stream().filter("DELIVERED"::equals).count(), trail.toString());
        assertEquals(1, imap.messages("bkpsdm.kab-bungo@pemda.example").size(), "the report reached its office once");
        assertWithheld(messageId, "ditolak server SMTP (550), tidak dikirim ulang");
        assertTrue(eventNames("<milis-lap@pelapor.example>").contains("DELIVERED"), "the messages behind it went on");
    }

    @Test
    void aReportDeadLetteredOnItsWayIsAcknowledgedAsHandedToBawaslu() throws Exception {
        String messageId = "<dead-letter-lap@pelapor.example>";
        assertTrue(inFolder("Processed", messageId));
        List<String> trail = eventNames(messageId);
        assertTrue(trail.contains("DEAD_LETTERED") && trail.contains("ACKNOWLEDGED"), trail.toString());
        List<MimeMessage> acks = acknowledgements("pelapor.bengkulu@pelapor.example");
        assertEquals(1, acks.size());
        String text = MailText.of(acks.get(0)).plain();
        assertTrue(text.contains("diserahkan kepada petugas Bawaslu untuk ditelaah"), text);
        assertTrue(text.contains("Nomor kasus: " + caseOf(messageId)), text);
        assertFalse(text.contains(FORWARDED_TEXT), text);

        List<MimeMessage> batch = acknowledgements("rekap.bengkulu@pelapor.example");
        assertEquals(1, batch.size(), "a batch whose row was dead-lettered is answered once, as a batch");
        assertTrue(MailText.of(batch.get(0)).plain().contains("Lampiran CSV ke-1: 1 baris diterima, 0 baris ditolak"),
                MailText.of(batch.get(0)).plain());
    }

    @Test
    void deliveryReportsAndReadReceiptsAreFiledNeverAnswered() throws Exception {
        for (String messageId : List.of("<dsn-1@mx.pelapor.example>", "<mdn-1@pelapor.example>")) {
            assertEquals(List.of("NOTE"), events(messageId).stream().map(e -> e.event().name()).toList(), messageId);
            assertTrue(inFolder("Processed", messageId), messageId);
        }
        assertTrue(imap.messages("admin@mx.pelapor.example").isEmpty(), "no reply to a delivery report");
        assertTrue(imap.messages("siti.mdn@pelapor.example").isEmpty(), "no reply to a read receipt");
    }

    @Test
    void listMailIsNeverAnsweredEvenWhenItHoldsAReport() throws Exception {
        assertWithheld("<digest-3-12@lists.example>", "pesan milis (List-Id)");
        assertTrue(imap.messages("forum-asn@lists.example").isEmpty());
        // The report a list carried is still a report: forwarded, but not answered.
        assertTrue(eventNames("<milis-lap@pelapor.example>").contains("DELIVERED"));
        assertWithheld("<milis-lap@pelapor.example>", "pesan milis (List-Id)");
        assertTrue(imap.messages("relawan.milis@pelapor.example").isEmpty());
    }

    @Test
    void aForgedSenderOfSomethingThatIsNoReportGetsNothing() throws Exception {
        assertTrue(inFolder("Quarantine", "<spam-1@lain.example>"));
        assertWithheld("<spam-1@lain.example>", "pesan tidak tampak sebagai laporan");
        assertTrue(imap.messages("korban.palsu@lain.example").isEmpty(), "no backscatter to a forged address");
    }

    @Test
    void automatedSendersAndMachineEnvelopesAreNotAnswered() throws Exception {
        assertWithheld("<noreply-lap@bank.example>", "alamat pengirim milik mesin");
        assertTrue(imap.messages("no-reply@bank.example").isEmpty());
        assertWithheld("<promo-1@toko.example>", "alamat balik otomatis (Return-Path)");
        assertTrue(imap.messages("promo@toko.example").isEmpty());
        assertTrue(imap.messages("bounces+77@mailer.toko.example").isEmpty());
    }

    @Test
    void theAcknowledgementGoesToTheFromAddressOnlyNeverToReplyTo() throws Exception {
        assertTrue(imap.messages("korban@korban.example").isEmpty(), "Reply-To is not an address the hub writes to");
        MimeMessage ack = acknowledgements("pelapor.asli@pelapor.example").get(0);
        assertEquals(List.of("pelapor.asli@pelapor.example"),
                Stream.of(ack.getAllRecipients()).map(Object::toString).toList());
        assertNull(ack.getHeader("Cc"));
        assertTrue(MailText.of(ack).plain().contains(FORWARDED_TEXT), MailText.of(ack).plain());
        String caseId = caseOf("<reply-to-lap@pelapor.example>");
        assertTrue(delivered(KEPAHIANG).stream().anyMatch(m -> caseId(m).equals(caseId)), caseId + " forwarded");
    }

    @Test
    void aSecondCopyOfTheSameMessageIsNotAcknowledgedAgain() throws Exception {
        // One report, one acknowledgement (SPEC §3.3): the copy (same Message-ID) is a DUPLICATE, answered no more.
        List<MimeMessage> acks = acknowledgements("pelapor.asli@pelapor.example");
        assertEquals(1, acks.size(), "the report's acknowledgement only");
        assertTrue(MailText.of(acks.get(0)).plain().contains(FORWARDED_TEXT), MailText.of(acks.get(0)).plain());
    }

    @Test
    void aLongPhishingSubjectIsQuotedOnOneShortLineAndTheMailStaysSmall() throws Exception {
        MimeMessage ack = acknowledgements("dewi.pelapor@pelapor.example").get(0);
        String text = MailText.of(ack).plain();
        assertFalse(text.contains("evil.example"), text);
        String quoted = text.substring(text.indexOf("dengan subjek \"") + "dengan subjek \"".length());
        quoted = quoted.substring(0, quoted.indexOf('"'));
        assertTrue(quoted.length() <= 80, quoted.length() + ": " + quoted);
        assertTrue(PHISHING_SUBJECT.startsWith(quoted.substring(0, quoted.length() - 1)), quoted);
        assertFalse(ack.getSubject().contains("evil"), ack.getSubject());
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        ack.writeTo(raw);
        assertTrue(raw.size() < 8_192, raw.size() + " bytes");
    }

    @Test
    void eachOutcomeIsToldAsItHappened() throws Exception {
        String triage = MailText.of(acknowledgements("pelapor.triase@pelapor.example").get(0)).plain();
        assertTrue(triage.contains("diserahkan kepada petugas Bawaslu untuk ditelaah"), triage);
        assertEquals(1, imap.messages(TRIAGE_INBOX).size(), "the case went to triage");
        String digest = MailText.of(acknowledgements("fajar.pelapor@pelapor.example").get(0)).plain();
        assertTrue(digest.contains("dalam rekap harian berikutnya"), digest);
        String forwarded = MailText.of(acknowledgements("dewi.pelapor@pelapor.example").get(0)).plain();
        assertTrue(forwarded.contains(FORWARDED_TEXT), forwarded);
    }

    @Test
    void aCsvThatCannotBeReadIsExplainedWithoutItsNameOrCells() throws Exception {
        String text = MailText.of(acknowledgements("rekap.rusak@pelapor.example").get(0)).plain();
        assertTrue(text.contains("Lampiran CSV ke-1: tidak dapat dibaca (berkas tidak memiliki baris judul kolom yang"
                + " dikenali: baris pertama berisi 2 kolom, 0 di antaranya dikenali; kolom wajib tidak ada: uraian"), text);
        assertFalse(text.contains("evil") || text.contains("Wagiman") || text.contains("0813") || text.contains("kolom;"),
                text);
        assertEquals(0, attachmentCount(acknowledgements("rekap.rusak@pelapor.example").get(0)));
    }

    @Test
    void theEleventhReportOfOneSenderInADayIsNotAnsweredEvenAcrossARestart() throws Exception {
        assumeTrue(capRunWithinOneDay, "the day changed while the test ran");
        assertEquals(CAP, acknowledgements("rajin@pelapor.example").size());
        String eleventh = "<rajin-" + CAP + "@pelapor.example>";
        assertTrue(inFolder("Quarantine", eleventh));
        assertWithheld(eleventh, "pengirim sudah menerima 10 tanda terima hari ini");
    }

    @Test
    void everyMailOfTheHubCarriesOnlyTheHeadersTheSpecNames() throws Exception {
        List<MimeMessage> acks = new ArrayList<>();
        for (String reporter : List.of("pelapor.asli@pelapor.example", "dewi.pelapor@pelapor.example",
                "pelapor.triase@pelapor.example", "fajar.pelapor@pelapor.example", "rajin@pelapor.example",
                "rekap.rusak@pelapor.example")) {
            acks.addAll(acknowledgements(reporter));
        }
        for (MimeMessage ack : acks) {
            assertHeaders(ack, ACK_HEADERS);
            assertEquals("auto-replied", ack.getHeader("Auto-Submitted", null));
            assertEquals("text/plain; charset=UTF-8", ack.getContentType());
        }
        assertEquals("<reply-to-lap@pelapor.example>", acknowledgements("pelapor.asli@pelapor.example").get(0)
                .getHeader("In-Reply-To", null));
        List<MimeMessage> caseMails = new ArrayList<>();
        caseMails.addAll(delivered(KEPAHIANG));
        caseMails.addAll(delivered(LEBONG));
        caseMails.addAll(imap.messages(TRIAGE_INBOX));
        assertTrue(caseMails.size() >= 4, "case mails, the triage mail and the digest: " + caseMails.size());
        assertTrue(caseMails.stream().anyMatch(m -> header(m, "X-Priority") != null), "a BERAT case among them");
        assertTrue(caseMails.stream().anyMatch(m -> subject(m).contains("Rekap harian")), "the digest among them");
        for (MimeMessage mail : caseMails) {
            assertHeaders(mail, CASE_HEADERS);
            assertEquals("auto-generated", mail.getHeader("Auto-Submitted", null));
            assertEquals(TestHub.REPORT_MAILBOX, mail.getHeader("Reply-To", null), "offices reply to the hub");
        }
    }

    // --- the messages ----------------------------------------------------------------------------------------------

    private static String report(String nip, String name, String region, String category) {
        return "NIP Terlapor: " + nip + "\nNama Terlapor: " + name + "\nWilayah: " + region
                + "\nTanggal Kejadian: 20/10/2024\nJenis Pelanggaran: " + category
                + "\nUraian: Terlapor terlihat dalam kegiatan pasangan calon pada hari kerja.\n";
    }

    private static byte[] mail(String from, String subject, String messageId, String extraHeaders, String body) {
        return ("From: " + from + "\nTo: laporan@bawaslu.example\nSubject: " + subject + "\nDate: Mon, 21 Oct 2024 10:00:00 +0700\n"
                + "Message-ID: " + messageId + "\n" + extraHeaders
                + "MIME-Version: 1.0\nContent-Type: text/plain; charset=UTF-8\nContent-Transfer-Encoding: 8bit\n\n" + body)
                .getBytes(StandardCharsets.UTF_8);
    }

    /** A DSN from an address that looks like a person's, carrying the report it failed to deliver. */
    private static byte[] deliveryReport() {
        return ("From: Sistem Surat <admin@mx.pelapor.example>\nTo: laporan@bawaslu.example\nSubject: Undelivered Mail\n"
                + "Date: Mon, 21 Oct 2024 10:00:00 +0700\nMessage-ID: <dsn-1@mx.pelapor.example>\nMIME-Version: 1.0\n"
                + "Content-Type: multipart/report; report-type=delivery-status; boundary=\"dsn\"\n\n"
                + "--dsn\nContent-Type: text/plain\n\nPesan tidak dapat dikirim.\n"
                + "--dsn\nContent-Type: message/delivery-status\n\nReporting-MTA: dns; mx.pelapor.example\n\n"
                + "Final-Recipient: rfc822; hilang@pelapor.example\nAction: failed\nStatus: 5.1.1\n"
                + "--dsn\nContent-Type: message/rfc822\n\nFrom: x@pelapor.example\nSubject: Laporan\n\n"
                + report("197803122003121004", "Arif Wicaksono", "Kab. Kepahiang", "PARTISAN_ACTIVITY")
                + "--dsn--\n").getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] readReceipt() {
        return ("From: Siti <siti.mdn@pelapor.example>\nTo: laporan@bawaslu.example\nSubject: Dibaca: Laporan\n"
                + "Date: Mon, 21 Oct 2024 10:00:00 +0700\nMessage-ID: <mdn-1@pelapor.example>\nMIME-Version: 1.0\n"
                + "Content-Type: multipart/report; report-type=disposition-notification; boundary=\"mdn\"\n\n"
                + "--mdn\nContent-Type: text/plain\n\nPesan Anda telah dibaca. NIP Terlapor: 197803122003121004\n"
                + "--mdn\nContent-Type: message/disposition-notification\n\n"
                + "Final-Recipient: rfc822; siti.mdn@pelapor.example\nDisposition: manual-action/MDN-sent-manually; displayed\n"
                + "--mdn--\n").getBytes(StandardCharsets.UTF_8);
    }

    /** A CSV attachment without the required columns, under a name that tries to break out of the reason's quotes. */
    private static byte[] unreadableCsv() {
        String csv = java.util.Base64.getMimeEncoder().encodeToString(
                "kolom;lain\nWagiman 0813-5551-1051;2\n".getBytes(StandardCharsets.UTF_8));
        return ("From: Rekap <rekap.rusak@pelapor.example>\nTo: laporan@bawaslu.example\nSubject: Rekap\n"
                + "Date: Mon, 21 Oct 2024 10:00:00 +0700\nMessage-ID: <csv-rusak@pelapor.example>\nMIME-Version: 1.0\n"
                + "Content-Type: multipart/mixed; boundary=\"m\"\n\n"
                + "--m\nContent-Type: text/plain\n\nRekap terlampir.\n"
                + "--m\nContent-Type: text/csv; name=\"rekap'klik evil.example.csv\"\nContent-Transfer-Encoding: base64\n"
                + "Content-Disposition: attachment; filename=\"rekap'klik evil.example.csv\"\n\n" + csv + "\n--m--\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    /** A batch whose one row goes to the refused office: the row is dead-lettered, the batch answered once. */
    private static byte[] csvWithADeadLetteredRow() {
        String csv = java.util.Base64.getMimeEncoder().encodeToString(("nomor_laporan;tanggal_kejadian;nip_terlapor;"
                + "nama_terlapor;wilayah;jenis_pelanggaran;uraian\n"
                + "009/LP/PB/Kota/17.71/X/2024;2024-10-20;197406151998031005;Bambang Suryadi;Kota Bengkulu;"
                + "PARTISAN_ACTIVITY;Terlapor mengajak warga memilih pasangan calon wali kota di kantor kelurahan.\n")
                .getBytes(StandardCharsets.UTF_8));
        return ("From: Rekap Bengkulu <rekap.bengkulu@pelapor.example>\nTo: laporan@bawaslu.example\nSubject: Rekap\n"
                + "Date: Mon, 21 Oct 2024 10:00:00 +0700\nMessage-ID: <csv-dead-letter@pelapor.example>\nMIME-Version: 1.0\n"
                + "Content-Type: multipart/mixed; boundary=\"m\"\n\n"
                + "--m\nContent-Type: text/plain\n\nRekap terlampir.\n"
                + "--m\nContent-Type: text/csv; name=\"rekap.csv\"\nContent-Transfer-Encoding: base64\n"
                + "Content-Disposition: attachment; filename=\"rekap.csv\"\n\n" + csv + "\n--m--\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    /** Reports from one sender that look like reports but are quarantined (an invalid NIP): each is answered. */
    private static List<byte[]> capMessages(int from, int to) {
        List<byte[]> messages = new ArrayList<>();
        for (int i = from; i < to; i++) {
            messages.add(mail("Rajin <rajin@pelapor.example>", "Laporan " + (i + 1), "<rajin-" + i + "@pelapor.example>", "",
                    report("197803122003131004", "Arif Wicaksono", "Kab. Kepahiang", "PARTISAN_ACTIVITY")));
        }
        return messages;
    }

    private static void appendAndAwait(List<byte[]> messages) throws Exception {
        int before = filed();
        for (byte[] message : messages) {
            imap.append(TestHub.REPORT_MAILBOX, "INBOX", message);
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (filed() < before + messages.size()) {
            assertTrue(System.nanoTime() < deadline, "the hub did not file every message: " + (filed() - before)
                    + " of " + messages.size());
            Thread.sleep(100);
        }
    }

    // --- helpers ---------------------------------------------------------------------------------------------------

    private static int filed() throws Exception {
        return imap.messageIds(TestHub.REPORT_MAILBOX, "Processed").size()
                + imap.messageIds(TestHub.REPORT_MAILBOX, "Quarantine").size();
    }

    private static boolean inFolder(String folder, String messageId) throws Exception {
        return imap.messageIds(TestHub.REPORT_MAILBOX, folder).contains(messageId);
    }

    private static List<AuditEvent> events(String messageId) throws Exception {
        return hub.audit().stream().filter(e -> TestHub.fromMessage(e, messageId)).toList();
    }

    private static List<String> eventNames(String messageId) throws Exception {
        return events(messageId).stream().map(e -> e.event().name()).toList();
    }

    private static String caseOf(String messageId) throws Exception {
        return events(messageId).stream().filter(e -> e.caseId() != null).findFirst().orElseThrow().caseId();
    }

    /** The message was not answered: a NOTE with the reason, and no ACKNOWLEDGED. */
    private static void assertWithheld(String messageId, String reason) throws Exception {
        List<AuditEvent> events = events(messageId);
        assertFalse(events.stream().anyMatch(e -> "ACKNOWLEDGED".equals(e.event().name())), messageId + ": " + events);
        AuditEvent note = events.stream().filter(e -> "NOTE".equals(e.event().name())).reduce((a, b) -> b)
                .orElseThrow(() -> new AssertionError("no NOTE for " + messageId + ": " + events));
        assertEquals("tidak dikirim", note.detail().get("tandaTerima"), note.detail().toString());
        assertTrue(String.valueOf(note.detail().get("alasan")).startsWith(reason), note.detail().toString());
        assertFalse(note.detail().toString().contains("@"), "the reason names no address: " + note.detail());
    }

    private static List<MimeMessage> acknowledgements(String reporter) throws Exception {
        return imap.messages(reporter).stream().filter(m -> "auto-replied".equals(header(m, "Auto-Submitted"))).toList();
    }

    private static List<MimeMessage> delivered(String inbox) throws Exception {
        return imap.messages(inbox);
    }

    /** Every header of the message as received, by name; none outside {@code allowed} and what the server adds. */
    private static void assertHeaders(MimeMessage mail, Set<String> allowed) throws Exception {
        Set<String> names = new TreeSet<>();
        for (Header header : Collections.list(mail.getAllHeaders())) {
            names.add(header.getName().toLowerCase(Locale.ROOT));
        }
        Set<String> unexpected = names.stream().filter(n -> !allowed.contains(n) && !ADDED_BY_THE_SERVER.contains(n))
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(Set.of(), unexpected, subject(mail) + " has " + names);
    }

    private static int attachmentCount(jakarta.mail.Part part) throws Exception {
        if (part.isMimeType("multipart/*")) {
            jakarta.mail.Multipart multipart = (jakarta.mail.Multipart) part.getContent();
            int count = 0;
            for (int i = 0; i < multipart.getCount(); i++) {
                count += attachmentCount(multipart.getBodyPart(i));
            }
            return count;
        }
        return part.getFileName() == null ? 0 : 1;
    }

    private static String caseId(MimeMessage mail) {
        return String.valueOf(header(mail, "X-Netralitas-Case-Id"));
    }

    private static String header(Message message, String name) {
        try {
            String[] values = message.getHeader(name);
            return values == null ? null : values[0];
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
