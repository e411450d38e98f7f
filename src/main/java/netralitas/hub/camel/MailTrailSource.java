package netralitas.hub.camel;

import netralitas.hub.audit.ChainKey;
import netralitas.hub.inbox.InboundMail;
import org.apache.camel.ExchangeProperty;

/**
 * What the audit trail records as the source of a message of the report mailbox (SPEC §8): its folder, its IMAP UID
 * there, and the keyed pseudonym of its Message-ID, as {@code INBOX;uid=42;mid=3f9a1c2b4d5e6f70}. Never the
 * Message-ID itself: a mail client may build it from the sender's name or phone number. An auditor holding the chain
 * key finds the message by its pseudonym ({@code audit pseudonym <message-id>}); a message without a Message-ID is
 * named by the pseudonym of {@code sha256:<32 hex of its bytes>}, and by folder and UID.
 */
public final class MailTrailSource {

    private final String folder;
    private final ChainKey key;

    public MailTrailSource(String folder, ChainKey key) {
        this.folder = folder;
        this.key = key;
    }

    public String of(@ExchangeProperty(HubProperties.MAIL) InboundMail mail,
                     @ExchangeProperty(HubProperties.MAIL_UID) long uid) {
        return folder + ";uid=" + uid + ";mid=" + key.messageIdPseudonym(mail.sourceId());
    }

    /** For a case whose folder and UID were not kept (parked by an earlier release): the pseudonym alone. */
    String ofMessageId(String messageId) {
        return "mid=" + key.messageIdPseudonym(messageId);
    }
}
