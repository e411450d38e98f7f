package netralitas.hub.followup;

import java.time.Instant;

/**
 * One step of a case's follow-up, as kept in table FOLLOW_UP_HISTORY and listed in the escalation mail.
 *
 * @param at     when it happened
 * @param kind   FORWARDED, FOLLOW_UP, REMINDED, ESCALATED, LINKED or FOLLOW_UP_CLOSED (the audit event's name)
 * @param status the status a reply gave, or null
 * @param detail a short text (a reply's sanction or excerpt, the related case's id), or null; at most 4,000 characters
 */
public record FollowUpEntry(Instant at, String kind, FollowUpStatus status, String detail) {
}
