package netralitas.hub.camel;

import netralitas.hub.audit.AuditEvent;
import netralitas.hub.audit.AuditEventType;
import netralitas.hub.audit.AuditTrail;
import netralitas.hub.audit.ChainHead;
import netralitas.hub.audit.ReporterPseudonym;
import netralitas.hub.cases.ViolationCase;
import netralitas.hub.classify.Classification;
import netralitas.hub.followup.BouncedMail;
import netralitas.hub.followup.FollowUpCase;
import netralitas.hub.followup.OfficeAnswer;
import netralitas.hub.followup.ReplyEvidence;
import netralitas.hub.followup.DueFollowUp;
import netralitas.hub.followup.ReturnedHubMail;
import netralitas.hub.inbox.AttachmentsLeftOut;
import netralitas.hub.inbox.EvidenceFile;
import netralitas.hub.inbox.FailedRecipient;
import netralitas.hub.inbox.InboundMail;
import netralitas.hub.inbox.MailRejection;
import netralitas.hub.inbox.UnloadableMail;
import netralitas.hub.mail.Acknowledgement;
import netralitas.hub.region.RegionResolution;
import netralitas.hub.report.Channel;
import netralitas.hub.report.CsvRejection;
import netralitas.hub.report.Report;
import netralitas.hub.report.ReportSource;
import netralitas.hub.state.PendingAcknowledgementTable.PendingAcknowledgement;
import netralitas.hub.text.HeaderValues;
import org.apache.camel.Body;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.apache.camel.Header;
import org.apache.camel.support.ExchangeHelper;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Writes one audit event for the exchange at hand (SPEC §8). Called from the routes as
 * {@code bean: {ref: audit, method: "record(*, 'ENRICHED')"}}; the route id recorded is the route the step stands in,
 * and the detail is taken from the case and the routing headers, never from reporter identity. An email's source is
 * its folder, UID and Message-ID pseudonym ({@link MailTrailSource}), never the Message-ID or the sender's address.
 */
public final class AuditRecorder {

    /** A file's reason in the trail; the hub's own reasons are far shorter. */
    private static final int MAX_REASON_CHARS = 1000;

    private final AuditTrail trail;
    private final ReporterPseudonym pseudonym;
    private final MailTrailSource mailSources;
    private final CaseCounters counters = new CaseCounters();

    public AuditRecorder(AuditTrail trail, ReporterPseudonym pseudonym, MailTrailSource mailSources) {
        this.trail = trail;
        this.pseudonym = pseudonym;
        this.mailSources = mailSources;
    }

    public void record(Exchange exchange, String event) {
        AuditEventType type = AuditEventType.valueOf(event);
        String route = ExchangeHelper.getAtRouteId(exchange);
        Object body = exchange.getMessage().getBody();
        if (body instanceof ViolationCase violationCase) {
            if (recordedBefore(exchange, violationCase.getCaseId(), type)) {
                return;
            }
            trail.record(violationCase.getCaseId(), type, source(violationCase), route,
                    detail(type, violationCase, exchange));
            recorded(exchange, violationCase.getCaseId(), type);
            counters.count(exchange.getContext(), type, violationCase.getReport().source().channel(), violationCase);
        } else if (body instanceof DueFollowUp due) {
            // A reminder or escalation: the case as its follow-up row keeps it, not the case itself.
            trail.record(due.caseId(), type, due.summary().source(), route, followUpDetail(type, due, exchange));
            counters.count(exchange.getContext(), type, due.summary().channel(), due.followUp().severity(),
                    due.followUp().regionCode());
        } else if (body instanceof CsvRejection rejection) {
            trail.record(null, type, rejection.source(), route, Map.of("alasan", rejection.row().reason()));
            counters.count(exchange.getContext(), type, Channel.CSV, null);
        } else if (body instanceof MailRejection rejection) {
            Map<String, Object> detail = new LinkedHashMap<>();
            detail.put("alasan", rejection.reason());
            detail.put("folder", exchange.getProperty(HubProperties.MAIL_FOLDER, String.class));
            InboundMail mail = exchange.getProperty(HubProperties.MAIL, InboundMail.class);
            putLeftOut(detail, mail == null ? AttachmentsLeftOut.NONE : mail.attachmentsLeftOut());
            trail.record(rejection.caseId(), type, rejection.source(), route, detail);
            counters.count(exchange.getContext(), type, Channel.EMAIL, null);
        } else if (body instanceof InboundMail mail) {
            trail.record(null, type, exchange.getProperty(HubProperties.MAIL_SOURCE, String.class), route,
                    Map.of("alasan", String.valueOf(mail.kindReason())));
            counters.count(exchange.getContext(), type, Channel.EMAIL, null);
        } else if (body instanceof List<?> digest) {
            for (Object item : digest) {
                ViolationCase violationCase = (ViolationCase) item;
                trail.record(violationCase.getCaseId(), type, source(violationCase), route,
                        mailDetail(exchange, Map.of("cases", digest.size())));
                counters.count(exchange.getContext(), type, violationCase.getReport().source().channel(), violationCase);
            }
        } else {
            throw new IllegalArgumentException("Cannot audit " + type + " for a body of type "
                    + (body == null ? "null" : body.getClass().getName()));
        }
    }

