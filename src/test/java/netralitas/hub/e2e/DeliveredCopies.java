package netralitas.hub.e2e;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import netralitas.hub.embedded.EmbeddedMailServer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the offices' mailboxes hold after a crash test: each case once per recipient, or parked as uncertain. */
final class DeliveredCopies {

    private DeliveredCopies() {
    }

    /** The case mails the mail server received: to the offices, not the acknowledgements to reporters. */
    static List<MimeMessage> caseMails(EmbeddedMailServer mail) {
        List<MimeMessage> caseMails = new ArrayList<>();
        for (MimeMessage message : mail.greenMail().getReceivedMessages()) {
            try {
                if (message.getHeader("X-Netralitas-Case-Id", null) != null
                        && !String.valueOf(message.getHeader("To", ",")).contains("@pelapor.example")) {
                    caseMails.add(message);
                }
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }
        return caseMails;
    }

    /**
     * Every case mail in {@code caseMails}: a delivered case is there once per address of its To and Cc; an uncertain
     * one at most that often; nothing else is there.
     */
    static void assertEachCaseReachedEachOfItsRecipientsOnce(List<MimeMessage> caseMails, Set<String> delivered,
                                                             Set<String> uncertain) throws Exception {
        Map<String, Integer> copies = new HashMap<>();
        Map<String, Integer> recipients = new HashMap<>();
        for (MimeMessage message : caseMails) {
            String caseId = message.getHeader("X-Netralitas-Case-Id", null);
            copies.merge(caseId, 1, Integer::sum);
            Set<String> addresses = new HashSet<>();
            for (Message.RecipientType type : List.of(Message.RecipientType.TO, Message.RecipientType.CC)) {
                if (message.getRecipients(type) != null) {
                    Stream.of(message.getRecipients(type)).map(Object::toString).forEach(addresses::add);
                }
            }
            recipients.put(caseId, addresses.size());
        }
        for (String caseId : delivered) {
            assertEquals(recipients.get(caseId), copies.get(caseId), caseId + ": one copy per recipient");
        }
        copies.forEach((caseId, count) -> {
            assertTrue(delivered.contains(caseId) || uncertain.contains(caseId), caseId + " in a mailbox, never delivered");
            assertTrue(count <= recipients.get(caseId), caseId + " arrived twice");
        });
    }
}
