package netralitas.hub.e2e;

import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import netralitas.hub.audit.AuditEvent;
import netralitas.hub.inbox.LargeMail;
import netralitas.hub.inbox.MailCorpus;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The 25 raw messages of src/test/resources/mail (every shape a report email takes, see its README) put into the real
 * report mailbox of a GreenMail server, read by the real hub over IMAP, and each outcome checked where people would
 * look for it: the regional inbox, the Quarantine or Processed folder, the reporter's inbox, and the audit trail.
 */
class MailIngestEndToEndTest {

    /** Plus 14-large-attachment-template.eml, filled with a 20 MB video. */
    private static final int MESSAGES = MailCorpus.ALL_BUT_LARGE.size() + 1;
    private static final int TWENTY_MB = 20 * 1024 * 1024;

    private static final String KEPAHIANG = "bkpsdm.kab-kepahiang@pemda.example";
    private static final String LEBONG = "bkpsdm.kab-lebong@pemda.example";
    private static final String CILEGON = "bkpsdm.kota-cilegon@pemda.example";
    private static final String BUNGO = "bkpsdm.kab-bungo@pemda.example";

    private static TestHub hub;
    private static ImapMailbox imap;

    @BeforeAll
    static void deliverTheCorpus(@TempDir Path work) throws Exception {
        hub = new TestHub(work).start();
        imap = hub.imap();
        for (String file : MailCorpus.ALL_BUT_LARGE) {
            imap.append(TestHub.REPORT_MAILBOX, "INBOX", MailCorpus.bytes(file));
        }
        imap.append(TestHub.REPORT_MAILBOX, "INBOX", LargeMail.withAttachment(TWENTY_MB));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (folder("Processed").size() + folder("Quarantine").size() < MESSAGES) {
            assertTrue(System.nanoTime() < deadline, "the hub did not file every message: "
                    + folder("Processed").size() + " processed, " + folder("Quarantine").size() + " quarantined");
            Thread.sleep(100);
        }
        imap.awaitEmpty(TestHub.REPORT_MAILBOX, "INBOX", deadline);
    }

    @AfterAll
    static void stop() {
        hub.close();
    }

    @Test
    void everyMessageIsFiledOnceAndTheInboxIsEmpty() throws Exception {
        assertEquals(MESSAGES, folder("Processed").size() + folder("Quarantine").size());
        assertTrue(folder("INBOX").isEmpty(), "nothing left behind");
        assertEquals(5, folder("Quarantine").size(), "image only, empty body, broken MIME, no NIP or name, invalid NIP");
    }

    @Test
    void aStructuredReportReachesItsOfficeWithTheWholeTrail() throws Exception {
        String caseId = hub.caseOf("<lap-01-rahmat@pelapor.example>");
        MimeMessage mail = imap.onlyCopy(KEPAHIANG, caseId);
        assertEquals("BERAT", mail.getHeader("X-Netralitas-Severity", null));
        assertEquals(List.of(KEPAHIANG), recipients(mail, Message.RecipientType.TO));
        MailText text = MailText.of(mail);
        assertTrue(text.plain().contains("Kepala Bagian Perekonomian"), "BKN record shown");
        assertFalse(text.plain().contains("Rahmat Hidayat"), "the reporter's name stays with Bawaslu");
        assertFalse(text.plain().contains("rahmat.hidayat@pelapor.example"), "and so does the reporter's address");
        assertTrail(caseId, "RECEIVED", "ENRICHED", "CLASSIFIED", "ROUTED", "DELIVERED", "ACKNOWLEDGED");
    }

    @Test
    void noHeaderOfTheIncomingReportLeaksIntoTheForwardedEmail() throws Exception {
        MimeMessage mail = imap.onlyCopy(KEPAHIANG, hub.caseOf("<lap-01-rahmat@pelapor.example>"));
        assertTrue(mail.getMessageID().startsWith("<NH-"), mail.getMessageID());
        // Reply-To is the hub's follow-up address (SPEC §12; by default the report mailbox), never the reporter's.
        assertEquals(TestHub.REPORT_MAILBOX, mail.getHeader("Reply-To", null));
        assertNull(mail.getHeader("In-Reply-To"));
        assertNull(mail.getHeader("References"));
        assertFalse(Arrays.toString(mail.getAllRecipients()).contains(TestHub.REPORT_MAILBOX));
        assertEquals("Netralitas Hub <netralitas-hub@bawaslu.example>", mail.getHeader("From", null));
    }

