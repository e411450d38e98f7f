package netralitas.hub.inbox;

import java.io.Serializable;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import netralitas.hub.text.ByteSizes;

/**
 * The files of one message that do not travel with its case (SPEC §9): those after the first
 * {@code hub.mail.max-attachments-per-message}, those over {@code hub.mail.max-attachment-bytes}, and those the case
 * mail leaves out to stay within {@code hub.smtp.max-message-bytes}. A bounded summary whatever the message holds:
 * counts, a total size and a few short names, so it can go into the regional mail, the acknowledgement and the audit
 * trail.
 *
 * @param dropped            files after the per-message maximum, read only to count their size
 * @param droppedBytes       their decoded size together
 * @param droppedNames       the sanitised names of the first few of them that are short (at most {@link #MAX_NAMES})
 * @param maxPerMessage      the maximum in force
 * @param withheld           files kept out of the regional mail for their size (they are listed there, not attached)
 * @param maxAttachmentBytes the size bound in force
 * @param withheldForMail    files kept out of the case mail so that it stays within the SMTP server's size limit
 *                           (they are listed there, not attached); 0 in a case parked by an older release
 * @param maxMailBytes       that limit ({@code hub.smtp.max-message-bytes}) when it withheld a file, else 0
 */
public record AttachmentsLeftOut(int dropped, long droppedBytes, List<String> droppedNames, int maxPerMessage,
                                 int withheld, long maxAttachmentBytes, int withheldForMail, long maxMailBytes)
        implements Serializable {

    public static final AttachmentsLeftOut NONE = new AttachmentsLeftOut(0, 0, List.of(), 0, 0, 0, 0, 0);

    static final int MAX_NAMES = 5;
    static final int MAX_NAME_CHARS = 60;

    private static final Locale INDONESIAN = Locale.forLanguageTag("id-ID");

    public AttachmentsLeftOut {
        droppedNames = droppedNames == null ? List.of() : List.copyOf(droppedNames.subList(0, Math.min(MAX_NAMES, droppedNames.size())));
    }

    /** What the message's reading left out, none withheld for the mail's size yet. */
    public AttachmentsLeftOut(int dropped, long droppedBytes, List<String> droppedNames, int maxPerMessage, int withheld,
                              long maxAttachmentBytes) {
        this(dropped, droppedBytes, droppedNames, maxPerMessage, withheld, maxAttachmentBytes, 0, 0);
    }

    /** The same, with {@code count} files withheld so that the case mail stays within {@code maxMailBytes}. */
    public AttachmentsLeftOut withFilesWithheldForMail(int count, long maxMailBytes) {
        return new AttachmentsLeftOut(dropped, droppedBytes, droppedNames, maxPerMessage, withheld, maxAttachmentBytes,
                count, count == 0 ? 0 : maxMailBytes);
    }

    public boolean isEmpty() {
        return dropped == 0 && withheld == 0 && withheldForMail == 0;
    }

    /**
     * Whether {@code file} was withheld for its own size ({@code hub.mail.max-attachment-bytes}) rather than for the
     * mail's: the reading keeps no content of a file over that bound, and the mail withholds only files it could
     * carry, within it.
     */
    public boolean withheldForItsSize(EvidenceFile file) {
        return file.withheld() && withheld > 0 && file.size() > maxAttachmentBytes;
    }

    /** Dropped files that {@link #droppedNames} does not name. */
    public int unnamed() {
        return dropped - droppedNames.size();
    }

    /**
     * One Indonesian sentence for the reporter, or null when nothing was left out. It names no file: the
     * acknowledgement never repeats what the sender wrote (SPEC §3.3).
     */
    public String acknowledgementNote() {
        if (isEmpty()) {
            return null;
        }
        List<String> parts = new ArrayList<>(3);
        if (dropped > 0) {
            parts.add(number(dropped) + " lampiran (" + ByteSizes.format(droppedBytes) + ") tidak diteruskan karena satu email"
                    + " hanya dapat membawa " + number(maxPerMessage) + " lampiran");
        }
        if (withheld > 0) {
            parts.add(number(withheld) + " lampiran tidak diteruskan karena melebihi " + ByteSizes.format(maxAttachmentBytes)
                    + " per berkas");
        }
        if (withheldForMail > 0) {
            parts.add(number(withheldForMail) + " lampiran tidak diteruskan karena email kepada instansi dibatasi "
                    + ByteSizes.format(maxMailBytes));
        }
        return String.join("; ", parts) + ". Berkas tersebut tetap tersimpan bersama email Anda di Bawaslu.";
    }

    static String number(long value) {
        return NumberFormat.getIntegerInstance(INDONESIAN).format(value);
    }

    /** Collects the dropped files of one message while it is read. */
    static final class Tally {
        private final MailLimits limits;
        private int dropped;
        private long droppedBytes;
        private final List<String> names = new ArrayList<>(MAX_NAMES);

        Tally(MailLimits limits) {
            this.limits = limits;
        }

        void drop(String sanitisedName, long bytes) {
            dropped++;
            droppedBytes += bytes;
            if (names.size() < MAX_NAMES && sanitisedName.length() <= MAX_NAME_CHARS) {
                names.add(sanitisedName);
            }
        }

        AttachmentsLeftOut with(List<EvidenceFile> kept) {
            int withheld = (int) kept.stream().filter(EvidenceFile::withheld).count();
            if (dropped == 0 && withheld == 0) {
                return NONE;
            }
            return new AttachmentsLeftOut(dropped, droppedBytes, names, limits.maxAttachmentsPerMessage(), withheld,
                    limits.maxAttachmentBytes());
        }
    }
}
