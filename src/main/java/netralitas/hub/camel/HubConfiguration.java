package netralitas.hub.camel;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import netralitas.hub.audit.AuditTrail;
import netralitas.hub.audit.ChainHead;
import netralitas.hub.audit.ChainHeadRecorder;
import netralitas.hub.audit.ChainHeadTable;
import netralitas.hub.audit.ChainKey;
import netralitas.hub.audit.HeadLookup;
import netralitas.hub.audit.LastDelivery;
import netralitas.hub.audit.ReporterPseudonym;
import netralitas.hub.audit.TrailEndCheck;
import netralitas.hub.bkn.BknAccessToken;
import netralitas.hub.bkn.BknPlaces;
import netralitas.hub.bkn.BknRateLimit;
import netralitas.hub.bkn.BknRecordCache;
import netralitas.hub.bkn.BknResponseReader;
import netralitas.hub.bkn.BknUnavailableException;
import netralitas.hub.check.ConfigurationCheck;
import netralitas.hub.classify.CategoryCatalogue;
import netralitas.hub.classify.SeverityClassifier;
import netralitas.hub.embedded.EmbeddedServers;
import netralitas.hub.followup.BounceMatcher;
import netralitas.hub.followup.FollowUpCalendar;
import netralitas.hub.followup.FollowUpDeadlines;
import netralitas.hub.followup.Holiday;
import netralitas.hub.followup.HolidayCalendarFile;
import netralitas.hub.followup.OfficeReplyParser;
import netralitas.hub.followup.ReplyEvidence;
import netralitas.hub.followup.ReplyMatcher;
import netralitas.hub.followup.ReminderSchedule;
import netralitas.hub.inbox.InboundMailReader;
import netralitas.hub.inbox.MailLimits;
import netralitas.hub.inbox.MailReadFailures;
import netralitas.hub.inbox.MailReportExtractor;
import netralitas.hub.inbox.MailRetrySchedule;
import netralitas.hub.inbox.MailboxUid;
import netralitas.hub.inbox.PendingMoves;
import netralitas.hub.mail.AcknowledgedMail;
import netralitas.hub.mail.AcknowledgementPolicy;
import netralitas.hub.mail.AcknowledgementQuota;
import netralitas.hub.mail.CaseEmailRenderer;
import netralitas.hub.mail.MailSignature;
import netralitas.hub.mail.MailSizeLimit;
import netralitas.hub.nip.NipValidator;
import netralitas.hub.outbox.NoDelaySocketFactory;
import netralitas.hub.outbox.ReusingMailSender;
import netralitas.hub.region.RegionDirectory;
import netralitas.hub.region.RegionResolver;
import netralitas.hub.report.CsvBounds;
import netralitas.hub.report.CsvReportReader;
import netralitas.hub.report.ReportParser;
import netralitas.hub.settings.HubSettings;
import netralitas.hub.state.CaseLedgerTable;
import netralitas.hub.state.ClusterNode;
import netralitas.hub.state.DeliveriesInFlight;
import netralitas.hub.state.DigestQueue;
import netralitas.hub.state.FollowUpTable;
import netralitas.hub.state.GroupCommit;
import netralitas.hub.state.LeaseTable;
import netralitas.hub.state.LegacyDeliveriesLog;
import netralitas.hub.state.ParkedCaseImport;
import netralitas.hub.state.ParkedCaseTable;
import netralitas.hub.state.PendingAcknowledgementTable;
import netralitas.hub.state.SharedBknPlaces;
import netralitas.hub.state.StateStore;
import netralitas.hub.state.StoreOutage;
import netralitas.hub.state.StoreRetry;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.impl.cluster.ClusteredRoutePolicy;
import org.apache.camel.CamelContext;
import org.apache.camel.spi.Registry;
import org.apache.camel.spi.ThreadPoolProfile;
import org.apache.camel.support.service.ServiceSupport;
import org.apache.camel.util.concurrent.ThreadPoolRejectedPolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

import javax.net.SocketFactory;
import javax.sql.DataSource;
import javax.net.ssl.SSLSocketFactory;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.function.Consumer;