    @Test
    void everyBodyShapeBecomesTheRightCase() throws Exception {
        // quoted-printable, CSV column names as labels
        imap.onlyCopy(LEBONG, hub.caseOf("<lap-02-yusuf@pelapor.example>"));
        // free text: a spaced NIP and a region named in a pasted WhatsApp chat; "kemarin sore" is no date, so the
        // office is told that the date is only the email's
        MimeMessage chat = imap.onlyCopy(CILEGON, hub.caseOf("<lap-03-siti@pelapor.example>"));
        assertTrue(MailText.of(chat).plain().contains("Tanggal kejadian       : tidak disebut dalam laporan; tanggal email:"
                + " 21 Oktober 2024"), MailText.of(chat).plain());
        // HTML only, base64
        MimeMessage html = imap.onlyCopy(BUNGO, hub.caseOf("<lap-04-andi@pelapor.example>"));
        assertFalse(MailText.of(html).plain().contains("<b>"), "HTML read as text, not tags");
        // multipart/alternative: the plain part is the one read
        assertTrue(MailText.of(imap.onlyCopy(KEPAHIANG, hub.caseOf("<lap-05-wahyu@pelapor.example>"))).plain()
                .contains("versi teks"));
        // forwarded as message/rfc822: the report inside it
        imap.onlyCopy(LEBONG, hub.caseOf("<lap-08-koordinator@pelapor.example>"));
        // windows-1252 HTML with a table of labels
        imap.onlyCopy(LEBONG, hub.caseOf("<lap-25-forum@pelapor.example>"));
    }

    @Test
    void anInlineForwardedBlockIsNotTakenForTheIncidentDate() throws Exception {
        MimeMessage mail = imap.onlyCopy(CILEGON, hub.caseOf("<lap-09-relawan@pelapor.example>"));
        assertTrue(MailText.of(mail).plain().contains("tanggal email: 22 Oktober 2024"), "the Date header's day, not the forwarded 21st");
    }

    @Test
    void encodedSubjectsAndLatin1BodiesAreRead() throws Exception {
        String caseId = hub.caseOf("<lap-06-andre@pelapor.example>");
        // Fajar's CAMPAIGN_EVENT is RINGAN: it waits for the digest.
        assertTrail(caseId, "RECEIVED", "ENRICHED", "CLASSIFIED", "ROUTED", "DIGEST_QUEUED", "ACKNOWLEDGED");
        MimeMessage ack = acknowledgement("andre.gunawan@pelapor.example", caseId);
        assertTrue(MailText.of(ack).plain().contains("Kafé Kepahiang"), MailText.of(ack).plain());
    }

    @Test
    void evidenceFilesTravelWithTheCaseUnderSafeNames() throws Exception {
        MimeMessage nested = imap.onlyCopy(KEPAHIANG, hub.caseOf("<lap-07-lestari@pelapor.example>"));
        assertEquals(List.of("foto-1.jpg", "lampiran-1.png", "laporan bukti.pdf"), attachmentNames(nested));
        MimeMessage forwarded = imap.onlyCopy(LEBONG, hub.caseOf("<lap-08-koordinator@pelapor.example>"));
        assertEquals(List.of("tangkapan-layar-fb.jpg"), attachmentNames(forwarded));
        MimeMessage paths = imap.onlyCopy(BUNGO, hub.caseOf("<lap-24-indra@pelapor.example>"));
        assertEquals(List.of("foto bukti.jpg", "passwd.jpg"), attachmentNames(paths));
    }

    @Test
    void aTwentyMegabyteAttachmentIsReplacedByANote() throws Exception {
        MimeMessage mail = imap.onlyCopy(KEPAHIANG, hub.caseOf("<lap-14-rahmat@pelapor.example>"));
        assertTrue(attachmentNames(mail).isEmpty(), "not attached: over hub.mail.max-attachment-bytes");
        String text = MailText.of(mail).plain();
        assertTrue(text.contains(LargeMail.ATTACHMENT_NAME + " (20,0 MB)"), text);
        assertTrue(text.contains("TIDAK DILAMPIRKAN"), text);
    }

    @Test
    void aMessageWithoutMessageIdGetsAStableCaseId() throws Exception {
        Set<String> withMessageId = new HashSet<>();
        for (String folder : List.of("Processed", "Quarantine")) {
            folder(folder).stream().filter(Objects::nonNull).map(TestHub::mid).forEach(withMessageId::add);
        }
        AuditEvent received = hub.audit().stream().filter(e -> "RECEIVED".equals(e.event().name())
                && "EMAIL".equals(e.detail().get("channel")) && !withMessageId.contains(TestHub.midOf(e.source())))
                .findFirst().orElseThrow();
        // Dated by its Date header (23 October), keyed by a hash of its bytes.
        assertTrue(received.caseId().startsWith("NH-20241023-"), received.caseId());
        assertTrail(received.caseId(), "RECEIVED", "ENRICHED", "CLASSIFIED", "ROUTED", "DIGEST_QUEUED", "ACKNOWLEDGED");
    }

