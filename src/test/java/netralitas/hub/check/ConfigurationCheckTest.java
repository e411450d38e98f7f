package netralitas.hub.check;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConfigurationCheckTest {

    private static final String KEPAHIANG = "17.08,Kabupaten Kepahiang";

    @TempDir
    Path home;

    private HubHomeFixture hub;

    @BeforeEach
    void copyConfig() throws IOException {
        hub = HubHomeFixture.copyOfProjectConfig(home);
    }

    @Test
    void shippedConfigurationHasNoProblemInEmbeddedMode() {
        assertEquals(List.of(), hub.check(true));
    }

    @Test
    void shippedConfigurationWithTheProductionSettingsHasNoProblem() {
        assertEquals(List.of(), hub.production().check(false));
    }

    @Test
    void aLongestWaitBelowTheFirstIsNamedBeforeTheHubRefusesToStart() {
        hub.set("hub.mail.ack-retry-delay-ms", "60000").set("hub.mail.ack-max-retry-delay-ms", "1000")
                .set("hub.imap.retry-delay-ms", "5000").set("hub.imap.max-retry-delay-ms", "5000");

        assertEquals(List.of("hub.mail.ack-max-retry-delay-ms (HUB_MAIL_ACK_MAX_RETRY_DELAY_MS): '1000' is below"
                        + " hub.mail.ack-retry-delay-ms (60000): the longest wait cannot be shorter than the first"),
                hub.check(true).stream().map(CheckProblem::toString).toList());
    }

    @Test
    void missingInboxNamesFileLineAndColumn() throws IOException {
        long line = hub.lineOf("regions.csv", KEPAHIANG);
        hub.edit("regions.csv", "bkpsdm.kab-kepahiang@pemda.example,", ",");
        assertEquals(List.of("config/regions.csv:" + line + ": empty bkpsdm_inbox (an inbox address is required)"),
                lines(hub.check(true)));
    }

    @Test
    void everyMalformedAddressIsReportedWithItsValue() throws IOException {
        hub.edit("regions.csv", "bkpsdm.kab-aceh-selatan@pemda.example", "bkpsdm.kab-x@@pemda");
        hub.edit("regions.csv", "inspektorat.kab-aceh-tenggara@pemda.example", "no-at-sign.example");
        hub.edit("regions.csv", "bawaslu.kab-aceh-timur@bawaslu.example", "bawaslu kab aceh timur@bawaslu.example");
        hub.edit("bkn-kanreg.csv", "kanreg-ii.surabaya@bkn.example", "kanreg-ii.surabaya@bkn");
        assertEquals(List.of(
                "config/regions.csv:3: invalid e-mail address in bkpsdm_inbox: 'bkpsdm.kab-x@@pemda'",
                "config/regions.csv:4: invalid e-mail address in inspektorat_inbox: 'no-at-sign.example'",
                "config/regions.csv:5: invalid e-mail address in bawaslu_inbox: 'bawaslu kab aceh timur@bawaslu.example'",
                "config/bkn-kanreg.csv:3: invalid e-mail address in inbox: 'kanreg-ii.surabaya@bkn'"),
                lines(hub.check(true)));
    }

    @Test
    void aQuotedLineBreakInAnAddressStaysOnOneLineOfTheReport() throws IOException {
        hub.edit("regions.csv", "bkpsdm.kab-aceh-selatan@pemda.example", "\"bkpsdm@pemda.example\nBcc: x@luar.example\"");
        List<CheckProblem> problems = hub.check(true);
        assertEquals(1, problems.size(), problems.toString());
        assertEquals("config/regions.csv:3", problems.get(0).where());
        assertEquals("invalid e-mail address in bkpsdm_inbox: 'bkpsdm@pemda.example\\nBcc: x@luar.example'",
                problems.get(0).message());
    }

    @Test
    void aDefectiveRegionRowIsNotReportedAgainByTheFilesThatReferToIt() throws IOException {
        // SIASN rows and the Kanreg table refer to Bengkulu (17) and Kepahiang (17.08): one problem, not a cascade.
        hub.edit("regions.csv", "bkd.prov-bengkulu@pemda.example", "bkd prov bengkulu");
        hub.edit("regions.csv", "bkpsdm.kab-kepahiang@pemda.example,", ",");
        List<String> lines = lines(hub.check(true));
        assertEquals(2, lines.size(), lines.toString());
        assertTrue(lines.get(0).endsWith("invalid e-mail address in bkpsdm_inbox: 'bkd prov bengkulu'"), lines.get(0));
        assertTrue(lines.get(1).endsWith("empty bkpsdm_inbox (an inbox address is required)"), lines.get(1));
    }

    @Test
    void templateReferencingAnUnknownFieldNamesTemplateLineAndExpression() throws IOException {
        long line = hub.lineOf("templates/case.txt.ftl", "<#switch purpose>");
        hub.edit("templates/case.txt.ftl", "<#switch purpose>", "Nomor: ${reported.tidakAda}\n<#switch purpose>");
        assertEquals(List.of("config/templates/case.txt.ftl:" + line
                        + ": unknown or missing value 'reported.tidakAda' (column 10)"),
                lines(hub.check(true)));
    }

    @Test
    void templateReferencingAnUnknownModelNamesTheUnknownName() throws IOException {
        Path digest = hub.config.resolve("templates/digest.txt.ftl");
        Files.writeString(digest, Files.readString(digest) + "${kasus.tidakAda}\n");
        long line = Files.readAllLines(digest).size();
        List<CheckProblem> problems = hub.check(true);
        assertEquals(1, problems.size(), problems.toString());
        assertEquals("config/templates/digest.txt.ftl:" + line, problems.get(0).where());
        assertEquals("unknown or missing value 'kasus' (column 3)", problems.get(0).message());
    }

    @Test
    void templateSyntaxErrorAndMissingTemplateAreBothReported() throws IOException {
        Files.writeString(hub.config.resolve("templates/digest.html.ftlh"), "<p>\n<#if count>tidak ditutup");
        Files.delete(hub.config.resolve("templates/acknowledgement.txt.ftl"));
        List<CheckProblem> problems = hub.check(true);
        assertEquals(2, problems.size(), problems.toString());
        assertTrue(problems.get(0).where().startsWith("config/templates/digest.html.ftlh:"), problems.get(0).toString());
        assertTrue(problems.get(0).message().startsWith("syntax error"), problems.get(0).toString());
        assertEquals("config/templates/acknowledgement.txt.ftl", problems.get(1).where());
        assertTrue(problems.get(1).message().contains("acknowledgement.txt.ftl"), problems.get(1).toString());
    }

    @Test
    void missingBknCredentialIsNamedWithItsEnvironmentVariable() {
        hub.production().remove("hub.bkn.consumer-key");
        assertEquals(List.of("hub.bkn.consumer-key (HUB_BKN_CONSUMER_KEY): missing; required when hub.embedded=false"),
                lines(hub.check(false)));
    }

    @Test
    void embeddedModeNeedsNoPartnerSettings() {
        hub.production().remove("hub.bkn.consumer-key").remove("hub.smtp.host").set("hub.smtp.port", "not a port");
        assertEquals(List.of(), hub.check(true));
    }

    @Test
    void productionModeWithTheShippedFileListsEverySettingADeployerMustSet() {
        Set<String> missing = hub.check(false).stream().map(CheckProblem::where).collect(Collectors.toSet());
        assertEquals(Set.of("hub.smtp.host (HUB_SMTP_HOST)", "hub.imap.host (HUB_IMAP_HOST)",
                "hub.imap.username (HUB_IMAP_USERNAME)", "hub.imap.password (HUB_IMAP_PASSWORD)",
                "hub.bkn.base-url (HUB_BKN_BASE_URL)", "hub.bkn.token-url (HUB_BKN_TOKEN_URL)",
                "hub.bkn.consumer-key (HUB_BKN_CONSUMER_KEY)", "hub.bkn.consumer-secret (HUB_BKN_CONSUMER_SECRET)",
                "hub.audit.reporter-secret (HUB_AUDIT_REPORTER_SECRET)", "hub.audit.chain-key (HUB_AUDIT_CHAIN_KEY)"), missing);
    }

    @Test
    void typedSettingsMustParseAndFitTheirRange() {
        hub.production()
                .set("hub.pipeline.workers", "four")
                .set("hub.mail.acknowledge", "yes")
                .set("hub.smtp.port", "70000")
                .set("hub.bkn.breaker.failure-rate-percent", "0")
                .remove("hub.csv.poll-delay-ms");
        assertEquals(List.of(
                        "hub.pipeline.workers (HUB_PIPELINE_WORKERS): 'four' is not a whole number",
                        "hub.csv.poll-delay-ms (HUB_CSV_POLL_DELAY_MS): missing; it must be a whole number",
                        "hub.mail.acknowledge (HUB_MAIL_ACKNOWLEDGE): 'yes' is not true or false",
                        "hub.smtp.port (HUB_SMTP_PORT): '70000' is above the maximum of 65535",
                        "hub.bkn.breaker.failure-rate-percent (HUB_BKN_BREAKER_FAILURE_RATE_PERCENT): '0' is below the minimum of 1"),
                lines(hub.check(false)));
    }

    @Test
    void addressesUrlsProtocolsAndCronInSettingsAreChecked() {
        hub.production()
                .set("hub.routing.triage-inbox", "triase bawaslu.example")
                .set("hub.routing.central-inbox", "Pusat <pusat@bawaslu.example>")
                .set("hub.mail.from", "Netralitas, Hub <netralitas-hub@bawaslu.example>")
                .set("hub.mail.domain", "netralitas..example")
                .set("hub.smtp.helo-name", "hub1 bawaslu.example")
                .set("hub.smtp.protocol", "smtp+tls")
                .set("hub.bkn.token-url", "ftp://sso.bkn.example/token")
                .set("hub.digest.cron", "0 7 * * *");
        assertEquals(List.of(
                        "hub.mail.from (HUB_MAIL_FROM): display name 'Netralitas, Hub' holds a special character: put it in double quotes",
                        "hub.routing.triage-inbox (HUB_ROUTING_TRIAGE_INBOX): 'triase bawaslu.example' is not a plain e-mail address (local@domain.tld)",
                        "hub.routing.central-inbox (HUB_ROUTING_CENTRAL_INBOX): 'Pusat <pusat@bawaslu.example>' is not a plain e-mail address (local@domain.tld)",
                        "hub.mail.domain (HUB_MAIL_DOMAIN): 'netralitas..example' is not a domain name (e.g. netralitas.bawaslu.example)",
                        "hub.smtp.helo-name (HUB_SMTP_HELO_NAME): 'hub1 bawaslu.example' is not a host name (e.g. hub1.bawaslu.example)",
                        "hub.smtp.protocol (HUB_SMTP_PROTOCOL): 'smtp+tls' is neither smtp nor smtps",
                        "hub.bkn.token-url (HUB_BKN_TOKEN_URL): 'ftp://sso.bkn.example/token' is not an http(s) URL"),
                lines(hub.check(false)).stream().filter(l -> !l.startsWith("hub.digest.cron")).toList());
        CheckProblem cron = hub.check(false).stream().filter(p -> p.where().startsWith("hub.digest.cron")).findFirst().orElseThrow();
        assertTrue(cron.message().startsWith("'0 7 * * *' is not a Quartz cron expression"), cron.message());
    }

    @Test
    void theFollowUpClocksSettingsAreChecked() {
        hub.production()
                .set("hub.followup.check-interval", "15 menit")
                .set("hub.followup.reminder-interval", "P0D")
                .set("hub.followup.max-reminders", "-1");
        assertEquals(List.of(
                        "hub.followup.max-reminders (HUB_FOLLOWUP_MAX_REMINDERS): '-1' is below the minimum of 0",
                        "hub.followup.check-interval (HUB_FOLLOWUP_CHECK_INTERVAL): '15 menit' is not a positive ISO-8601 duration"
                                + " such as P14D, P2W or PT2M",
                        "hub.followup.reminder-interval (HUB_FOLLOWUP_REMINDER_INTERVAL): 'P0D' is not a positive ISO-8601"
                                + " duration such as P14D, P2W or PT2M"),
                lines(hub.check(false)));
    }

    @Test
    void theSignatureOfTheMailsIsRequiredAndChecked() {
        hub.remove("hub.mail.signature.unit")
                .set("hub.mail.signature.email", "netralitas bawaslu.example")
                .set("hub.mail.signature.phone", "hubungi kami")
                .set("hub.mail.signature.address", "Jl. Contoh ".repeat(30));
        assertEquals(List.of(
                        "hub.mail.signature.unit (HUB_MAIL_SIGNATURE_UNIT): missing",
                        "hub.mail.signature.email (HUB_MAIL_SIGNATURE_EMAIL): 'netralitas bawaslu.example' is not a plain e-mail"
                                + " address (local@domain.tld)",
                        "hub.mail.signature.phone (HUB_MAIL_SIGNATURE_PHONE): 'hubungi kami' is not a telephone number (digits,"
                                + " spaces, + - ( ) only, e.g. (021) 390-5889)",
                        "hub.mail.signature.address (HUB_MAIL_SIGNATURE_ADDRESS): longer than 200 characters; it is one line under"
                                + " the signature"),
                lines(hub.check(true)));
    }

    @Test
    void aBrokenCatalogueDoesNotHideABrokenTemplate() throws IOException {
        hub.edit("categories.yaml", "  PPPK:", "  P3K:");
        hub.edit("templates/case.txt.ftl", "Dengan hormat,", "Dengan hormat, ${nomorSurat}");
        List<String> lines = lines(hub.check(true));
        assertEquals(2, lines.size(), lines.toString());
        assertTrue(lines.get(0).startsWith("config/categories.yaml:"), lines.toString());
        assertTrue(lines.get(1).startsWith("config/templates/case.txt.ftl:"), lines.toString());
        assertTrue(lines.get(1).contains("nomorSurat"), lines.toString());
    }

    @Test
    void secretsAreJudgedWithoutBeingPrinted() {
        hub.production()
                .set("hub.audit.reporter-secret", "pendek-rahasia")
                .set("hub.audit.chain-key", "rahasia-rantai-pendek")
                .set("hub.bkn.token-url", "https://pengguna:sandi-rahasia@sso.bkn.example/token");
        List<String> lines = lines(hub.check(false));
        assertEquals(List.of(
                "hub.bkn.token-url (HUB_BKN_TOKEN_URL): holds a user name or password; BKN credentials belong in"
                        + " hub.bkn.consumer-key/consumer-secret",
                "hub.audit.reporter-secret (HUB_AUDIT_REPORTER_SECRET): shorter than 16 bytes; use a long random value",
                "hub.audit.chain-key (HUB_AUDIT_CHAIN_KEY): shorter than 32 bytes; use a long random value"
                        + " (openssl rand -hex 32)"),
                lines);
        assertFalse(String.join("\n", lines).contains("rahasia"), lines.toString());
    }

    @Test
    void categoriesWithAnInvalidSeverityAreNamed() throws IOException {
        hub.edit("categories.yaml", "severity: BERAT", "severity: SANGAT_BERAT");
        assertEquals(List.of("config/categories.yaml: category CANDIDATE_NO_RESIGN: invalid severity 'SANGAT_BERAT';"
                        + " expected one of BERAT, SEDANG, RINGAN, BUKAN_PELANGGARAN"),
                lines(hub.check(true)));
    }

    @Test
    void categoriesThatAreNotYamlNameTheLine() throws IOException {
        long line = hub.lineOf("categories.yaml", "severity: BERAT");
        hub.edit("categories.yaml", "severity: BERAT", "severity: BERAT\n    severity: SEDANG");
        List<CheckProblem> problems = hub.check(true);
        assertEquals(1, problems.size(), problems.toString());
        assertEquals("config/categories.yaml:" + (line + 1), problems.get(0).where());
        assertTrue(problems.get(0).message().contains("severity"), problems.get(0).message());
    }

    @Test
    void severalProblemsAtOnceAreAllReported() throws IOException {
        hub.edit("regions.csv", "bkpsdm.kab-kepahiang@pemda.example,", ",");
        hub.edit("regions.csv", "bkpsdm.kab-aceh-selatan@pemda.example", "bkpsdm.kab-x@@pemda");
        hub.edit("siasn-instansi-daerah.csv", ",17.08,", ",99.99,");
        hub.edit("templates/case.html.ftlh", "<p>Dengan hormat,</p>", "<p>Dengan hormat, ${nomorSurat}</p>");
        hub.edit("categories.yaml", "severity: BERAT", "severity: SANGAT_BERAT");
        hub.production().remove("hub.bkn.consumer-secret").set("hub.pipeline.workers", "-1");
        List<CheckProblem> problems = hub.check(false);
        List<String> wheres = problems.stream().map(CheckProblem::where).map(w -> w.replaceAll(":\\d+$", "")).toList();
        assertEquals(List.of(
                "hub.bkn.consumer-secret (HUB_BKN_CONSUMER_SECRET)",
                "hub.pipeline.workers (HUB_PIPELINE_WORKERS)",
                "config/regions.csv",
                "config/regions.csv",
                "config/siasn-instansi-daerah.csv",
                "config/categories.yaml",
                "config/templates/case.html.ftlh"), wheres, problems.toString());
        assertTrue(problems.get(4).message().contains("wilayah_code 99.99 is not in regions.csv"), problems.get(4).message());
        assertTrue(problems.get(6).message().contains("'nomorSurat'"), problems.get(6).message());
    }

    @Test
    void requireValidRefusesWithEveryProblemInTheMessage() throws IOException {
        hub.edit("regions.csv", "bkpsdm.kab-kepahiang@pemda.example,", ",");
        hub.production().remove("hub.bkn.consumer-key");
        InvalidConfigurationException e = assertThrows(InvalidConfigurationException.class,
                () -> new ConfigurationCheck(home, hub.settings(), false).requireValid());
        assertEquals(2, e.problems().size());
        for (CheckProblem problem : e.problems()) {
            assertTrue(e.getMessage().contains(problem.toString()), e.getMessage());
        }
        assertTrue(e.getMessage().startsWith("2 problems found in the configuration"), e.getMessage());
        hub.edit("regions.csv", KEPAHIANG + ",KABUPATEN,17,,", KEPAHIANG + ",KABUPATEN,17,bkpsdm.kab-kepahiang@pemda.example,");
        new ConfigurationCheck(home, hub.production().settings(), false).requireValid();
    }

    @Test
    void missingConfigDirectoryIsOneProblemNotOnePerFile() {
        hub.set("hub.config-dir", "konfigurasi");
        assertEquals(List.of("hub.config-dir (HUB_CONFIG_DIR): directory konfigurasi does not exist"), lines(hub.check(true)));
    }

    @Test
    void dataDirectoryThatIsAFileIsReported() throws IOException {
        Files.writeString(home.resolve("data"), "bukan direktori");
        assertEquals(List.of("hub.data-dir (HUB_DATA_DIR): data is not a directory"), lines(hub.check(true)));
    }

    @Test
    void missingRegionFileIsNamed() throws IOException {
        Files.delete(hub.config.resolve("bkn-kanreg.csv"));
        List<CheckProblem> problems = hub.check(true);
        assertEquals(1, problems.size(), problems.toString());
        assertEquals("config/bkn-kanreg.csv", problems.get(0).where());
        assertEquals("cannot read: no such file", problems.get(0).message());
    }

    private static List<String> lines(List<CheckProblem> problems) {
        return problems.stream().map(CheckProblem::toString).toList();
    }
}
