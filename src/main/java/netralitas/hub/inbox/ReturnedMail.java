package netralitas.hub.inbox;

import java.util.List;
import java.util.Objects;

/**
 * A mail server's report that a mail could not be delivered (a bounce), as far as it says which mail came back and to
 * whom it failed. The hub asks it whether the mail was one of its own (a case mail, a digest, a reminder).
 *
 * @param messageId  the Message-ID (with angle brackets) of the mail that came back
 * @param answered   the Message-IDs that mail answered: its In-Reply-To, then its References nearest first; bounded,
 *                   never null
 * @param recipients the recipients the report says failed; empty when it does not say (a bounce that is no RFC 3464
 *                   report)
 */
public record ReturnedMail(String messageId, List<String> answered, List<FailedRecipient> recipients) {

    public ReturnedMail {
        Objects.requireNonNull(messageId, "messageId");
        answered = List.copyOf(answered);
        recipients = List.copyOf(recipients);
    }
}
