package netralitas.hub.inbox;

import java.io.Serializable;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import netralitas.hub.text.ByteSizes;

/**
 * The files of one message that do not travel with its case (SPEC §9): those after the first
 * {@code hub.mail.max-attachments-per-message}, and those over {@code hub.mail.max-attachment-bytes}. A bounded
 * summary whatever the message holds: counts, a total size and a few short names, so it can go into the regional
 * mail, the acknowledgement and the audit trail.
 *
 * @param dropped            files after the per-message maximum, read only to count their size
 * @param droppedBytes       their decoded size together
 * @param droppedNames       the sanitised names of the first few of them that are short (at most {@link #MAX_NAMES})
 * @param maxPerMessage      the maximum in force
 * @param withheld           files kept out of the regional mail for their size (they are listed there, not attached)
 * @param maxAttachmentBytes the size bound in force
 */
public record AttachmentsLeftOut(int dropped, long droppedBytes, List<String> droppedNames, int maxPerMessage,
                                 int withheld, long maxAttachmentBytes) implements Serializable {

    public static final AttachmentsLeftOut NONE = new AttachmentsLeftOut(0, 0, List.of(), 0, 0, 0);

    static final int MAX_NAMES = 5;
    static final int MAX_NAME_CHARS = 60;

    private static final Locale INDONESIAN = Locale.forLanguageTag("id-ID");

    public AttachmentsLeftOut {
        droppedNames = droppedNames == null ? List.of() : List.copyOf(droppedNames.subList(0, Math.min(MAX_NAMES, droppedNames.size())));
    }

    public boolean isEmpty() {
        return dropped == 0 && withheld == 0;
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
        List<String> parts = new ArrayList<>(2);
        if (dropped > 0) {
            parts.add(number(dropped) + " lampiran (" + ByteSizes.format(droppedBytes) + ") tidak diteruskan karena satu email"
                    + " hanya dapat membawa " + number(maxPerMessage) + " lampiran");
        }
        if (withheld > 0) {
            parts.add(number(withheld) + " lampiran tidak diteruskan karena melebihi " + ByteSizes.format(maxAttachmentBytes)
                    + " per berkas");
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
