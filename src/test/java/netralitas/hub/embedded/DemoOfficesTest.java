package netralitas.hub.embedded;

import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import netralitas.hub.followup.FollowUpStatus;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The demo's answering offices: a reply as a mail client builds it, once per case mail, never to a digest. */
class DemoOfficesTest {

    private static final String OFFICE = "bkpsdm.kab-kepahiang@pemda.example";
    private static final String HUB = "laporan@bawaslu.example";

    @Test
    void anOfficeAnswersEachCaseMailOnceThreadedWithTheOriginalQuotedAndItsDecreeAttached() throws Exception {
        try (EmbeddedMailServer mail = new EmbeddedMailServer(0, 0).start()) {
            mail.addUser(HUB, HUB, HUB);
            mail.addUser(OFFICE, OFFICE, OFFICE);
            mail.deliver(OFFICE, caseMail("NH-20241008-AAAAAAAA", "<NH-20241008-AAAAAAAA@hub.example>"));
            mail.deliver(OFFICE, caseMail("NH-20241008-AAAAAAAA NH-20241009-BBBBBBBB", "<digest-17.08@hub.example>"));
            try (DemoOffices offices = DemoOffices.start(mail, OFFICE + "=SELESAI", Duration.ZERO)) {
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
                while (mail.greenMail().getReceivedMessagesForDomain("bawaslu.example").length < 1) {
                    assertTrue(System.nanoTime() < deadline, "no answer within 20 s");
                    Thread.sleep(100);
                }
                Thread.sleep(2500);
                MimeMessage[] answers = mail.greenMail().getReceivedMessagesForDomain("bawaslu.example");
                assertEquals(1, answers.length, "the case mail answered once, the digest not at all");
                MimeMessage answer = answers[0];
                assertEquals(OFFICE, answer.getFrom()[0].toString());
                assertEquals("<NH-20241008-AAAAAAAA@hub.example>", answer.getHeader("In-Reply-To", null));
                assertEquals("Re: [SEDANG] Dugaan pelanggaran netralitas", answer.getSubject());
                Multipart parts = (Multipart) answer.getContent();
                String text = parts.getBodyPart(0).getContent().toString().replace("\r\n", "\n");
                assertTrue(text.startsWith("Status: SELESAI\nSanksi: "), text);
                assertTrue(text.contains("\n> Balas dengan baris:\n> Status: DIPROSES\n"), "the original quoted: " + text);
                assertEquals("application/pdf", parts.getBodyPart(1).getContentType().split(";")[0]);
                assertEquals("SK-hukuman-disiplin.pdf", parts.getBodyPart(1).getFileName());
            }
        }
    }

    @Test
    void aStatusTheHubDoesNotKnowStopsTheStart() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> DemoOffices.parse(OFFICE + "=BERES"));
        assertEquals("hub.embedded.answering-offices: \"" + OFFICE + "=BERES\" is not address=STATUS (DITERIMA,"
                + " DIPROSES, SELESAI or TIDAK TERBUKTI)", refused.getMessage());
        assertEquals(Map.of(OFFICE, FollowUpStatus.TIDAK_TERBUKTI), DemoOffices.parse(" " + OFFICE + " = tidak terbukti ,"));
    }

    private static byte[] caseMail(String caseIds, String messageId) throws Exception {
        MimeMessage message = new MimeMessage(Session.getInstance(new Properties())) {
            @Override
            protected void updateMessageID() throws jakarta.mail.MessagingException {
                setHeader("Message-ID", messageId);
            }
        };
        message.setFrom(new InternetAddress("Netralitas Hub <netralitas-hub@bawaslu.example>"));
        message.setReplyTo(new InternetAddress[] {new InternetAddress(HUB)});
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(OFFICE));
        message.setSubject("[SEDANG] Dugaan pelanggaran netralitas");
        message.setHeader("X-Netralitas-Case-Id", caseIds);
        message.setSentDate(new java.util.Date());
        message.setText("Mohon tindak lanjut.\nBalas dengan baris:\nStatus: DIPROSES\n", "UTF-8");
        message.saveChanges();
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        message.writeTo(raw);
        return raw.toByteArray();
    }
}
