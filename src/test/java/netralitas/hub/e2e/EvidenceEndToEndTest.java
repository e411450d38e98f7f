package netralitas.hub.e2e;

import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import netralitas.hub.audit.AuditEvent;
import netralitas.hub.text.ByteSizes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * SPEC §9: evidence reaches the regional office byte for byte. A report email carrying a PDF with LF line endings (all
 * ASCII: Jakarta Mail would pick 7bit for it and the line endings would become CRLF), a JPEG, a DOCX and a text file
 * with LF endings, a trailing space and UTF-8, read by the real hub over IMAP and delivered over SMTP to GreenMail.
 */
class EvidenceEndToEndTest {

    private static final String KEPAHIANG = "bkpsdm.kab-kepahiang@pemda.example";
    private static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    private record Evidence(String name, String type, byte[] content) {
        String sha256() {
            return sha256(content);
        }

        static String sha256(byte[] content) {
            try {
                return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
            } catch (java.security.NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private static final List<Evidence> FILES = List.of(
            new Evidence("notulen rapat.pdf", "application/pdf", pdf()),
            new Evidence("foto panggung.jpg", "image/jpeg", jpeg()),
            new Evidence("surat undangan.docx", DOCX, docx()),
            new Evidence("kronologi.txt", "text/plain", ("Kronologi kejadian \nPukul 14.00 — sambutan di panggung \n"
                    + "\nakhir berkas tanpa CR \n").getBytes(StandardCharsets.UTF_8)));

    private static TestHub hub;
    private static MimeMessage delivered;
    private static AuditEvent deliveredEvent;

    @BeforeAll
    static void reportWithFourFiles(@TempDir Path work) throws Exception {
        hub = new TestHub(work).start();
        hub.imap().append(TestHub.REPORT_MAILBOX, "INBOX", report());
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (deliveredEvent == null) {
            assertTrue(System.nanoTime() < deadline, "the report was not delivered: " + hub.audit());
            deliveredEvent = hub.audit().stream().filter(e -> "DELIVERED".equals(e.event().name())).findFirst().orElse(null);
            Thread.sleep(100);
        }
        List<MimeMessage> inbox = hub.imap().messages(KEPAHIANG);
        assertEquals(1, inbox.size());
        delivered = inbox.get(0);
        assertEquals(deliveredEvent.caseId(), delivered.getHeader("X-Netralitas-Case-Id", null));
    }

    @AfterAll
    static void stop() {
        hub.close();
    }

    @Test
    void everyFileArrivesByteIdenticalAfterTheAlternativeBody() throws Exception {
        assertTrue(delivered.isMimeType("multipart/mixed"), delivered.getContentType());
        Multipart mixed = (Multipart) delivered.getContent();
        assertEquals(1 + FILES.size(), mixed.getCount());
        BodyPart body = mixed.getBodyPart(0);
        assertTrue(body.isMimeType("multipart/alternative"), body.getContentType());
        Multipart alternative = (Multipart) body.getContent();
        assertTrue(alternative.getBodyPart(0).isMimeType("text/plain"));
        assertTrue(alternative.getBodyPart(1).isMimeType("text/html"));
        for (int i = 0; i < FILES.size(); i++) {
            Evidence sent = FILES.get(i);
            BodyPart part = mixed.getBodyPart(i + 1);
            assertEquals(Part.ATTACHMENT, part.getDisposition());
            assertEquals(sent.name(), part.getFileName());
            assertTrue(part.isMimeType(sent.type()), part.getContentType());
            byte[] received;
            try (InputStream in = part.getInputStream()) {
                received = in.readAllBytes();
            }
            assertEquals(sent.content().length, received.length, sent.name());
            assertEquals(sent.sha256(), Evidence.sha256(received), sent.name());
            assertArrayEquals(sent.content(), received, sent.name());
            assertEquals("base64", ((MimeBodyPart) part).getEncoding(), sent.name());
        }
    }

    @Test
    void bothAlternativesListNameSizeAndSha256() throws Exception {
        MailText text = MailText.of(((Multipart) delivered.getContent()).getBodyPart(0));
        String plain = text.plain().replace("\r\n", "\n");
        for (Evidence file : FILES) {
            String size = ByteSizes.exact(file.content().length);
            assertTrue(plain.contains("  - " + file.name() + " (" + ByteSizes.format(file.content().length)
                    + ") — terlampir pada email ini\n    ukuran " + size + "; SHA-256 " + file.sha256() + "\n"), plain);
            assertTrue(text.html().contains(file.name()) && text.html().contains("ukuran " + size)
                    && text.html().contains(file.sha256()), text.html());
        }
    }

    @Test
    void theDeliveredEventRecordsEachFilesSizeAndSha256() throws IOException {
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> recorded = (List<Map<String, Object>>) deliveredEvent.detail().get("evidence");
        assertEquals(FILES.size(), recorded.size(), deliveredEvent.detail().toString());
        for (int i = 0; i < FILES.size(); i++) {
            Evidence file = FILES.get(i);
            Map<String, Object> entry = recorded.get(i);
            assertEquals(i + 1, ((Number) entry.get("file")).intValue());
            assertEquals(file.type(), entry.get("type"));
            assertEquals(file.content().length, ((Number) entry.get("bytes")).longValue());
            assertEquals(file.sha256(), entry.get("sha256"));
        }
        assertTrue(hub.audit().stream().noneMatch(e -> e.toString().contains("notulen rapat")),
                "a file name is the sender's text: not in the trail");
    }

    private static byte[] report() {
        StringBuilder raw = new StringBuilder("From: Pelapor <pelapor.bukti@pelapor.example>\r\nTo: " + TestHub.REPORT_MAILBOX
                + "\r\nSubject: Laporan dengan bukti\r\nDate: Fri, 11 Oct 2024 08:15:00 +0700\r\n"
                + "Message-ID: <lap-bukti@pelapor.example>\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: multipart/mixed; boundary=\"bukti\"\r\n\r\n--bukti\r\n"
                + "Content-Type: text/plain; charset=UTF-8\r\n\r\n"
                + "NIP Terlapor: 197803122003121004\r\nNama Terlapor: Arif Wicaksono\r\nWilayah: Kab. Kepahiang\r\n"
                + "Tanggal Kejadian: 2024-10-10\r\nJenis Pelanggaran: ATTEND_ACTIVE\r\n"
                + "Uraian: Terlapor memberikan sambutan pada deklarasi pasangan calon bupati. Bukti terlampir.\r\n");
        for (Evidence file : FILES) {
            raw.append("--bukti\r\nContent-Type: ").append(file.type()).append("; name=\"").append(file.name())
                    .append("\"\r\nContent-Transfer-Encoding: base64\r\nContent-Disposition: attachment; filename=\"")
                    .append(file.name()).append("\"\r\n\r\n")
                    .append(Base64.getMimeEncoder().encodeToString(file.content())).append("\r\n");
        }
        return raw.append("--bukti--\r\n").toString().getBytes(StandardCharsets.UTF_8);
    }

    /** A one-page PDF, all ASCII, LF line endings: the shape that went out as 7bit and came back 10 bytes longer. */
    private static byte[] pdf() {
        String content = "BT /F1 14 Tf 72 770 Td (Notulen rapat deklarasi) Tj ET";
        return ("%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
                + "2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n"
                + "3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R"
                + " /Resources << /Font << /F1 5 0 R >> >> >> endobj\n"
                + "4 0 obj << /Length " + content.length() + " >> stream\n" + content + "\nendstream endobj\n"
                + "5 0 obj << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> endobj\n"
                + "trailer << /Root 1 0 R >>\n%%EOF\n").getBytes(StandardCharsets.US_ASCII);
    }

    /** JPEG markers around bytes of every value, CR and LF among them. */
    private static byte[] jpeg() {
        byte[] bytes = new byte[3000];
        new Random(7).nextBytes(bytes);
        byte[] head = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16, 'J', 'F', 'I', 'F', 0, '\r', '\n', '\n'};
        System.arraycopy(head, 0, bytes, 0, head.length);
        bytes[bytes.length - 2] = (byte) 0xFF;
        bytes[bytes.length - 1] = (byte) 0xD9;
        return bytes;
    }

    private static byte[] docx() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
            zip.write("<?xml version=\"1.0\"?>\n<Types/>\n".getBytes(StandardCharsets.UTF_8));
            zip.putNextEntry(new ZipEntry("word/document.xml"));
            zip.write("<?xml version=\"1.0\"?>\n<w:document>Undangan deklarasi</w:document>\n".getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toByteArray();
    }
}
