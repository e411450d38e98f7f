package netralitas.hub.mail;

import jakarta.mail.Header;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The only headers a mail of the hub carries (SPEC §7 for case mails and digests, §3.3 for acknowledgements), besides
 * those of the MIME structure. Whatever else a route left on a message — Camel copies every exchange header into the
 * mail, such as its own {@code contentType} — is taken off before the message is sent, so that nothing of the hub's
 * pipeline, and nothing a report brought in, can leak into a header.
 */
public final class OutgoingHeaders {

    /** Lower case. Reply-To: the follow-up address of SPEC §12. */
    public static final Set<String> ALLOWED = Set.of(
            "from", "to", "cc", "reply-to", "subject", "date", "message-id",
            "mime-version", "content-type", "content-transfer-encoding",
            "auto-submitted", "in-reply-to", "references",
            "x-netralitas-case-id", "x-netralitas-severity", "x-netralitas-region", "x-priority");

    private OutgoingHeaders() {
    }

    /** Removes every header not in {@link #ALLOWED}; returns the names removed, in order, each once. */
    public static List<String> strip(MimeMessage message) throws MessagingException {
        List<String> removed = new ArrayList<>();
        for (Header header : Collections.list(message.getAllHeaders())) {
            if (!ALLOWED.contains(header.getName().toLowerCase(Locale.ROOT)) && !removed.contains(header.getName())) {
                removed.add(header.getName());
            }
        }
        for (String name : removed) {
            message.removeHeader(name);
        }
        return removed;
    }
}