    /**
     * A file the drop folder did not take, or a CSV that could not be read at all: no case, the file as source, the
     * reason ({@code CsvIntake.unreadable}) as one bounded line, whatever it holds.
     */
    public void fileRejected(String source, String routeId, String reason) {
        trail.append(null, AuditEventType.REJECTED, source, routeId,
                Map.of("alasan", reason == null ? "unknown" : HeaderValues.sanitize(reason, MAX_REASON_CHARS)));
    }

    /**
     * A message quarantined unread after it failed hub.imap.max-read-failures times: REJECTED like every message that
     * goes to the quarantine folder, with no case (it was never read), its folder and UID as source, and what its
     * headers say for the staff who will open it.
     */
    public void unloadable(@Body UnloadableMail mail, @ExchangeProperty(HubProperties.MAIL_FOLDER) String folder,
                           String route, CamelContext context) {
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("alasan", mail.reason());
        detail.put("folder", folder);
        detail.put("uid", mail.message().toString());
        detail.put("attempts", mail.attempts());
        detail.put("headers", mail.headerNames());
        detail.put("headerValues", mail.headerValues());
        trail.append(null, AuditEventType.REJECTED, mail.message().toString(), route, detail);
        counters.count(context, AuditEventType.REJECTED, Channel.EMAIL, null);
    }

    /** The acknowledgement of {@code mail} was accepted by the SMTP server as {@code messageId}. */
    public void acknowledged(@ExchangeProperty(HubProperties.MAIL) InboundMail mail,
                             @ExchangeProperty(HubProperties.MAIL_SOURCE) String mailSource,
                             @Header("Message-ID") String messageId,
                             @Header("X-Netralitas-Case-Id") String caseId, String route) {
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("messageId", messageId);
        detail.put("reporter", pseudonym.of(mail.fromName(), mail.fromAddress()));
        trail.append(caseId, AuditEventType.ACKNOWLEDGED, mailSource, route, detail);
    }

