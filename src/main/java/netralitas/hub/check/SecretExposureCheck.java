package netralitas.hub.check;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Outside embedded mode, what would expose a secret (SPEC §9): a secret given as {@code -D} or written in
 * config/application.properties instead of the environment, BKN over plaintext {@code http://}, an SMTP or IMAP
 * login without TLS. Each is refused, unless {@value #ALLOW_INSECURE}{@code =true} says the deployer accepts the risk
 * (a test bed with plaintext servers): then the same findings are warnings. One finding per setting; never a value.
 */
final class SecretExposureCheck {

    static final String ALLOW_INSECURE = "hub.security.allow-insecure";

    /**
     * The credentials and keys the hub holds. The BKN consumer key identifies the hub's account rather than proving
     * it, but together with the secret it is the account: it is kept with the secret.
     */
    static final List<String> SECRETS = List.of("hub.imap.password", "hub.smtp.password", "hub.bkn.consumer-key",
            "hub.bkn.consumer-secret", "hub.bkn.sso-token", "hub.audit.reporter-secret", "hub.audit.chain-key",
            "hub.state.password", "hub.followup.imap.password");

    /** What a plaintext BKN URL would carry in clear. */
    private static final Map<String, String> BKN_URLS = Map.of(
            "hub.bkn.token-url", "the BKN consumer key and secret",
            "hub.bkn.base-url", "the BKN access token and the employees' records");

    private final SettingSource settings;
    private final SettingOrigins origins;

    SecretExposureCheck(SettingSource settings, SettingOrigins origins) {
        this.settings = settings;
        this.origins = origins;
    }

    /** Whether the deployer accepts the findings: they are then warnings, not reasons to refuse. */
    boolean accepted() {
        return accepted(settings);
    }

    /** Whether {@value #ALLOW_INSECURE} is true in {@code settings}. */
    static boolean accepted(SettingSource settings) {
        return settings.get(ALLOW_INSECURE).map(String::strip).filter(v -> v.equalsIgnoreCase("true")).isPresent();
    }

    /** Every finding, its message saying whether it was accepted. */
    List<CheckProblem> findings() {
        List<CheckProblem> findings = new ArrayList<>();
        for (String secret : SECRETS) {
            placement(secret).ifPresent(message -> findings.add(CheckProblem.setting(secret, message)));
        }
        for (String url : List.of("hub.bkn.token-url", "hub.bkn.base-url")) {
            if (value(url).filter(SecretExposureCheck::isPlainHttp).isPresent()) {
                findings.add(CheckProblem.setting(url, "plaintext http:// would carry " + BKN_URLS.get(url)
                        + " in clear; use https://"));
            }
        }
        boolean smtpLogin = value("hub.smtp.username").isPresent() || value("hub.smtp.password").isPresent();
        if (smtpLogin && is("hub.smtp.protocol", "smtp") && is("hub.smtp.starttls", "false")) {
            findings.add(CheckProblem.setting("hub.smtp.starttls", "false while hub.smtp.username/password are set:"
                    + " the SMTP login would cross the network in clear; set it to true, or hub.smtp.protocol to smtps"));
        }
        for (String mailbox : List.of("hub.imap", "hub.followup.imap")) {
            if (value(mailbox + ".host").isPresent() && value(mailbox + ".password").isPresent()
                    && is(mailbox + ".protocol", "imap")) {
                findings.add(CheckProblem.setting(mailbox + ".protocol", "imap sends the mailbox login (" + mailbox
                        + ".password) in clear, the hub does not ask an IMAP server for STARTTLS; use imaps (port 993)"));
            }
        }
        String verdict = accepted() ? " (accepted: " + ALLOW_INSECURE + "=true)"
                : " (to accept the risk anyway: " + ALLOW_INSECURE + "=true)";
        return findings.stream().map(f -> new CheckProblem(f.where(), f.message() + verdict)).toList();
    }

    private Optional<String> placement(String secret) {
        if (origins.commandLine().get(secret).isPresent()) {
            return Optional.of("given as -D on the java command line, which every user of the machine can read"
                    + " (ps, /proc/<pid>/cmdline); set the environment variable instead");
        }
        if (origins.propertiesFile().get(secret).isPresent()) {
            return Optional.of("has a value in config/application.properties; a secret comes from the environment"
                    + " only: empty that line and set the environment variable");
        }
        return Optional.empty();
    }

    private static boolean isPlainHttp(String url) {
        try {
            String scheme = new URI(url).getScheme();
            return scheme != null && scheme.equalsIgnoreCase("http");
        } catch (URISyntaxException e) {
            return false; // SettingsCheck names a malformed URL
        }
    }

    private boolean is(String key, String expected) {
        return value(key).filter(v -> v.equalsIgnoreCase(expected)).isPresent();
    }

    private Optional<String> value(String key) {
        return settings.get(key).map(String::strip).filter(v -> !v.isEmpty());
    }
}
