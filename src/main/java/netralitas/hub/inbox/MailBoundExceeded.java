package netralitas.hub.inbox;

import netralitas.hub.text.ByteSizes;

/**
 * A message past one of its {@link MailLimits}: it is quarantined, with the message of this exception (Indonesian,
 * naming the bound and its setting) as the reason (SPEC §9).
 */
final class MailBoundExceeded extends Exception {

    private MailBoundExceeded(String reason) {
        super(reason, null, false, false);
    }

    /** {@code size} -1 when only "more than the bound" is known. */
    static MailBoundExceeded messageSize(long size, MailLimits limits) {
        String what = size < 0 ? "ukuran pesan" : "ukuran pesan " + ByteSizes.format(size);
        return new MailBoundExceeded(what + " melebihi batas " + ByteSizes.format(limits.maxMessageBytes())
                + " (hub.mail.max-message-bytes)");
    }

    static MailBoundExceeded headerBytes(MailLimits limits) {
        return new MailBoundExceeded("header pesan melebihi batas " + ByteSizes.format(limits.maxHeaderBytes())
                + " (hub.mail.max-header-bytes)");
    }

    static MailBoundExceeded nestingDepth(MailLimits limits) {
        return new MailBoundExceeded("struktur MIME bersarang melebihi batas " + limits.maxNestingDepth()
                + " tingkat (hub.mail.max-nesting-depth)");
    }

    static MailBoundExceeded mimeParts(MailLimits limits) {
        return new MailBoundExceeded("jumlah bagian MIME melebihi batas " + AttachmentsLeftOut.number(limits.maxMimeParts())
                + " (hub.mail.max-mime-parts)");
    }

    static MailBoundExceeded subjectChars(MailLimits limits) {
        return new MailBoundExceeded("subjek melebihi batas " + AttachmentsLeftOut.number(limits.maxSubjectChars())
                + " karakter (hub.mail.max-subject-chars)");
    }
}
