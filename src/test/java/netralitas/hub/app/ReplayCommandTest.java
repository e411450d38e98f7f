package netralitas.hub.app;

import netralitas.hub.cases.ViolationCase;
import netralitas.hub.report.Report;
import netralitas.hub.report.ReportSource;
import netralitas.hub.report.SubjectType;
import netralitas.hub.state.ClusterNode;
import netralitas.hub.state.MigratedH2;
import netralitas.hub.state.ParkedCaseTable;
import netralitas.hub.state.ParkedCaseTable.Kind;
import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code replay} as an operator runs it on the embedded store: it lists the dead letters with their reasons and marks
 * the ones named as due; an id that is not a dead letter is exit 1; a store the running hub holds is said to be so.
 */
class ReplayCommandTest {

    private static final String DEAD_LETTER = "NH-20241024-XHRCGTPT";
    private static final String OTHER_DEAD_LETTER = "NH-20241025-Y71VNB70";
    private static final String DEFERRED = "NH-20241021-5KD9ND3J";

    @TempDir
    Path home;

    @BeforeEach
    void aStoreWithParkedCases() throws Exception {
        Files.createDirectories(home.resolve("config"));
        Files.writeString(home.resolve("config/application.properties"), "hub.data-dir = data\nhub.config-dir = config\n"
                + "hub.state.max-connections = 2\nhub.deferred.retry-delay-ms = 30000\nhub.cluster.takeover-seconds = 30\n");
        JdbcConnectionPool state = MigratedH2.inFile(home.resolve("data/state/hub"));
        ParkedCaseTable table = table(state);
        table.park(parkedCase(DEAD_LETTER), Kind.DEAD_LETTER, "the SMTP server refused the email for good: 550 5.1.1"
                + " <bkpsdm.kab-kepahiang@pemda.example>: Recipient address rejected: User unknown");
        table.park(parkedCase(OTHER_DEAD_LETTER), Kind.DEAD_LETTER, "delivery uncertain: the hub stopped while sending"
                + " this case\nsecond line");
        table.park(parkedCase(DEFERRED), Kind.DEFERRED, "451 4.3.0 Mail server temporarily rejected message");
        shutDown(state);
    }

    @Test
    void theListShowsEveryDeadLetterWithItsReasonAndNothingElse() throws Exception {
        CommandLine list = CommandLine.run(home, "replay", "--list");

        assertEquals(0, list.exit(), list.err());
        List<String> lines = list.out().lines().toList();
        assertEquals(3, lines.size(), list.out());
        assertTrue(lines.get(0).startsWith(DEAD_LETTER + "  parked "), lines.get(0));
        assertTrue(lines.get(0).endsWith("550 5.1.1 <bkpsdm.kab-kepahiang@pemda.example>: Recipient address rejected:"
                + " User unknown"), lines.get(0));
        assertTrue(lines.get(1).endsWith("delivery uncertain: the hub stopped while sending this case"), lines.get(1));
        assertTrue(lines.get(2).startsWith("2 dead-lettered case(s) in "), lines.get(2));
        assertTrue(dueAt(DEAD_LETTER).isEmpty(), "listing marks nothing");
    }

    @Test
    void theNamedDeadLettersAreMarkedAndAnUnknownIdIsExitOne() throws Exception {
        CommandLine replay = CommandLine.run(home, "replay", DEAD_LETTER, DEFERRED);

        assertEquals(1, replay.exit(), replay.out());
        assertTrue(replay.out().startsWith("queued " + DEAD_LETTER + "  (the SMTP server refused the email for good"),
                replay.out());
        assertTrue(replay.out().contains("1 case(s) queued for replay in "), replay.out());
        assertTrue(replay.err().startsWith("not dead-lettered: " + DEFERRED + " (no dead letter of that id in "),
                replay.err());
        assertTrue(dueAt(DEAD_LETTER).isPresent());
        assertTrue(dueAt(OTHER_DEAD_LETTER).isEmpty());

        CommandLine all = CommandLine.run(home, "replay", "--all");
        assertEquals(0, all.exit(), all.err());
        assertTrue(all.out().contains("2 case(s) queued for replay"), all.out());
        assertTrue(dueAt(OTHER_DEAD_LETTER).isPresent());
    }

    @Test
    void aStoreHeldByTheRunningHubIsSaidToBeAndNothingIsMarked() throws Exception {
        // The running hub: another process holding the H2 file open.
        Process holder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "org.h2.tools.Shell",
                "-url", "jdbc:h2:file:" + home.resolve("data/state/hub").toAbsolutePath(), "-user", "hub", "-password", "")
                .redirectErrorStream(true).start();
        try (OutputStream commands = holder.getOutputStream();
             BufferedReader answers = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8))) {
            commands.write("SELECT 'holding' || 'now';\n".getBytes(StandardCharsets.UTF_8));
            commands.flush();
            String line;
            while ((line = answers.readLine()) != null && !line.contains("holdingnow")) {
                assertTrue(holder.isAlive(), "the H2 shell stopped: " + line);
            }

            CommandLine replay = CommandLine.run(home, "replay", DEAD_LETTER);

            assertEquals(1, replay.exit(), replay.out());
            assertEquals("", replay.out());
            assertTrue(replay.err().startsWith("replay cannot open the embedded state store "), replay.err());
            assertTrue(replay.err().contains("the running hub holds it, and H2 admits one process at a time. Stop the"
                    + " hub, run replay, then start the hub"), replay.err());
            assertTrue(replay.err().contains("With PostgreSQL, hub.state.url, replay works while the hub runs"),
                    replay.err());
            assertEquals(1, replay.err().lines().count(), replay.err());
        } finally {
            holder.destroy();
            holder.waitFor(30, TimeUnit.SECONDS);
        }
        assertTrue(dueAt(DEAD_LETTER).isEmpty());
    }

    private Optional<?> dueAt(String caseId) throws Exception {
        JdbcConnectionPool state = MigratedH2.inFile(home.resolve("data/state/hub"));
        try {
            return table(state).list(Kind.DEAD_LETTER).stream().filter(p -> p.caseId().equals(caseId)).findFirst()
                    .orElseThrow().dueAt();
        } finally {
            shutDown(state);
        }
    }

    private static ParkedCaseTable table(JdbcConnectionPool state) {
        return new ParkedCaseTable(state, Clock.systemUTC(), new ClusterNode("test", Duration.ofSeconds(30)),
                Duration.ofSeconds(30));
    }

    private static void shutDown(JdbcConnectionPool state) throws Exception {
        try (Connection connection = state.getConnection(); Statement sql = connection.createStatement()) {
            sql.execute("SHUTDOWN");
        }
        state.dispose();
    }

    private static ViolationCase parkedCase(String caseId) {
        return new ViolationCase(caseId, new Report(ReportSource.email("<p@pelapor.example>"), null,
                LocalDate.of(2024, 10, 5), "197803122003121004", null, null, null, SubjectType.ASN, null, null, null,
                "uraian", null, List.of(), null, null));
    }
}
