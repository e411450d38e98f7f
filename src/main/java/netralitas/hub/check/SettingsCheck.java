package netralitas.hub.check;

import netralitas.hub.audit.ChainKey;
import netralitas.hub.followup.FollowUpCalendar;
import netralitas.hub.region.MailAddressSyntax;
import org.quartz.CronExpression;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The settings alone: present when the mode needs them, numbers and switches that parse, addresses, URLs and cron
 * expressions that are well formed. At most one problem per setting, the first found. No rule quotes the value of a
 * secret (passwords, BKN credentials, the reporter key, the chain key): only whether it is there and long enough.
 */
final class SettingsCheck {

    /** Read in both modes; without them the hub (or a route) cannot start. */
    static final List<String> REQUIRED_IN_EVERY_MODE = List.of(
            "hub.config-dir", "hub.data-dir", "hub.csv.drop-dir", "hub.mail.from", "hub.mail.domain",
            "hub.routing.triage-inbox", "hub.routing.central-inbox", "hub.digest.cron",
            "hub.imap.folder", "hub.imap.processed-folder", "hub.imap.quarantine-folder",
            "hub.mail.signature.unit", "hub.mail.signature.address", "hub.mail.signature.phone",
            "hub.mail.signature.email", "hub.audit.anchor-cron", "hub.audit.anchor-inbox");

    /** The follow-up's periods (SPEC §12), each an ISO-8601 duration the follow-up calendar adds. */
    static final List<String> FOLLOW_UP_PERIODS = List.of(
            "hub.followup.deadline.berat", "hub.followup.deadline.sedang", "hub.followup.deadline.ringan",
            "hub.followup.deadline.bawaslu", "hub.followup.check-interval", "hub.followup.reminder-interval");

    /**
     * The dedicated reply mailbox (SPEC §12): all of them once hub.followup.imap.host is set. The password too: a
     * mailbox is never read without a login.
     */
    static final List<String> FOLLOW_UP_MAILBOX = List.of(
            "hub.followup.imap.port", "hub.followup.imap.protocol", "hub.followup.imap.username",
            "hub.followup.imap.password", "hub.followup.imap.folder", "hub.followup.imap.processed-folder",
            "hub.followup.imap.quarantine-folder");

