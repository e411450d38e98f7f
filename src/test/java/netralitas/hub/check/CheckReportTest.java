package netralitas.hub.check;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class CheckReportTest {

    @Test
    void problemsArePrintedOnePerLineAndExitWithOne() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int exit = CheckReport.print(List.of(
                new CheckProblem("config/regions.csv:131", "empty bkpsdm_inbox (an inbox address is required)"),
                CheckProblem.setting("hub.bkn.consumer-key", "missing; required when hub.embedded=false")),
                List.of(), true, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        assertEquals(1, exit);
        assertEquals(List.of(
                "config/regions.csv:131: empty bkpsdm_inbox (an inbox address is required)",
                "hub.bkn.consumer-key (HUB_BKN_CONSUMER_KEY): missing; required when hub.embedded=false",
                "2 problems found in the configuration"), bytes.toString(StandardCharsets.UTF_8).lines().toList());
    }

    @Test
    void oneProblemIsSingular() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        assertEquals(1, CheckReport.print(List.of(new CheckProblem("a", "b")), List.of(), false, new PrintStream(bytes, true, StandardCharsets.UTF_8)));
        assertEquals(List.of("a: b", "1 problem found in the configuration"), bytes.toString(StandardCharsets.UTF_8).lines().toList());
    }

    @Test
    void noProblemSaysWhatWasCheckedAndExitsWithZero() {
        ByteArrayOutputStream embedded = new ByteArrayOutputStream();
        assertEquals(0, CheckReport.print(List.of(), List.of(), false, new PrintStream(embedded, true, StandardCharsets.UTF_8)));
        assertEquals("Configuration OK: settings, region directory, categories and mail templates"
                + " (embedded mode: no partner server contacted)\n", embedded.toString(StandardCharsets.UTF_8));
        ByteArrayOutputStream production = new ByteArrayOutputStream();
        assertEquals(0, CheckReport.print(List.of(), List.of(), true, new PrintStream(production, true, StandardCharsets.UTF_8)));
        assertEquals("Configuration OK: settings, region directory, categories and mail templates; the SMTP and IMAP"
                + " servers and the BKN token endpoint answer\n", production.toString(StandardCharsets.UTF_8));
    }

    @Test
    void acceptedRisksAreWarningsThatDoNotFailTheCheck() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        CheckProblem risk = CheckProblem.setting("hub.imap.protocol", "imap sends the mailbox login in clear");
        assertEquals(0, CheckReport.print(List.of(), List.of(risk), true, new PrintStream(bytes, true, StandardCharsets.UTF_8)));
        assertEquals(List.of("WARNING hub.imap.protocol (HUB_IMAP_PROTOCOL): imap sends the mailbox login in clear",
                "Configuration OK: settings, region directory, categories and mail templates; the SMTP and IMAP"
                        + " servers and the BKN token endpoint answer; 1 warning above"),
                bytes.toString(StandardCharsets.UTF_8).lines().toList());

        bytes.reset();
        assertEquals(1, CheckReport.print(List.of(new CheckProblem("a", "b")), List.of(risk), true,
                new PrintStream(bytes, true, StandardCharsets.UTF_8)));
        assertEquals(List.of("WARNING hub.imap.protocol (HUB_IMAP_PROTOCOL): imap sends the mailbox login in clear",
                "a: b", "1 problem found in the configuration"), bytes.toString(StandardCharsets.UTF_8).lines().toList());
    }
}
