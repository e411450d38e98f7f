package netralitas.hub.e2e;

import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import jakarta.activation.DataHandler;
import netralitas.hub.audit.AuditEvent;
import netralitas.hub.followup.FollowUpCase;
import netralitas.hub.followup.FollowUpEntry;
import netralitas.hub.followup.FollowUpStatus;
import netralitas.hub.state.FollowUpTable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Offices answering the cases the hub forwarded (SPEC §12), against the real hub, GreenMail and the BKN simulator: eight
 * BERAT cases and a RINGAN digest of three are delivered from a CSV drop, then each office replies as its mail client
 * would (In-Reply-To the case mail, "Re: <subject>", the original quoted below with its example status lines) into the
 * report mailbox, which is also where replies go by default (hub.followup.address empty). Every status, a reply
 * without status line, a sanction decree attached, a spoofed sender, a reply by subject only and a reply to the digest
 * naming its cases: each is recorded in the trail and the follow-up table, and none becomes a case, is forwarded or
 * is acknowledged. An office's out-of-office message is no answer; a report that names a case id the hub never
 * forwarded stays a report.
 */
class FollowUpReplyEndToEndTest {

    private static final String KEPAHIANG = "bkpsdm.kab-kepahiang@pemda.example";
    private static final String LEBONG = "bkpsdm.kab-lebong@pemda.example";
    private static final String HEADER = "nomor_laporan;tanggal_kejadian;nip_terlapor;nama_terlapor;jabatan_terlapor;"
            + "instansi_terlapor;jenis_terlapor;kode_wilayah;wilayah;jenis_pelanggaran;uraian;tempat_kejadian;bukti;"
            + "nama_pelapor;kontak_pelapor\n";
    private static final String[] BERAT = {
            "Mengumpulkan kepala desa dan mengajak memilih paslon nomor 2",
            "Memerintahkan staf memasang stiker paslon di kendaraan dinas",
            "Menjanjikan proyek desa bagi yang memilih paslon nomor 2",
            "Mengarahkan pegawai honorer hadir di kampanye paslon",
            "Membagikan sembako bergambar paslon di kantor setda",
            "Menyampaikan dukungan kepada paslon dalam apel pagi",
            "Mengancam memutasi pegawai yang tidak mendukung paslon",
            "Memimpin rapat tim pemenangan paslon di rumah dinas"};
    /** What the last paragraph of a case mail shows the office, as its mail client quotes it back. */
    private static final String EXAMPLE_LINES = "Cara membalas: awali balasan dengan baris berikut.\nStatus: SELESAI\n"
            + "Sanksi: (jenis hukuman disiplin, bila sudah dijatuhkan)\nKeterangan: (catatan singkat)\n";
    private static final String SANCTION = "Hukuman disiplin sedang: pemotongan tunjangan kinerja 25% selama 6 bulan";
    private static final byte[] DECREE = ("%PDF-1.4\n% Keputusan Bupati Kepahiang Nomor 800/123/BKPSDM/2024\n"
            + "1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n").getBytes(StandardCharsets.US_ASCII);
    /** A list the office attaches to its answer to the digest: a file of the reply, never a batch of reports. */
    private static final byte[] SANCTION_LIST = ("nomor;nama;sanksi\n1;Fajar Nugroho;teguran lisan\n")
            .getBytes(StandardCharsets.UTF_8);
    private static final int REPLIES = 9;

    /** A file a reply carries. */
    private record Attachment(String name, String type, byte[] content) {
    }

    private static TestHub hub;
    private static ImapMailbox imap;
    /** The BERAT cases, in the CSV's order, and the digest's three. */
    private static final List<String> CASES = new ArrayList<>();
    private static final List<String> DIGEST_CASES = new ArrayList<>();
    private static long receivedBefore;
    private static int kepahiangMailsBefore;