    /** A telephone number as people print it: "(021) 390-5889", "+62 21 3905889". */
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9()][0-9 ()\\-]{4,30}");

    /** A signature line (the unit, the address) a mail client shows on one line. */
    static final int MAX_SIGNATURE_LINE = 200;

    /** Shorter keys are guessable (the audit trail's ReporterPseudonym refuses them too). */
    static final int MIN_REPORTER_SECRET_BYTES = 16;

    private final Path home;
    private final SettingSource settings;
    private final boolean embedded;
    private final Map<String, String> problems = new LinkedHashMap<>();

    SettingsCheck(Path home, SettingSource settings, boolean embedded) {
        this.home = home;
        this.settings = settings;
        this.embedded = embedded;
    }

    List<CheckProblem> problems() {
        problems.clear();
        REQUIRED_IN_EVERY_MODE.forEach(key -> requirePresent(key, "missing"));
        if (!embedded) {
            ConfigurationCheck.REQUIRED_OUTSIDE_EMBEDDED.forEach(key ->
                    requirePresent(key, "missing; required when hub.embedded=false"));
        }
        for (TypedSetting typed : TypedSetting.ALL) {
            if (typed.scope().applies(embedded)) {
                Optional<String> value = value(typed.key());
                if (value.isEmpty()) {
                    report(typed.key(), typed.kind() == TypedSetting.Kind.BOOLEAN ? "missing; it must be true or false"
                            : "missing; it must be a whole number");
                } else {
                    String problem = typed.problemWith(value.get());
                    if (problem != null) {
                        report(typed.key(), problem);
                    }
                }
            }
        }
        check("hub.mail.from", SenderAddress::problemWith);
        check("hub.routing.triage-inbox", SettingsCheck::inboxProblem);
        check("hub.routing.central-inbox", SettingsCheck::inboxProblem);
        check("hub.mail.domain", domain -> MailAddressSyntax.isValid("x@" + domain) ? null
                : CheckProblem.quoted(domain) + " is not a domain name (e.g. netralitas.bawaslu.example)");
        check("hub.smtp.helo-name", name -> MailAddressSyntax.isValid("x@" + name) ? null
                : CheckProblem.quoted(name) + " is not a host name (e.g. hub1.bawaslu.example)");
        check("hub.digest.cron", SettingsCheck::cronProblem);
        check("hub.mail.signature.email", SettingsCheck::inboxProblem);
        check("hub.mail.signature.phone", value -> PHONE.matcher(value).matches() ? null
                : CheckProblem.quoted(value) + " is not a telephone number (digits, spaces, + - ( ) only, e.g. (021) 390-5889)");
        for (String key : List.of("hub.mail.signature.unit", "hub.mail.signature.address")) {
            check(key, value -> value.length() <= MAX_SIGNATURE_LINE ? null
                    : "longer than " + MAX_SIGNATURE_LINE + " characters; it is one line under the signature");
        }
        check("hub.audit.anchor-cron", SettingsCheck::cronProblem);
        check("hub.audit.anchor-inbox", SettingsCheck::inboxProblem);
        if (embedded) {
            check("hub.embedded.digest-cron", SettingsCheck::cronProblem);
        } else {
            check("hub.smtp.protocol", value -> oneOf(value, "smtp", "smtps"));
            check("hub.imap.protocol", value -> oneOf(value, "imap", "imaps"));
            check("hub.bkn.base-url", SettingsCheck::urlProblem);
            check("hub.bkn.token-url", SettingsCheck::urlProblem);
        }
        check("hub.audit.reporter-secret", secret -> secret.getBytes(StandardCharsets.UTF_8).length >= MIN_REPORTER_SECRET_BYTES
                ? null : "shorter than " + MIN_REPORTER_SECRET_BYTES + " bytes; use a long random value");
        check("hub.audit.chain-key", key -> key.getBytes(StandardCharsets.UTF_8).length >= ChainKey.MIN_KEY_BYTES
                ? null : "shorter than " + ChainKey.MIN_KEY_BYTES + " bytes; use a long random value (openssl rand -hex 32)");
        for (String key : FOLLOW_UP_PERIODS) {
            requirePresent(key, "missing; it must be an ISO-8601 duration such as P14D or PT2M");
            check(key, value -> FollowUpCalendar.isPeriod(value) ? null
                    : CheckProblem.quoted(value) + " is not a positive ISO-8601 duration such as P14D, P2W or PT2M");
        }
        check("hub.followup.address", SettingsCheck::inboxProblem);
        check("hub.mail.bounce-address", SettingsCheck::inboxProblem);
        if (value("hub.followup.imap.host").isPresent()) {
            FOLLOW_UP_MAILBOX.forEach(key -> requirePresent(key, "missing; required when hub.followup.imap.host is set"
                    + " (the dedicated reply mailbox)"));
            check("hub.followup.imap.protocol", value -> oneOf(value, "imap", "imaps"));
            if (value("hub.followup.imap.host").equals(value("hub.imap.host"))
                    && value("hub.followup.imap.username").equals(value("hub.imap.username"))
                    && value("hub.followup.imap.folder").equals(value("hub.imap.folder"))) {
                report("hub.followup.imap.host", "names the report mailbox itself (same host, username and folder):"
                        + " leave it empty to read the replies there, or name another mailbox");
            }
        }
        // A wait that doubles from the first setting up to the second: the hub refuses to start with them the other
        // way round (MailRetrySchedule, PendingAcknowledgementTable).
        notBelow("hub.imap.max-retry-delay-ms", "hub.imap.retry-delay-ms");
        notBelow("hub.mail.ack-max-retry-delay-ms", "hub.mail.ack-retry-delay-ms");
        check("hub.data-dir", this::directoryProblem);
        check("hub.csv.drop-dir", this::directoryProblem);
        check("hub.state.url", SettingsCheck::stateUrlProblem);
        List<CheckProblem> list = new ArrayList<>();
        problems.forEach((key, message) -> list.add(CheckProblem.setting(key, message)));
        return list;
    }

    private Optional<String> value(String key) {
        return settings.get(key).map(String::strip).filter(v -> !v.isEmpty());
    }

    private void requirePresent(String key, String message) {
        if (value(key).isEmpty()) {
            report(key, message);
        }
    }

    private void check(String key, Function<String, String> rule) {
        if (problems.containsKey(key)) {
            return;
        }
        value(key).map(rule).ifPresent(problem -> report(key, problem));
    }

    /** Two whole numbers, each valid on its own, of which {@code maxKey}'s may not be below {@code firstKey}'s. */
    private void notBelow(String maxKey, String firstKey) {
        if (problems.containsKey(maxKey) || problems.containsKey(firstKey)) {
            return;
        }
        Optional<String> max = value(maxKey);
        Optional<String> first = value(firstKey);
        if (max.isPresent() && first.isPresent() && Long.parseLong(max.get()) < Long.parseLong(first.get())) {
            report(maxKey, CheckProblem.quoted(max.get()) + " is below " + firstKey + " (" + first.get()
                    + "): the longest wait cannot be shorter than the first");
        }
    }

    private void report(String key, String message) {
        problems.putIfAbsent(key, message);
    }

    /** Empty is the embedded store; otherwise a PostgreSQL URL, shown without its parameters (they may hold a password). */
    private static String stateUrlProblem(String value) {
        if (!value.startsWith("jdbc:postgresql://")) {
            return CheckProblem.quoted(value.replaceFirst("\\?.*", "?…")) + " is not a PostgreSQL URL"
                    + " (jdbc:postgresql://host:5432/database); leave it empty for the embedded store";
        }
        return value.contains("password=") ? "holds a password: set HUB_STATE_PASSWORD instead" : null;
    }

    private static String inboxProblem(String value) {
        return MailAddressSyntax.isValid(value) ? null
                : CheckProblem.quoted(value) + " is not a plain e-mail address (local@domain.tld)";
    }

    /** The follow-up clock's schedule: a positive ISO-8601 duration of hours, minutes, seconds or days (PT15M, P1D). */
    private static String cronProblem(String value) {
        try {
            new CronExpression(value);
            return null;
        } catch (ParseException e) {
            return CheckProblem.quoted(value) + " is not a Quartz cron expression (seconds minutes hours day month"
                    + " weekday, e.g. '0 0 7 * * ?'): " + e.getMessage();
        }
    }

    private static String oneOf(String value, String first, String second) {
        String lower = value.toLowerCase(Locale.ROOT);
        return lower.equals(first) || lower.equals(second) ? null
                : CheckProblem.quoted(value) + " is neither " + first + " nor " + second;
    }

    private static String urlProblem(String value) {
        URI uri;
        try {
            uri = new URI(value);
        } catch (URISyntaxException e) {
            return "not a URL: " + e.getReason();
        }
        if (uri.getRawUserInfo() != null) {
            return "holds a user name or password; BKN credentials belong in hub.bkn.consumer-key/consumer-secret";
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return CheckProblem.quoted(value) + " is not an http(s) URL";
        }
        if (uri.getHost() == null) {
            return CheckProblem.quoted(value) + " has no host";
        }
        return null;
    }

    /** A directory the hub creates when absent, but cannot use when a file stands in its place or it is read-only. */
    private String directoryProblem(String value) {
        Path dir;
        try {
            dir = home.resolve(value).normalize();
        } catch (InvalidPathException e) {
            return CheckProblem.quoted(value) + " is not a path: " + e.getReason();
        }
        if (!Files.exists(dir)) {
            return null;
        }
        if (!Files.isDirectory(dir)) {
            return CheckProblem.relativeTo(home, dir) + " is not a directory";
        }
        if (!Files.isWritable(dir)) {
            return CheckProblem.relativeTo(home, dir) + " is not writable by the hub";
        }
        return null;
    }
}
