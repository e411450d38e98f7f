package netralitas.hub.mail;

/**
 * Where Bawaslu staff find a bounce the hub filed, with the mail that came back in it.
 *
 * @param mailbox which of the hub's mailboxes it came to, as staff know it ("kotak surat laporan")
 * @param folder  the folder it was filed in
 * @param from    its sender (the mail system that wrote it), or null
 * @param subject its subject, or null
 */
public record BounceLocation(String mailbox, String folder, String from, String subject) {
}