    @BeforeAll
    static void deliverThenReply(@TempDir Path work) throws Exception {
        hub = new TestHub(work).start();
        imap = hub.imap();
        StringBuilder csv = new StringBuilder(HEADER);
        for (int i = 0; i < BERAT.length; i++) {
            csv.append("R-").append(i + 1).append(";2024-10-0").append(i + 1)
                    .append(";197803122003121004;Arif Wicaksono;;;ASN;17.08;;PARTISAN_ACTIVITY;").append(BERAT[i])
                    .append(";Kantor Setda;;;\n");
        }
        csv.append("R-9;2024-10-11;198712052011011003;;;;;17.08;;CAMPAIGN_EVENT;Ikut acara pengenalan bakal calon bupati;Lapangan;;;\n")
                .append("R-10;2024-10-12;198712052011011003;;;;;17.08;;CAMPAIGN_EVENT;Hadir di acara deklarasi relawan bakal calon;Gedung;;;\n")
                .append("R-11;2024-10-13;198911252014022001;;;;;17.08;;CAMPAIGN_EVENT;Ikut acara silaturahmi bakal calon di rumah warga;Rumah warga;;;\n");
        hub.dropAndAwait("laporan.csv", csv.toString());
        for (int row = 2; row <= 9; row++) {
            CASES.add(caseOfLine(row));
        }
        for (int row = 10; row <= 12; row++) {
            DIGEST_CASES.add(caseOfLine(row));
        }
        hub.flushDigest(3);
        for (String caseId : CASES) {
            followUp(caseId, "DELIVERED");
        }
        for (String caseId : DIGEST_CASES) {
            followUp(caseId, "DIGEST_SENT");
        }
        receivedBefore = count("RECEIVED");
        kepahiangMailsBefore = imap.messages(KEPAHIANG).size();

        List<byte[]> replies = new ArrayList<>();
        replies.add(outlookReply(CASES.get(0), "Status: SELESAI\nSanksi: " + SANCTION + "\n\nHormat kami,\nBKPSDM Kepahiang"));
        replies.add(gmailReply(KEPAHIANG, CASES.get(1), "*Status:* Diproses\nKeterangan: diperiksa Inspektorat.\n", null));
        replies.add(thunderbirdBottomPost(CASES.get(2), "Status: DITERIMA\n"));
        replies.add(htmlOnlyReply(CASES.get(3), "<div>Status: Tidak Terbukti</div><div>Keterangan: foto bukan pada"
                + " tanggal kejadian.</div>"));
        replies.add(gmailReply(KEPAHIANG, CASES.get(4), "Terima kasih, kasus sudah kami terima dan kami teruskan ke"
                + " Inspektorat.\n", null));
        replies.add(gmailReply("kepala.bkpsdm@pemda.example", CASES.get(5), "Status: SELESAI\nSanksi: " + SANCTION
                + "\nKeputusan terlampir.\n", new Attachment("SK-Bupati-800-123.pdf", "application/pdf", DECREE)));
        replies.add(gmailReply("penyusup@evil.example", CASES.get(6), "Status: SELESAI\nSanksi: tidak ada\n", null));
        replies.add(message(KEPAHIANG, "Tindak lanjut kasus " + CASES.get(7), null,
                "Status: DIPROSES\nKeterangan: dijadwalkan pemeriksaan.\n", null));
        replies.add(digestReply());
        replies.add(outOfOffice(CASES.get(2)));
        replies.add(message("warga.peduli@pelapor.example", "Laporan baru, bukan NH-20240101-ZZZZZZZZ", null,
                "NIP Terlapor: 198505172010012007\nNama Terlapor: Dewi Kartika Sari\nWilayah: Kab. Lebong\n"
                        + "Tanggal Kejadian: 20/10/2024\nJenis Pelanggaran: SOCMED_CAMPAIGN\n"
                        + "Uraian: Mengunggah ajakan memilih paslon di akun Facebook pribadinya.\n", null));
        for (byte[] reply : replies) {
            imap.append(TestHub.REPORT_MAILBOX, "INBOX", reply);
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (imap.messageIds(TestHub.REPORT_MAILBOX, "Processed").size() < REPLIES + 2) {
            assertTrue(System.nanoTime() < deadline, "the hub did not file every reply");
            Thread.sleep(100);
        }
        imap.awaitEmpty(TestHub.REPORT_MAILBOX, "INBOX", deadline);
        hub.awaitEvent("DELIVERED", CASES.size() + 1);
    }

    @AfterAll
    static void stop() {
        hub.close();
    }

    @Test
    void aFinalStatusWithASanctionClosesTheCase() throws Exception {
        String caseId = CASES.get(0);
        AuditEvent reply = only(caseId, "FOLLOW_UP");
        assertEquals("SELESAI", reply.detail().get("status"));
        assertEquals(SANCTION, reply.detail().get("sanction"));
        assertEquals(KEPAHIANG, reply.detail().get("from"));
        assertEquals(false, reply.detail().get("spoofed"));
        assertEquals("IN_REPLY_TO", reply.detail().get("matchedBy"));
        assertEquals(List.of(), reply.detail().get("evidence"));
        assertFalse(reply.detail().containsKey("excerpt"));
        assertEquals("SELESAI", only(caseId, "FOLLOW_UP_CLOSED").detail().get("status"));
        FollowUpCase row = table().find(caseId).orElseThrow();
        assertEquals(FollowUpStatus.SELESAI, row.status());
        assertTrue(row.closed());
        assertNull(row.nextCheckAt(), "no reminder for a closed case");
        assertEquals(List.of("FORWARDED", "FOLLOW_UP", "FOLLOW_UP_CLOSED"), historyBesidesLinks(caseId));
        assertEquals("Sanksi: " + SANCTION, table().history(caseId).stream()
                .filter(entry -> entry.kind().equals("FOLLOW_UP")).findFirst().orElseThrow().detail());
    }

    @Test
    void eachStatusIsRecordedFromTheReplysOwnTextNotFromTheQuotedOriginal() throws Exception {
        assertReplied(CASES.get(1), FollowUpStatus.DIPROSES, false);
        assertEquals("diperiksa Inspektorat.", only(CASES.get(1), "FOLLOW_UP").detail().get("note"));
        assertReplied(CASES.get(2), FollowUpStatus.DITERIMA, false);
        assertReplied(CASES.get(3), FollowUpStatus.TIDAK_TERBUKTI, true);
        assertNotNull(table().find(CASES.get(1)).orElseThrow().answeredAt());
        assertEquals(table().find(CASES.get(1)).orElseThrow().dueAt(), table().find(CASES.get(1)).orElseThrow().nextCheckAt(),
                "a case in progress keeps its deadline");
    }

    @Test
    void aReplyWithoutAStatusLineIsDiterimaWithAnExcerpt() throws Exception {
        String caseId = CASES.get(4);
        AuditEvent reply = only(caseId, "FOLLOW_UP");
        assertEquals("DITERIMA", reply.detail().get("status"), "the quoted original's 'Status: SELESAI' does not count");
        assertEquals("Terima kasih, kasus sudah kami terima dan kami teruskan ke Inspektorat.", reply.detail().get("excerpt"));
        assertEquals(FollowUpStatus.DITERIMA, table().find(caseId).orElseThrow().status());
    }

    @Test
    void theSanctionDecreeIsKeptWithTheCaseAndListedByItsHash() throws Exception {
        String caseId = CASES.get(5);
        AuditEvent reply = only(caseId, "FOLLOW_UP");
        assertEquals("kepala.bkpsdm@pemda.example", reply.detail().get("from"), "a colleague at the office's domain");
        assertEquals(false, reply.detail().get("spoofed"));
        List<?> evidence = (List<?>) reply.detail().get("evidence");
        assertEquals(1, evidence.size());
        Map<?, ?> file = (Map<?, ?>) evidence.get(0);
        assertEquals("application/pdf", file.get("type"));
        assertEquals(DECREE.length, ((Number) file.get("bytes")).intValue());
        assertEquals(sha256(DECREE), file.get("sha256"));
        assertFalse(reply.toJsonLine().contains("SK-Bupati"), "no file name in the trail");
        Path folder = hub.work.resolve("data/followup").resolve(caseId);
        try (Stream<Path> kept = Files.list(folder)) {
            List<Path> files = kept.toList();
            assertEquals(1, files.size());
            assertTrue(files.get(0).getFileName().toString().endsWith("-SK-Bupati-800-123.pdf"), files.toString());
            assertTrue(Arrays.equals(DECREE, Files.readAllBytes(files.get(0))), "byte for byte");
        }
        assertTrue(table().find(caseId).orElseThrow().closed());
    }

    @Test
    void aSpoofedReplyIsRecordedAndChangesNothing() throws Exception {
        String caseId = CASES.get(6);
        AuditEvent reply = only(caseId, "FOLLOW_UP");
        assertEquals(true, reply.detail().get("spoofed"));
        assertEquals("SELESAI", reply.detail().get("status"));
        assertEquals("evil.example", reply.detail().get("from"), "the domain only: a stranger may be a reporter");
        assertFalse(reply.toJsonLine().contains("penyusup"));
        assertFalse(reply.detail().containsKey("sanction"), "none of a stranger's text");
        assertTrue(events(caseId, "FOLLOW_UP_CLOSED").isEmpty());
        FollowUpCase row = table().find(caseId).orElseThrow();
        assertEquals(FollowUpStatus.TERKIRIM, row.status());
        assertNull(row.answeredAt());
        assertFalse(row.closed());
        assertEquals(List.of("FORWARDED"), historyBesidesLinks(caseId));
        assertFalse(Files.exists(hub.work.resolve("data/followup").resolve(caseId)));
    }

    @Test
    void aReplyWithoutInReplyToIsMatchedByTheCaseIdInItsSubject() throws Exception {
        AuditEvent reply = only(CASES.get(7), "FOLLOW_UP");
        assertEquals("SUBJECT", reply.detail().get("matchedBy"));
        assertEquals("DIPROSES", reply.detail().get("status"));
        assertEquals(FollowUpStatus.DIPROSES, table().find(CASES.get(7)).orElseThrow().status());
    }

    @Test
    void aReplyToTheDigestAnswersEachCaseItNamesAndTheOthersAsReceived() throws Exception {
        AuditEvent first = only(DIGEST_CASES.get(0), "FOLLOW_UP");
        assertEquals("SELESAI", first.detail().get("status"));
        assertEquals("teguran lisan", first.detail().get("sanction"));
        assertEquals("IN_REPLY_TO", first.detail().get("matchedBy"));
        assertEquals("SELESAI", only(DIGEST_CASES.get(0), "FOLLOW_UP_CLOSED").detail().get("status"));
        assertEquals("DIPROSES", only(DIGEST_CASES.get(1), "FOLLOW_UP").detail().get("status"));
        AuditEvent unnamed = only(DIGEST_CASES.get(2), "FOLLOW_UP");
        assertEquals("DITERIMA", unnamed.detail().get("status"), "the reply answers the digest, this case by no block");
        assertTrue(String.valueOf(unnamed.detail().get("excerpt")).startsWith("Kasus: " + DIGEST_CASES.get(0)));
        assertEquals(List.of(FollowUpStatus.SELESAI, FollowUpStatus.DIPROSES, FollowUpStatus.DITERIMA),
                List.of(status(DIGEST_CASES.get(0)), status(DIGEST_CASES.get(1)), status(DIGEST_CASES.get(2))));
        for (String caseId : DIGEST_CASES) {
            List<?> evidence = (List<?>) only(caseId, "FOLLOW_UP").detail().get("evidence");
            assertEquals(sha256(SANCTION_LIST), ((Map<?, ?>) evidence.get(0)).get("sha256"), caseId);
            try (Stream<Path> kept = Files.list(hub.work.resolve("data/followup").resolve(caseId))) {
                assertTrue(kept.anyMatch(f -> f.getFileName().toString().endsWith("-rekap-sanksi.csv")), caseId);
            }
        }
    }

    @Test
    void aReplyIsNeverANewCaseNeverForwardedNeverAcknowledged() throws Exception {
        assertEquals(receivedBefore + 1, count("RECEIVED"), "only the new report became a case");
        assertEquals(kepahiangMailsBefore, imap.messages(KEPAHIANG).size(), "nothing forwarded to the office again");
        assertTrue(imap.messages("penyusup@evil.example").isEmpty());
        assertTrue(imap.messages("kepala.bkpsdm@pemda.example").isEmpty(), "no acknowledgement to an office");
        List<AuditEvent> replyEvents = hub.audit().stream().filter(e -> e.source() != null && e.source().startsWith("INBOX;")
                && !e.source().contains(TestHub.mid("<laporan-baru@pelapor.example>"))
                && !e.source().contains(TestHub.mid("<ooo-" + CASES.get(2) + "@pemda.example>"))).toList();
        assertEquals(List.of("FOLLOW_UP", "FOLLOW_UP_CLOSED"), replyEvents.stream().map(e -> e.event().name()).distinct()
                .sorted().toList(), "a reply leaves FOLLOW_UP (and FOLLOW_UP_CLOSED) only: no RECEIVED, NOTE, ACKNOWLEDGED");
        assertEquals(REPLIES - 1 + DIGEST_CASES.size(), replyEvents.stream().filter(e -> "FOLLOW_UP".equals(e.event().name()))
                .count(), "one FOLLOW_UP per case a reply answers");
        assertTrue(imap.messageIds(TestHub.REPORT_MAILBOX, "INBOX").isEmpty());
        assertTrue(imap.messageIds(TestHub.REPORT_MAILBOX, "Quarantine").isEmpty());
    }

    @Test
    void anOfficesAutoReplyIsNoAnswer() throws Exception {
        List<String> trail = hub.eventsOf("<ooo-" + CASES.get(2) + "@pemda.example>").stream()
                .map(e -> e.event().name()).toList();
        assertEquals(List.of("NOTE"), trail, "filed as before: an out-of-office is not an office's answer");
        assertEquals(1, events(CASES.get(2), "FOLLOW_UP").size(), "only the office's real reply");
    }

    @Test
    void aReportNamingACaseIdTheHubNeverForwardedStaysAReport() throws Exception {
        List<String> trail = hub.eventsOf("<laporan-baru@pelapor.example>").stream().map(e -> e.event().name()).toList();
        assertTrue(trail.contains("RECEIVED") && trail.contains("DELIVERED") && trail.contains("ACKNOWLEDGED"),
                trail.toString());
        assertTrue(imap.messages(LEBONG).stream().anyMatch(m -> subject(m).contains("198505172010012007")),
                "forwarded to Lebong");
    }

    // --- the replies, as mail clients write them ---------------------------------------------------------------------

    private static byte[] outlookReply(String caseId, String own) throws Exception {
        MimeMessage original = delivered(caseId);
        String body = own + "\n\n________________________________\nDari: Netralitas Hub <netralitas-hub@bawaslu.example>\n"
                + "Dikirim: Senin, 11 November 2024 10.00\nKepada: " + KEPAHIANG + "\nSubjek: " + original.getSubject()
                + "\n\n" + MailText.of(original).plain() + "\n" + EXAMPLE_LINES;
        return message(KEPAHIANG, "RE: " + original.getSubject(), original.getMessageID(), body, null);
    }

    private static byte[] gmailReply(String from, String caseId, String own, Attachment decree) throws Exception {
        MimeMessage original = delivered(caseId);
        String body = own + "\nPada tanggal Sen, 11 Nov 2024 pukul 10.00 Netralitas Hub <\n"
                + "netralitas-hub@bawaslu.example> menulis:\n\n" + quoted(MailText.of(original).plain() + "\n" + EXAMPLE_LINES);
        return message(from, "Re: " + original.getSubject(), original.getMessageID(), body, decree);
    }

    private static byte[] thunderbirdBottomPost(String caseId, String own) throws Exception {
        MimeMessage original = delivered(caseId);
        String body = "On 11/11/2024 10:00, Netralitas Hub wrote:\n"
                + quoted(MailText.of(original).plain() + "\n" + EXAMPLE_LINES) + "\n" + own + "\n-- \nBKPSDM Kepahiang\n";
        return message(KEPAHIANG, "Re: " + original.getSubject(), original.getMessageID(), body, null);
    }

    private static byte[] htmlOnlyReply(String caseId, String ownHtml) throws Exception {
        MimeMessage original = delivered(caseId);
        String html = "<div dir=\"ltr\">" + ownHtml + "</div><br><div class=\"gmail_quote\"><div class=\"gmail_attr\">"
                + "On Mon, Nov 11, 2024 at 10:00 AM Netralitas Hub wrote:<br></div><blockquote class=\"gmail_quote\">"
                + MailText.of(original).html() + "<p>Status: SELESAI<br>Sanksi: (jenis hukuman disiplin)</p></blockquote></div>";
        MimeMessage reply = newMessage(KEPAHIANG, "Re: " + original.getSubject(), original.getMessageID());
        reply.setText(html, "UTF-8", "html");
        return bytes(reply, "<html-only." + caseId + "@mail.gmail.example>");
    }

    private static byte[] outOfOffice(String caseId) throws Exception {
        MimeMessage original = delivered(caseId);
        MimeMessage reply = newMessage(KEPAHIANG, "Balasan otomatis: " + original.getSubject(), original.getMessageID());
        reply.setHeader("Auto-Submitted", "auto-replied");
        reply.setText("Saya sedang cuti sampai 25 November 2024.\nStatus: SELESAI\n", "UTF-8");
        return bytes(reply, "<ooo-" + caseId + "@pemda.example>");
    }

    private static byte[] digestReply() throws Exception {
        MimeMessage digest = imap.messages(KEPAHIANG).stream()
                .filter(m -> header(m, "X-Netralitas-Case-Id").contains(DIGEST_CASES.get(0))).findFirst().orElseThrow();
        String own = "Kasus: " + DIGEST_CASES.get(0) + "\nStatus: SELESAI\nSanksi: teguran lisan\n\n"
                + "Kasus: " + DIGEST_CASES.get(1) + "\nStatus: DIPROSES\n\nSalam,\nBKPSDM Kepahiang";
        String body = own + "\n\n-----Original Message-----\nFrom: Netralitas Hub <netralitas-hub@bawaslu.example>\n"
                + "Sent: Monday, November 11, 2024 10:00 AM\nTo: " + KEPAHIANG + "\nSubject: " + digest.getSubject() + "\n\n"
                + "Kasus: " + DIGEST_CASES.get(2) + "\n" + EXAMPLE_LINES;
        return message(KEPAHIANG, "RE: " + digest.getSubject(), digest.getMessageID(), body,
                new Attachment("rekap-sanksi.csv", "text/csv", SANCTION_LIST));
    }

    private static byte[] message(String from, String subject, String inReplyTo, String text, Attachment attachment)
            throws Exception {
        MimeMessage message = newMessage(from, subject, inReplyTo);
        if (attachment == null) {
            message.setText(text, "UTF-8");
        } else {
            MimeBodyPart textPart = new MimeBodyPart();
            textPart.setText(text, "UTF-8");
            MimeBodyPart file = new MimeBodyPart();
            file.setDataHandler(new DataHandler(new ByteArrayDataSource(attachment.content(), attachment.type())));
            file.setFileName(attachment.name());
            // What mail clients do with a file: a 7bit part would have its line ends rewritten on the way.
            file.setHeader("Content-Transfer-Encoding", "base64");
            file.setDisposition(MimeBodyPart.ATTACHMENT);
            message.setContent(new MimeMultipart(textPart, file));
        }
        String id = from.startsWith("warga.") ? "<laporan-baru@pelapor.example>"
                : "<reply-" + Integer.toHexString((subject + text).hashCode()) + "@" + from.substring(from.indexOf('@') + 1) + ">";
        return bytes(message, id);
    }

    private static MimeMessage newMessage(String from, String subject, String inReplyTo) throws Exception {
        MimeMessage message = new MimeMessage(Session.getInstance(new Properties()));
        message.setFrom(new InternetAddress(from));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(TestHub.REPORT_MAILBOX));
        message.setSubject(subject, "UTF-8");
        message.setSentDate(new Date());
        if (inReplyTo != null) {
            message.setHeader("In-Reply-To", inReplyTo);
            message.setHeader("References", inReplyTo);
        }
        return message;
    }

