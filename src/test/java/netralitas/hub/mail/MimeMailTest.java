package netralitas.hub.mail;

import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import netralitas.hub.inbox.EvidenceFile;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MimeMailTest {

    private static final Session SESSION = Session.getInstance(new Properties());

    /** An all-ASCII PDF with LF line endings: exactly what Jakarta Mail would send as 7bit and a reader turn into CRLF. */
    static final byte[] PDF = ("%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n"
            + "2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n")
            .getBytes(StandardCharsets.US_ASCII);
    /** LF endings, a trailing space, a line of UTF-8: each changed by 7bit, quoted-printable or 8bit re-encoding. */
    static final byte[] TEXT = "Kronologi kejadian \nPukul 14.00 — kampanye di Balai Desa\n\nakhir baris tanpa CR \n"
            .getBytes(StandardCharsets.UTF_8);

    @Test
    void evidenceFollowsTheAlternativeBodyInATopLevelMixed() throws Exception {
        MimeMessage message = reread(MimeMail.build(SESSION, headers(), "teks", "<p>html</p>", List.of(
                new EvidenceFile("laporan bukti.pdf", "application/pdf", PDF.length, PDF, false),
                new EvidenceFile("video.mp4", "video/mp4", 20L * 1024 * 1024, null, true),
                new EvidenceFile("kronologi.txt", "text/plain", TEXT.length, TEXT, false))));

        assertTrue(message.isMimeType("multipart/mixed"), message.getContentType());
        Multipart mixed = (Multipart) message.getContent();
        assertEquals(3, mixed.getCount(), "the body and the two files not withheld");
        BodyPart body = mixed.getBodyPart(0);
        assertTrue(body.isMimeType("multipart/alternative"), body.getContentType());
        Multipart alternative = (Multipart) body.getContent();
        assertEquals(2, alternative.getCount());
        assertTrue(alternative.getBodyPart(0).isMimeType("text/plain"));
        assertEquals("teks", alternative.getBodyPart(0).getContent());
        assertTrue(alternative.getBodyPart(1).isMimeType("text/html"));
        assertEquals("<p>html</p>", alternative.getBodyPart(1).getContent());

        assertFile(mixed.getBodyPart(1), "laporan bukti.pdf", "application/pdf", PDF);
        assertFile(mixed.getBodyPart(2), "kronologi.txt", "text/plain", TEXT);
    }

    @Test
    void withoutFilesTheBodyIsTheAlternativeItself() throws Exception {
        MimeMessage message = reread(MimeMail.build(SESSION, headers(), "teks", "<p>html</p>", List.of()));
        assertTrue(message.isMimeType("multipart/alternative"), message.getContentType());
        assertEquals(2, ((Multipart) message.getContent()).getCount());
    }

    @Test
    void aPlainTextOnlyMailIsOnePlainPart() throws Exception {
        MimeMessage message = reread(MimeMail.build(SESSION, headers(), "Laporan Anda diterima.", null, List.of()));
        assertEquals("text/plain; charset=UTF-8", message.getContentType());
        assertEquals("Laporan Anda diterima.", message.getContent());
    }

    @Test
    void aFileKeepsItsBytesWhateverTheyLookLike() throws Exception {
        byte[] binary = new byte[4096];
        for (int i = 0; i < binary.length; i++) {
            binary[i] = (byte) (i * 31 + (i >> 3));
        }
        for (byte[] content : List.of(PDF, TEXT, binary, "\r\n\n\r.\r\n".getBytes(StandardCharsets.US_ASCII), new byte[0])) {
            MimeMessage message = reread(MimeMail.build(SESSION, headers(), "t", "h",
                    List.of(new EvidenceFile("berkas.bin", "application/octet-stream", content.length, content, false))));
            assertArrayEquals(content, bytes(((Multipart) message.getContent()).getBodyPart(1)));
        }
    }

    @Test
    void anOddTypeOrNameIsMadeSafe() throws Exception {
        MimeMessage message = reread(MimeMail.build(SESSION, headers(), "t", "h", List.of(
                new EvidenceFile("../../etc/passwd\r\nBcc: x@evil.example", "text/html\r\nX-Evil: 1", 3, new byte[] {1, 2, 3}, false))));
        BodyPart part = ((Multipart) message.getContent()).getBodyPart(1);
        assertTrue(part.isMimeType("application/octet-stream"), part.getContentType());
        assertFalse(part.getFileName().contains("/") || part.getFileName().contains("\n"), part.getFileName());
        assertNull(message.getHeader("X-Evil"));
        assertNull(message.getHeader("Bcc"));
    }

    @Test
    void onlyAllowedHeadersAreCopiedAndNoneCarriesALineBreak() throws Exception {
        Map<String, Object> headers = headers();
        headers.put("Subject", "Kasus NH-1\r\nBcc: penyusup@evil.example");
        headers.put("contentType", "text/html; charset=UTF-8");
        headers.put("CamelMailAlternativeBody", "teks");
        headers.put("Reply-To", "Tindak Lanjut <tindak-lanjut@bawaslu.example>");
        headers.put("X-Mailer", "camel");
        headers.put("X-Netralitas-Case-Id", "NH-1");
        headers.put("X-Priority", "1");
        MimeMessage message = reread(MimeMail.build(SESSION, headers, "t", "h", List.of()));

        assertEquals("Kasus NH-1 Bcc: penyusup@evil.example", message.getSubject());
        assertNull(message.getHeader("Bcc"));
        assertNull(message.getHeader("contentType"));
        assertNull(message.getHeader("CamelMailAlternativeBody"));
        assertNull(message.getHeader("X-Mailer"));
        // Reply-To (SPEC §12, the follow-up address) is written as an address list, like To.
        assertEquals("tindak-lanjut@bawaslu.example", ((InternetAddress) message.getReplyTo()[0]).getAddress());
        assertEquals(1, message.getReplyTo().length);
        assertEquals("NH-1", message.getHeader("X-Netralitas-Case-Id", null));
        assertEquals("1", message.getHeader("X-Priority", null));
        assertEquals("Netralitas Hub <netralitas-hub@bawaslu.example>", message.getHeader("From", null));
        assertEquals(2, message.getRecipients(MimeMessage.RecipientType.TO).length);
        assertEquals("<NH-1@bawaslu.example>", message.getMessageID());
    }

    private static void assertFile(BodyPart part, String name, String type, byte[] content) throws Exception {
        assertEquals(Part.ATTACHMENT, part.getDisposition());
        assertEquals(name, part.getFileName());
        assertTrue(part.isMimeType(type), part.getContentType());
        assertEquals("base64", ((MimeBodyPart) part).getEncoding());
        assertArrayEquals(content, bytes(part));
        assertNotEquals(0, content.length);
    }

    private static byte[] bytes(Part part) throws Exception {
        try (InputStream in = part.getInputStream()) {
            return in.readAllBytes();
        }
    }

    @Test
    void bothTextsTravelQuotedPrintableAndReadBackExactly() throws Exception {
        String text = "Nama terlapor: Ayu Wira Pratama — NIP 196601161987022708 \n\n"
                + "Tautan: https://bukti.example/uji?id=5&tipe=jpg " + "panjang ".repeat(20) + "\nakhir";
        String html = "<p style=\"margin:0\">Nama terlapor: <b>Ayu</b> — " + "kata ".repeat(40) + "</p>\n<p>akhir</p>";

        MimeMessage message = reread(MimeMail.build(SESSION, headers(), text, html, List.of()));

        Multipart alternative = (Multipart) message.getContent();
        for (int i = 0; i < 2; i++) {
            assertEquals("quoted-printable", ((MimeBodyPart) alternative.getBodyPart(i)).getEncoding());
            assertTrue(alternative.getBodyPart(i).getContentType().contains("charset=UTF-8"));
        }
        assertEquals(text.replace("\n", "\r\n"), alternative.getBodyPart(0).getContent(), "line ends as CRLF, as before");
        assertEquals(html.replace("\n", "\r\n"), alternative.getBodyPart(1).getContent());
    }

    @Test
    void partsSizeIsNeverBelowWhatTheMessageCarriesAfterItsHeaders() throws Exception {
        String text = "Uraian — kampanye di Balai Desa =3D ".repeat(400) + "\n" + "x".repeat(5000);
        String html = "<p>Uraian — <b>kampanye</b> di Balai Desa</p>\n".repeat(300);
        List<EvidenceFile> files = new java.util.ArrayList<>();
        int index = 0;
        for (int size : new int[] {0, 1, 2, 3, 56, 57, 58, 1_000, 99_999}) {
            byte[] content = new byte[size];
            new java.util.Random(size).nextBytes(content);
            files.add(new EvidenceFile("foto kegiatan paslon nomor satu — é ü " + index++ + ".jpg", "image/jpeg", size,
                    content, false));
        }
        files.add(new EvidenceFile("video.mp4", "video/mp4", 20L * 1024 * 1024, null, true));
        MimeMessage message = MimeMail.build(SESSION, headers(), text, html, files);
        message.saveChanges();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        message.writeTo(out);
        String wire = out.toString(StandardCharsets.ISO_8859_1);
        long afterHeaders = wire.length() - wire.indexOf("\r\n\r\n");

        long size = MimeMail.partsSize(text, html, files);
        assertTrue(size >= afterHeaders, size + " < " + afterHeaders);
        assertTrue(size - afterHeaders <= 11L * MimeMail.PART_ALLOWANCE, "exact but for the parts' allowance: " + size
                + " against " + afterHeaders);
    }

    private static Map<String, Object> headers() {
        Map<String, Object> headers = new LinkedHashMap<>();
        headers.put("From", "Netralitas Hub <netralitas-hub@bawaslu.example>");
        headers.put("To", "bkpsdm.kab-kepahiang@pemda.example, bawaslu.kab-kepahiang@bawaslu.example");
        headers.put("Subject", "Kasus NH-1");
        headers.put("Message-ID", "<NH-1@bawaslu.example>");
        return headers;
    }

    /** Written out as it would go on the wire, CRLF everywhere, and read back as a receiving client does. */
    private static MimeMessage reread(MimeMessage message) throws Exception {
        String messageId = message.getMessageID();
        message.saveChanges();
        message.setHeader("Message-ID", messageId);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        message.writeTo(out);
        byte[] wire = new String(out.toByteArray(), StandardCharsets.ISO_8859_1)
                .replace("\r\n", "\n").replace("\n", "\r\n").getBytes(StandardCharsets.ISO_8859_1);
        return new MimeMessage(SESSION, new ByteArrayInputStream(wire));
    }
}
