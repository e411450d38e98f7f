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
    /** The evidence files a case mail carries (a list of {@code EvidenceFile}); set only by the case mail's composer. */
    public static final String EVIDENCE = "hubEvidence";
    /** Where a dead-lettered case was parked. */
    public static final String PARKED_AS = "hubParkedAs";

    private HubProperties() {
    }

    /** The report message being read (an {@code InboundMail}), for the whole of route ingest-mail. */
    public static final String MAIL = "hubMail";

    /** The IMAP UID of that message in the report folder, the key of the retry schedule. */
    public static final String MAIL_UID = "hubMailUid";

    /** The report message as the mail library gives it (a {@code jakarta.mail.Message}), for route poll-mailbox. */
    public static final String MAIL_MESSAGE = "hubMailMessage";

    /**
     * Its failures so far ({@code MailReadFailures.Failure}, keyed by property hubMailKey, {@code folder;UIDVALIDITY=n;
     * UID=n}) once it failed, or when it is quarantined unread.
     */
    public static final String MAIL_READ_FAILURE = "hubMailReadFailure";

    /** What the audit trail and the log name that message by: folder, UID and Message-ID pseudonym (MailTrailSource). */
    public static final String MAIL_SOURCE = "hubMailSource";

    /** The folder the message being read moves to when its exchange completes. */
    public static final String MAIL_FOLDER = "hubMailFolder";

    /** When a message held back by the retry schedule is due again. */
    public static final String MAIL_RETRY_AT = "hubMailRetryAt";

    /** Set on a case that was being sent when the hub stopped and was never recorded as handled (CaseLedger). */
    public static final String DELIVERY_UNCERTAIN = "hubDeliveryUncertain";

    /** The audit chain head (a ChainHead) the anchor mail on the exchange carries. */
    public static final String ANCHOR = "hubAnchor";

    /** Why route park-uncertain parks a case, where no exception says it. */
    public static final String PARK_REASON = "hubParkReason";

    /** What the reporter of the message being read is told (an {@code Acknowledgement}), in route acknowledge. */
    public static final String ACKNOWLEDGEMENT = "hubAcknowledgement";

    /** Why that acknowledgement was not sent (withheld by SPEC §3.3, or refused); null while it may be sent. */
    public static final String ACK_WITHHELD = "hubAckWithheld";
}
