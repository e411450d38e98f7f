package netralitas.hub.camel;

import netralitas.hub.inbox.EvidenceFile;
import netralitas.hub.mail.MimeMail;
import netralitas.hub.outbox.ReusingMailSender;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.apache.camel.Body;
import org.apache.camel.ExchangeProperty;
import org.apache.camel.Header;
import org.apache.camel.Headers;
import org.apache.camel.component.mail.MailConstants;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Route {@code smtp-send}: turns the mail a composer left on the exchange (HTML body, plain text in
 * {@link MailConstants#MAIL_ALTERNATIVE_BODY} — or plain text only, see {@link #build} —, headers, evidence files in {@link HubProperties#EVIDENCE}) into the
 * finished message. Camel's mail producer sends a MimeMessage body as it is: its own binding would put the files inside
 * the HTML alternative and let Jakarta Mail send a text-like PDF as 7bit, which rewrites its line endings.
 */
public final class OutgoingMimeMessage {

    private final ReusingMailSender sender;

    public OutgoingMimeMessage(ReusingMailSender sender) {
        this.sender = sender;
    }

    /**
     * Without an alternative body the body is the only text, of the type in {@link MailConstants#MAIL_CONTENT_TYPE}
     * (an acknowledgement is plain text) and HTML otherwise.
     */
    public MimeMessage build(@Body String body, @Header(MailConstants.MAIL_ALTERNATIVE_BODY) String text,
                             @Header(MailConstants.MAIL_CONTENT_TYPE) String contentType, @Headers Map<String, Object> headers,
                             @ExchangeProperty(HubProperties.EVIDENCE) List<EvidenceFile> evidence) throws MessagingException {
        if (text == null && contentType != null && contentType.strip().toLowerCase(Locale.ROOT).startsWith("text/plain")) {
            return MimeMail.build(sender.getSession(), headers, body, null, evidence);
        }
        return MimeMail.build(sender.getSession(), headers, text, body, evidence);
    }
}
