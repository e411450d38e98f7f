package netralitas.hub.camel;

import netralitas.hub.audit.ChainKey;
import netralitas.hub.inbox.InboundMail;
import netralitas.hub.inbox.MailboxUid;
import org.apache.camel.ExchangeProperty;

/**
 * What the audit trail records as the source of a message read from a mailbox (SPEC §8): its folder, its IMAP UID
 * there, and the keyed pseudonym of its Message-ID, as {@code INBOX;uid=42;mid=3f9a1c2b4d5e6f70}; a message of the
 * dedicated follow-up mailbox (SPEC §12) also names that mailbox: {@code INBOX;uid=42;mailbox=followup;mid=…}. Never
 * the Message-ID itself: a mail client may build it from the sender's name or phone number. An auditor holding the chain
 * key finds the message by its pseudonym ({@code audit pseudonym <message-id>}); a message without a Message-ID is
 * named by the pseudonym of {@code sha256:<32 hex of its bytes>}, and by folder and UID.
 */
public final class MailTrailSource {

    private final ChainKey key;

    public MailTrailSource(ChainKey key) {
        this.key = key;
    }

    /** @param message the message's key in its mailbox (MailboxUid, exchange property hubMailKey) */
    public String of(@ExchangeProperty(HubProperties.MAIL) InboundMail mail,
                     @ExchangeProperty(HubProperties.MAIL_KEY) String message) {
        MailboxUid uid = MailboxUid.parse(message);
        return uid.folder() + ";uid=" + uid.uid()
                + (uid.mailbox().equals(MailboxUid.REPORT) ? "" : ";mailbox=" + uid.mailbox())
                + ";mid=" + key.messageIdPseudonym(mail.sourceId());
    }

    /**
     * The Message-ID pseudonym a name of {@link #of} or {@link #ofMessageId} ends with: what every copy of the message
     * has in common, in whichever folder and under whichever UID it was read.
     */
    static String pseudonymIn(String trailSource) {
        return trailSource.substring(trailSource.lastIndexOf("mid=") + "mid=".length());
    }

    /** For a case whose folder and UID were not kept (parked by an earlier release): the pseudonym alone. */
    String ofMessageId(String messageId) {
        return "mid=" + key.messageIdPseudonym(messageId);
    }
}
