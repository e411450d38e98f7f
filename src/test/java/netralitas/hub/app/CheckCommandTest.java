package netralitas.hub.app;

import netralitas.hub.embedded.BknSimulator;
import netralitas.hub.embedded.EmbeddedMailServer;
import netralitas.hub.testing.FolderCopy;
import netralitas.hub.testing.RefusingPort;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code check} through the hub's command line, and the start-up that refuses a broken configuration with its words. */
class CheckCommandTest {

    @TempDir
    Path home;
    private String out;
    private String err;

    @BeforeEach
    void copyHome() throws IOException {
        FolderCopy.hubHome(home);
    }

    @Test
    void theShippedEmbeddedConfigurationPasses() throws Exception {
        assertEquals(0, run("check"), out);
        assertTrue(out.startsWith("Configuration OK"), out);
    }

    @Test
    void aBrokenInboxIsNamedByCheckAndTheHubRefusesToStartWithTheSameWords() throws Exception {
        Path regions = home.resolve("config/regions.csv");
        String csv = Files.readString(regions);
        Files.writeString(regions, csv.replaceFirst("bkd\\.prov-aceh@pemda\\.example", "bkd.prov-aceh@@pemda"));
        String problem = "config/regions.csv:2: invalid e-mail address in bkpsdm_inbox: 'bkd.prov-aceh@@pemda'";

        assertEquals(1, run("check"));
        assertTrue(out.contains(problem), out);
        assertTrue(out.contains("1 problem found in the configuration"), out);

        assertEquals(1, run("run"));
        assertTrue(err.startsWith("Netralitas Hub cannot start: 1 problem found in the configuration"), err);
        assertTrue(err.contains(problem), err);
    }

    @Test
    void aHomeWithoutRoutesIsNamed() throws Exception {
        try (Stream<Path> files = Files.walk(home.resolve("routes"))) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
        assertEquals(2, run("run"));
        assertTrue(err.startsWith("Netralitas Hub cannot start: no routes/ folder under " + home), err);
    }

    @Test
    void outsideEmbeddedModeCheckAsksThePartnersAndNamesTheOneThatDoesNotAnswer() throws Exception {
        try (RefusingPort refusing = new RefusingPort()) {
            int closed = refusing.port();
            Files.writeString(home.resolve("config/application.properties"), String.join("\n", "",
                    "hub.embedded = false",
                    "hub.smtp.host = 127.0.0.1", "hub.smtp.port = " + closed,
                    "hub.imap.host = 127.0.0.1", "hub.imap.port = " + closed,
                    "hub.imap.username = laporan", "hub.imap.password = rahasia-imap",
                    "hub.bkn.base-url = http://127.0.0.1:" + closed + "/api",
                    "hub.bkn.token-url = http://127.0.0.1:" + closed + "/oauth/token",
                    "hub.bkn.consumer-key = kunci", "hub.bkn.consumer-secret = rahasia-bkn",
                    "hub.audit.reporter-secret = rahasia-pelapor-panjang",
                    "hub.audit.chain-key = rahasia-rantai-audit-yang-cukup-panjang",
                    // Plaintext partners and secrets in the file: accepted here, so that BKN is asked too.
                    "hub.security.allow-insecure = true", ""), StandardOpenOption.APPEND);

            assertEquals(1, run("check"));

            assertTrue(out.contains("hub.smtp.host/hub.smtp.port (127.0.0.1:" + closed + "): no answer"), out);
            assertTrue(out.contains("hub.imap.host/hub.imap.port (127.0.0.1:" + closed + "): no answer"), out);
            assertTrue(out.contains("hub.bkn.token-url"), out);
            assertTrue(!out.contains("rahasia"), "no secret is printed: " + out);
        }
    }

