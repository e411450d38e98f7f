package netralitas.hub.camel;

/**
 * Every exchange property the routes (routes/*.camel.yaml) and the beans they call share, by name: the one place where
 * the contract between YAML and Java is written down (RouteContractTest fails on a name used in a route and missing
 * here). Properties, not headers: they survive delivery clearing every header, and they are never copied into a mail.
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
    /** The row a case was parked as ({@code deferred NH-…} or {@code dead letter NH-…}, ParkedCaseTable.park). */
    public static final String PARKED_AS = "hubParkedAs";

    /**
     * The deadline of the case (or digest) being mailed (an {@code Instant}, SPEC §12), computed once before the mail is
     * rendered by CaseFollowUp: the mail states it, DELIVERED / DIGEST_SENT record it as "deadline", and the follow-up
     * row keeps it.
     */
    public static final String FOLLOW_UP_DEADLINE = "hubDeadline";

    /**
     * The first open case about the same person that the case being delivered is related to (a {@code FollowUpCase},
     * SPEC §12), or null: its mail is threaded to that case's and LINKED is recorded.
     */
    public static final String RELATED_CASE = "hubRelatedCase";

    /**
     * For the digest being sent: the first open case each of its related cases is related to (a map of case id to
     * {@code FollowUpCase}, empty when none is): the digest names it beside the case, LINKED is recorded.
     */
    public static final String RELATED_CASES = "hubRelatedCases";

    /** The case being handled (a {@code ViolationCase}), set by route intake and by digest-send (the batch). */
    public static final String CASE = "hubCase";

    /** The events of each case that this exchange recorded ("case id/EVENT"): none is recorded twice by a retry. */
    public static final String RECORDED_EVENTS = "hubRecordedEvents";

    /** The case route followup-clock claimed and is reminding or escalating (a {@code DueFollowUp}). */
    public static final String FOLLOW_UP = "hubFollowUp";

    /** Set once the mail server accepted that case's reminder or escalation: a later failure is of the record only. */
    public static final String FOLLOW_UP_SENT = "hubFollowUpSent";

    /** The region whose digest route digest-flush is sending (a {@code RegionDirectory.Region}). */
    public static final String DIGEST_REGION = "hubDigestRegion";

    /** The NIP route bkn-lookup looks up; its last two digits key the per-NIP throttle. */
    public static final String BKN_NIP = "bknNip";

    /** Which BKN request route bkn-send sends: {@code token} or {@code data-utama}; set by bkn-call and bkn-token. */
    public static final String BKN_REQUEST = "hubBknRequest";

    /** Set by BknClient once it renewed the token for this exchange, so a second 401 is not renewed again. */
    public static final String BKN_TOKEN_RENEWED = "hubBknTokenRenewed";

    /** The CSV being read, as the audit trail and the log name it (file name, or mail source/attachment name). */
    public static final String FILE_NAME = "hubFileName";

    /** The size in bytes of that CSV, for the progress log of route csv-rows. */
    public static final String FILE_BYTES = "hubFileBytes";

    /** Why that CSV cannot be read at all (CsvIntake.unreadable); null while it can. */
    public static final String FILE_REASON = "hubFileReason";

    /** Where the bad rows of that CSV are copied (a path), set by ingest-csv and ingest-mail-csv. */
    public static final String REJECTS_FILE = "hubRejectsFile";

    /** The dropped file being read (a {@code DroppedCsv}), set by route ingest-csv from DropFolder.begin. */
    public static final String CSV_DROP = "hubCsvDrop";

    /** The time-stamped stem a dropped file, its rejects file and its reason file share (DropFolder.stem). */
    public static final String FILE_STEM = "hubStem";

    /** {@code done} or {@code failed}: where route ingest-csv moves the dropped file when its exchange completes. */
    public static final String FILE_FOLDER = "hubFileFolder";

    /** Why a dropped file is not moved yet (still changing, last line cut short), from DropFolder.unsettled; or null. */
    public static final String FILE_UNSETTLED = "hubUnsettled";

    /** Why a dropped file's rows could not all be handled: the state store did not answer (StoreOutage); or null. */
    public static final String STORE_OUTAGE = "hubStoreOutage";

    /**
     * The message's key ({@code folder;UIDVALIDITY=n;UID=n}, with {@code ;MAILBOX=followup} in the follow-up mailbox:
     * MailboxUid), set by route read-mail; the retry schedule and the read failures are keyed by it.
     */
    public static final String MAIL_KEY = "hubMailKey";

    /**
     * Which mailbox the message being read comes from: {@code report} (hub.imap.*, route poll-mailbox) or
     * {@code followup} (hub.followup.imap.*, route poll-followup-mailbox, SPEC §12), set by the consumer route.
     */
    public static final String MAILBOX = "hubMailbox";

    /** The folder that mailbox is read from (its hub.*.folder), for the log lines of the shared routes. */
    public static final String MAIL_INBOX = "hubMailInbox";

    /** Where a handled message of that mailbox moves (its hub.*.processed-folder), set by the consumer route. */
    public static final String MAIL_PROCESSED_FOLDER = "hubMailProcessedFolder";

    /** Where a quarantined message of that mailbox moves (its hub.*.quarantine-folder), set by the consumer route. */
    public static final String MAIL_QUARANTINE_FOLDER = "hubMailQuarantineFolder";

    private HubProperties() {
    }

    /** The report message being read (an {@code InboundMail}), for the whole of route ingest-mail. */
    public static final String MAIL = "hubMail";

    /** The message as the mail library gives it (a {@code jakarta.mail.Message}), for route read-mail. */
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

    /** The failure a held message or a deferred case is logged with, its deepest cause included (FailureCause). */
    public static final String FAILURE = "hubFailure";

    /** Set on a case that was being sent when the hub stopped and was never recorded as handled (CaseLedger). */
    public static final String DELIVERY_UNCERTAIN = "hubDeliveryUncertain";

    /** The Message-ID route park-uncertain tells an operator to look for: the case mail's, or its digest's. */
    public static final String UNCERTAIN_MESSAGE_ID = "hubUncertainMessageId";

    /** Set by route digest-send once the mail server accepted the digest: its cases stay marked if a step fails. */
    public static final String DIGEST_ACCEPTED = "hubDigestAccepted";

    /** The audit chain head (a ChainHead) the anchor mail on the exchange carries. */
    public static final String ANCHOR = "hubAnchor";

    /** Why route park-uncertain parks a case, where no exception says it. */
    public static final String PARK_REASON = "hubParkReason";

    /** What the reporter of the message being read is told (an {@code Acknowledgement}), in route acknowledge. */
    public static final String ACKNOWLEDGEMENT = "hubAcknowledgement";

    /** Why that acknowledgement was not sent (withheld by SPEC §3.3, or refused); null while it may be sent. */
    public static final String ACK_WITHHELD = "hubAckWithheld";

    /**
     * Why that acknowledgement waits to be sent again (the SMTP server did not take it for a transient reason), and
     * when: set by route keep-acknowledgement once it is kept in the state store.
     */
    public static final String ACK_DEFERRED = "hubAckDeferred";

    /**
     * The acknowledgement route resend-acknowledgements is sending again (a
     * {@code PendingAcknowledgementTable.PendingAcknowledgement}, claimed by this node).
     */
    public static final String PENDING_ACK = "hubPendingAck";

    /**
     * The forwarded cases the message being read answers (a {@code ReplyMatcher.Match}), or null when it answers none:
     * set by route ingest-mail before the message could be taken for a report (SPEC §12).
     */
    public static final String FOLLOW_UP_MATCH = "hubFollowUpMatch";

    /**
     * The follow-up mail of the hub the message being read returns as undeliverable, with its cases not told of it yet
     * (a {@code BouncedMail}), or null: set by route ingest-mail, read by route followup-bounce.
     */
    public static final String BOUNCE = "hubBounce";
}
