package netralitas.hub.e2e;

import netralitas.hub.camel.HubConfiguration;
import netralitas.hub.testing.LogCapture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A hub whose deployer accepted plaintext partners (hub.security.allow-insecure=true) starts, and says so at start. */
class InsecureSettingsEndToEndTest {

    @Test
    void everyAcceptedRiskIsOneWarnLineAtStart(@TempDir Path work) throws Exception {
        try (LogCapture log = new LogCapture(HubConfiguration.class.getName()); TestHub hub = new TestHub(work)) {
            hub.start();
            String accepted = " (accepted: hub.security.allow-insecure=true)";
            assertEquals(List.of(
                    "WARN hub.bkn.token-url (HUB_BKN_TOKEN_URL): plaintext http:// would carry the BKN consumer key and"
                            + " secret in clear; use https://" + accepted,
                    "WARN hub.bkn.base-url (HUB_BKN_BASE_URL): plaintext http:// would carry the BKN access token and"
                            + " the employees' records in clear; use https://" + accepted,
                    "WARN hub.imap.protocol (HUB_IMAP_PROTOCOL): imap sends the mailbox login (hub.imap.password) in"
                            + " clear, the hub does not ask an IMAP server for STARTTLS; use imaps (port 993)" + accepted),
                    log.lines().stream().filter(line -> line.startsWith("WARN")).toList());
        }
    }
}
