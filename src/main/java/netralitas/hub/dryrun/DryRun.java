package netralitas.hub.dryrun;

import netralitas.hub.camel.CsvIntake;
import netralitas.hub.camel.HubProperties;
import netralitas.hub.camel.MailIntake;
import netralitas.hub.cases.ViolationCase;
import netralitas.hub.classify.Classification;
import netralitas.hub.classify.Severity;
import netralitas.hub.followup.FollowUpDeadlines;
import netralitas.hub.inbox.CsvAttachment;
import netralitas.hub.inbox.InboundMail;
import netralitas.hub.inbox.MailRejection;
import netralitas.hub.mail.MailPurpose;
import netralitas.hub.region.RegionResolution;
import netralitas.hub.report.CsvFileException;
import netralitas.hub.report.CsvRejection;
import netralitas.hub.text.FailureText;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.support.DefaultExchange;

import java.io.ByteArrayInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * {@code route --dry-run}: reads a CSV or a raw message as the hub's intake would, and sends each case through the
 * hub's routes enrich (unless offline), classify and route, then reports the decision those routes took. Nothing is
 * delivered, queued or recorded (see {@link DryRunConfiguration}).
 */
public final class DryRun {

    private final CamelContext context;
    private final ProducerTemplate template;
    private final boolean askBkn;
    private final CsvIntake csvIntake;
    private final MailIntake mailIntake;
    private final FollowUpDeadlines deadlines;
    private final Clock clock;

    private static final DateTimeFormatter DEADLINE = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm xxx");

    public DryRun(CamelContext context, boolean askBkn) {
        this.context = context;
        this.template = context.createProducerTemplate();
        this.askBkn = askBkn;
        this.csvIntake = context.getRegistry().lookupByNameAndType("csvIntake", CsvIntake.class);
        this.mailIntake = context.getRegistry().lookupByNameAndType("mailIntake", MailIntake.class);
        this.deadlines = context.getRegistry().lookupByNameAndType("followUpDeadlines", FollowUpDeadlines.class);
        this.clock = Clock.systemDefaultZone();
    }

    /**
     * @param input a CSV drop file ({@code .csv}) or a raw RFC 5322 message ({@code .eml})
     * @throws CsvFileException when the CSV cannot be read at all (the hub would move it to failed/)
     */
    public void run(Path input, Consumer<DryRunRow> rows) throws IOException {
        String name = input.getFileName().toString();
        String lowerCase = name.toLowerCase(Locale.ROOT);
        if (lowerCase.endsWith(".csv")) {
            try (InputStream in = Files.newInputStream(input)) {
                csv(in, name, Files.size(input), rows);
            }
        } else if (lowerCase.endsWith(".eml")) {
            mail(mailIntake.read(Files.readAllBytes(input)), rows);
        } else {
            throw new IllegalArgumentException("A dry run reads a CSV drop file (.csv) or a raw message (.eml), not " + input);
        }
    }

    private void csv(InputStream in, String fileName, long bytes, Consumer<DryRunRow> rows) throws IOException {
        Iterator<Object> items = csvIntake.rows(in, fileName, bytes, null);
        try {
            while (items.hasNext()) {
                Object item = items.next();
                if (item instanceof CsvRejection rejection) {
                    rows.accept(DryRunRow.stopped(rejection.source(), "REJECTED", rejection.row().reason()));
                } else {
                    rows.accept(decide((ViolationCase) item));
                }
            }
        } finally {
            ((Closeable) items).close();
        }
    }

    // The same order of questions as route ingest-mail.
    private void mail(InboundMail mail, Consumer<DryRunRow> rows) throws IOException {
        switch (mail.kind()) {
            case NOT_A_REPORT -> rows.accept(DryRunRow.stopped(mail.sourceId(), "NOT_A_REPORT", mail.kindReason()));
            case UNREADABLE -> rows.accept(DryRunRow.stopped(mail.sourceId(), "QUARANTINE", mail.kindReason()));
            case REPORT -> {
                if (!mail.csvAttachments().isEmpty()) {
                    for (CsvAttachment attachment : mail.csvAttachments()) {
                        String fileName = mail.sourceId() + "/" + attachment.name();
                        try {
                            csv(new ByteArrayInputStream(attachment.content()), fileName, attachment.content().length, rows);
                        } catch (CsvFileException e) {
                            rows.accept(DryRunRow.stopped(fileName, "REJECTED", e.getMessage()));
                        }
                    }
                } else {
                    // Nothing is recorded in a dry run: its rows name the message by its Message-ID, for the engineer running it.
                    Object item = mailIntake.toCase(mail, mail.sourceId());
                    rows.accept(item instanceof MailRejection rejection
                            ? DryRunRow.stopped(rejection.caseId(), "QUARANTINE", rejection.reason())
                            : decide((ViolationCase) item));
                }
            }
        }
    }