    private static byte[] bytes(MimeMessage message, String messageId) throws Exception {
        message.saveChanges();
        message.setHeader("Message-ID", messageId);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        message.writeTo(out);
        return out.toByteArray();
    }

    private static String quoted(String text) {
        StringBuilder quoted = new StringBuilder();
        for (String line : text.replace("\r\n", "\n").split("\n", -1)) {
            quoted.append(line.isEmpty() ? ">" : "> " + line).append('\n');
        }
        return quoted.toString();
    }

    // --- helpers -------------------------------------------------------------------------------------------------------

    /** The follow-up row the delivery (or the digest) opened when the mail server accepted the case's mail. */
    private static void followUp(String caseId, String sentEvent) throws Exception {
        only(caseId, sentEvent);
        assertTrue(table().find(caseId).isPresent(), caseId + " followed up since " + sentEvent);
    }

    /**
     * The kinds of the case's history steps, without LINKED: the eight BERAT reports name one employee, so whether a
     * case is linked to another depends on which of the workers opened its follow-up first.
     */
    private static List<String> historyBesidesLinks(String caseId) throws Exception {
        return table().history(caseId).stream().map(FollowUpEntry::kind).filter(kind -> !kind.equals("LINKED")).toList();
    }

    private static FollowUpTable table() {
        return hub.context().getRegistry().lookupByNameAndType("followUpTable", FollowUpTable.class);
    }

