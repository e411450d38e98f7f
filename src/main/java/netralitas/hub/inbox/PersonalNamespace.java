package netralitas.hub.inbox;

/**
 * Where an IMAP server keeps a user's folders (RFC 2342 NAMESPACE): most servers at the top ({@code ""}), Courier and
 * the Dovecot of cPanel hosting under {@code INBOX.}, where a folder named {@code Processed} does not exist and cannot be
 * created ("Client tried to access nonexistent namespace"). A mail client shows such a folder as "Processed" under the
 * inbox; the hub names it the same way, so that the shipped folder names work on either kind of server.
 *
 * @param prefix    the namespace's prefix without its separator ({@code "INBOX"}), or {@code ""}
 * @param separator the server's hierarchy separator
 */
public record PersonalNamespace(String prefix, char separator) {

    /** A server that keeps folders at the top. */
    public static final PersonalNamespace TOP = new PersonalNamespace("", '/');

    /**
     * The server's name for the folder a setting names: itself at the top, under the prefix otherwise, unless it is
     * the inbox or already under the prefix (a deployer who wrote {@code INBOX.Processed}).
     */
    public String folder(String configured) {
        if (prefix.isEmpty() || configured.equalsIgnoreCase("INBOX") || configured.startsWith(prefix + separator)) {
            return configured;
        }
        return prefix + separator + configured;
    }
}
