package netralitas.hub.followup;

import java.time.Instant;

/**
 * What the follow-up clock does with a case past its deadline or its last reminder (SPEC §12): remind its recipients
 * while fewer than hub.followup.max-reminders went out, each reminder followed by another look after
 * hub.followup.reminder-interval; then escalate it, once.
 */
public final class ReminderSchedule {

    /** Remind (the reminder's number, 1 for the first; when the clock looks again) or escalate. */
    public record Step(boolean escalate, int reminder, Instant nextCheckAt) {

        static Step remind(int reminder, Instant nextCheckAt) {
            return new Step(false, reminder, nextCheckAt);
        }

        static Step escalation() {
            return new Step(true, 0, null);
        }
    }

    private final FollowUpCalendar calendar;
    private final String reminderInterval;
    private final int maxReminders;

    /**
     * @param calendar         counts the interval (business days and holidays, or every day)
     * @param reminderInterval hub.followup.reminder-interval, an ISO-8601 period
     * @param maxReminders     hub.followup.max-reminders: 0 escalates at the deadline
     */
    public ReminderSchedule(FollowUpCalendar calendar, String reminderInterval, int maxReminders) {
        if (!FollowUpCalendar.isPeriod(reminderInterval)) {
            throw new IllegalArgumentException("hub.followup.reminder-interval must be a positive ISO-8601 duration"
                    + " such as P7D or PT2M, not \"" + reminderInterval + "\"");
        }
        if (maxReminders < 0) {
            throw new IllegalArgumentException("hub.followup.max-reminders must be 0 or more, not " + maxReminders);
        }
        this.calendar = calendar;
        this.reminderInterval = reminderInterval;
        this.maxReminders = maxReminders;
    }

    /** The step for a due case at {@code now}: its next reminder, or its escalation once the reminders are used up. */
    public Step next(FollowUpCase due, Instant now) {
        if (due.reminders() < maxReminders) {
            return Step.remind(due.reminders() + 1, calendar.after(now, reminderInterval));
        }
        return Step.escalation();
    }

    /** hub.followup.max-reminders. */
    public int maxReminders() {
        return maxReminders;
    }
}
