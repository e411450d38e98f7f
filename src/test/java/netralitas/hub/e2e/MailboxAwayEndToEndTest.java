package netralitas.hub.e2e;

import netralitas.hub.camel.MailboxPollFailures;
import netralitas.hub.testing.LogCapture;
import netralitas.hub.testing.RefusingPort;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The report mailbox's server is away: each failed poll is one line naming the cause, and after a few in a row the
 * polls slow down (hub.imap.backoff-*), instead of a stack trace on every poll for as long as the server is away.
 */
class MailboxAwayEndToEndTest {

    @Test
    void failedPollsAreOneLineEachAndSlowDown(@TempDir Path work) throws Exception {
        try (RefusingPort away = new RefusingPort();
             LogCapture log = new LogCapture(MailboxPollFailures.class.getName());
             TestHub hub = new TestHub(work)) {
            hub.settings.put("hub.imap.port", String.valueOf(away.port()));
            hub.settings.put("hub.imap.backoff-after-failed-polls", "3");
            hub.settings.put("hub.imap.backoff-multiplier", "10");
            hub.start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (log.lines().size() < 3) {
                assertTrue(System.nanoTime() < deadline, "no failed poll logged: " + log.lines());
                Thread.sleep(20);
            }
            int before = log.lines().size();
            // 20 poll delays of 100 ms: the 10 after the third failure are skipped, then 3 polls, then 10 skipped.
            Thread.sleep(2_000);

            List<String> lines = log.lines();
            assertTrue(lines.size() - before <= 3, "polls did not slow down: " + (lines.size() - before)
                    + " more failures in 20 poll periods");
            for (String line : lines) {
                assertTrue(line.startsWith("WARN Mailbox of reports (hub.imap.*) could not be polled:"), line);
                assertTrue(line.contains("<- ConnectException: Connection refused"), line);
                assertTrue(!line.contains("\n") && !line.contains("password"), line);
            }
        }
    }
}