    /**
     * An office's reply about one case (SPEC §12), by the contract `audit followup` reads: {@code status},
     * {@code sanction}, {@code note}, {@code from}, {@code spoofed}, {@code matchedBy}, {@code evidence} (type, bytes,
     * SHA-256 of each file; no name) and, without a status line, {@code excerpt}. A spoofed reply may come from anyone,
     * a reporter too: of it the trail keeps the sender's domain and a keyed pseudonym, and none of its text.
     */
    public void followUp(@Body OfficeAnswer answer, @ExchangeProperty(HubProperties.MAIL_SOURCE) String mailSource,
                         @ExchangeProperty(HubProperties.MAIL) InboundMail mail, String route) {
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("status", answer.status().name());
        if (answer.spoofed()) {
            detail.put("from", answer.fromDomain());
            detail.put("sender", answer.from() == null ? null : pseudonym.of(null, answer.from()));
        } else {
            putIfPresent(detail, "sanction", answer.sanction());
            putIfPresent(detail, "note", answer.note());
            detail.put("from", answer.from());
        }
        detail.put("spoofed", answer.spoofed());
        detail.put("matchedBy", answer.matchedBy().name());
        List<Map<String, Object>> files = new ArrayList<>();
        for (ReplyEvidence.Kept kept : answer.evidence()) {
            Map<String, Object> file = new LinkedHashMap<>();
            file.put("type", kept.type());
            file.put("bytes", kept.bytes());
            file.put("sha256", kept.sha256());
            files.add(file);
        }
        detail.put("evidence", files);
        putLeftOut(detail, mail.attachmentsLeftOut());
        if (!answer.spoofed()) {
            putIfPresent(detail, "statusText", answer.statusText());
            putIfPresent(detail, "excerpt", answer.excerpt());
        }
        trail.append(answer.caseId(), AuditEventType.FOLLOW_UP, mailSource, route, detail);
    }

    /** The reply closed the case with a final status (SELESAI or TIDAK TERBUKTI): the follow-up clock stopped. */
    public void followUpClosed(@Body OfficeAnswer answer, @ExchangeProperty(HubProperties.MAIL_SOURCE) String mailSource,
                               String route) {
        trail.append(answer.caseId(), AuditEventType.FOLLOW_UP_CLOSED, mailSource, route,
                Map.of("status", answer.status().name()));
    }

    /**
     * BOUNCED for each case of a returned follow-up mail: which mail ({@code mail}, {@code reminder}), its Message-ID,
     * each failed recipient with the server's status and answer, and the notice sent to Bawaslu staff. The addresses
     * are offices', never a reporter's. Counted in {@code netralitas_cases_total{event="BOUNCED"}} like every step.
     */
    public void bounced(@ExchangeProperty(HubProperties.BOUNCE) BouncedMail bounce,
                        @ExchangeProperty(HubProperties.MAIL_SOURCE) String mailSource,
                        @Header("To") String noticeTo, @Header("Message-ID") String noticeId, String route,
                        CamelContext context) {
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("mail", bounce.mail().kind().name());
        if (bounce.mail().kind() == ReturnedHubMail.Kind.REMINDER) {
            detail.put("reminder", bounce.mail().reminder());
        }
        detail.put("messageId", bounce.messageId());
        List<Map<String, Object>> failed = new ArrayList<>();
        for (FailedRecipient recipient : bounce.recipients()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("address", recipient.address());
            putIfPresent(entry, "status", recipient.status());
            putIfPresent(entry, "diagnostic", recipient.diagnostic());
            failed.add(entry);
        }
        detail.put("failed", failed);
        detail.put("noticeTo", noticeTo);
        detail.put("noticeMessageId", noticeId);
        for (FollowUpCase followUp : bounce.cases()) {
            trail.append(followUp.caseId(), AuditEventType.BOUNCED, mailSource, route, detail);
            counters.count(context, AuditEventType.BOUNCED, followUp.summary().channel(), followUp.severity(),
                    followUp.regionCode());
        }
    }

    /** The chain head {@code head} was mailed to the anchor inbox and accepted by the mail server. */
    public void anchorSent(ChainHead head, String to, String messageId, String route) {
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("seq", head.seq());
        detail.put("hash", head.hash());
        detail.put("to", to);
        detail.put("messageId", messageId);
        trail.append(null, AuditEventType.ANCHOR_SENT, null, route, detail);
    }

    /** The anchor mail could not be sent: said in the trail, so that the day missing from the anchor inbox is explained. */
    public void anchorFailed(Exception cause, String route) {
        trail.append(null, AuditEventType.NOTE, null, route, Map.of(AuditEvent.ALASAN, "anchor mail not sent: "
                + cause.getClass().getSimpleName() + ": " + cause.getMessage()));
    }

