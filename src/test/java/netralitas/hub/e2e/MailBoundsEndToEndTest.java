package netralitas.hub.e2e;

import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import netralitas.hub.audit.AuditEvent;
import netralitas.hub.inbox.MailCorpus;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Messages past the bounds of SPEC §9 put into the real report mailbox of a GreenMail server and read by the real hub
 * over IMAP: more attachments than hub.mail.max-attachments-per-message (forwarded with a note, the rest counted in
 * the acknowledgement and the trail), and a message too large, too deep and with too long a subject (each quarantined
 * naming its bound). The ordinary report sent after them is delivered.
 */
class MailBoundsEndToEndTest {

    private static final String KEPAHIANG = "bkpsdm.kab-kepahiang@pemda.example";
    private static final String SENDER = "pelapor.lampiran@pelapor.example";
    private static final int ATTACHMENTS = 25;
    private static final int FILE_BYTES = 1_000;
    private static final int MAX_MESSAGE_BYTES = 2 * 1024 * 1024;

    private static final String MANY_FILES = "<batas-lampiran@pelapor.example>";
    private static final String TOO_LARGE = "<batas-ukuran@pelapor.example>";
    private static final String TOO_DEEP = "<batas-sarang@pelapor.example>";
    private static final String LONG_SUBJECT = "<batas-subjek@pelapor.example>";
    private static final String AFTER_THEM = "<lap-01-rahmat@pelapor.example>";

    private static TestHub hub;
    private static ImapMailbox imap;

