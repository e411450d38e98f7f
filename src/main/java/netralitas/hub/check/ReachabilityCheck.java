package netralitas.hub.check;

import java.net.URI;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Outside embedded mode: whether the partners answer, each within a short timeout. The SMTP server must greet with
 * 220, the IMAP server with "* OK", and both take the hub's login (the IMAP folder must exist); the BKN token endpoint
 * must answer HTTP and accept the consumer key and secret.
 * A partner whose settings are missing, malformed or refused as insecure is skipped: {@link ConfigurationCheck} reports
 * those.
 */
public final class ReachabilityCheck {

    /** Long enough for a partner across the country, short enough that {@code check} does not seem to hang. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);

    private final SettingSource settings;
    private final Duration timeout;

    public ReachabilityCheck(SettingSource settings, Duration timeout) {
        this.settings = settings;
        this.timeout = timeout;
    }

    /** Every partner that did not answer as it should; empty when all did. */
    public List<CheckProblem> problems() {
        List<CheckProblem> problems = new ArrayList<>();
        MailServerGreeting greeting = new MailServerGreeting(timeout);
        mailServer(greeting, MailServerGreeting.Protocol.SMTP, "hub.smtp", "smtps", problems);
        mailServer(greeting, MailServerGreeting.Protocol.IMAP, "hub.imap", "imaps", problems);
        mailServer(greeting, MailServerGreeting.Protocol.IMAP, "hub.followup.imap", "imaps", problems);
        bkn(problems);
        stateStore(problems);
        return List.copyOf(problems);
    }

    /** The PostgreSQL state store, when one is set: a login and {@code SELECT 1}, within the timeout. */
    private void stateStore(List<CheckProblem> problems) {
        Optional<String> url = value("hub.state.url").filter(u -> u.startsWith("jdbc:postgresql://"));
        if (url.isEmpty()) {
            return;
        }
        Properties login = new Properties();
        value("hub.state.username").ifPresent(user -> login.setProperty("user", user));
        value("hub.state.password").ifPresent(password -> login.setProperty("password", password));
        login.setProperty("connectTimeout", String.valueOf(Math.max(1, timeout.toSeconds())));
        login.setProperty("socketTimeout", String.valueOf(Math.max(1, timeout.toSeconds())));
        try (Connection connection = new org.postgresql.Driver().connect(url.get(), login);
             Statement sql = connection.createStatement()) {
            sql.execute("SELECT 1");
        } catch (SQLException e) {
            String shown = url.get().replaceFirst("\\?.*", "");
            problems.add(new CheckProblem("hub.state.url (" + shown + ")", "the state store does not answer: "
                    + String.valueOf(e.getMessage()).lines().findFirst().orElse("")));
        }
    }

    private void mailServer(MailServerGreeting greeting, MailServerGreeting.Protocol protocol, String prefix,
                            String tlsProtocol, List<CheckProblem> problems) {
        Optional<String> host = value(prefix + ".host");
        Optional<Integer> port = value(prefix + ".port").flatMap(ReachabilityCheck::port);
        String chosen = value(prefix + ".protocol").orElse("").toLowerCase(Locale.ROOT);
        boolean tls = chosen.equals(tlsProtocol);
        if (host.isEmpty() || port.isEmpty() || !(tls || chosen.equals(protocol.name().toLowerCase(Locale.ROOT)))) {
            return;
        }
        boolean startTls = protocol == MailServerGreeting.Protocol.SMTP && !tls
                && value(prefix + ".starttls").map("true"::equalsIgnoreCase).orElse(false);
        MailServerGreeting.Answer answer = greeting.ask(protocol, host.get(), port.get(), tls, startTls);
        String where = host.get() + ":" + port.get();
        if (answer.problem() != null) {
            problems.add(new CheckProblem(prefix + ".host/" + prefix + ".port (" + where + ")", answer.problem()));
        } else {
            login(protocol, prefix, chosen, host.get(), port.get(), tls, startTls, problems);
        }
        Optional<Long> maxMessage = value("hub.smtp.max-message-bytes").flatMap(ReachabilityCheck::number);
        if (protocol == MailServerGreeting.Protocol.SMTP && answer.sizeLimit() > 0 && maxMessage.isPresent()
                && maxMessage.get() > answer.sizeLimit()) {
            problems.add(new CheckProblem("hub.smtp.max-message-bytes (" + maxMessage.get() + ")", "above the "
                    + answer.sizeLimit() + " bytes the SMTP server at " + host.get() + ":" + port.get() + " takes (its"
                    + " EHLO says SIZE " + answer.sizeLimit() + "): a case mail with large evidence files would be"
                    + " refused and dead-lettered; set it to at most " + answer.sizeLimit()));
        }
    }

