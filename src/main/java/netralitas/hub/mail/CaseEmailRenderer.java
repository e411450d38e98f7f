package netralitas.hub.mail;

import freemarker.core.InvalidReferenceException;
import freemarker.core.ParseException;
import freemarker.core.TemplateClassResolver;
import freemarker.template.Configuration;
import freemarker.template.DefaultObjectWrapperBuilder;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import netralitas.hub.cases.ViolationCase;
import netralitas.hub.classify.LegalBases;
import netralitas.hub.followup.BouncedMail;
import netralitas.hub.followup.FollowUpCase;
import netralitas.hub.followup.FollowUpEntry;
import netralitas.hub.region.Region;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Renders the emails a regional office receives (SPEC §7) from the FreeMarker templates in a directory a
 * deployer can edit without rebuilding: {@code case.txt.ftl}, {@code case.html.ftlh}, {@code digest.txt.ftl},
 * {@code digest.html.ftlh}. The {@code .ftlh} extension switches on FreeMarker's HTML auto-escaping, so report
 * text can never become markup. Subjects are built in Java ({@link SubjectLine}). The legal basis each mail cites
 * comes from config/categories.yaml ({@link LegalBases}), the signing Bawaslu unit from hub.mail.signature.*.
 */
public final class CaseEmailRenderer {

    public static final String CASE_TEXT = "case.txt.ftl";
    public static final String CASE_HTML = "case.html.ftlh";
    public static final String DIGEST_TEXT = "digest.txt.ftl";
    public static final String DIGEST_HTML = "digest.html.ftlh";
    public static final String ACKNOWLEDGEMENT_TEXT = "acknowledgement.txt.ftl";
    public static final String ANCHOR_TEXT = "anchor.txt.ftl";
    public static final String REMINDER_TEXT = "reminder.txt.ftl";
    public static final String REMINDER_HTML = "reminder.html.ftlh";
    public static final String ESCALATION_TEXT = "escalation.txt.ftl";
    public static final String ESCALATION_HTML = "escalation.html.ftlh";
    public static final String BOUNCE_NOTICE_TEXT = "bounce-notice.txt.ftl";
    public static final String BOUNCE_NOTICE_HTML = "bounce-notice.html.ftlh";

    private final Configuration freemarker;
    private final LegalBases legalBases;
    private final MailSignature signature;

    public CaseEmailRenderer(Path templateDir, LegalBases legalBases, MailSignature signature) {
        Objects.requireNonNull(templateDir, "templateDir");
        if (!Files.isDirectory(templateDir)) {
            throw new IllegalArgumentException("Mail template directory does not exist: " + templateDir.toAbsolutePath());
        }
        this.freemarker = configure(templateDir);
        this.legalBases = Objects.requireNonNull(legalBases, "legalBases");
        this.signature = Objects.requireNonNull(signature, "signature");
    }

