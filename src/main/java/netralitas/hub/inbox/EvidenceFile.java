package netralitas.hub.inbox;

import java.io.Serializable;

/**
 * An attachment that travels with the case as evidence (SPEC §3.2). {@code size} is always the decoded size, also
 * when the content was {@code withheld} for exceeding {@code hub.mail.max-attachment-bytes} (SPEC §9); then
 * {@code content} is null and the regional office gets a note instead of the file.
 */
public record EvidenceFile(String name, String contentType, long size, byte[] content, boolean withheld)
        implements Serializable {

    @Override
    public String toString() {
        return "EvidenceFile[" + name + ", " + contentType + ", " + size + " bytes" + (withheld ? ", withheld" : "") + "]";
    }
}
