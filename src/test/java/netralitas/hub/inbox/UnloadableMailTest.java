package netralitas.hub.inbox;

import jakarta.mail.Header;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

class UnloadableMailTest {

    private static final MailReadFailures.Failure FAILURE = new MailReadFailures.Failure(
            MailboxUid.parse("INBOX;UIDVALIDITY=9;UID=3"), 5, 5, Instant.parse("2024-11-05T02:00:00Z"),
            "MessagingException: Failed to load IMAP envelope");

    @Test
    void namesEveryHeaderButQuotesOnlyThoseThatCannotSayWhoWrote() {
        UnloadableMail mail = UnloadableMail.of(FAILURE, List.of(
                new Header("From", "\"Wulan \\\"Ucok\\\" Pratiwi\" <wulan.pratiwi@pelapor.example>"),
                new Header("Subject", "rahasia"),
                new Header("Date", "Mon, 25 Nov 2024 12:00:00 +0700"),
                new Header("Content-Type", "multipart/report;\r\n report-type=delivery-status"),
                new Header("content-type", "text/plain")));
        assertEquals(List.of("From", "Subject", "Date", "Content-Type", "content-type"), mail.headerNames());
        assertEquals(Map.of("Date", "Mon, 25 Nov 2024 12:00:00 +0700",
                "Content-Type", "multipart/report; report-type=delivery-status"), mail.headerValues());
        assertFalse(mail.toString().contains("wulan") || mail.toString().contains("rahasia"));
        assertEquals("pesan tidak dapat dimuat setelah 5 percobaan: MessagingException: Failed to load IMAP envelope",
                mail.reason());
    }

    @Test
    void aMailLoopOfHeadersIsNamedBoundedly() {
        List<Header> headers = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            headers.add(new Header("Received", "from relay" + i));
        }
        assertEquals(UnloadableMail.MAX_HEADER_NAMES, UnloadableMail.of(FAILURE, headers).headerNames().size());
    }

    @Test
    void noHeaderAtAllLeavesTheErrorAlone() {
        UnloadableMail mail = UnloadableMail.of(FAILURE, List.of());
        assertEquals(List.of(), mail.headerNames());
        assertEquals(Map.of(), mail.headerValues());
    }
}
