package netralitas.hub.app;

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
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
                    "hub.audit.reporter-secret = rahasia-pelapor-panjang", ""), StandardOpenOption.APPEND);

            assertEquals(1, run("check"));

            assertTrue(out.contains("hub.smtp.host/hub.smtp.port (127.0.0.1:" + closed + "): no answer"), out);
            assertTrue(out.contains("hub.imap.host/hub.imap.port (127.0.0.1:" + closed + "): no answer"), out);
            assertTrue(out.contains("hub.bkn.token-url"), out);
            assertTrue(!out.contains("rahasia"), "no secret is printed: " + out);
        }
    }

    private int run(String... args) throws Exception {
        CommandLine run = CommandLine.run(home, args);
        out = run.out();
        err = run.err();
        return run.exit();
    }
}
