package netralitas.hub.inbox;

import java.time.LocalDate;
import java.util.List;

/**
 * One message of the report mailbox as the hub understood it. Header-derived strings are already single-line and
 * bounded; {@code text} is the readable body (plain text preferred, HTML converted), never null.
 *
 * @param messageId      the Message-ID with angle brackets, or null when the message has none
 * @param sourceId       the Message-ID, or "sha256:" + 32 hex digits of the raw bytes when there is none
 * @param fromAddress    the bare address of From (lower case, one address), where an acknowledgement goes; null when
 *                       From has none that can be written to. Reply-To is not read: it is free text a sender sets per
 *                       message, From at least passes the receiving server's SPF/DMARC checks (SPEC §3.3)
 * @param kindReason     why the message is not a report or could not be read (Indonesian); null for REPORT
 * @param noReplyReason  why no automatic answer may go to it by its headers (mailing list, bulk, a machine's Return-Path;
 *                       RFC 3834), Indonesian; null when one may
 * @param notes          what was skipped while reading (unreadable parts), Indonesian, a bounded list; never null
 * @param attachmentsLeftOut files that do not travel with the case (over the per-message maximum or the size bound)
 * @param inReplyTo      the Message-IDs (with angle brackets) of In-Reply-To, a bounded list; never null
 * @param references     the Message-IDs of References, oldest first, a bounded list; never null
 * @param ownText        the readable body without what an HTML client marked as quoted (blockquote, Gmail's
 *                       gmail_quote, Outlook's reply header and the original after it): what a reply's own text is
 *                       read from (SPEC §12). The same as {@code text} for a plain-text body, which marks nothing
 * @param returnedMail   for a bounce (NOT_A_REPORT): which mail came back and to whom it failed; null for any other
 *                       message, and for a bounce that names no returned mail
 */
public record InboundMail(
        String messageId,
        String sourceId,
        LocalDate sentDate,
        String fromAddress,
        String fromName,
        String subject,
        MailKind kind,
        String kindReason,
        String noReplyReason,
        String text,
        List<EvidenceFile> attachments,
        List<CsvAttachment> csvAttachments,
        List<String> notes,
        AttachmentsLeftOut attachmentsLeftOut,
        List<String> inReplyTo,
        List<String> references,
        String ownText,
        ReturnedMail returnedMail) {

    public InboundMail {
        text = text == null ? "" : text;
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
        csvAttachments = csvAttachments == null ? List.of() : List.copyOf(csvAttachments);
        notes = notes == null ? List.of() : List.copyOf(notes);
        attachmentsLeftOut = attachmentsLeftOut == null ? AttachmentsLeftOut.NONE : attachmentsLeftOut;
        inReplyTo = inReplyTo == null ? List.of() : List.copyOf(inReplyTo);
        references = references == null ? List.of() : List.copyOf(references);
        ownText = ownText == null ? text : ownText;
    }

    /** A message that answers none: no In-Reply-To, no References, nothing marked as quoted. */
    public InboundMail(String messageId, String sourceId, LocalDate sentDate, String fromAddress, String fromName,
                       String subject, MailKind kind, String kindReason, String noReplyReason, String text,
                       List<EvidenceFile> attachments, List<CsvAttachment> csvAttachments, List<String> notes,
                       AttachmentsLeftOut attachmentsLeftOut) {
        this(messageId, sourceId, sentDate, fromAddress, fromName, subject, kind, kindReason, noReplyReason, text,
                attachments, csvAttachments, notes, attachmentsLeftOut, List.of(), List.of(), null, null);
    }

    /** A message nothing of which was left out. */
    public InboundMail(String messageId, String sourceId, LocalDate sentDate, String fromAddress, String fromName,
                       String subject, MailKind kind, String kindReason, String noReplyReason, String text,
                       List<EvidenceFile> attachments, List<CsvAttachment> csvAttachments, List<String> notes) {
        this(messageId, sourceId, sentDate, fromAddress, fromName, subject, kind, kindReason, noReplyReason, text,
                attachments, csvAttachments, notes, AttachmentsLeftOut.NONE);
    }

    public boolean isReport() {
        return kind == MailKind.REPORT;
    }
}
