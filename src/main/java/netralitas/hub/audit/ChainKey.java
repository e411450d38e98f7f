package netralitas.hub.audit;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

/**
 * The secret that keys the audit chain (SPEC §8, {@code hub.audit.chain-key}): each line's {@code hash} is
 * HMAC-SHA256 under it of {@code prev} followed by the line's canonical JSON, so that whoever can write the trail file
 * but lacks the key cannot re-hash an edited trail. The same key makes the pseudonym of an email's Message-ID.
 */
public final class ChainKey {

    /** HMAC-SHA256 takes a key of its block's size at full strength; a shorter one is guessable sooner. */
    public static final int MIN_KEY_BYTES = 32;

    /** The value of a keyed line's {@code chain} field. */
    static final String CHAIN_NAME = "hmac-sha256";

    private static final String ALGORITHM = "HmacSHA256";
    private static final HexFormat HEX = HexFormat.of();
    private static final byte[] MESSAGE_ID_LABEL = "netralitas-hub message-id\n".getBytes(StandardCharsets.UTF_8);
    private static final int PSEUDONYM_BYTES = 8;

    private final SecretKeySpec key;

    public ChainKey(byte[] key) {
        if (key == null || key.length < MIN_KEY_BYTES) {
            throw new IllegalArgumentException("The audit chain key must be at least " + MIN_KEY_BYTES + " bytes (was "
                    + (key == null ? "missing" : key.length + " bytes") + ")");
        }
        this.key = new SecretKeySpec(key.clone(), ALGORITHM);
    }

    /** Uses the UTF-8 bytes of {@code key}, as written in HUB_AUDIT_CHAIN_KEY. */
    public static ChainKey of(String key) {
        return new ChainKey(key == null ? null : key.getBytes(StandardCharsets.UTF_8));
    }

    /** The keyed chain hash of a line: hex HMAC-SHA256 of {@code prev} followed by its canonical JSON without hash. */
    String chainHash(String prev, String canonicalWithoutHash) {
        Mac mac = mac();
        mac.update(prev.getBytes(StandardCharsets.UTF_8));
        return HEX.formatHex(mac.doFinal(canonicalWithoutHash.getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * The pseudonym of a Message-ID (16 hex digits): what the trail records instead of the Message-ID, which a mail
     * client may build from the sender's name or phone number. Angle brackets and surrounding blanks do not matter.
     * Labelled, so it can never equal a chain hash computed under the same key.
     */
    public String messageIdPseudonym(String messageId) {
        String id = messageId == null ? "" : messageId.strip();
        if (id.startsWith("<") && id.endsWith(">") && id.length() >= 2) {
            id = id.substring(1, id.length() - 1).strip();
        }
        Mac mac = mac();
        mac.update(MESSAGE_ID_LABEL);
        return HEX.formatHex(mac.doFinal(id.getBytes(StandardCharsets.UTF_8)), 0, PSEUDONYM_BYTES);
    }

    private Mac mac() {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(ALGORITHM + " is required by every Java runtime", e);
        }
    }
}
