package netralitas.hub.camel;

import jakarta.mail.Message;
import org.apache.camel.Exchange;
import org.apache.camel.component.mail.MailBinding;
import org.apache.camel.component.mail.MailHeaderFilterStrategy;

import java.util.Map;
import java.util.TreeMap;

/**
 * The binding of the report mailbox's consumer (endpoint option {@code binding}): the hub reads each message's raw
 * bytes itself (MailIntake), so Camel maps nothing of it. Camel's own binding copies every header of the message into
 * the exchange the first time anything looks at a header, and to do so asks the IMAP server for the message's
 * ENVELOPE (for its date). A server builds that summary itself and may build it unparseable — GreenMail does for a
 * display name with a quote or an encoded CR/LF — and the exchange then fails before the route ever sees the message,
 * again on every poll (ISSUE-10: 157,241 failures in five minutes). Without the mapping nothing but the raw message is
 * fetched, which also saves two round trips per message.
 */
public final class RawMailBinding extends MailBinding {

    public RawMailBinding() {
        super(new MailHeaderFilterStrategy(), null, false, false);
    }

    @Override
    protected Map<String, Object> extractHeadersFromMail(Message mailMessage, Exchange exchange) {
        return new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    }
}