    private DryRunRow decide(ViolationCase violationCase) {
        Exchange exchange = new DefaultExchange(context);
        exchange.getIn().setBody(violationCase);
        if (askBkn) {
            template.send("direct:enrich", exchange);
            if (exchange.getException() != null) {
                // The hub would retry, then defer the case until BKN answers.
                return row(violationCase, "DEFERRED", List.of(), "",
                        "BKN: " + FailureText.rootMessage(exchange.getException()));
            }
        }
        template.send("direct:classify", exchange);
        if (exchange.getException() == null) {
            template.send("direct:route", exchange);
        }
        if (exchange.getException() != null) {
            return row(violationCase, "DEAD_LETTER", List.of(), "", FailureText.rootMessage(exchange.getException()));
        }
        List<String> recipients = new ArrayList<>();
        addresses(exchange.getProperty(HubProperties.TO, String.class), "", recipients);
        addresses(exchange.getProperty(HubProperties.CC, String.class), "cc:", recipients);
        String decision = exchange.getProperty(HubProperties.DECISION, "", String.class);
        String purpose = exchange.getProperty(HubProperties.PURPOSE, String.class);
        return row(violationCase, decision, recipients, deadline(violationCase, decision, purpose),
                reason(violationCase, purpose));
    }

    /**
     * The deadline the case would get (SPEC §12) if its mail went out now; a RINGAN case's clock starts when its
     * digest is sent, so only its period is known. A case that is no violation has no deadline.
     */
    private String deadline(ViolationCase c, String decision, String purpose) {
        boolean bawaslu = purpose != null && MailPurpose.valueOf(purpose).followedUpByBawaslu();
        Severity severity = c.getClassification().severity();
        if (severity == Severity.BUKAN_PELANGGARAN && !bawaslu) {
            return "";
        }
        return switch (decision) {
            case "IMMEDIATE", "TRIAGE" -> DEADLINE.format(ZonedDateTime.ofInstant(
                    deadlines.dueAt(clock.instant(), severity, bawaslu), clock.getZone()))
                    + " (" + deadlines.describe(severity, bawaslu) + ")";
            case "DIGEST" -> deadlines.describe(severity, false) + " setelah rekap terkirim";
            default -> "";
        };
    }

    private static DryRunRow row(ViolationCase c, String decision, List<String> recipients, String deadline,
                                 String reason) {
        Classification classification = c.getClassification();
        return new DryRunRow(c.getCaseId(), c.getReport().hasNip() ? c.getReport().nip() : "", c.getDisplayName(),
                classification == null ? "" : classification.severity().name(), region(c.getRegionResolution()),
                decision, recipients, deadline, reason);
    }

    private static String region(RegionResolution resolution) {
        if (resolution == null) {
            return "";
        }
        if (resolution.region() != null) {
            return resolution.region().code() + " " + resolution.region().name();
        }
        return resolution.centralAgency() ? "instansi pusat" : "-";
    }

    private String reason(ViolationCase c, String purpose) {
        List<String> parts = new ArrayList<>();
        Classification classification = c.getClassification();
        String category = classification.category().label();
        if (classification.escalated()) {
            category += " (naik dari " + classification.baseSeverity() + ": "
                    + String.join(", ", classification.escalationReasons()) + ")";
        }
        parts.add(category);
        if (!askBkn) {
            parts.add("BKN tidak ditanya (--offline)");
        } else {
            parts.add(switch (c.getBknStatus()) {
                case VERIFIED -> "BKN: terverifikasi";
                case NOT_FOUND -> "BKN: NIP tidak ditemukan";
                case NO_NIP -> "tanpa NIP";
            });
        }
        RegionResolution resolution = c.getRegionResolution();
        parts.add("wilayah dari " + resolution.source());
        parts.addAll(resolution.notes());
        if (purpose != null) {
            parts.add(purpose);
        }
        return String.join("; ", parts);
    }

    private static void addresses(String list, String prefix, List<String> into) {
        if (list == null) {
            return;
        }
        for (String address : list.split(",")) {
            if (!address.isBlank() && !address.trim().equals("null")) {
                into.add(prefix + address.trim());
            }
        }
    }
}