    /**
     * LINKED (SPEC §12) for each case of a sent digest that is related to an open case, with {@code relatedTo} that
     * first case's id: a digest's cases are recorded one by one, each with its own first case.
     */
    public void linkedInDigest(@Body List<ViolationCase> cases,
                               @ExchangeProperty(HubProperties.RELATED_CASES) Map<String, FollowUpCase> related,
                               String route, CamelContext context) {
        for (ViolationCase violationCase : cases) {
            FollowUpCase first = related.get(violationCase.getCaseId());
            if (first != null) {
                trail.record(violationCase.getCaseId(), AuditEventType.LINKED, source(violationCase), route,
                        Map.of("relatedTo", first.caseId()));
                counters.count(context, AuditEventType.LINKED, violationCase.getReport().source().channel(), violationCase);
            }
        }
    }

    /**
     * A CSV file and line as it is; for an email, the folder, UID and pseudonym it was read with (a case parked by an
     * earlier release kept only its Message-ID: then the pseudonym alone).
     */
    String source(ViolationCase violationCase) {
        ReportSource source = violationCase.getReport().source();
        if (source.channel() != Channel.EMAIL) {
            return source.reference();
        }
        return source.trailName() != null ? source.trailName() : mailSources.ofMessageId(source.name());
    }

    /**
     * No acknowledgement went to the sender (SPEC §3.3): withheld by the rules, or refused by the SMTP server. A NOTE in
     * the case's trail (the message's, for a CSV batch) with the reason, which never names the address.
     */
    public void acknowledgementWithheld(@ExchangeProperty(HubProperties.MAIL) InboundMail mail,
                                        @ExchangeProperty(HubProperties.ACKNOWLEDGEMENT) Acknowledgement ack,
                                        @ExchangeProperty(HubProperties.ACK_WITHHELD) String reason, Exchange exchange) {
        acknowledgementNote(ack == null ? null : ack.caseId(),
                exchange.getProperty(HubProperties.MAIL_SOURCE, String.class), ExchangeHelper.getAtRouteId(exchange),
                "tidak dikirim", reason);
    }

    /**
     * The acknowledgement the SMTP server could not take now is kept to be sent again (route keep-acknowledgement): a
     * NOTE with the reason and when it is due, which names no address.
     */
    public void acknowledgementDeferred(@ExchangeProperty(HubProperties.ACKNOWLEDGEMENT) Acknowledgement ack,
                                        @ExchangeProperty(HubProperties.MAIL_SOURCE) String mailSource,
                                        @ExchangeProperty(HubProperties.ACK_DEFERRED) String reason, String route) {
        acknowledgementNote(ack.caseId(), mailSource, route, "ditunda", reason);
    }

    /**
     * A kept acknowledgement was taken by the SMTP server as {@code messageId} (route resend-acknowledgements): the
     * same ACKNOWLEDGED as one sent at once, with the tries it took.
     */
    public void acknowledgedLate(@ExchangeProperty(HubProperties.PENDING_ACK) PendingAcknowledgement ack,
                                 @Header("Message-ID") String messageId, String route) {
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("messageId", messageId);
        detail.put("reporter", pseudonym.of(ack.reporterName(), ack.reporterAddress()));
        detail.put("attempts", ack.attempts() + 1);
        trail.append(ack.headers().get("X-Netralitas-Case-Id"), AuditEventType.ACKNOWLEDGED, ack.mailSource(), route,
                detail);
    }

    /** A kept acknowledgement is given up (refused for good, or not sent in time): a NOTE with the reason. */
    public void acknowledgementGivenUp(@ExchangeProperty(HubProperties.PENDING_ACK) PendingAcknowledgement ack,
                                       @ExchangeProperty(HubProperties.ACK_WITHHELD) String reason, String route) {
        acknowledgementNote(ack.caseId(), ack.mailSource(), route, "tidak dikirim", reason);
    }

    /** What became of an acknowledgement ({@code tandaTerima}) and why: the reason never names the address. */
    private void acknowledgementNote(String caseId, String mailSource, String route, String what, String reason) {
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("tandaTerima", what);
        detail.put(AuditEvent.ALASAN, reason);
        trail.append(caseId, AuditEventType.NOTE, mailSource, route, detail);
    }

