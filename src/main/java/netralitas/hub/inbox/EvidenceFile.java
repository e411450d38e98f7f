package netralitas.hub.inbox;

import java.io.Serializable;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * An attachment that travels with the case as evidence (SPEC §3.2). {@code size} is always the decoded size, also
 * when the content was {@code withheld} for exceeding {@code hub.mail.max-attachment-bytes} (SPEC §9); then
 * {@code content} is null and the regional office gets a note instead of the file.
 */
public record EvidenceFile(String name, String contentType, long size, byte[] content, boolean withheld)
        implements Serializable {

    /**
     * The SHA-256 of the content in lower-case hex, as the office and the trail are given it to check the file they
     * received (SPEC §9); null when withheld, as the hub kept no content.
     */
    public String sha256() {
        if (content == null) {
            return null;
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() {
        return "EvidenceFile[" + name + ", " + contentType + ", " + size + " bytes" + (withheld ? ", withheld" : "") + "]";
    }
}
