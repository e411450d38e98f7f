package netralitas.hub.camel;

/**
 * Exchange properties the routes use to carry a routing decision to delivery and audit. Properties, not headers:
 * they survive delivery clearing every header, and they are never copied into a mail.
 */
public final class HubProperties {

    /** IMMEDIATE, DIGEST, CLOSED or TRIAGE. */
    public static final String DECISION = "hubDecision";
    /** Recipients decided by the router (comma-separated). */
    public static final String TO = "hubTo";
    public static final String CC = "hubCc";
    /** A {@code MailPurpose} name: what the receiving office is asked to do. */
    public static final String PURPOSE = "hubPurpose";
    /** "high" for BERAT cases. */
    public static final String PRIORITY = "hubPriority";
    /** Where a dead-lettered case was parked. */
    public static final String PARKED_AS = "hubParkedAs";

    private HubProperties() {
    }
}
