package netralitas.hub.check;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The follow-up's settings and config/holidays.csv (SPEC §12), as {@code check} and the start-up judge them. */
class FollowUpSettingsCheckTest {

    @TempDir
    Path home;

    private HubHomeFixture hub;

    @BeforeEach
    void copyConfig() throws IOException {
        hub = HubHomeFixture.copyOfProjectConfig(home);
    }

    @Test
    void everyFollowUpSettingIsJudgedInOneLineNamingIt() {
        hub.set("hub.followup.deadline.berat", "14 hari")
                .set("hub.followup.deadline.sedang", "P0D")
                .remove("hub.followup.deadline.ringan")
                .set("hub.followup.check-interval", "PT-15M")
                .set("hub.followup.reminder-interval", "7")
                .set("hub.followup.business-days", "ya")
                .set("hub.followup.max-reminders", "-1")
                .set("hub.followup.related-days", "tiga")
                .set("hub.followup.address", "tindak lanjut@bawaslu");

        assertEquals(List.of(
                "hub.followup.max-reminders (HUB_FOLLOWUP_MAX_REMINDERS): '-1' is below the minimum of 0",
                "hub.followup.business-days (HUB_FOLLOWUP_BUSINESS_DAYS): 'ya' is not true or false",
                "hub.followup.related-days (HUB_FOLLOWUP_RELATED_DAYS): 'tiga' is not a whole number",
                "hub.followup.deadline.berat (HUB_FOLLOWUP_DEADLINE_BERAT): '14 hari' is not a positive ISO-8601 duration such as P14D, P2W or PT2M",
                "hub.followup.deadline.sedang (HUB_FOLLOWUP_DEADLINE_SEDANG): 'P0D' is not a positive ISO-8601 duration such as P14D, P2W or PT2M",
                "hub.followup.deadline.ringan (HUB_FOLLOWUP_DEADLINE_RINGAN): missing; it must be an ISO-8601 duration such as P14D or PT2M",
                "hub.followup.check-interval (HUB_FOLLOWUP_CHECK_INTERVAL): 'PT-15M' is not a positive ISO-8601 duration such as P14D, P2W or PT2M",
                "hub.followup.reminder-interval (HUB_FOLLOWUP_REMINDER_INTERVAL): '7' is not a positive ISO-8601 duration such as P14D, P2W or PT2M",
                "hub.followup.address (HUB_FOLLOWUP_ADDRESS): 'tindak lanjut@bawaslu' is not a plain e-mail address (local@domain.tld)"),
                hub.check(true).stream().map(CheckProblem::toString).toList());
    }

    @Test
    void aDedicatedReplyMailboxNeedsItsLoginAndFoldersAndIsNotTheReportMailbox() {
        assertEquals(List.of(), hub.check(true), "no host: no reply mailbox, nothing else is needed");
        hub.set("hub.followup.imap.host", "imap.bawaslu.example").set("hub.followup.imap.port", "99999")
                .set("hub.followup.imap.protocol", "pop3").remove("hub.followup.imap.quarantine-folder");

        assertEquals(List.of(
                "hub.followup.imap.port (HUB_FOLLOWUP_IMAP_PORT): '99999' is above the maximum of 65535",
                "hub.followup.imap.username (HUB_FOLLOWUP_IMAP_USERNAME): missing; required when hub.followup.imap.host is set (the dedicated reply mailbox)",
                "hub.followup.imap.password (HUB_FOLLOWUP_IMAP_PASSWORD): missing; required when hub.followup.imap.host is set (the dedicated reply mailbox)",
                "hub.followup.imap.quarantine-folder (HUB_FOLLOWUP_IMAP_QUARANTINE_FOLDER): missing; required when hub.followup.imap.host is set (the dedicated reply mailbox)",
                "hub.followup.imap.protocol (HUB_FOLLOWUP_IMAP_PROTOCOL): 'pop3' is neither imap nor imaps"),
                hub.check(true).stream().map(CheckProblem::toString).toList());

        hub.set("hub.followup.imap.port", "993").set("hub.followup.imap.protocol", "imaps")
                .set("hub.followup.imap.quarantine-folder", "Karantina")
                .set("hub.followup.imap.username", "laporan@bawaslu.example").set("hub.followup.imap.password", "x")
                .set("hub.imap.host", "imap.bawaslu.example").set("hub.imap.username", "laporan@bawaslu.example");
        assertEquals(List.of("hub.followup.imap.host (HUB_FOLLOWUP_IMAP_HOST): names the report mailbox itself (same"
                        + " host, username and folder): leave it empty to read the replies there, or name another mailbox"),
                hub.check(true).stream().map(CheckProblem::toString).toList());

        hub.set("hub.followup.imap.username", "tindak-lanjut@bawaslu.example");
        assertEquals(List.of(), hub.check(true));
    }

    @Test
    void theShippedFollowUpSettingsAndADemoOfMinutesPass() {
        assertEquals(List.of(), hub.check(true));
        hub.set("hub.followup.deadline.berat", "PT2M").set("hub.followup.reminder-interval", "PT1M")
                .set("hub.followup.address", "tindak-lanjut@bawaslu.example").set("hub.followup.max-reminders", "0");
        assertEquals(List.of(), hub.check(true));
    }

    @Test
    void aBadHolidayRowIsNamedWithItsLineAndTheHubRefusesToStart() throws IOException {
        long line = hub.lineOf("holidays.csv", "2024-11-27,");
        hub.edit("holidays.csv", "2024-11-27,", "2024-11-31,");

        List<String> problems = hub.check(true).stream().map(CheckProblem::toString).toList();
        assertEquals(List.of("config/holidays.csv:" + line + ": '2024-11-31' is not a date (YYYY-MM-DD)"), problems);
        InvalidConfigurationException refused = assertThrows(InvalidConfigurationException.class,
                () -> new ConfigurationCheck(home, hub.settings(), hub.origins(), true).requireValid());
        assertTrue(refused.getMessage().contains("config/holidays.csv:" + line + ": '2024-11-31' is not a date"),
                refused.getMessage());
    }

    @Test
    void aValidConfigurationHandsTheHolidaysToTheHub() {
        ConfigurationCheck.ValidConfiguration valid =
                new ConfigurationCheck(home, hub.settings(), hub.origins(), true).requireValid();
        assertEquals(82, valid.holidays().size());
    }
}
