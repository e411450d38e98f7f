package netralitas.hub.inbox;

/**
 * The bounds on one message of the report mailbox (SPEC §9), the {@code hub.mail.*} settings of the same names. Past
 * a structural bound (size, headers, nesting, parts, subject) the message is quarantined with that bound as its
 * reason; past an attachment bound the file is left out and the case says so.
 *
 * @param maxMessageBytes          hub.mail.max-message-bytes: the raw message as the mailbox holds it
 * @param maxHeaderBytes           hub.mail.max-header-bytes: all header lines of the message and its parts together
 * @param maxNestingDepth          hub.mail.max-nesting-depth: levels of multipart and attached messages
 * @param maxMimeParts             hub.mail.max-mime-parts: parts of every level together
 * @param maxSubjectChars          hub.mail.max-subject-chars: the decoded Subject
 * @param maxAttachmentBytes       hub.mail.max-attachment-bytes: a larger file is withheld, with a note
 * @param maxAttachmentsPerMessage hub.mail.max-attachments-per-message: files after these are left out, with a note
 */
public record MailLimits(long maxMessageBytes, long maxHeaderBytes, int maxNestingDepth, int maxMimeParts,
                         int maxSubjectChars, long maxAttachmentBytes, int maxAttachmentsPerMessage) {

    /** The defaults of config/application.properties. */
    public static final MailLimits DEFAULTS = new MailLimits(40L * 1024 * 1024, 2L * 1024 * 1024, 20, 10_000, 1_000,
            10L * 1024 * 1024, 20);

    /** Recursion over the MIME tree is as deep as this bound: it must stay far from the thread's stack size. */
    static final int DEEPEST_NESTING_ALLOWED = 100;

    public MailLimits {
        positive("maxMessageBytes", maxMessageBytes);
        positive("maxHeaderBytes", maxHeaderBytes);
        positive("maxNestingDepth", maxNestingDepth);
        positive("maxMimeParts", maxMimeParts);
        positive("maxSubjectChars", maxSubjectChars);
        if (maxNestingDepth > DEEPEST_NESTING_ALLOWED) {
            throw new IllegalArgumentException("maxNestingDepth must be at most " + DEEPEST_NESTING_ALLOWED + ": " + maxNestingDepth);
        }
        if (maxAttachmentBytes < 0 || maxAttachmentsPerMessage < 0) {
            throw new IllegalArgumentException("attachment bounds must not be negative: " + maxAttachmentBytes + ", "
                    + maxAttachmentsPerMessage);
        }
    }

    public MailLimits withMaxAttachmentBytes(long bytes) {
        return new MailLimits(maxMessageBytes, maxHeaderBytes, maxNestingDepth, maxMimeParts, maxSubjectChars, bytes,
                maxAttachmentsPerMessage);
    }

    private static void positive(String name, long value) {
        if (value < 1) {
            throw new IllegalArgumentException(name + " must be at least 1: " + value);
        }
    }
}
