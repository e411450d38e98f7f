package netralitas.hub.followup;

import java.util.List;

/**
 * What an office wrote in its reply to a case mail or a digest (SPEC §12), read from the reply's own text only.
 *
 * @param general the lines outside any {@code Kasus:} block: for every case the reply answers that no block names
 * @param perCase one answer per {@code Kasus: NH-…} block, in the reply's order
 * @param excerpt the beginning of the reply's own text (at most {@link OfficeReplyParser#EXCERPT_CHARS} characters, one
 *                line), recorded when a case's answer has no status the hub knows
 */
public record OfficeReply(Answer general, List<Answer> perCase, String excerpt) {

    public OfficeReply {
        perCase = List.copyOf(perCase);
    }

    /** The answer about one case: its own block, else the reply's general lines. */
    public Answer about(String caseId) {
        for (Answer answer : perCase) {
            if (answer.caseId().equals(caseId)) {
                return answer;
            }
        }
        return general;
    }

    /**
     * One block of status lines.
     *
     * @param caseId     the case a {@code Kasus:} line named, or null for the general lines
     * @param status     the status of the {@code Status:} line, or null when there was none or it named no known status
     * @param statusText the value of a {@code Status:} line that named no known status (bounded), else null
     * @param sanction   the {@code Sanksi:} text, or null
     * @param note       the {@code Keterangan:} text, or null
     */
    public record Answer(String caseId, FollowUpStatus status, String statusText, String sanction, String note) {
    }
}
