package netralitas.hub.camel;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import netralitas.hub.inbox.EvidenceFile;
import netralitas.hub.mail.MimeMail;
import org.apache.camel.Body;
import org.apache.camel.ExchangeProperty;
import org.apache.camel.Header;
import org.apache.camel.Headers;
import org.apache.camel.component.mail.MailConstants;

import java.util.List;
import java.util.Map;

/**
 * Route {@code smtp-send}: turns the mail a composer left on the exchange (HTML body, plain text in
 * {@link MailConstants#MAIL_ALTERNATIVE_BODY}, headers, evidence files in {@link HubProperties#EVIDENCE}) into the
 * finished message. Camel's mail producer sends a MimeMessage body as it is: its own binding would put the files inside
 * the HTML alternative and let Jakarta Mail send a text-like PDF as 7bit, which rewrites its line endings.
 */
public final class OutgoingMimeMessage {

    private final ReusingMailSender sender;

    public OutgoingMimeMessage(ReusingMailSender sender) {
        this.sender = sender;
    }

    public MimeMessage build(@Body String html, @Header(MailConstants.MAIL_ALTERNATIVE_BODY) String text,
                             @Headers Map<String, Object> headers,
                             @ExchangeProperty(HubProperties.EVIDENCE) List<EvidenceFile> evidence) throws MessagingException {
        return MimeMail.build(sender.getSession(), headers, text, html, evidence);
    }
}