    private static Configuration configure(Path templateDir) {
        Configuration cfg = new Configuration(Configuration.VERSION_2_3_34);
        try {
            cfg.setDirectoryForTemplateLoading(templateDir.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read mail template directory " + templateDir.toAbsolutePath(), e);
        }
        cfg.setDefaultEncoding("UTF-8");
        cfg.setOutputEncoding("UTF-8");
        cfg.setLocale(Locale.forLanguageTag("id-ID"));
        cfg.setRecognizeStandardFileExtensions(true);
        cfg.setObjectWrapper(new DefaultObjectWrapperBuilder(Configuration.VERSION_2_3_34).build());
        // A template bug must fail the delivery loudly (and be retried / dead-lettered), never send a half email.
        cfg.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        // FreeMarker's own logging of a failure would print the data being rendered: reports hold personal data.
        cfg.setLogTemplateExceptions(false);
        cfg.setAttemptExceptionReporter((exception, env) -> { });
        cfg.setWrapUncheckedExceptions(true);
        cfg.setFallbackOnNullLoopVariable(false);
        // Templates are deployer-editable files: they may format text, never instantiate or call Java.
        cfg.setNewBuiltinClassResolver(TemplateClassResolver.ALLOWS_NOTHING_RESOLVER);
        cfg.setAPIBuiltinEnabled(false);
        return cfg;
    }

    /**
     * The email about one case, addressed according to {@code purpose}, with its deadline; a case related to an open
     * one gets the subject prefix {@code [TERKAIT <first case id>] } (SPEC §12).
     */
    public RenderedEmail renderCase(ViolationCase c, MailPurpose purpose, FollowUpRequest followUp) {
        Objects.requireNonNull(c, "case");
        Objects.requireNonNull(purpose, "purpose");
        Objects.requireNonNull(followUp, "followUp");
        Map<String, Object> model = CaseView.of(c, purpose, followUp, legalBases, signature);
        String related = followUp.relatedCaseId() == null ? "" : "[TERKAIT " + followUp.relatedCaseId() + "] ";
        return new RenderedEmail(related + SubjectLine.forCase(c),
                render(CASE_TEXT, model, false), render(CASE_HTML, model, false));
    }

    /**
     * The daily RINGAN digest for one region: the cases one below the other, with the deadline they share; a case
     * related to an open one names it ({@code firstCases}: case id to the first case's id, SPEC §12).
     */
    public RenderedEmail renderDigest(Region region, List<ViolationCase> cases, LocalDate date, FollowUpRequest followUp,
                                      Map<String, String> firstCases) {
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(cases, "cases");
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(followUp, "followUp");
        Objects.requireNonNull(firstCases, "firstCases");
        Map<String, Object> model = DigestView.of(region, cases, date, followUp, firstCases, legalBases, signature);
        return new RenderedEmail(SubjectLine.forDigest(region, cases.size(), date),
                render(DIGEST_TEXT, model, false), render(DIGEST_HTML, model, false));
    }

    /** The reply to a reporter (plain text only: {@link RenderedEmail#html()} is null). */
    public RenderedEmail renderAcknowledgement(Acknowledgement ack) {
        Objects.requireNonNull(ack, "ack");
        return new RenderedEmail(SubjectLine.forAcknowledgement(ack), render(ACKNOWLEDGEMENT_TEXT, AcknowledgementView.of(ack), false),
                null);
    }

    /** The daily anchor mail to the auditors' mailbox (plain text only: {@link RenderedEmail#html()} is null). */
    public RenderedEmail renderAnchor(AnchorMail anchor) {
        Objects.requireNonNull(anchor, "anchor");
        return new RenderedEmail(anchor.subject(), render(ANCHOR_TEXT, anchor.model(), false), null);
    }

    /**
     * Reminder number {@code reminder} (of at most {@code maxReminders}) of a case past its deadline, to its recipients
     * (SPEC §12), at {@code now} in {@code zone}; {@code replyAddress} is where the office answers.
     */
    public RenderedEmail renderReminder(FollowUpCase followUp, int reminder, int maxReminders, Instant now, ZoneId zone,
                                        String replyAddress) {
        Map<String, Object> model = FollowUpView.reminder(followUp, reminder, maxReminders, now, zone, replyAddress,
                signature);
        return new RenderedEmail(SubjectLine.forReminder(followUp.summary().subject()), render(REMINDER_TEXT, model, false),
                render(REMINDER_HTML, model, false));
    }

    /**
     * The escalation of a case still unanswered after its reminders, to {@code to} (the triage inbox when
     * {@code triage}: the case has no region), listing its history.
     */
    public RenderedEmail renderEscalation(FollowUpCase followUp, List<FollowUpEntry> history, List<String> to,
                                          boolean triage, Instant now, ZoneId zone, String replyAddress) {
        Map<String, Object> model = FollowUpView.escalation(followUp, history, to, triage, now, zone, replyAddress,
                signature);
        return new RenderedEmail(SubjectLine.forEscalation(followUp.summary().subject()), render(ESCALATION_TEXT, model, false),
                render(ESCALATION_HTML, model, false));
    }

    /**
     * The notice to Bawaslu staff that a follow-up mail came back undelivered ({@code bounce}), received at {@code now},
     * filed where {@code location} says.
     */
    public RenderedEmail renderBounceNotice(BouncedMail bounce, BounceLocation location, Instant now, ZoneId zone) {
        Map<String, Object> model = BounceNoticeView.of(bounce, location, now, zone, signature);
        String subject = SubjectLine.forBounceNotice(bounce.cases().get(0).summary().subject(),
                bounce.cases().size() - 1);
        return new RenderedEmail(subject, render(BOUNCE_NOTICE_TEXT, model, false),
                render(BOUNCE_NOTICE_HTML, model, false));
    }

    /**
     * Renders every template with built-in invented cases covering each purpose and BKN status, with this renderer's
     * legal bases and signature, so that a deployer's broken edit is found at start-up rather than on the first real
     * report. Returns the first problem of each
     * template that fails, in the order case text, case HTML, digest text, digest HTML, acknowledgement; empty when
     * all render. FreeMarker's full message is kept (safe here: the data is invented).
     */
    public List<MailTemplateException> selfCheckProblems() {
        Map<String, List<Map<String, Object>>> models = new LinkedHashMap<>();
        List<Map<String, Object>> caseModels = new ArrayList<>();
        for (SelfCheckSamples.Sample sample : SelfCheckSamples.cases()) {
            caseModels.add(CaseView.of(sample.violationCase(), sample.purpose(), SelfCheckSamples.followUp(null),
                    legalBases, signature));
            caseModels.add(CaseView.of(sample.violationCase(), sample.purpose(),
                    SelfCheckSamples.followUp(SelfCheckSamples.RELATED_CASE_ID), legalBases, signature));
        }
        models.put(CASE_TEXT, caseModels);
        models.put(CASE_HTML, caseModels);
        List<Map<String, Object>> digest = List.of(DigestView.of(SelfCheckSamples.region(), SelfCheckSamples.digestCases(),
                SelfCheckSamples.DATE, SelfCheckSamples.followUp(null),
                Map.of(SelfCheckSamples.digestCases().get(0).getCaseId(), SelfCheckSamples.RELATED_CASE_ID),
                legalBases, signature));
        models.put(DIGEST_TEXT, digest);
        models.put(DIGEST_HTML, digest);
        models.put(ACKNOWLEDGEMENT_TEXT, SelfCheckSamples.acknowledgements().stream().map(AcknowledgementView::of).toList());
        models.put(ANCHOR_TEXT, List.of(SelfCheckSamples.anchor().model()));
        List<Map<String, Object>> reminders = new ArrayList<>();
        List<Map<String, Object>> escalations = new ArrayList<>();
        for (SelfCheckSamples.Sample sample : SelfCheckSamples.cases()) {
            FollowUpCase followUp = SelfCheckSamples.followUpOf(sample.violationCase());
            reminders.add(FollowUpView.reminder(followUp, 1, 2, SelfCheckSamples.FOLLOW_UP_NOW,
                    SelfCheckSamples.ZONE, "tindak-lanjut@bawaslu.example", signature));
            escalations.add(FollowUpView.escalation(followUp,
                    SelfCheckSamples.followUpHistory(), List.of("bawaslu@kab.example", "kanreg@bkn.example"),
                    sample.purpose() == MailPurpose.TRIAGE, SelfCheckSamples.FOLLOW_UP_NOW, SelfCheckSamples.ZONE,
                    "tindak-lanjut@bawaslu.example", signature));
        }
        models.put(REMINDER_TEXT, reminders);
        models.put(REMINDER_HTML, reminders);
        models.put(ESCALATION_TEXT, escalations);
        models.put(ESCALATION_HTML, escalations);
        List<Map<String, Object>> notices = List.of(
                BounceNoticeView.of(SelfCheckSamples.bounce(true), SelfCheckSamples.bounceLocation(),
                        SelfCheckSamples.FOLLOW_UP_NOW, SelfCheckSamples.ZONE, signature),
                BounceNoticeView.of(SelfCheckSamples.bounce(false), SelfCheckSamples.bounceLocation(),
                        SelfCheckSamples.FOLLOW_UP_NOW, SelfCheckSamples.ZONE, signature));
        models.put(BOUNCE_NOTICE_TEXT, notices);
        models.put(BOUNCE_NOTICE_HTML, notices);
        List<MailTemplateException> problems = new ArrayList<>();
        models.forEach((template, samples) -> {
            try {
                samples.forEach(model -> render(template, model, true));
            } catch (MailTemplateException e) {
                problems.add(e);
            }
        });
        return problems;
    }

    /**
     * With real data the message names only the place in the template, not FreeMarker's description, which
     * can quote the value being rendered (a reporter's name, in a triage email) into a log.
     */
    private String render(String templateName, Map<String, Object> model, boolean fullMessage) {
        Template template;
        try {
            template = freemarker.getTemplate(templateName);
        } catch (ParseException e) {
            String problem = "syntax error: " + oneLine(e.getEditorMessage());
            throw new MailTemplateException(templateName, "syntax error: " + e.getMessage(), e,
                    e.getLineNumber(), e.getColumnNumber(), null, problem);
        } catch (IOException e) {
            throw new MailTemplateException(templateName, "cannot load: " + e.getMessage(), e);
        }
        StringWriter out = new StringWriter(4096);
        try {
            template.process(model, out);
        } catch (TemplateException e) {
            String expression = e.getBlamedExpressionString();
            String message = fullMessage ? e.getMessageWithoutStackTop()
                    : "rendering failed at line " + e.getLineNumber() + ", column " + e.getColumnNumber()
                    + (expression == null ? "" : " (expression: " + expression + ")");
            String problem;
            if (e instanceof InvalidReferenceException && expression != null) {
                problem = "unknown or missing value '" + expression + "'";
            } else if (fullMessage) {
                problem = oneLine(e.getMessageWithoutStackTop());
            } else {
                problem = "rendering failed" + (expression == null ? "" : " at '" + expression + "'");
            }
            throw new MailTemplateException(templateName, message, fullMessage ? e : null,
                    orZero(e.getLineNumber()), orZero(e.getColumnNumber()), expression, problem);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static int orZero(Integer value) {
        return value == null ? 0 : value;
    }

    /** FreeMarker's messages run over several lines; the first non-blank one says what is wrong. */
    private static String oneLine(String message) {
        if (message == null) {
            return "";
        }
        return message.lines().map(String::strip).filter(l -> !l.isEmpty()).findFirst().orElse("");
    }
}
