package netralitas.hub.inbox;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Random;

/**
 * Builds 14-large-attachment-template.eml with a generated attachment of the requested size in place of its
 * %%ATTACHMENT%% line, so the repository does not carry a 20 MB file. The content is pseudo-random (fixed seed):
 * the same size always gives the same message bytes.
 */
public final class LargeMail {

    public static final String TEMPLATE = "14-large-attachment-template.eml";
    public static final String ATTACHMENT_NAME = "video-kampanye.mp4";
    private static final String PLACEHOLDER = "%%ATTACHMENT%%";

    private LargeMail() {
    }

    /** The complete raw message; its attachment "video-kampanye.mp4" decodes to exactly {@code bytes} bytes. */
    public static byte[] withAttachment(int bytes) {
        String template = new String(MailCorpus.bytes(TEMPLATE), StandardCharsets.UTF_8);
        int at = template.indexOf(PLACEHOLDER);
        if (at < 0) {
            throw new IllegalStateException(TEMPLATE + " has no " + PLACEHOLDER + " line");
        }
        byte[] content = new byte[bytes];
        new Random(20241026L).nextBytes(content);
        byte[] encoded = Base64.getMimeEncoder(76, "\n".getBytes(StandardCharsets.US_ASCII)).encode(content);
        content = null; // let the 20 MB go before the message is assembled
        ByteArrayOutputStream out = new ByteArrayOutputStream(encoded.length + template.length());
        out.writeBytes(template.substring(0, at).getBytes(StandardCharsets.UTF_8));
        out.writeBytes(encoded);
        out.writeBytes(template.substring(at + PLACEHOLDER.length()).getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    /** The attachment content {@link #withAttachment(int)} encodes, to compare a read-back file with. */
    public static byte[] attachmentContent(int bytes) {
        byte[] content = new byte[bytes];
        new Random(20241026L).nextBytes(content);
        return content;
    }
}