/**
 * Builds the hub's beans from config/ and binds them by name for the YAML routes. In embedded mode it first starts the
 * embedded mail server and BKN simulator and points the hub's settings at them (SPEC §10). Runs before the routes are
 * loaded, so a broken configuration stops the hub at start-up with the file named.
 */
public final class HubConfiguration implements CamelConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(HubConfiguration.class);

    /** Set for a dedicated reply mailbox (SPEC §12); empty: the offices' replies come to the report mailbox. */
    private static final String FOLLOW_UP_IMAP_HOST = "hub.followup.imap.host";

    /** Writes of the state store committed together at most: far above the workers' count, a bound on one transaction. */
    private static final int GROUP_COMMIT_MAX_BATCH = 256;

    @Override
    public void configure(CamelContext context) throws Exception {
        Path home = Path.of(context.getPropertiesComponent().resolveProperty("hub.home").orElse("."));
        HubSettings settings = new HubSettings(context, home);
        Clock clock = Clock.systemDefaultZone();
        Registry registry = context.getRegistry();

        // The same validation as the check command, with the same messages; whether the partners answer is checked
        // by the command only: at start-up the hub rather waits for a partner that is down (it defers its cases).
        boolean embedded = settings.bool("hub.embedded");
        ConfigurationCheck.ValidConfiguration valid = new ConfigurationCheck(home, settings::optional, embedded).requireValid();
        valid.warnings().forEach(warning -> LOG.warn("{}", warning));
        if (embedded) {
            EmbeddedServers servers = EmbeddedServers.start(settings);
            servers.settings().forEach(context.getPropertiesComponent()::addOverrideProperty);
            context.addService(servers);
            registry.bind("embeddedServers", servers);
            LOG.info("EMBEDDED MODE (hub.embedded=true): mail server SMTP 127.0.0.1:{} / IMAP 127.0.0.1:{}, BKN simulator {}."
                    + " Nothing leaves this machine; set HUB_EMBEDDED=false to use real endpoints.",
                    servers.mail().smtpPort(), servers.mail().imapPort(), servers.bkn().baseUrl());
        } else {
            LOG.info("PRODUCTION MODE (hub.embedded=false): IMAP {}://{}:{}, SMTP {}:{}, BKN {}",
                    settings.required("hub.imap.protocol"), settings.required("hub.imap.host"), settings.required("hub.imap.port"),
                    settings.required("hub.smtp.host"), settings.required("hub.smtp.port"), settings.required("hub.bkn.base-url"));
        }
        boolean followUpMailbox = settings.optional(FOLLOW_UP_IMAP_HOST).isPresent();
        // Route poll-followup-mailbox exists only with a dedicated reply mailbox (its precondition).
        context.getPropertiesComponent().addOverrideProperty("hub.followup.imap.enabled",
                String.valueOf(followUpMailbox));
        if (followUpMailbox) {
            LOG.info("Follow-up mailbox (SPEC §12): IMAP {}://{}:{}, folder {}",
                    settings.required("hub.followup.imap.protocol"), settings.required(FOLLOW_UP_IMAP_HOST), settings.required("hub.followup.imap.port"),
                    settings.required("hub.followup.imap.folder"));
        }

        Path config = settings.configDir();
        RegionDirectory regions = valid.regions();
        CategoryCatalogue categories = valid.categories();
        CaseEmailRenderer renderer = new CaseEmailRenderer(config.resolve("templates"), categories.legalBases(),
                new MailSignature(settings.required("hub.mail.signature.unit"), settings.required("hub.mail.signature.address"),
                        settings.required("hub.mail.signature.phone"), settings.required("hub.mail.signature.email")));

        Path dataDir = settings.dataDir();
        StateStore state = StateStore.open(settings);
        LOG.info("State store: {} ({})", state.location(), state.kind() == StateStore.Kind.POSTGRESQL ? "PostgreSQL"
                : "embedded H2, one node");
        // On PostgreSQL the trail is in the store itself: a store restored from a copy brings the trail of that moment.
        if (state.kind() == StateStore.Kind.EMBEDDED_H2) {
            state.requireNotBehind(LastDelivery.in(settings.auditDir()));
        }
        DataSource database = state.dataSource();
        registry.bind("stateStoreHealth", new StateStoreHealthCheck(state));
        ClusterNode node = ClusterNode.of(settings);

        bindIntake(settings, registry, regions, categories, clock, LOG::info);
        MailRetrySchedule retrySchedule = new MailRetrySchedule(Duration.ofMillis(settings.longValue("hub.imap.retry-delay-ms")),
                Duration.ofMillis(settings.longValue("hub.imap.max-retry-delay-ms")), clock);
        registry.bind("mailRetrySchedule", retrySchedule);
        registry.bind("imapProperties", imapSessionProperties());
        registry.bind("rawMailBinding", new RawMailBinding());
        registry.bind("mailboxUids", new MailboxUids(MailboxUid.REPORT));
        registry.bind("followUpMailboxUids", new MailboxUids(MailboxUid.FOLLOW_UP));
        registry.bind("csvBatchOutcomes", new CsvBatchOutcomes());
        registry.bind("fileTally", new FileTally());
        BknPlaces bknPlaces = bknPlaces(settings, state, node, clock);
        CircuitBreaker bknBreaker = bindCaseStages(settings, registry, regions, categories, clock, bknPlaces);
        registry.bind("retryAfterDelay", new RetryAfterDelay(settings.longValue("hub.bkn.max-retry-delay-ms")));

        String from = settings.required("hub.mail.from");
        String mailDomain = settings.required("hub.mail.domain");
        String reportAddress = reportAddress(settings);
        String followUpAddress = settings.optional("hub.followup.address")
                .or(() -> followUpMailbox
                        ? settings.optional("hub.followup.imap.username").filter(login -> login.contains("@"))
                        : Optional.empty())
                .orElse(reportAddress);
        if (followUpAddress == null) {
            LOG.warn("Case mails carry no Reply-To: hub.followup.address is empty and neither hub.mail.report-address nor"
                    + " hub.imap.username is an address; offices' replies go to hub.mail.from");
        }
        registry.bind("caseMailComposer", new CaseMailComposer(renderer, from, mailDomain, followUpAddress, clock.getZone(),
                new MailSizeLimit(settings.longValue("hub.smtp.max-message-bytes"))));
        registry.bind("acknowledgementComposer", new AcknowledgementComposer(renderer, from, mailDomain, reportAddress));
        registry.bind("digestMailComposer", new DigestMailComposer(renderer, from, mailDomain, followUpAddress, clock));
        ReusingMailSender smtpSender = smtpSender(settings, clock);
        registry.bind("smtpSender", smtpSender);
        registry.bind("outgoingMimeMessage", new OutgoingMimeMessage(smtpSender));

        ChainKey chainKey = ChainKey.of(settings.required("hub.audit.chain-key"));
        AuditTrail trail = state.kind() == StateStore.Kind.POSTGRESQL
                ? AuditTrail.inStore(database, state.location(), clock, chainKey, settings.auditDir(), LOG::warn, LOG::info)
                : openTrail(settings.auditDir(), clock, chainKey, database);
        LOG.info("Audit trail: {}", trail.location());
        MailTrailSource mailSources = new MailTrailSource(chainKey);
        registry.bind("mailTrailSource", mailSources);
        ReporterPseudonym pseudonym = ReporterPseudonym.withKey(settings.required("hub.audit.reporter-secret"));
        AuditRecorder audit = new AuditRecorder(trail, pseudonym, mailSources);
        registry.bind("audit", audit);
        registry.bind("csvDropFolder", new DropFolder(settings.path("hub.csv.drop-dir"),
                Duration.ofMillis(settings.longValue("hub.csv.settle-ms")), clock, audit, "ingest-csv"));
        registry.bind("anchorMailComposer", new AnchorMailComposer(renderer, trail, from,
                settings.required("hub.audit.anchor-inbox"), mailDomain, clock));
        ParkedCaseTable parkedCases = new ParkedCaseTable(database, clock, node,
                Duration.ofMillis(settings.longValue("hub.deferred.retry-delay-ms")));
        ParkedCaseImport.run(dataDir, parkedCases, clock);
        registry.bind("parkedCases", parkedCases);
        registry.bind("deferredCaseGate", new DeferredCaseGate(bknBreaker));
        PendingAcknowledgementTable pendingAcknowledgements = new PendingAcknowledgementTable(database, clock, node,
                Duration.ofMillis(settings.longValue("hub.mail.ack-retry-delay-ms")),
                Duration.ofMillis(settings.longValue("hub.mail.ack-max-retry-delay-ms")),
                Duration.ofHours(settings.longValue("hub.mail.ack-give-up-hours")));
        registry.bind("pendingAcknowledgements", pendingAcknowledgements);
        registry.bind("acknowledgementRetries", new AcknowledgementRetries(pendingAcknowledgements, clock.getZone()));

        // The delay saves H2 a write of every page a commit touched; a PostgreSQL commit rewrites no page, and waiting
        // there only held the workers back (docs/architecture.md, "Group commit").
        Duration commitDelay = state.kind() == StateStore.Kind.EMBEDDED_H2
                ? Duration.ofMillis(settings.longValue("hub.state.commit-delay-ms")) : Duration.ZERO;
        GroupCommit stateWriter = new GroupCommit(database, GROUP_COMMIT_MAX_BATCH, commitDelay, "state-writer");
        CaseLedgerTable durableLedger = state.kind() == StateStore.Kind.POSTGRESQL
                ? new CaseLedgerTable(database, stateWriter, clock, node.id(), node.takeover())
                : CaseLedgerTable.ofOneNode(database, stateWriter, clock, node.id());
        StoreLeaseClusterService cluster = new StoreLeaseClusterService(new LeaseTable(database, clock), node.id(),
                node.takeover(), clock);
        context.addService(cluster);
        // One node of the cluster runs each of these routes: the one holding the namespace's lease.
        registry.bind("reportMailboxLeadership", ClusteredRoutePolicy.forNamespace(cluster, "report-mailbox"));
        registry.bind("followUpMailboxLeadership", ClusteredRoutePolicy.forNamespace(cluster, "followup-mailbox"));
        registry.bind("csvDropFolderLeadership", ClusteredRoutePolicy.forNamespace(cluster, "csv-drop-folder"));
        registry.bind("digestLeadership", ClusteredRoutePolicy.forNamespace(cluster, "digest"));
        registry.bind("auditAnchorLeadership", ClusteredRoutePolicy.forNamespace(cluster, "audit-anchor"));
        DeliveriesInFlight deliveriesInFlight = new DeliveriesInFlight(database, stateWriter, node.id());
        List<String> imported = LegacyDeliveriesLog.importInto(dataDir, deliveriesInFlight);
        if (!imported.isEmpty()) {
            LOG.info("Release 0.1's deliveries in flight ({}) imported into the state store; the file is kept under {}",
                    imported, dataDir.resolve("imported-0.1/state"));
        }
        deliveriesInFlight.nodeStopped(deliveriesInFlight.nodeId(), durableLedger::contains);
        if (!deliveriesInFlight.uncertain().isEmpty()) {
            LOG.warn("{} case(s) may have reached their office without being recorded as handled (delivery uncertain):"
                    + " {}. Each is parked as a dead letter, or will be when it comes in again: check the office's inbox"
                    + " before you replay one.", deliveriesInFlight.uncertain().size(), deliveriesInFlight.uncertain());
        }
        registry.bind("deliveriesInFlight", deliveriesInFlight);
        registry.bind("storeOutage", new StoreOutage());
        StoreRetry storeRetry = new StoreRetry(settings.integer("hub.state.max-redeliveries"),
                Duration.ofMillis(settings.longValue("hub.state.redelivery-delay-ms")),
                Duration.ofMillis(settings.longValue("hub.state.max-redelivery-delay-ms")), LOG::warn);
        CaseLedger caseLedger = new CaseLedger(durableLedger, deliveriesInFlight, storeRetry);
        registry.bind("caseLedger", caseLedger);
        registry.bind("caseWorkers", caseWorkers(context, settings.integer("hub.pipeline.workers")));
        registry.bind("digestQueue", new DigestQueue(database));
        FollowUpTable followUps = new FollowUpTable(database, stateWriter);
        registry.bind("followUpTable", followUps);
        FollowUpDeadlines deadlines = followUpDeadlines(settings, valid.holidays(), clock.getZone());
        registry.bind("caseFollowUp", new CaseFollowUp(followUps, caseLedger, deadlines,
                settings.integer("hub.followup.related-days"), audit::source, clock));
        ReplyMatcher replyMatcher = new ReplyMatcher(followUps::byMessageId, followUps::find, mailDomain);
        registry.bind("followUpReplies", new FollowUpReplies(replyMatcher, new OfficeReplyParser(), followUps,
                new ReplyEvidence(dataDir.resolve("followup")), clock));
        String followUpLogin = settings.optional("hub.followup.imap.username").filter(login -> login.contains("@"))
                .orElse(null);
        registry.bind("followUpBounces", new FollowUpBounces(new BounceMatcher(replyMatcher, mailDomain), followUps,
                renderer, from, mailDomain, settings.required("hub.routing.triage-inbox"), reportAddress, followUpLogin,
                clock));
        bindFollowUpClock(context, settings, registry, followUps, deadlines.calendar(), node, renderer, regions, from,
                mailDomain, followUpAddress == null ? from : followUpAddress, clock);
        AcknowledgementQuota quota = new AcknowledgementQuota(database,
                settings.integer("hub.mail.ack-max-per-sender-per-day"), clock, address -> pseudonym.of(null, address));
        MailIntake mailIntake = registry.lookupByNameAndType("mailIntake", MailIntake.class);
        AcknowledgedMail acknowledgedMail = new AcknowledgedMail(database, clock, MailTrailSource::pseudonymIn);
        registry.bind("acknowledgedMail", acknowledgedMail);
        registry.bind("acknowledgementPolicy", new AcknowledgementPolicy(settings.bool("hub.mail.acknowledge"),
                ownAddresses(from, reportAddress, followUpAddress), mailIntake::looksLikeAReport, quota,
                acknowledgedMail));
        MailReadFailures readFailures = new MailReadFailures(database, settings.integer("hub.imap.max-read-failures"),
                Duration.ofMillis(settings.longValue("hub.imap.retry-delay-ms")),
                Duration.ofMillis(settings.longValue("hub.imap.max-retry-delay-ms")), clock);
        registry.bind("mailReadFailures", readFailures);
        PendingMoves pendingMoves = new PendingMoves(retrySchedule);
        registry.bind("pendingMoves", pendingMoves);
        registry.bind("imapFolderNames", new ImapFolderNames());
        registry.bind("failureCause", new FailureCause());
        registry.bind("reportMailboxPollFailures", new MailboxPollFailures("of reports (hub.imap.*)"));
        registry.bind("followUpMailboxPollFailures", new MailboxPollFailures("of replies (hub.followup.imap.*)"));
        registry.bind("dueMessages", new DueMessages(MailboxUid.REPORT, retrySchedule, readFailures, pendingMoves));
        registry.bind("followUpDueMessages", new DueMessages(MailboxUid.FOLLOW_UP, retrySchedule, readFailures,
                pendingMoves));
        context.addService(new ServiceSupport() {
            @Override
            protected void doStop() throws Exception {
                smtpSender.close();
                bknPlaces.close();
                trail.close();
                durableLedger.close();
                stateWriter.close();
                state.close();
            }
        });
    }

    /**
     * The follow-up clock of route followup-clock (SPEC §12) and the overdue metric, on the deadlines' calendar (with
     * hub.followup.business-days, Monday to Friday outside the holidays of config/holidays.csv).
     */
    private static void bindFollowUpClock(CamelContext context, HubSettings settings, Registry registry,
                                          FollowUpTable followUps, FollowUpCalendar calendar, ClusterNode node,
                                          CaseEmailRenderer renderer, RegionDirectory regions, String from,
                                          String mailDomain, String replyAddress, Clock clock) {
        String checkInterval = settings.required("hub.followup.check-interval");
        Duration check;
        try {
            check = Duration.parse(checkInterval.strip());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("hub.followup.check-interval must be an ISO-8601 duration such as PT15M,"
                    + " not \"" + checkInterval + "\"", e);
        }
        if (check.isNegative() || check.isZero()) {
            throw new IllegalArgumentException("hub.followup.check-interval must be positive, not " + checkInterval);
        }
        // The scheduler of route followup-clock takes milliseconds.
        context.getPropertiesComponent().addOverrideProperty("hub.followup.check-interval-ms",
                String.valueOf(check.toMillis()));
        ReminderSchedule schedule = new ReminderSchedule(calendar, settings.required("hub.followup.reminder-interval"),
                settings.integer("hub.followup.max-reminders"));
        registry.bind("followUpClock", new FollowUpClock(followUps, schedule, node, renderer, regions, from, mailDomain,
                replyAddress, settings.required("hub.routing.triage-inbox"), settings.integer("hub.followup.batch-size"),
                clock));
        registry.bind("followUpOverdueGauge", new FollowUpOverdueGauge(followUps, clock));
    }

    /**
     * Where reporters send reports, named in an acknowledgement that asks for a report again: hub.mail.report-address,
     * else the report mailbox's login when that is an address; null when neither is.
     */
    private static String reportAddress(HubSettings settings) {
        return settings.optional("hub.mail.report-address")
                .or(() -> settings.optional("hub.imap.username").filter(login -> login.contains("@")))
                .orElse(null);
    }

    /** The hub's own addresses, which it never acknowledges: its sender, the report mailbox and the reply address. */
    private static Set<String> ownAddresses(String from, String reportAddress, String followUpAddress)
            throws AddressException {
        Set<String> own = new HashSet<>();
        own.add(new InternetAddress(from).getAddress());
        if (reportAddress != null) {
            own.add(reportAddress);
        }
        if (followUpAddress != null) {
            own.add(followUpAddress);
        }
        return own;
    }

    /**
     * The trail, keyed, its end first held against the chain head in the state store (SPEC §8): a trail cut or
     * rewritten since the head was recorded stops the start in one line. The head then keeps up with the trail.
     */
    private static AuditTrail openTrail(Path auditDir, Clock clock, ChainKey key, DataSource database) {
        ChainHeadTable heads = new ChainHeadTable(database, clock);
        HeadLookup lookup = HeadLookup.of(heads);
        ChainHead end = TrailEndCheck.require(auditDir, key, lookup);
        if (lookup.kind() != HeadLookup.Kind.FOUND) {
            LOG.info("Audit chain head recorded in the state store for the first time: seq {}", end.seq());
        }
        heads.advance(end);
        ChainHeadRecorder recorder = new ChainHeadRecorder(heads, end, LOG::warn);
        try {
            AuditTrail trail = AuditTrail.open(auditDir, clock, key, recorder);
            if (end.seq() > 0 && !trail.endsKeyed()) {
                LOG.info("The audit trail goes on keyed (HMAC-SHA256 under hub.audit.chain-key) from seq {}: the {}"
                        + " events before were written unkeyed by an earlier release", end.seq() + 1, end.seq());
            }
            return trail;
        } catch (RuntimeException e) {
            recorder.close();
            throw e;
        }
    }

    /**
     * The deadlines of SPEC §12 (hub.followup.deadline.*, counted in business days with hub.followup.business-days),
     * the hub's and the dry run's.
     */
    public static FollowUpDeadlines followUpDeadlines(HubSettings settings, List<Holiday> holidays, ZoneId zone) {
        boolean businessDays = settings.bool(FollowUpDeadlines.BUSINESS_DAYS);
        return new FollowUpDeadlines(new FollowUpCalendar(HolidayCalendarFile.dates(holidays), businessDays, zone),
                businessDays, settings.required(FollowUpDeadlines.BERAT), settings.required(FollowUpDeadlines.SEDANG),
                settings.required(FollowUpDeadlines.RINGAN), settings.required(FollowUpDeadlines.BAWASLU));
    }

    /** The readers that turn a CSV row or a message into a case: the hub's, and the dry run's. */
    public static void bindIntake(HubSettings settings, Registry registry, RegionDirectory regions, CategoryCatalogue categories,
                           Clock clock, Consumer<String> progressLog) {
        NipValidator nipValidator = new NipValidator(clock);
        ReportParser reportParser = new ReportParser(clock, nipValidator);
        CsvBounds bounds = new CsvBounds(settings.integer(CsvBounds.FIELD_SETTING), settings.integer(CsvBounds.RECORD_SETTING));
        registry.bind("csvIntake", new CsvIntake(new CsvReportReader(reportParser, bounds), clock,
                Duration.ofMillis(settings.longValue("hub.csv.progress-interval-ms")), progressLog));
        registry.bind("mailIntake", new MailIntake(
                new InboundMailReader(mailLimits(settings), clock),
                new MailReportExtractor(nipValidator, regions, categories), reportParser));
    }

    private static MailLimits mailLimits(HubSettings settings) {
        return new MailLimits(settings.longValue("hub.mail.max-message-bytes"), settings.longValue("hub.mail.max-header-bytes"),
                settings.integer("hub.mail.max-nesting-depth"), settings.integer("hub.mail.max-mime-parts"),
                settings.integer("hub.mail.max-subject-chars"), settings.longValue("hub.mail.max-attachment-bytes"),
                settings.integer("hub.mail.max-attachments-per-message"));
    }

    /** BKN's rate-limit places of one node, in memory: what a dry run uses, and the hub on the embedded store. */
    public static BknPlaces localBknPlaces(HubSettings settings) {
        return new BknRateLimit(settings.integer("hub.bkn.rate-limit-per-second"),
                Duration.ofMillis(settings.longValue("hub.bkn.rate-limit-window-ms")));
    }

    /**
     * On PostgreSQL, nodes may be many and BKN counts them together: the places are in the store. On the embedded store
     * there is one node, and the places in memory are exact without two commits per request.
     */
    private static BknPlaces bknPlaces(HubSettings settings, StateStore state, ClusterNode node, Clock clock)
            throws SQLException {
        if (state.kind() != StateStore.Kind.POSTGRESQL) {
            return localBknPlaces(settings);
        }
        Duration longestRequest = Duration.ofMillis(settings.longValue("hub.bkn.connect-timeout-ms")
                + settings.longValue("hub.bkn.response-timeout-ms"));
        return new SharedBknPlaces(state.dataSource(), settings.integer("hub.bkn.rate-limit-per-second"),
                settings.integer("hub.bkn.max-concurrency"),
                Duration.ofMillis(settings.longValue("hub.bkn.rate-limit-window-ms")), longestRequest,
                node.id(), clock);
    }

    /**
     * The beans of routes enrich, classify and route, which decide where a case goes. The dry run binds the same ones,
     * so that it runs those routes as they are.
     */
    public static CircuitBreaker bindCaseStages(HubSettings settings, Registry registry, RegionDirectory regions,
                                         CategoryCatalogue categories, Clock clock, BknPlaces bknPlaces) {
        registry.bind("caseRegionResolver", new CaseRegionResolver(new RegionResolver(regions)));
        registry.bind("caseClassifier", new CaseClassifier(categories, new SeverityClassifier(categories)));
        registry.bind("caseRouting", new CaseRouting());
        registry.bind("bknClient", new BknClient(new BknAccessToken(clock), new BknResponseReader(clock),
                settings.optional("hub.bkn.consumer-key").orElse(""), settings.optional("hub.bkn.consumer-secret").orElse(""),
                settings.optional("hub.bkn.sso-token").orElse(null)));
        registry.bind("bknRateLimit", bknPlaces);
        registry.bind("bknRecordCache", new BknRecordCache(Duration.ofSeconds(settings.longValue("hub.bkn.cache-ttl")),
                settings.longValue("hub.bkn.cache-max-entries")));
        registry.bind("bknRecordMerger", new BknRecordMerger());
        CircuitBreaker bknBreaker = bknCircuitBreaker(settings);
        registry.bind("bknCircuitBreaker", bknBreaker);
        return bknBreaker;
    }

    /**
     * The breaker of route bkn-lookup. Only unavailability counts against BKN (I/O errors, 5xx, 429): an unknown NIP is
     * an answer, and a rejected request is the hub's own fault. When it opens and closes is logged: operators see
     * the outage begin and end in one line each.
     */
    private static CircuitBreaker bknCircuitBreaker(HubSettings settings) {
        CircuitBreakerConfig config = CircuitBreakerConfig.custom()
                .failureRateThreshold(settings.integer("hub.bkn.breaker.failure-rate-percent"))
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(settings.integer("hub.bkn.breaker.window-calls"))
                .minimumNumberOfCalls(settings.integer("hub.bkn.breaker.minimum-calls"))
                .waitDurationInOpenState(Duration.ofSeconds(settings.longValue("hub.bkn.breaker.open-seconds")))
                .permittedNumberOfCallsInHalfOpenState(settings.integer("hub.bkn.breaker.half-open-calls"))
                .automaticTransitionFromOpenToHalfOpenEnabled(true)
                .recordExceptions(BknUnavailableException.class, IOException.class)
                .build();
        CircuitBreaker breaker = CircuitBreaker.of("bkn", config);
        breaker.getEventPublisher().onStateTransition(event -> LOG.warn("BKN circuit breaker: {} -> {}",
                event.getStateTransition().getFromState(), event.getStateTransition().getToState()));
        return breaker;
    }

    /**
     * The threads that carry a file's rows through the pipeline. The queue is short and a full queue makes the file's
     * reader do the work itself, so a million-row file is never read ahead into memory.
     */
    private static ExecutorService caseWorkers(CamelContext context, int workers) {
        ThreadPoolProfile profile = new ThreadPoolProfile("case-workers");
        profile.setPoolSize(workers);
        profile.setMaxPoolSize(workers);
        profile.setMaxQueueSize(workers * 4);
        profile.setRejectedPolicy(ThreadPoolRejectedPolicy.CallerRuns);
        return context.getExecutorServiceManager().newThreadPool(HubConfiguration.class, "case-workers", profile);
    }

    private static ReusingMailSender smtpSender(HubSettings settings, Clock clock) {
        ReusingMailSender sender = new ReusingMailSender(settings.integer("hub.smtp.max-messages-per-connection"),
                Duration.ofMillis(settings.longValue("hub.smtp.max-idle-ms")), clock);
        sender.setProtocol(settings.required("hub.smtp.protocol"));
        sender.setHost(settings.required("hub.smtp.host"));
        sender.setPort(Integer.parseInt(settings.required("hub.smtp.port")));
        sender.setUsername(settings.optional("hub.smtp.username").orElse(null));
        sender.setPassword(settings.optional("hub.smtp.password").orElse(null));
        sender.setJavaMailProperties(smtpSessionProperties(settings));
        return sender;
    }

    /**
     * Every IMAP command is a round trip: without TCP_NODELAY each can wait for a delayed ACK, and a message is fetched
     * in pieces of mail.imap.fetchsize (16 KB by default: 1,700 round trips for a 20 MB attachment).
     */
    private static Properties imapSessionProperties() {
        Properties properties = new Properties();
        for (String protocol : List.of("imap", "imaps")) {
            properties.setProperty("mail." + protocol + ".fetchsize", String.valueOf(1024 * 1024));
        }
        properties.put("mail.imap.socketFactory", new NoDelaySocketFactory(SocketFactory.getDefault()));
        properties.put("mail.imaps.ssl.socketFactory", new NoDelaySocketFactory(SSLSocketFactory.getDefault()));
        return properties;
    }

    private static Properties smtpSessionProperties(HubSettings settings) {
        Properties properties = new Properties();
        String timeout = String.valueOf(settings.longValue("hub.smtp.timeout-ms"));
        properties.setProperty("mail.smtp.connectiontimeout", timeout);
        properties.setProperty("mail.smtp.timeout", timeout);
        properties.setProperty("mail.smtp.writetimeout", timeout);
        properties.put("mail.smtp.socketFactory", new NoDelaySocketFactory(SocketFactory.getDefault()));
        properties.put("mail.smtps.ssl.socketFactory", new NoDelaySocketFactory(SSLSocketFactory.getDefault()));
        settings.optional("hub.smtp.helo-name").ifPresent(name -> {
            properties.setProperty("mail.smtp.localhost", name);
            properties.setProperty("mail.smtps.localhost", name);
        });
        // Where undeliverable mail is returned (RFC 5321 §4.5.5); without it Jakarta Mail uses the From address.
        settings.optional("hub.mail.bounce-address").ifPresent(address -> {
            properties.setProperty("mail.smtp.from", address);
            properties.setProperty("mail.smtps.from", address);
        });
        if (settings.bool("hub.smtp.starttls")) {
            properties.setProperty("mail.smtp.starttls.enable", "true");
            properties.setProperty("mail.smtp.starttls.required", "true");
        }
        return properties;
    }
}