    @Test
    void whatCannotBeUnderstoodIsQuarantinedWithItsReasonAndTheReporterIsTold() throws Exception {
        assertQuarantined("<lap-12-rudi@pelapor.example>", "uraian kosong");
        assertQuarantined("<lap-13-budi@pelapor.example>", "uraian kosong");
        assertQuarantined("<lap-15-joko@pelapor.example>", "struktur MIME rusak");
        assertQuarantined("<lap-21-eko@pelapor.example>", "tanpa NIP, nama_terlapor wajib diisi");
        assertQuarantined("<lap-23-hadi@pelapor.example>", "bulan pengangkatan 13");

        String caseId = hub.caseOf("<lap-23-hadi@pelapor.example>");
        MimeMessage ack = acknowledgement("hadi.susanto@pelapor.example", caseId);
        assertTrue(ack.getSubject().contains("belum dapat diproses"), ack.getSubject());
        assertTrue(MailText.of(ack).plain().contains("NIP tidak valid: bulan pengangkatan 13 tidak ada"),
                "the reason, so the reporter can fix it");
    }

    @Test
    void aQuarantinedMessageWithNothingOfAReportIsNotAnswered() throws Exception {
        // An empty body under "Laporan", and a photo under "foto": no label, NIP, region or category keyword.
        for (String[] message : new String[][] {{"<lap-13-budi@pelapor.example>", "budi.santoso@pelapor.example"},
                {"<lap-12-rudi@pelapor.example>", "rudi.hartono@pelapor.example"}}) {
            assertTrue(imap.messages(message[1]).isEmpty(), message[1] + " got no reply");
            AuditEvent note = hub.eventsOf(message[0]).stream().filter(e -> "NOTE".equals(e.event().name())).findFirst()
                    .orElseThrow(() -> new AssertionError("no NOTE for " + message[0]));
            assertEquals("tidak dikirim", note.detail().get("tandaTerima"));
            assertTrue(String.valueOf(note.detail().get("alasan")).startsWith("pesan tidak tampak sebagai laporan"),
                    note.detail().toString());
        }
    }

    @Test
    void bouncesAutoRepliesAndTheHubsOwnMailAreFiledNeverForwardedNorAnswered() throws Exception {
        for (String messageId : List.of("<20241030031244.7A1B2C3D@mail.pelapor.example>", "<ooo-19-bambang@pelapor.example>",
                "<NH-20241008-ABCDEFGH.1728371160000@bawaslu.example>")) {
            List<AuditEvent> events = hub.eventsOf(messageId);
            assertEquals(List.of("NOTE"), events.stream().map(e -> e.event().name()).toList(), messageId);
            assertTrue(inFolder("Processed", messageId), messageId + " in Processed");
        }
        assertTrue(imap.messages("MAILER-DAEMON@mail.pelapor.example").isEmpty(), "no reply to a mailer daemon");
        assertTrue(imap.messages("bambang.wijaya@pelapor.example").isEmpty(), "no reply to an auto-reply");
    }

    @Test
    void headerInjectionInTheSubjectOrAFieldReachesNoHeader() throws Exception {
        for (String messageId : List.of("<lap-16-maya@pelapor.example>", "<lap-17-agus@pelapor.example>")) {
            String caseId = hub.caseOf(messageId);
            MimeMessage mail = imap.onlyCopy(messageId.contains("16") ? LEBONG : KEPAHIANG, caseId);
            assertNull(mail.getHeader("Bcc"));
            assertFalse(Arrays.toString(mail.getAllRecipients()).contains("penyusup"));
            assertTrue(mail.getSubject().indexOf('\n') < 0 && mail.getSubject().indexOf('\r') < 0);
            // BERAT: the hub's own X-Priority, once; the injected one never arrives.
            assertEquals(1, mail.getHeader("X-Priority").length);
        }
        assertTrue(imap.messages("penyusup@evil.example").isEmpty(), "the injected address received nothing");
    }

    @Test
    void aCsvAttachmentIsProcessedAsADropAndTheSenderIsToldTheRejectedRowsNotSentThem() throws Exception {
        List<AuditEvent> rows = hub.eventsOf("<lap-10-rekap@pelapor.example>").stream()
                .filter(e -> e.source().contains("/rekap-oktober.csv:")).toList();
        assertEquals(2, rows.stream().filter(e -> "RECEIVED".equals(e.event().name())).count(), "two good rows");
        assertEquals(1, rows.stream().filter(e -> "REJECTED".equals(e.event().name())).count(), "one bad row");
        assertTrue(imap.messages(BUNGO).stream().anyMatch(m -> subject(m).contains("198208092006041003")));
        List<MimeMessage> acks = imap.messages("panwascam.rekap@pelapor.example");
        assertEquals(1, acks.size());
        MimeMessage ack = acks.get(0);
        assertEquals("auto-replied", ack.getHeader("Auto-Submitted", null));
        assertTrue(attachmentNames(ack).isEmpty(), "the rejects file stays with Bawaslu");
        assertEquals("text/plain; charset=UTF-8", ack.getContentType());
        String text = MailText.of(ack).plain().replace("\r\n", "\n");
        assertTrue(text.contains("Lampiran CSV ke-1: 2 baris diterima, 1 baris ditolak\n"
                + "      baris 4: NIP tidak valid: bulan pengangkatan 13 tidak ada\n"), text);
        assertFalse(text.contains("Arif Wicaksono") || text.contains("197803122003131004"), "no cell of the row");
        try (var kept = java.nio.file.Files.list(hub.work.resolve("data/mail-rejects"))) {
            assertTrue(kept.anyMatch(f -> f.getFileName().toString().endsWith("rekap-oktober.csv.rejected.csv")));
        }
        assertTrue(inFolder("Processed", "<lap-10-rekap@pelapor.example>"));
    }

