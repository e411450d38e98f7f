package netralitas.hub.mail;

import jakarta.mail.Header;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;

import java.util.Collections;
import java.util.List;
import java.util.Properties;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

class OutgoingHeadersTest {

    @Test
    void onlyTheAllowedHeadersStay() throws Exception {
        MimeMessage message = new MimeMessage(Session.getInstance(new Properties()));
        message.setFrom("netralitas-hub@bawaslu.example");
        message.setRecipients(MimeMessage.RecipientType.TO, "pelapor@pelapor.example");
        message.setRecipients(MimeMessage.RecipientType.BCC, "penyusup@evil.example");
        message.setSubject("Laporan diterima");
        message.setHeader("contentType", "text/plain; charset=UTF-8");
        message.setHeader("Auto-Submitted", "auto-replied");
        message.setHeader("X-Netralitas-Case-Id", "NH-1");
        message.setHeader("Reply-To", "tindak-lanjut@bawaslu.example");
        message.setHeader("breadcrumbId", "abc");
        message.addHeader("X-Mailer", "a");
        message.addHeader("X-Mailer", "b");
        message.setText("isi", "UTF-8");
        message.saveChanges();

        assertEquals(Set.of("Bcc", "contentType", "breadcrumbId", "X-Mailer"),
                Set.copyOf(OutgoingHeaders.strip(message)));
        List<String> left = Collections.list(message.getAllHeaders()).stream().map(Header::getName).toList();
        assertEquals(Set.of("From", "To", "Date", "Message-Id", "Subject", "MIME-Version", "Content-Type",
                "Content-Transfer-Encoding", "Auto-Submitted", "X-Netralitas-Case-Id", "Reply-To"), Set.copyOf(left));
        assertEquals(left.size(), Set.copyOf(left).size(), "each once: " + left);
    }
}