    /** With the login the hub will use, once the server greeted: a wrong password fails here, not after the start. */
    private void login(MailServerGreeting.Protocol protocol, String prefix, String chosen, String host, int port,
                       boolean tls, boolean startTls, List<CheckProblem> problems) {
        Optional<String> username = value(prefix + ".username");
        Optional<String> password = value(prefix + ".password");
        if (username.isEmpty() || password.isEmpty()) {
            return; // no login (SMTP), or ConfigurationCheck reports the missing one
        }
        if (!tls && !startTls && !SecretExposureCheck.accepted(settings)) {
            return; // the password would cross in clear: ConfigurationCheck refuses that setting
        }
        MailLogin login = new MailLogin(timeout);
        String problem = protocol == MailServerGreeting.Protocol.SMTP
                ? login.smtpProblem(chosen, host, port, startTls, username.get(), password.get(), envelopeSender(),
                        value("hub.routing.triage-inbox").orElse(""))
                : login.imapProblem(chosen, host, port, username.get(), password.get(),
                        value(prefix + ".folder").orElse("INBOX"));
        if (problem != null) {
            problems.add(new CheckProblem(prefix + ".username/" + prefix + ".password"
                    + (protocol == MailServerGreeting.Protocol.IMAP ? "/" + prefix + ".folder" : "")
                    + " (" + host + ":" + port + ")", problem));
        }
    }

    /** What the hub gives as MAIL FROM: hub.mail.bounce-address, else the address of hub.mail.from. */
    private String envelopeSender() {
        return value("hub.mail.bounce-address")
                .or(() -> value("hub.mail.from").map(SenderAddress::addressOf))
                .orElse("");
    }

    private void bkn(List<CheckProblem> problems) {
        Optional<URI> tokenUrl = value("hub.bkn.token-url").flatMap(ReachabilityCheck::httpUrl);
        if (tokenUrl.isEmpty() || (tokenUrl.get().getScheme().equalsIgnoreCase("http")
                && !SecretExposureCheck.accepted(settings))) {
            return; // the probe would send the consumer secret in clear: ConfigurationCheck refuses that URL
        }
        String problem = new BknTokenProbe(timeout).problem(tokenUrl.get(),
                value("hub.bkn.consumer-key").orElse(null), value("hub.bkn.consumer-secret").orElse(null));
        if (problem != null) {
            URI url = tokenUrl.get();
            // Scheme, host and path only: a query could carry something a deployer would not want printed.
            problems.add(new CheckProblem("hub.bkn.token-url (" + url.getScheme() + "://" + url.getRawAuthority()
                    + (url.getRawPath() == null ? "" : url.getRawPath()) + ")", problem));
        }
    }

    private Optional<String> value(String key) {
        return settings.get(key).map(String::strip).filter(v -> !v.isEmpty());
    }

    private static Optional<Long> number(String text) {
        try {
            return Optional.of(Long.parseLong(text));
        } catch (NumberFormatException e) {
            return Optional.empty(); // SettingsCheck reports it
        }
    }

    private static Optional<Integer> port(String text) {
        try {
            int port = Integer.parseInt(text);
            return port >= 1 && port <= 65535 ? Optional.of(port) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Only a URL the settings check accepts: http(s), a host, and no credentials in it to print. */
    private static Optional<URI> httpUrl(String text) {
        try {
            URI uri = new URI(text);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            boolean usable = (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null
                    && uri.getRawUserInfo() == null;
            return usable ? Optional.of(uri) : Optional.empty();
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }
}