    private Map<String, Object> detail(AuditEventType type, ViolationCase c, Exchange exchange) {
        Report report = c.getReport();
        Map<String, Object> detail = new LinkedHashMap<>();
        switch (type) {
            case RECEIVED -> {
                detail.put("channel", report.source().channel().name());
                detail.put("nip", report.nip());
                // A date, never the text it was read from: `audit export --incident-from/--incident-to` selects by it.
                if (report.incidentDate() != null) {
                    detail.put("incidentDate", report.incidentDate().toString());
                }
                if (report.reporterName() != null || report.reporterContact() != null) {
                    detail.put("reporter", pseudonym.of(report.reporterName(), report.reporterContact()));
                }
                putLeftOut(detail, c.getEvidenceLeftOut());
            }
            case ENRICHED -> {
                detail.put("nip", report.nip());
                detail.put("instansiKerjaId", c.getEmployee().instansiKerjaId());
                detail.put("instansiKerjaNama", c.getEmployee().instansiKerjaNama());
            }
            case NOT_FOUND_AT_BKN -> detail.put("nip", report.nip());
            case CLASSIFIED -> {
                Classification classification = c.getClassification();
                detail.put("category", classification.category().code());
                detail.put("baseSeverity", classification.baseSeverity().name());
                detail.put("severity", classification.severity().name());
                detail.put("escalation", classification.escalationReasons());
            }
            case ROUTED, CLOSED, DIGEST_QUEUED -> {
                RegionResolution resolution = c.getRegionResolution();
                detail.put("decision", exchange.getProperty(HubProperties.DECISION, String.class));
                detail.put("region", resolution.region() == null ? null : resolution.region().code());
                detail.put("regionSource", resolution.source().name());
                detail.put("to", exchange.getProperty(HubProperties.TO, String.class));
                detail.put("cc", exchange.getProperty(HubProperties.CC, String.class));
                detail.put("notes", resolution.notes());
            }
            case LINKED -> detail.put("relatedTo",
                    exchange.getProperty(HubProperties.RELATED_CASE, FollowUpCase.class).caseId());
            case DELIVERED -> {
                detail.putAll(mailDetail(exchange, Map.of()));
                putEvidence(detail, c.getEvidenceFiles());
                putLeftOut(detail, c.getEvidenceLeftOut());
            }
            case ENRICH_DEFERRED, DELIVERY_DEFERRED -> {
                Exception cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
                detail.put(AuditEvent.ALASAN, cause == null ? "unknown" : cause.getClass().getSimpleName() + ": " + cause.getMessage());
                // A case from a CSV row is parked in data/deferred; an emailed one stays in the mailbox until then.
                putIfPresent(detail, "parkedAs", exchange.getProperty(HubProperties.PARKED_AS));
                putIfPresent(detail, "heldUntil", exchange.getProperty(HubProperties.MAIL_RETRY_AT));
            }
            case DEAD_LETTERED -> {
                Exception cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
                String given = exchange.getProperty(HubProperties.PARK_REASON, String.class);
                detail.put(AuditEvent.ALASAN, given != null ? given
                        : cause == null ? "unknown" : cause.getClass().getSimpleName() + ": " + cause.getMessage());
                putIfPresent(detail, "parkedAs", exchange.getProperty(HubProperties.PARKED_AS));
            }
            default -> {
                // DUPLICATE, REPLAYED …: the event itself says it all.
            }
        }
        return detail;
    }

    /**
     * Whether this exchange recorded the event of this case already. hub-failures tries a failed step again with the
     * same exchange (route deliver, after a store step that followed the send): what the step recorded before it
     * failed is not recorded twice. Keyed by the exchange too: a split copies the property into each part.
     */
    private static boolean recordedBefore(Exchange exchange, String caseId, AuditEventType type) {
        Set<?> recorded = exchange.getProperty(HubProperties.RECORDED_EVENTS, Set.class);
        return recorded != null && recorded.contains(recordedKey(exchange, caseId, type));
    }