    @Test
    void productionSettingsThatExposeSecretsAreRefusedByCheckAndAtStartWithTheSameLines() throws Exception {
        try (RefusingPort refusing = new RefusingPort()) {
            int closed = refusing.port();
            appendSettings("hub.embedded = false",
                    "hub.smtp.host = 127.0.0.1", "hub.smtp.port = " + closed, "hub.smtp.starttls = false",
                    "hub.smtp.username = netralitas",
                    "hub.imap.host = 127.0.0.1", "hub.imap.port = " + closed, "hub.imap.protocol = imap",
                    "hub.imap.username = laporan", "hub.imap.password = rahasia-imap",
                    "hub.bkn.base-url = https://api.bkn.example/apisiasn/1.0",
                    "hub.bkn.token-url = http://127.0.0.1:" + closed + "/oauth2/token",
                    "hub.bkn.consumer-key = kunci", "hub.bkn.consumer-secret = rahasia-bkn",
                    "hub.audit.reporter-secret = rahasia-pelapor-panjang",
                    "hub.audit.chain-key = rahasia-rantai-audit-yang-cukup-panjang");
            List<String> exposures = List.of(
                    "hub.imap.password (HUB_IMAP_PASSWORD): has a value in config/application.properties",
                    "hub.bkn.consumer-key (HUB_BKN_CONSUMER_KEY): has a value in config/application.properties",
                    "hub.bkn.consumer-secret (HUB_BKN_CONSUMER_SECRET): has a value in config/application.properties",
                    "hub.audit.reporter-secret (HUB_AUDIT_REPORTER_SECRET): has a value in config/application.properties",
                    "hub.audit.chain-key (HUB_AUDIT_CHAIN_KEY): has a value in config/application.properties",
                    "hub.bkn.token-url (HUB_BKN_TOKEN_URL): plaintext http://",
                    "hub.smtp.starttls (HUB_SMTP_STARTTLS): false while hub.smtp.username/password are set",
                    "hub.imap.protocol (HUB_IMAP_PROTOCOL): imap sends the mailbox login");

            assertEquals(1, run("check"));
            List<String> printed = out.lines().toList();
            for (String exposure : exposures) {
                assertEquals(1, printed.stream().filter(line -> line.startsWith(exposure)
                        && line.endsWith("(to accept the risk anyway: hub.security.allow-insecure=true)")).count(), out);
            }
            assertTrue(out.contains("hub.smtp.host/hub.smtp.port (127.0.0.1:" + closed + "): no answer"), out);
            assertFalse(out.contains("hub.bkn.token-url (http://"), "the secret is not sent over http to probe BKN: " + out);
            assertFalse(out.contains("rahasia"), "no secret is printed: " + out);

            assertEquals(1, run("run"));
            assertTrue(err.startsWith("Netralitas Hub cannot start: 8 problems found in the configuration"), err);
            List<String> refused = err.lines().skip(1).map(String::strip).toList();
            assertEquals(printed.stream().filter(line -> exposures.stream().anyMatch(line::startsWith)).toList(), refused);
        }
    }

    @Test
    void acceptedRisksAreWarningsAndTheCheckPassesWhenThePartnersAnswer() throws Exception {
        try (EmbeddedMailServer mail = new EmbeddedMailServer(0, 0).start();
             BknSimulator bkn = BknSimulator.withRecords(home.resolve("config/dev/bkn-records.json"), 0, "kunci", "rahasia-bkn")) {
            bkn.start();
            appendSettings("hub.embedded = false", "hub.security.allow-insecure = true",
                    "hub.smtp.host = " + mail.host(), "hub.smtp.port = " + mail.smtpPort(), "hub.smtp.starttls = false",
                    "hub.imap.host = " + mail.host(), "hub.imap.port = " + mail.imapPort(), "hub.imap.protocol = imap",
                    "hub.imap.username = laporan", "hub.imap.password = rahasia-imap",
                    "hub.bkn.base-url = " + bkn.baseUrl(), "hub.bkn.token-url = " + bkn.tokenUrl(),
                    "hub.bkn.consumer-key = kunci", "hub.bkn.consumer-secret = rahasia-bkn",
                    "hub.audit.reporter-secret = rahasia-pelapor-panjang",
                    "hub.audit.chain-key = rahasia-rantai-audit-yang-cukup-panjang");

            assertEquals(0, run("check"), out);

            List<String> lines = out.lines().toList();
            assertEquals(9, lines.size(), out);
            assertTrue(lines.subList(0, 8).stream().allMatch(line -> line.startsWith("WARNING hub.")
                    && line.endsWith("(accepted: hub.security.allow-insecure=true)")), out);
            assertTrue(lines.get(8).startsWith("Configuration OK") && lines.get(8).endsWith("; 8 warnings above"), out);
            assertFalse(out.contains("rahasia"), "no secret is printed: " + out);
        }
    }

    private void appendSettings(String... lines) throws IOException {
        Files.writeString(home.resolve("config/application.properties"), "\n" + String.join("\n", lines) + "\n",
                StandardOpenOption.APPEND);
    }

    private int run(String... args) throws Exception {
        CommandLine run = CommandLine.run(home, args);
        out = run.out();
        err = run.err();
        return run.exit();
    }
}
