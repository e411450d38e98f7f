package netralitas.hub.check;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Production mode refuses what would expose a secret, one line naming the setting, unless the deployer accepts it. */
class SecretExposureCheckTest {

    private static final String REFUSED = " (to accept the risk anyway: hub.security.allow-insecure=true)";
    private static final String ACCEPTED = " (accepted: hub.security.allow-insecure=true)";

    @TempDir
    Path home;

    private HubHomeFixture hub;

    @BeforeEach
    void productionHome() throws IOException {
        hub = HubHomeFixture.copyOfProjectConfig(home).production();
    }

    @Test
    void theProductionSettingsFromTheEnvironmentExposeNothing() {
        assertEquals(new ConfigurationCheck.Findings(List.of(), List.of()), hub.findings(false));
    }

    @Test
    void aSecretGivenAsDIsRefusedNamingTheSettingAndItsEnvironmentVariable() {
        hub.commandLine("hub.bkn.consumer-secret", "rahasia-di-baris-perintah");
        List<CheckProblem> problems = hub.check(false);
        assertEquals(List.of("hub.bkn.consumer-secret (HUB_BKN_CONSUMER_SECRET): given as -D on the java command line,"
                + " which every user of the machine can read (ps, /proc/<pid>/cmdline); set the environment variable"
                + " instead" + REFUSED), lines(problems));
        assertFalse(problems.toString().contains("rahasia-di-baris-perintah"), "never the value");
    }

    @Test
    void everySecretIsJudgedAndOtherSettingsMayBeGivenAsD() {
        for (String secret : SecretExposureCheck.SECRETS) {
            hub.commandLine(secret, "rahasia-yang-cukup-panjang-" + secret);
        }
        hub.commandLine("hub.imap.host", "imap.bawaslu.example").commandLine("hub.pipeline.workers", "4");
        List<String> where = hub.check(false).stream().map(CheckProblem::where).toList();
        assertEquals(List.of("hub.imap.password (HUB_IMAP_PASSWORD)", "hub.smtp.password (HUB_SMTP_PASSWORD)",
                "hub.bkn.consumer-key (HUB_BKN_CONSUMER_KEY)", "hub.bkn.consumer-secret (HUB_BKN_CONSUMER_SECRET)",
                "hub.bkn.sso-token (HUB_BKN_SSO_TOKEN)", "hub.audit.reporter-secret (HUB_AUDIT_REPORTER_SECRET)",
                "hub.audit.chain-key (HUB_AUDIT_CHAIN_KEY)", "hub.state.password (HUB_STATE_PASSWORD)",
                "hub.followup.imap.password (HUB_FOLLOWUP_IMAP_PASSWORD)"), where);
    }

    @Test
    void aSecretWrittenInApplicationPropertiesIsRefusedEvenWhenTheEnvironmentOverridesIt() throws IOException {
        hub.edit("application.properties", "hub.bkn.sso-token =", "hub.bkn.sso-token = token-lama-di-berkas");
        hub.set("hub.bkn.sso-token", "token-dari-lingkungan");
        List<CheckProblem> problems = hub.check(false);
        assertEquals(List.of("hub.bkn.sso-token (HUB_BKN_SSO_TOKEN): has a value in config/application.properties;"
                + " a secret comes from the environment only: empty that line and set the environment variable"
                + REFUSED), lines(problems));
        assertFalse(problems.toString().contains("token-"), "never the value");
    }

    @Test
    void plaintextHttpForBknIsRefused() {
        hub.set("hub.bkn.token-url", "http://sso.bkn.example/oauth2/token")
                .set("hub.bkn.base-url", "HTTP://api.bkn.example/apisiasn/1.0");
        assertEquals(List.of(
                "hub.bkn.token-url (HUB_BKN_TOKEN_URL): plaintext http:// would carry the BKN consumer key and secret"
                        + " in clear; use https://" + REFUSED,
                "hub.bkn.base-url (HUB_BKN_BASE_URL): plaintext http:// would carry the BKN access token and the"
                        + " employees' records in clear; use https://" + REFUSED), lines(hub.check(false)));
    }

    @Test
    void anSmtpLoginWithoutTlsIsRefused() {
        hub.set("hub.smtp.username", "netralitas").set("hub.smtp.starttls", "false");
        assertEquals(List.of("hub.smtp.starttls (HUB_SMTP_STARTTLS): false while hub.smtp.username/password are set:"
                + " the SMTP login would cross the network in clear; set it to true, or hub.smtp.protocol to smtps"
                + REFUSED), lines(hub.check(false)));
    }

    @Test
    void smtpWithoutLoginOrOverTlsExposesNothing() {
        hub.set("hub.smtp.starttls", "false");
        assertEquals(List.of(), hub.check(false), "no login: nothing to expose");
        hub.set("hub.smtp.username", "netralitas").set("hub.smtp.protocol", "smtps").set("hub.smtp.port", "465");
        assertEquals(List.of(), hub.check(false), "smtps: TLS from the first byte");
    }

