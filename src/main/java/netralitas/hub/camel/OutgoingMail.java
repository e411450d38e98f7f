package netralitas.hub.camel;

import netralitas.hub.inbox.EvidenceFile;
import netralitas.hub.mail.RenderedEmail;
import netralitas.hub.text.HeaderValues;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.component.mail.MailConstants;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Puts a rendered email on the exchange for route smtp-send, which builds the message from the body, the headers and
 * the evidence property ({@link OutgoingMimeMessage}). All headers are cleared first, so recipients come only from the
 * routing decision and nothing of the pipeline reaches the mail (SPEC §7, CAMEL-NOTES).
 */
final class OutgoingMail {

    private static final int MAX_HEADER_LENGTH = 200;

    private OutgoingMail() {
    }

    static void apply(Message message, RenderedEmail mail, String from, String to, String cc, String messageId) {
        // The redelivery headers stay: they count the retries of hub-failures (without them a retry never ends).
        message.removeHeaders("*", "CamelRedelivery*");
        // A mail sent earlier on this exchange (the case, before an acknowledgement) must not lend it its files.
        message.getExchange().removeProperty(HubProperties.EVIDENCE);
        message.setBody(mail.html());
        message.setHeader(MailConstants.MAIL_ALTERNATIVE_BODY, mail.text());
        message.setHeader("From", from);
        message.setHeader("To", addresses(to));
        String ccList = addresses(cc);
        if (!ccList.isEmpty()) {
            message.setHeader("Cc", ccList);
        }
        message.setHeader("Subject", HeaderValues.sanitize(mail.subject(), MAX_HEADER_LENGTH * 2));
        message.setHeader("Message-ID", messageId);
        message.setHeader("Auto-Submitted", "auto-generated");
    }

    /** The files route smtp-send attaches (those withheld only get the mail's note). */
    static void attach(Exchange exchange, List<EvidenceFile> files) {
        exchange.setProperty(HubProperties.EVIDENCE, List.copyOf(files));
    }

    /** Where the office's reply goes (SPEC §7, §12): the follow-up address, when there is one. */
    static void replyTo(Message message, String address) {
        if (address != null && !address.isBlank()) {
            message.setHeader("Reply-To", addresses(address));
        }
    }

    static void header(Message message, String name, String value) {
        message.setHeader(name, HeaderValues.sanitize(value, MAX_HEADER_LENGTH));
    }

    /** Comma-separated, blanks and repeats dropped, each address free of line breaks. */
    static String addresses(String list) {
        if (list == null) {
            return "";
        }
        Set<String> unique = Arrays.stream(list.split(","))
                .map(address -> HeaderValues.sanitize(address, MAX_HEADER_LENGTH).trim())
                .filter(address -> !address.isEmpty() && !"null".equals(address))
                .collect(Collectors.toCollection(LinkedHashSet::new));
        return String.join(", ", unique);
    }
}
