package netralitas.hub.followup;

import netralitas.hub.cases.ViolationCase;

/**
 * A case the follow-up clock claimed because it is due, with what it does now (SPEC §12).
 *
 * @param followUp      its row of FOLLOW_UP as claimed
 * @param violationCase the case as forwarded (read from the row's case JSON), for the mail
 * @param step          remind (which one, the next check) or escalate
 */
public record DueFollowUp(FollowUpCase followUp, ViolationCase violationCase, ReminderSchedule.Step step) {

    public String caseId() {
        return followUp.caseId();
    }

    /** "reminder 2" or "escalation", as the log names the step. */
    public String stepName() {
        return step.escalate() ? "escalation" : "reminder " + step.reminder();
    }
}