    @BeforeAll
    static void deliverMessagesPastEachBound(@TempDir Path work) throws Exception {
        hub = new TestHub(work);
        hub.settings.put("hub.mail.max-message-bytes", String.valueOf(MAX_MESSAGE_BYTES));
        hub.start();
        imap = hub.imap();
        for (byte[] raw : List.of(manyFiles(), tooLarge(), tooDeep(), longSubject(), MailCorpus.bytes("01-structured-plain.eml"))) {
            imap.append(TestHub.REPORT_MAILBOX, "INBOX", raw);
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (folder("Processed").size() + folder("Quarantine").size() < 5) {
            assertTrue(System.nanoTime() < deadline, "the hub did not file every message: "
                    + folder("Processed").size() + " processed, " + folder("Quarantine").size() + " quarantined");
            Thread.sleep(100);
        }
        hub.awaitEvent("DELIVERED", 2);
    }

    @AfterAll
    static void stop() {
        hub.close();
    }

    @Test
    void theFilesPastTheMaximumAreLeftOutAndTheRegionalMailSaysWhich() throws Exception {
        String caseId = hub.caseOf(MANY_FILES);
        MimeMessage mail = imap.onlyCopy(KEPAHIANG, caseId);
        List<String> attached = attachmentNames(mail);
        assertEquals(20, attached.size(), attached.toString());
        assertTrue(attached.contains("foto-20.jpg") && !attached.contains("foto-21.jpg"), attached.toString());
        MailText text = MailText.of(mail);
        assertTrue(text.plain().contains("  - 5 berkas lain (5 KB) TIDAK DITERUSKAN karena satu laporan hanya dapat membawa"
                + " 20 lampiran: foto-21.jpg, foto-22.jpg, foto-23.jpg, foto-24.jpg, foto-25.jpg; email asli disimpan Bawaslu"),
                text.plain());
        assertTrue(text.html().contains("5 berkas lain (5 KB) <strong>tidak diteruskan</strong>"), text.html());
    }

    @Test
    void theTrailRecordsWhatWasLeftOutWhenTheCaseIsReceivedAndDelivered() throws Exception {
        String caseId = hub.caseOf(MANY_FILES);
        for (String event : List.of("RECEIVED", "DELIVERED")) {
            AuditEvent recorded = hub.audit().stream()
                    .filter(e -> caseId.equals(e.caseId()) && event.equals(e.event().name())).findFirst().orElseThrow();
            Map<?, ?> leftOut = (Map<?, ?>) recorded.detail().get("attachmentsLeftOut");
            assertEquals("5", String.valueOf(leftOut.get("dropped")), recorded.detail().toString());
            assertEquals(String.valueOf(5 * FILE_BYTES), String.valueOf(leftOut.get("droppedBytes")));
            assertEquals("20", String.valueOf(leftOut.get("maxPerMessage")));
            assertEquals("0", String.valueOf(leftOut.get("withheld")));
            assertFalse(recorded.detail().toString().contains("foto-2"), "no file name in the trail: " + recorded.detail());
        }
    }

    @Test
    void theAcknowledgementSaysHowManyFilesWereLeftOut() throws Exception {
        String caseId = hub.caseOf(MANY_FILES);
        MimeMessage ack = imap.messages(SENDER).stream().filter(m -> caseId.equals(header(m, "X-Netralitas-Case-Id")))
                .findFirst().orElseThrow(() -> new AssertionError("no acknowledgement of " + caseId));
        String text = MailText.of(ack).plain();
        assertTrue(text.contains("Catatan lampiran: 5 lampiran (5 KB) tidak diteruskan karena satu email hanya dapat membawa"
                + " 20 lampiran."), text);
        assertFalse(text.contains("foto-21.jpg"), "the acknowledgement repeats no file name");
    }

    @Test
    void messagesPastAStructuralBoundAreQuarantinedNamingIt() throws Exception {
        assertQuarantined(TOO_LARGE, "melebihi batas 2,0 MB (hub.mail.max-message-bytes)");
        assertQuarantined(TOO_DEEP, "struktur MIME bersarang melebihi batas 20 tingkat (hub.mail.max-nesting-depth)");
        assertQuarantined(LONG_SUBJECT, "subjek melebihi batas 1.000 karakter (hub.mail.max-subject-chars)");
    }

    @Test
    void theReportSentAfterThemIsDelivered() throws Exception {
        imap.onlyCopy(KEPAHIANG, hub.caseOf(AFTER_THEM));
        assertTrue(folder("Processed").contains(AFTER_THEM));
    }

    // --- the messages -----------------------------------------------------------------------------------------------

    private static String head(String messageId, String subject) {
        return "From: Pelapor Lampiran <" + SENDER + ">\r\nTo: " + TestHub.REPORT_MAILBOX + "\r\nSubject: " + subject
                + "\r\nDate: Tue, 08 Oct 2024 15:00:00 +0700\r\nMessage-ID: " + messageId + "\r\nMIME-Version: 1.0\r\n";
    }

    private static final String REPORT = "Tanggal Kejadian: 05/10/2024\r\nNIP Terlapor: 197803122003121004\r\n"
            + "Nama Terlapor: Arif Wicaksono\r\nWilayah: Kab. Kepahiang\r\n"
            + "Jenis Pelanggaran: Kegiatan keberpihakan: pertemuan, ajakan, pemberian barang\r\n"
            + "Uraian: Terlapor membagikan sembako bergambar pasangan calon di balai desa.\r\n";

    private static byte[] manyFiles() {
        StringBuilder sb = new StringBuilder(head(MANY_FILES, "Laporan dengan banyak foto"))
                .append("Content-Type: multipart/mixed; boundary=\"lampiran\"\r\n\r\n")
                .append("--lampiran\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\n").append(REPORT);
        Random random = new Random(10);
        for (int i = 1; i <= ATTACHMENTS; i++) {
            byte[] content = new byte[FILE_BYTES];
            random.nextBytes(content);
            sb.append("--lampiran\r\nContent-Type: image/jpeg\r\nContent-Transfer-Encoding: base64\r\n")
                    .append("Content-Disposition: attachment; filename=\"foto-").append(i).append(".jpg\"\r\n\r\n")
                    .append(Base64.getMimeEncoder().encodeToString(content)).append("\r\n");
        }
        return sb.append("--lampiran--\r\n").toString().getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] tooLarge() {
        byte[] video = new byte[MAX_MESSAGE_BYTES];
        new Random(11).nextBytes(video);
        return (head(TOO_LARGE, "Laporan dengan video") + "Content-Type: multipart/mixed; boundary=\"besar\"\r\n\r\n"
                + "--besar\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\n" + REPORT
                + "--besar\r\nContent-Type: video/mp4\r\nContent-Transfer-Encoding: base64\r\n"
                + "Content-Disposition: attachment; filename=\"video.mp4\"\r\n\r\n"
                + Base64.getMimeEncoder().encodeToString(video) + "\r\n--besar--\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] tooDeep() {
        StringBuilder sb = new StringBuilder(head(TOO_DEEP, "Laporan bersarang"))
                .append("Content-Type: multipart/mixed; boundary=\"b0\"\r\n\r\n");
        for (int level = 1; level <= 200; level++) {
            sb.append("--b").append(level - 1).append("\r\nContent-Type: multipart/mixed; boundary=\"b").append(level).append("\"\r\n\r\n");
        }
        sb.append("--b200\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\n").append(REPORT);
        for (int level = 200; level >= 0; level--) {
            sb.append("--b").append(level).append("--\r\n");
        }
        return sb.toString().getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] longSubject() {
        String subject = String.join("\r\n ", Collections.nCopies(100, "laporan panjang sekali tentang ASN"));
        return (head(LONG_SUBJECT, subject) + "Content-Type: text/plain; charset=UTF-8\r\n\r\n" + REPORT)
                .getBytes(StandardCharsets.US_ASCII);
    }

    // --- helpers ----------------------------------------------------------------------------------------------------

    private static List<String> folder(String name) throws Exception {
        return imap.messageIds(TestHub.REPORT_MAILBOX, name);
    }

    private static void assertQuarantined(String messageId, String reason) throws Exception {
        assertTrue(folder("Quarantine").contains(messageId), messageId + " in Quarantine");
        List<AuditEvent> events = hub.eventsOf(messageId);
        AuditEvent rejected = events.stream().filter(e -> "REJECTED".equals(e.event().name())).findFirst()
                .orElseThrow(() -> new AssertionError("no REJECTED for " + messageId));
        assertTrue(String.valueOf(rejected.detail().get("alasan")).endsWith(reason), rejected.detail().toString());
        assertTrue(events.stream().noneMatch(e -> "DELIVERED".equals(e.event().name())), messageId + " not forwarded");
    }

    private static List<String> attachmentNames(Part part) throws Exception {
        List<String> names = new ArrayList<>();
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                names.addAll(attachmentNames(multipart.getBodyPart(i)));
            }
        } else if (part.getFileName() != null) {
            names.add(part.getFileName());
        }
        return names;
    }

    private static String header(MimeMessage message, String name) {
        try {
            return message.getHeader(name, null);
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
