package netralitas.hub.e2e;

import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import netralitas.hub.audit.AuditEvent;
import netralitas.hub.text.ByteSizes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * SPEC §9: a case mail stays within the size the SMTP server takes ({@code hub.smtp.max-message-bytes}). Sent whole,
 * the four files of this report (phone photos, as reports carry them) would make a mail of about 1.4 MB, which a server
 * limited to 1,000,000 bytes refuses for good ("552 5.3.4 message file too big": the case went to the dead letters,
 * seen against Postfix). The mail carries the three smallest, byte for byte, and names the fourth as not attached; the
 * reporter is told, and the trail records it.
 */
class MailSizeLimitEndToEndTest {

    private static final String KEPAHIANG = "bkpsdm.kab-kepahiang@pemda.example";
    private static final String REPORTER = "pelapor.foto@pelapor.example";
    private static final long LIMIT = 1_000_000;

    private record Evidence(String name, byte[] content) {
    }

    /** In this order in the report; the third is the largest. */
    private static final List<Evidence> FILES = List.of(
            new Evidence("IMG_20241010_1.jpg", random(300_000, 1)),
            new Evidence("surat.pdf", random(2_000, 2)),
            new Evidence("IMG_20241010_2.jpg", random(350_000, 3)),
            new Evidence("IMG_20241010_3.jpg", random(250_000, 4)));
    private static final int WITHHELD = 2;

    private static TestHub hub;
    private static MimeMessage delivered;
    private static AuditEvent deliveredEvent;

    @BeforeAll
    static void reportWithPhotos(@TempDir Path work) throws Exception {
        hub = new TestHub(work);
        hub.settings.put("hub.smtp.max-message-bytes", String.valueOf(LIMIT));
        hub.settings.put("hub.smtp.helo-name", "hub1.bawaslu.example");
        hub.start();
        hub.imap().append(TestHub.REPORT_MAILBOX, "INBOX", report());
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (deliveredEvent == null || hub.imap().messages(REPORTER).isEmpty()) {
            assertTrue(System.nanoTime() < deadline, "the report was not delivered and acknowledged: " + hub.audit());
            deliveredEvent = hub.audit().stream().filter(e -> "DELIVERED".equals(e.event().name())).findFirst().orElse(null);
            Thread.sleep(100);
        }
        List<MimeMessage> inbox = hub.imap().messages(KEPAHIANG);
        assertEquals(1, inbox.size());
        delivered = inbox.get(0);
    }

    @AfterAll
    static void stop() {
        hub.close();
    }

    @Test
    void theMailStaysWithinTheLimitAndCarriesTheSmallestFilesByteForByte() throws Exception {
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        delivered.writeTo(raw);
        assertTrue(raw.size() <= LIMIT, raw.size() + " bytes");
        assertTrue(raw.size() > LIMIT / 2, "the files that fit are carried: " + raw.size() + " bytes");
        Multipart mixed = (Multipart) delivered.getContent();
        List<String> attached = new ArrayList<>();
        for (int i = 1; i < mixed.getCount(); i++) {
            Part part = mixed.getBodyPart(i);
            String name = part.getFileName();
            attached.add(name);
            Evidence sent = FILES.stream().filter(f -> f.name().equals(name)).findFirst().orElseThrow();
            try (InputStream in = part.getInputStream()) {
                assertArrayEquals(sent.content(), in.readAllBytes(), sent.name());
            }
        }
        assertEquals(List.of(FILES.get(0).name(), FILES.get(1).name(), FILES.get(3).name()), attached,
                "in the report's order, the largest left out");
    }

    @Test
    void bothAlternativesNameTheFileLeftOutAndWhy() throws Exception {
        MailText text = MailText.of(((Multipart) delivered.getContent()).getBodyPart(0));
        Evidence left = FILES.get(WITHHELD);
        assertTrue(text.plain().replace("\r\n", "\n").contains("  - " + left.name() + " (" + ByteSizes.format(left.content().length)
                + ") — TIDAK DILAMPIRKAN karena ukuran email dibatasi " + ByteSizes.format(LIMIT) + "; berkas asli"
                + " disimpan Bawaslu dan dapat diminta dengan menyebut nomor kasus " + deliveredEvent.caseId()), text.plain());
        assertTrue(text.html().contains(left.name() + " (" + ByteSizes.format(left.content().length) + ") — <strong>tidak"
                + " dilampirkan</strong> karena ukuran email dibatasi " + ByteSizes.format(LIMIT)), text.html());
    }

    @Test
    void theReporterIsToldAndTheTrailRecordsIt() throws Exception {
        String ack = MailText.of(hub.imap().messages(REPORTER).get(0)).plain();
        assertTrue(ack.contains("1 lampiran tidak diteruskan karena email kepada instansi dibatasi " + ByteSizes.format(LIMIT)),
                ack);
        @SuppressWarnings("unchecked")
        Map<String, Object> leftOut = (Map<String, Object>) deliveredEvent.detail().get("attachmentsLeftOut");
        assertEquals(1, ((Number) leftOut.get("withheldForMail")).intValue(), deliveredEvent.detail().toString());
        assertEquals(LIMIT, ((Number) leftOut.get("maxMailBytes")).longValue());
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> evidence = (List<Map<String, Object>>) deliveredEvent.detail().get("evidence");
        assertEquals(List.of(1, 2, 4), evidence.stream().map(e -> ((Number) e.get("file")).intValue()).toList());
    }

    /** A relay that wants a full host name in EHLO gets the one configured, not the machine's "localhost". */
    @Test
    void theHubGivesTheServerTheHostNameItWasGiven() throws Exception {
        String received = delivered.getHeader("Received")[0];
        assertTrue(received.contains("HELO hub1.bawaslu.example"), received);
    }

    private static byte[] report() {
        StringBuilder raw = new StringBuilder("From: Pelapor <" + REPORTER + ">\r\nTo: " + TestHub.REPORT_MAILBOX
                + "\r\nSubject: Laporan dengan foto\r\nDate: Fri, 11 Oct 2024 08:15:00 +0700\r\n"
                + "Message-ID: <lap-foto@pelapor.example>\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: multipart/mixed; boundary=\"foto\"\r\n\r\n--foto\r\n"
                + "Content-Type: text/plain; charset=UTF-8\r\n\r\n"
                + "NIP Terlapor: 197803122003121004\r\nNama Terlapor: Arif Wicaksono\r\nWilayah: Kab. Kepahiang\r\n"
                + "Tanggal Kejadian: 2024-10-10\r\nJenis Pelanggaran: ATTEND_ACTIVE\r\n"
                + "Uraian: Terlapor memberikan sambutan pada deklarasi pasangan calon bupati. Foto terlampir.\r\n");
        for (Evidence file : FILES) {
            String type = file.name().endsWith(".pdf") ? "application/pdf" : "image/jpeg";
            raw.append("--foto\r\nContent-Type: ").append(type).append("; name=\"").append(file.name())
                    .append("\"\r\nContent-Transfer-Encoding: base64\r\nContent-Disposition: attachment; filename=\"")
                    .append(file.name()).append("\"\r\n\r\n")
                    .append(Base64.getMimeEncoder().encodeToString(file.content())).append("\r\n");
        }
        return raw.append("--foto--\r\n").toString().getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] random(int size, long seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }
}
