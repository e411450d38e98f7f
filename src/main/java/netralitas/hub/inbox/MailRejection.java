package netralitas.hub.inbox;

/**
 * A report message that could not be understood: it goes to the quarantine folder and the reason is recorded
 * ({@code caseId} is still derived from the message, so the reporter and Bawaslu staff can refer to it).
 *
 * @param source what the audit trail records: the message's folder, UID and Message-ID pseudonym
 */
public record MailRejection(String caseId, String source, String reason) {
}