    private static FollowUpStatus status(String caseId) throws Exception {
        return table().find(caseId).orElseThrow().status();
    }

    private static void assertReplied(String caseId, FollowUpStatus status, boolean closes) throws Exception {
        assertEquals(status.name(), only(caseId, "FOLLOW_UP").detail().get("status"), caseId);
        assertEquals(closes ? 1 : 0, events(caseId, "FOLLOW_UP_CLOSED").size(), caseId);
        FollowUpCase row = table().find(caseId).orElseThrow();
        assertEquals(status, row.status(), caseId);
        assertEquals(closes, row.closed(), caseId);
    }

    private static MimeMessage delivered(String caseId) throws Exception {
        return imap.onlyCopy(KEPAHIANG, caseId);
    }

    private static String caseOfLine(int line) throws Exception {
        return hub.audit().stream().filter(e -> "RECEIVED".equals(e.event().name()) && ("laporan.csv:" + line).equals(e.source()))
                .findFirst().orElseThrow(() -> new AssertionError("no case of line " + line)).caseId();
    }

    private static AuditEvent only(String caseId, String event) throws Exception {
        List<AuditEvent> found = events(caseId, event);
        assertEquals(1, found.size(), event + " of " + caseId + ": " + found);
        return found.get(0);
    }

    private static List<AuditEvent> events(String caseId, String event) throws Exception {
        return hub.audit().stream().filter(e -> caseId.equals(e.caseId()) && event.equals(e.event().name())).toList();
    }

    private static long count(String event) throws Exception {
        return hub.audit().stream().filter(e -> event.equals(e.event().name())).count();
    }

    private static String header(MimeMessage message, String name) {
        try {
            String value = message.getHeader(name, null);
            return value == null ? "" : value;
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

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
