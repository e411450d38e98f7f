package netralitas.hub.inbox;

/** What an incoming message turned out to be (SPEC §3.2). */
public enum MailKind {
    /** A message from a person that may hold a report; the row rules decide whether it is a valid one. */
    REPORT,
    /** Auto-replies, bounces and the hub's own mail: recorded and filed, never forwarded. */
    NOT_A_REPORT,
    /** The message could not be parsed at all; it goes to quarantine with the reason. */
    UNREADABLE
}
