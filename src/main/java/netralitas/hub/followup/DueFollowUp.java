package netralitas.hub.followup;

/**
 * A case the follow-up clock claimed because it is due, with what it does now (SPEC §12).
 *
 * @param followUp its row of FOLLOW_UP as claimed
 * @param step     remind (which one, the next check) or escalate
 */
public record DueFollowUp(FollowUpCase followUp, ReminderSchedule.Step step) {

    public String caseId() {
        return followUp.caseId();
    }

    /** The case as its mails name it, for the mail and the audit trail. */
    public CaseSummary summary() {
        return followUp.summary();
    }

    /** "reminder 2" or "escalation", as the log names the step. */
    public String stepName() {
        return step.escalate() ? "escalation" : "reminder " + step.reminder();
    }
}
