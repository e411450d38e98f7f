package netralitas.hub.mail;

import netralitas.hub.inbox.EvidenceFile;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The largest mail the hub's SMTP server takes, {@code hub.smtp.max-message-bytes} (SPEC §9): a case mail whose
 * evidence would make it larger carries only the files that fit, and lists the others as not attached. Refused for its
 * size (Postfix: "552 5.3.4 message file too big"), the case would go to the dead letters and reach no office.
 *
 * <p>The files kept are the most that fit: the smallest first. A photo of a few MB gives way before a PDF of a few KB.
 *
 * @param maxBytes the limit, in bytes as sent (base64 makes a file about 4/3 of its size)
 */
public record MailSizeLimit(long maxBytes) {

    /**
     * The message's own headers (a long subject, the recipients) and the Received lines servers add on the way: RFC
     * 1870 counts the message as it arrives at each.
     */
    static final long HEADER_ALLOWANCE = 16 * 1024;
    /** What listing a file as not attached adds to the two texts, at most, when the mail is rendered again. */
    static final long NOTE_ALLOWANCE = 1024;

    public MailSizeLimit {
        if (maxBytes <= 0) {
            throw new IllegalArgumentException("A mail size limit must be positive: " + maxBytes);
        }
    }

    /**
     * The files of a case mail rendered as {@code text} and {@code html}: {@code files} itself when the mail fits or
     * carries no file that could be withheld, else a copy, in the same order, in which the files that do not fit are
     * withheld (no content). The texts list the files, so the caller renders the mail again with the copy and asks
     * again. A mail too large without any file is left to the server to refuse.
     */
    public List<EvidenceFile> fit(String text, String html, List<EvidenceFile> files) {
        if (files.stream().allMatch(EvidenceFile::withheld)
                || HEADER_ALLOWANCE + textsAtMost(text, html) + MimeMail.partsSize(null, null, files) <= maxBytes
                || HEADER_ALLOWANCE + MimeMail.partsSize(text, html, files) <= maxBytes) {
            return files;
        }
        List<Integer> attached = IntStream.range(0, files.size()).filter(i -> !files.get(i).withheld()).boxed()
                .sorted(Comparator.comparingLong((Integer i) -> files.get(i).size()).thenComparingInt(i -> i))
                .toList();
        long room = maxBytes - HEADER_ALLOWANCE - MimeMail.partsSize(text, html, List.of())
                - NOTE_ALLOWANCE * attached.size();
        List<EvidenceFile> fitted = new ArrayList<>(files);
        for (int i : attached) {
            EvidenceFile file = files.get(i);
            long size = MimeMail.PART_ALLOWANCE + MimeMail.base64Length(file.size());
            if (size <= room) {
                room -= size;
            } else { // and so is every file after it, as large or larger
                fitted.set(i, new EvidenceFile(file.name(), file.contentType(), file.size(), null, true));
            }
        }
        return fitted;
    }

    /**
     * What the two texts take at most, without encoding them (every case mail is asked; few carry files): a character
     * is at most 3 bytes of UTF-8, each at most 3 of quoted-printable, and a soft line break is added every 75.
     */
    static long textsAtMost(String text, String html) {
        long chars = (text == null ? 0 : text.length()) + (html == null ? 0 : html.length());
        return 2L * MimeMail.PART_ALLOWANCE + chars * 9 * 78 / 75 + 1;
    }

    /** Files of {@code files} withheld, for their own size or for the mail's. */
    public static int withheld(List<EvidenceFile> files) {
        return (int) files.stream().filter(EvidenceFile::withheld).count();
    }
}