    @Test
    void passiveAttendanceIsClosedAndFiled() throws Exception {
        String caseId = hub.caseOf("<lap-22-fitri@pelapor.example>");
        assertTrail(caseId, "RECEIVED", "ENRICHED", "CLASSIFIED", "ROUTED", "CLOSED", "ACKNOWLEDGED");
        assertTrue(inFolder("Processed", "<lap-22-fitri@pelapor.example>"));
        String text = MailText.of(acknowledgement("fitri.handayani@pelapor.example", caseId)).plain();
        assertTrue(text.contains("diperbolehkan dan bukan pelanggaran netralitas"), text);
        assertFalse(text.contains("diteruskan kepada pihak yang berwenang"), text);
    }

    @Test
    void theAcknowledgementNamesTheCaseAndIsMarkedAutomatic() throws Exception {
        String caseId = hub.caseOf("<lap-01-rahmat@pelapor.example>");
        MimeMessage ack = acknowledgement("rahmat.hidayat@pelapor.example", caseId);
        assertEquals("auto-replied", ack.getHeader("Auto-Submitted", null));
        assertEquals("<lap-01-rahmat@pelapor.example>", ack.getHeader("In-Reply-To", null));
        String text = MailText.of(ack).plain();
        assertTrue(text.contains("Nomor kasus: " + caseId), text);
        assertFalse(text.contains(KEPAHIANG), "the reporter is not told which office received it");
    }

    // --- helpers -------------------------------------------------------------------------------------------------

    /** Message-IDs only: the folders hold the 20 MB message, which is read once, by the hub. */
    private static List<String> folder(String name) throws Exception {
        return imap.messageIds(TestHub.REPORT_MAILBOX, name);
    }

    private static boolean inFolder(String name, String messageId) throws Exception {
        return folder(name).contains(messageId);
    }

    private static MimeMessage acknowledgement(String reporter, String caseId) throws Exception {
        return imap.messages(reporter).stream().filter(m -> caseId.equals(header(m, "X-Netralitas-Case-Id")))
                .findFirst().orElseThrow(() -> new AssertionError("no acknowledgement of " + caseId + " to " + reporter));
    }

    private static void assertQuarantined(String messageId, String reason) throws Exception {
        assertTrue(inFolder("Quarantine", messageId), messageId + " in Quarantine");
        List<AuditEvent> events = hub.eventsOf(messageId);
        AuditEvent rejected = events.stream().filter(e -> "REJECTED".equals(e.event().name())).findFirst()
                .orElseThrow(() -> new AssertionError("no REJECTED for " + messageId));
        assertTrue(String.valueOf(rejected.detail().get("alasan")).contains(reason), rejected.detail().toString());
        assertEquals("Quarantine", rejected.detail().get("folder"));
        assertTrue(events.stream().noneMatch(e -> "DELIVERED".equals(e.event().name())), messageId + " not forwarded");
    }

    private static void assertTrail(String caseId, String... expected) throws IOException {
        List<String> events = hub.audit().stream().filter(e -> caseId.equals(e.caseId()))
                .map(e -> e.event().name()).toList();
        assertEquals(List.of(expected), events, caseId);
    }

    private static List<String> recipients(MimeMessage mail, Message.RecipientType type) throws Exception {
        return Arrays.stream(mail.getRecipients(type)).map(Object::toString).toList();
    }

    private static List<String> attachmentNames(Part part) throws Exception {
        List<String> names = new ArrayList<>();
        collectAttachmentNames(part, names);
        names.sort(null);
        return names;
    }

    private static void collectAttachmentNames(Part part, List<String> names) throws Exception {
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                collectAttachmentNames(multipart.getBodyPart(i), names);
            }
        } else if (part.getFileName() != null) {
            names.add(part.getFileName());
        }
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String header(MimeMessage message, String name) {
        try {
            return message.getHeader(name, null);
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
