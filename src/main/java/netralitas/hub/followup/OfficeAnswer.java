package netralitas.hub.followup;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What the hub records of one reply about one case it answers (SPEC §12): the trail's {@code FOLLOW_UP} event and the
 * step of the case's history.
 *
 * @param caseId     the case
 * @param status     the status the reply gives the case: its status line, else {@link FollowUpStatus#DITERIMA}
 * @param statusLine whether the reply had a status line the hub knows for this case
 * @param statusText the value of a status line the hub does not know, or null
 * @param sanction   the {@code Sanksi:} text, or null
 * @param note       the {@code Keterangan:} text, or null
 * @param excerpt    the beginning of the reply's own text when it had no status line the hub knows, else null
 * @param from       the sender's address (lower case), or null when the message had no usable From
 * @param spoofed    the sender is not among the case's recipients, by address or by domain: the reply changes nothing
 * @param matchedBy  how the reply was matched to the case
 * @param evidence   the files the reply carried, as kept with the case
 * @param closes     whether this reply closed the case (its first final status)
 */
public record OfficeAnswer(String caseId, FollowUpStatus status, boolean statusLine, String statusText, String sanction,
                           String note, String excerpt, String from, boolean spoofed, ReplyMatcher.MatchedBy matchedBy,
                           List<ReplyEvidence.Kept> evidence, boolean closes) {

    public OfficeAnswer {
        evidence = List.copyOf(evidence);
    }

    /**
     * One answer per case of {@code match}: the case's {@code Kasus:} block, else the reply's lines outside any block,
     * else {@code DITERIMA} with the excerpt (a reply without status line, or with one the hub does not know).
     *
     * @param fromAddress the sender's bare address, or null
     */
    public static List<OfficeAnswer> of(ReplyMatcher.Match match, OfficeReply reply, String fromAddress) {
        List<OfficeAnswer> answers = new ArrayList<>();
        for (FollowUpCase followUp : match.cases()) {
            OfficeReply.Answer said = reply.about(followUp.caseId());
            boolean statusLine = said.status() != null;
            answers.add(new OfficeAnswer(followUp.caseId(), statusLine ? said.status() : FollowUpStatus.DITERIMA,
                    statusLine, said.statusText(), said.sanction(), said.note(), statusLine ? null : reply.excerpt(),
                    fromAddress, !isRecipient(fromAddress, followUp.recipients()), match.matchedBy(), List.of(), false));
        }
        return answers;
    }

    /**
     * The status a case takes from a reply that gives it {@code replied}: a status only moves forward (TERKIRIM,
     * DITERIMA, DIPROSES, then a final one), so a later reply without status line does not take a case in progress
     * back to DITERIMA; and a closed case keeps the status that closed it.
     */
    public static FollowUpStatus statusAfter(FollowUpCase followUp, FollowUpStatus replied) {
        if (followUp.closed() || replied.ordinal() <= followUp.status().ordinal()) {
            return followUp.status();
        }
        return replied;
    }

    /** Whether {@code address} is one of {@code recipients}, or of the same domain as one of them. */
    static boolean isRecipient(String address, List<String> recipients) {
        if (address == null || address.indexOf('@') < 0) {
            return false;
        }
        String sender = address.strip().toLowerCase(Locale.ROOT);
        String senderDomain = sender.substring(sender.lastIndexOf('@') + 1);
        for (String recipient : recipients) {
            String bare = bareAddress(recipient);
            if (bare.equals(sender) || (bare.indexOf('@') >= 0 && bare.substring(bare.lastIndexOf('@') + 1).equals(senderDomain))) {
                return true;
            }
        }
        return false;
    }

    /** {@code Name <a@b>} or {@code a@b}, as a bare lower-case address. */
    private static String bareAddress(String recipient) {
        String value = recipient.strip();
        int open = value.lastIndexOf('<');
        int close = value.lastIndexOf('>');
        if (open >= 0 && close > open) {
            value = value.substring(open + 1, close);
        }
        return value.strip().toLowerCase(Locale.ROOT);
    }

    /** The sender's domain, what the trail keeps of a spoofed reply's sender (it may be a reporter). */
    public String fromDomain() {
        return from == null || from.indexOf('@') < 0 ? null : from.substring(from.lastIndexOf('@') + 1);
    }

    /** The step's text in the case's history: the sanction, the note, else the excerpt. */
    public String historyDetail() {
        List<String> parts = new ArrayList<>();
        if (sanction != null) {
            parts.add("Sanksi: " + sanction);
        }
        if (note != null) {
            parts.add("Keterangan: " + note);
        }
        if (parts.isEmpty() && excerpt != null) {
            parts.add(excerpt);
        }
        return parts.isEmpty() ? null : String.join(" | ", parts);
    }

    public OfficeAnswer withEvidence(List<ReplyEvidence.Kept> kept) {
        return new OfficeAnswer(caseId, status, statusLine, statusText, sanction, note, excerpt, from, spoofed, matchedBy,
                kept, closes);
    }

    public OfficeAnswer closing(boolean closed) {
        return new OfficeAnswer(caseId, status, statusLine, statusText, sanction, note, excerpt, from, spoofed, matchedBy,
                evidence, closed);
    }
}