    @SuppressWarnings("unchecked")
    private static void recorded(Exchange exchange, String caseId, AuditEventType type) {
        Set<String> recorded = exchange.getProperty(HubProperties.RECORDED_EVENTS, Set.class);
        if (recorded == null) {
            recorded = ConcurrentHashMap.newKeySet();
            exchange.setProperty(HubProperties.RECORDED_EVENTS, recorded);
        }
        recorded.add(recordedKey(exchange, caseId, type));
    }

    private static String recordedKey(Exchange exchange, String caseId, AuditEventType type) {
        return exchange.getExchangeId() + "/" + caseId + "/" + type;
    }

    /** REMINDED carries the reminder's number, its mail and the next check; ESCALATED its mail. */
    private Map<String, Object> followUpDetail(AuditEventType type, DueFollowUp due, Exchange exchange) {
        Map<String, Object> detail = new LinkedHashMap<>();
        if (type == AuditEventType.REMINDED) {
            detail.put("reminder", due.step().reminder());
        }
        detail.putAll(mailDetail(exchange, Map.of()));
        if (type == AuditEventType.REMINDED) {
            detail.put("nextCheck", due.step().nextCheckAt().toString());
        }
        return detail;
    }

    /**
     * What the office received, file by file in the mail's order (SPEC §9): position, type, exact size and SHA-256, so
     * that an auditor can prove which bytes were forwarded. No name: a file name is the sender's text and may name the
     * reporter; the mail lists the names in the same order, and the hash identifies the file.
     */
    private static void putEvidence(Map<String, Object> detail, List<EvidenceFile> files) {
        List<Map<String, Object>> attached = new ArrayList<>();
        int position = 0;
        for (EvidenceFile file : files) {
            position++;
            if (!file.withheld()) {
                Map<String, Object> entry = new LinkedHashMap<>();
                entry.put("file", position);
                entry.put("type", file.contentType());
                entry.put("bytes", file.size());
                entry.put("sha256", file.sha256());
                attached.add(entry);
            }
        }
        if (!attached.isEmpty()) {
            detail.put("evidence", attached);
        }
    }

    /** Counts and sizes only: a file name is the sender's text and may name the reporter (SPEC §9). */
    private static void putLeftOut(Map<String, Object> detail, AttachmentsLeftOut leftOut) {
        if (leftOut.isEmpty()) {
            return;
        }
        Map<String, Object> files = new LinkedHashMap<>();
        files.put("dropped", leftOut.dropped());
        files.put("droppedBytes", leftOut.droppedBytes());
        files.put("maxPerMessage", leftOut.maxPerMessage());
        files.put("withheld", leftOut.withheld());
        files.put("maxAttachmentBytes", leftOut.maxAttachmentBytes());
        if (leftOut.withheldForMail() > 0) {
            files.put("withheldForMail", leftOut.withheldForMail());
            files.put("maxMailBytes", leftOut.maxMailBytes());
        }
        detail.put("attachmentsLeftOut", files);
    }

    /** Not converted by Camel: its converter would read a parked file's bytes instead of naming it. */
    private static void putIfPresent(Map<String, Object> detail, String key, Object value) {
        if (value != null) {
            detail.put(key, value.toString());
        }
    }

    private static Map<String, Object> mailDetail(Exchange exchange, Map<String, Object> extra) {
        Map<String, Object> detail = new LinkedHashMap<>(extra);
        detail.put("to", exchange.getMessage().getHeader("To", String.class));
        detail.put("cc", exchange.getMessage().getHeader("Cc", String.class));
        detail.put("messageId", exchange.getMessage().getHeader("Message-ID", String.class));
        // SPEC §12: the deadline the mail stated, so that `audit followup` works from the trail alone.
        Instant deadline = exchange.getProperty(HubProperties.FOLLOW_UP_DEADLINE, Instant.class);
        if (deadline != null) {
            detail.put("deadline", deadline.toString());
        }
        return detail;
    }
}