    @Test
    void imapWithoutTlsIsRefused() {
        hub.set("hub.imap.protocol", "imap").set("hub.imap.port", "143");
        assertEquals(List.of("hub.imap.protocol (HUB_IMAP_PROTOCOL): imap sends the mailbox login (hub.imap.password)"
                + " in clear, the hub does not ask an IMAP server for STARTTLS; use imaps (port 993)" + REFUSED),
                lines(hub.check(false)));
    }

    @Test
    void theReplyMailboxIsJudgedLikeTheReportMailbox() throws IOException {
        hub.set("hub.followup.imap.host", "imap.bawaslu.example").set("hub.followup.imap.username", "tindak-lanjut")
                .set("hub.followup.imap.password", "rahasia-tindak-lanjut").set("hub.followup.imap.protocol", "imap")
                .set("hub.followup.imap.port", "143");
        assertEquals(List.of("hub.followup.imap.protocol (HUB_FOLLOWUP_IMAP_PROTOCOL): imap sends the mailbox login"
                + " (hub.followup.imap.password) in clear, the hub does not ask an IMAP server for STARTTLS; use imaps"
                + " (port 993)" + REFUSED), lines(hub.check(false)));

        hub.set("hub.followup.imap.protocol", "imaps").set("hub.followup.imap.port", "993")
                .edit("application.properties", "hub.followup.imap.password =", "hub.followup.imap.password = di-berkas");
        assertEquals(List.of("hub.followup.imap.password (HUB_FOLLOWUP_IMAP_PASSWORD): has a value in"
                + " config/application.properties; a secret comes from the environment only: empty that line and set"
                + " the environment variable" + REFUSED), lines(hub.check(false)));
    }

    @Test
    void allowInsecureTurnsEveryFindingIntoAWarning() {
        hub.commandLine("hub.imap.password", "rahasia-imap")
                .set("hub.imap.protocol", "imap")
                .set("hub.bkn.token-url", "http://127.0.0.1:8089/oauth2/token")
                .set("hub.security.allow-insecure", "true");
        ConfigurationCheck.Findings findings = hub.findings(false);
        assertEquals(List.of(), findings.problems());
        assertEquals(List.of(
                "hub.imap.password (HUB_IMAP_PASSWORD): given as -D on the java command line, which every user of the"
                        + " machine can read (ps, /proc/<pid>/cmdline); set the environment variable instead" + ACCEPTED,
                "hub.bkn.token-url (HUB_BKN_TOKEN_URL): plaintext http:// would carry the BKN consumer key and secret"
                        + " in clear; use https://" + ACCEPTED,
                "hub.imap.protocol (HUB_IMAP_PROTOCOL): imap sends the mailbox login (hub.imap.password) in clear,"
                        + " the hub does not ask an IMAP server for STARTTLS; use imaps (port 993)" + ACCEPTED),
                lines(findings.warnings()));
        assertEquals(findings.warnings(), new ConfigurationCheck(home, hub.settings(), hub.origins(), false)
                .requireValid().warnings(), "the start-up gets the same warnings to log");
    }

    @Test
    void anAllowInsecureThatIsNotTrueOrFalseIsAProblemAndAcceptsNothing() {
        hub.set("hub.imap.protocol", "imap").set("hub.security.allow-insecure", "ya");
        assertEquals(List.of("hub.security.allow-insecure (HUB_SECURITY_ALLOW_INSECURE): 'ya' is not true or false",
                "hub.imap.protocol (HUB_IMAP_PROTOCOL): imap sends the mailbox login (hub.imap.password) in clear,"
                        + " the hub does not ask an IMAP server for STARTTLS; use imaps (port 993)" + REFUSED),
                lines(hub.check(false)));
    }

    @Test
    void embeddedModeHoldsNoRealSecretAndIsNotJudged() {
        hub.set("hub.embedded", "true").commandLine("hub.audit.reporter-secret", "kunci-pseudonim-di-baris-perintah")
                .set("hub.imap.protocol", "imap").set("hub.bkn.token-url", "http://127.0.0.1/oauth2/token");
        assertEquals(new ConfigurationCheck.Findings(List.of(), List.of()), hub.findings(true));
    }

    @Test
    void theHubRefusesToStartWithTheSameLines() {
        hub.set("hub.bkn.base-url", "http://api.bkn.example/apisiasn/1.0");
        InvalidConfigurationException e = assertThrows(InvalidConfigurationException.class,
                () -> new ConfigurationCheck(home, hub.settings(), hub.origins(), false).requireValid());
        assertEquals(lines(hub.check(false)), lines(e.problems()));
        assertTrue(e.getMessage().contains("\n  hub.bkn.base-url (HUB_BKN_BASE_URL): plaintext http://"), e.getMessage());
    }

    private static List<String> lines(List<CheckProblem> problems) {
        return problems.stream().map(CheckProblem::toString).toList();
    }
}
