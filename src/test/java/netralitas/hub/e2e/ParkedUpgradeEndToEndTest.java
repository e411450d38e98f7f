package netralitas.hub.e2e;

import netralitas.hub.app.ReplayCommand;
import netralitas.hub.audit.AuditEvent;
import netralitas.hub.embedded.BknSimulator;
import netralitas.hub.state.ParkedCaseTable.Kind;
import netralitas.hub.state.ParkedCaseTable.ParkedCase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The first start on a data/ of release 0.1 (the fixture src/test/resources/upgrade/release-0.1): its deferred cases and
 * its dead letter become rows of the state store, the deferred ones resume and are delivered once SMTP and BKN answer,
 * and the dead letter is delivered when it is replayed.
 */
class ParkedUpgradeEndToEndTest {

    private static final String DEAD_LETTER = "NH-20241024-XHRCGTPT";
    private static final String DEFERRED_BY_SMTP = "NH-20241021-5KD9ND3J";
    private static final String DEFERRED_BY_BKN = "NH-20241023-HQ2BD33R";

    private TestHub hub;

    @AfterEach
    void stop() {
        if (hub != null) {
            hub.close();
        }
    }

    @Test
    void theParkedCasesOfRelease01AreRowsThatResumeAndReplay(@TempDir Path work) throws Exception {
        copyFixture(work.resolve("data"));
        hub = new TestHub(work, BknSimulator.withRecords(TestHub.PROJECT.resolve("config/dev/bkn-records.json"), 0,
                TestHub.CONSUMER_KEY, TestHub.CONSUMER_SECRET), true);
        // While SMTP and BKN still fail, a resumed case is parked again: its row stays.
        hub.smtp.failTransactions(100_000, "451 4.3.0 Mail server temporarily rejected message");
        hub.bkn.setDown(true);
        hub.start();

        assertEquals(List.of(DEFERRED_BY_SMTP, DEFERRED_BY_BKN), ids(hub.parkedCases().list(Kind.DEFERRED)));
        List<ParkedCase> deadLetters = hub.parkedCases().list(Kind.DEAD_LETTER);
        assertEquals(List.of(DEAD_LETTER), ids(deadLetters));
        assertTrue(deadLetters.get(0).reason().contains("550 5.1.1"), deadLetters.get(0).reason());
        try (Stream<Path> left = Files.walk(work.resolve("data/deferred"))) {
            assertTrue(left.noneMatch(f -> f.toString().endsWith(".case")), "imported, moved aside");
        }
        assertTrue(Files.exists(work.resolve("data/imported-0.1/dead-letter/" + DEAD_LETTER + ".case")));

        hub.smtp.clearFaults();
        hub.bkn.setDown(false);
        awaitDelivered(DEFERRED_BY_SMTP);
        awaitDelivered(DEFERRED_BY_BKN);
        hub.awaitParked(Kind.DEFERRED, List.of());

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exit = new ReplayCommand().run(List.of(DEAD_LETTER), hub.parkedCases(), "the hub's state store",
                new PrintStream(out, true, StandardCharsets.UTF_8), System.err);
        assertEquals(0, exit, out.toString(StandardCharsets.UTF_8));
        AuditEvent delivered = awaitDelivered(DEAD_LETTER);
        hub.awaitParked(Kind.DEAD_LETTER, List.of());
        assertEquals("bkpsdm.kab-kepahiang@pemda.example", delivered.detail().get("to"));
        assertEquals(1, hub.imap().messages("bkpsdm.kab-kepahiang@pemda.example").size());
        for (String caseId : List.of(DEFERRED_BY_SMTP, DEFERRED_BY_BKN, DEAD_LETTER)) {
            assertEquals(1, hub.audit().stream().filter(e -> caseId.equals(e.caseId())
                    && "DELIVERED".equals(e.event().name())).count(), caseId + " delivered once");
        }
    }

    @Test
    void aBacklogOfDueCasesIsWorkedOffWithoutWaitingBetweenRounds(@TempDir Path work) throws Exception {
        copyFixture(work.resolve("data"));
        hub = new TestHub(work);
        // One case per round and ten minutes between rounds: the second imported case comes back within the test's
        // minute only because a round that found a case is followed by the next at once.
        hub.settings.put("hub.deferred.batch-size", "1");
        hub.settings.put("hub.deferred.retry-delay-ms", "600000");
        hub.start();

        awaitDelivered(DEFERRED_BY_SMTP);
        awaitDelivered(DEFERRED_BY_BKN);
        hub.awaitParked(Kind.DEFERRED, List.of());
    }

    private AuditEvent awaitDelivered(String caseId) throws Exception {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (true) {
            List<AuditEvent> delivered = hub.audit().stream()
                    .filter(e -> caseId.equals(e.caseId()) && "DELIVERED".equals(e.event().name())).toList();
            if (!delivered.isEmpty()) {
                String to = String.valueOf(delivered.get(0).detail().get("to"));
                assertTrue(hub.imap().messages(to).stream().anyMatch(m -> subject(m).contains(caseId)),
                        caseId + " in the inbox of " + to);
                return delivered.get(0);
            }
            assertTrue(System.nanoTime() < deadline, caseId + " not delivered");
            Thread.sleep(100);
        }
    }

    private static String subject(jakarta.mail.internet.MimeMessage message) {
        try {
            return message.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> ids(List<ParkedCase> parked) {
        return parked.stream().map(ParkedCase::caseId).toList();
    }

    private static void copyFixture(Path data) throws Exception {
        Path fixture = Path.of(ParkedUpgradeEndToEndTest.class.getResource("/upgrade/release-0.1/data").toURI());
        try (Stream<Path> files = Files.walk(fixture)) {
            for (Path file : files.toList()) {
                Files.copy(file, data.resolve(fixture.relativize(file).toString()));
            }
        }
    }
}
