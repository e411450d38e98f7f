package netralitas.hub.camel;

/**
 * A report message that could not be understood: it goes to the quarantine folder and the reason is recorded
 * ({@code caseId} is still derived from the message, so the reporter and Bawaslu staff can refer to it).
 */
public record MailRejection(String caseId, String source, String reason) {
}
