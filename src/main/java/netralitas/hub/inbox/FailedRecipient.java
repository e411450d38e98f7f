package netralitas.hub.inbox;

/**
 * One recipient a mail server could not deliver to, as its delivery status notification (RFC 3464) names it.
 *
 * @param address    the recipient's address (Final-Recipient, else Original-Recipient), lower case; never null
 * @param status     the enhanced status code ("5.1.1"), or null when the report gives none
 * @param diagnostic what the remote server answered (Diagnostic-Code), one bounded line, or null
 */
public record FailedRecipient(String address, String status, String diagnostic) {
}
