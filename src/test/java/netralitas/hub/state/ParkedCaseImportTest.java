package netralitas.hub.state;

import netralitas.hub.cases.CaseJson;
import netralitas.hub.cases.LegacyCaseFile;
import netralitas.hub.state.ParkedCaseTable.Kind;
import netralitas.hub.state.ParkedCaseTable.ParkedCase;
import netralitas.hub.testing.MutableClock;
import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The parked cases of release 0.1 (the fixture src/test/resources/upgrade/release-0.1, see its README.md) become rows
 * with their reasons and the time they were parked; their files are kept under data/imported-0.1; a file that cannot be
 * read stays where it is, named with the reason. Works on a copy of the fixture.
 */
class ParkedCaseImportTest {

    private static final String DEAD_LETTER = "NH-20241024-XHRCGTPT";
    private static final String DEFERRED_BY_SMTP = "NH-20241021-5KD9ND3J";
    private static final String DEFERRED_BY_BKN = "NH-20241023-HQ2BD33R";

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-07T01:00:00Z"));
    private JdbcConnectionPool store;
    private ParkedCaseTable table;

    @BeforeEach
    void open() {
        store = MigratedH2.inMemory("import");
        table = new ParkedCaseTable(store, clock, new ClusterNode("node-a", Duration.ofSeconds(30)), Duration.ofSeconds(30));
    }

    @AfterEach
    void close() {
        store.dispose();
    }

    @Test
    void theCasesOfRelease01BecomeRowsAndTheirFilesAreKeptAside(@TempDir Path copy) throws Exception {
        Path data = copyOfFixture(copy);

        ParkedCaseImport.Outcome outcome = ParkedCaseImport.run(data, table, clock);

        assertEquals(List.of("deferred " + DEFERRED_BY_SMTP, "deferred " + DEFERRED_BY_BKN, "dead letter " + DEAD_LETTER),
                outcome.imported());
        assertEquals(List.of(), outcome.leftBehind());
        List<ParkedCase> deferred = table.list(Kind.DEFERRED);
        assertEquals(List.of(DEFERRED_BY_SMTP, DEFERRED_BY_BKN), deferred.stream().map(ParkedCase::caseId).toList());
        assertEquals("451 4.3.0 Mail server temporarily rejected message", deferred.get(0).reason());
        assertEquals(Instant.parse("2026-12-06T07:57:52.496518Z"), deferred.get(0).parkedAt(), "from the reason file");
        assertEquals(Optional.of(clock.instant()), deferred.get(0).dueAt(), "due at once, as release 0.1 would have it");
        assertEquals("org.apache.hc.core5.http.NoHttpResponseException: The target server failed to respond",
                deferred.get(1).reason());
        List<ParkedCase> deadLetters = table.list(Kind.DEAD_LETTER);
        assertEquals(1, deadLetters.size());
        assertEquals("the SMTP server refused the email for good: 550 5.1.1 <bkpsdm.kab-kepahiang@pemda.example>:"
                + " Recipient address rejected: User unknown", deadLetters.get(0).reason());
        assertEquals(Optional.empty(), deadLetters.get(0).dueAt(), "waits for replay");
        assertFalse(deadLetters.get(0).reason().contains("lap-011-wahyu"), "the reporter's Message-ID stays behind");

        // The row holds the case as JSON, the same case the file held.
        Path kept = data.resolve("imported-0.1/dead-letter/" + DEAD_LETTER + ".case");
        assertEquals(CaseJson.write(LegacyCaseFile.readCaseFile(kept)), caseJson(DEAD_LETTER));

        assertEquals(List.of(), files(data.resolve("deferred")));
        assertEquals(List.of(), files(data.resolve("dead-letter")));
        assertEquals(List.of("dead-letter/" + DEAD_LETTER + ".case", "dead-letter/" + DEAD_LETTER + ".reason.txt",
                "deferred/" + DEFERRED_BY_SMTP + ".case", "deferred/" + DEFERRED_BY_SMTP + ".reason.txt",
                "deferred/" + DEFERRED_BY_BKN + ".case", "deferred/" + DEFERRED_BY_BKN + ".reason.txt"),
                files(data.resolve("imported-0.1")));

        assertEquals(List.of(), ParkedCaseImport.run(data, table, clock).imported(), "the next start finds nothing");
    }

    @Test
    void aCaseOnItsWayBackIsImportedToo(@TempDir Path copy) throws Exception {
        Path data = copyOfFixture(copy);
        Path replay = Files.createDirectories(data.resolve("dead-letter/replay"));
        Files.move(data.resolve("dead-letter/" + DEAD_LETTER + ".case"), replay.resolve(DEAD_LETTER + ".case"));
        Path inProgress = Files.createDirectories(data.resolve("deferred/inprogress"));
        Files.move(data.resolve("deferred/" + DEFERRED_BY_BKN + ".case"), inProgress.resolve(DEFERRED_BY_BKN + ".case"));

        ParkedCaseImport.run(data, table, clock);

        assertEquals(Optional.of(clock.instant()), table.list(Kind.DEAD_LETTER).get(0).dueAt(),
                "queued for replay by the command of release 0.1: replayed");
        assertEquals(List.of(DEFERRED_BY_SMTP, DEFERRED_BY_BKN),
                table.list(Kind.DEFERRED).stream().map(ParkedCase::caseId).toList());
        assertTrue(Files.exists(data.resolve("imported-0.1/dead-letter/replay/" + DEAD_LETTER + ".case")));
        assertTrue(Files.exists(data.resolve("imported-0.1/deferred/inprogress/" + DEFERRED_BY_BKN + ".case")));
    }

    @Test
    void aFileThatCannotBeReadStaysWhereItIsAndIsNamedWithTheReason(@TempDir Path copy) throws Exception {
        Path data = copyOfFixture(copy);
        Path broken = data.resolve("deferred/NH-20241030-RUSAK001.case");
        Files.writeString(broken, "not a serialized case", StandardCharsets.UTF_8);

        ParkedCaseImport.Outcome outcome = ParkedCaseImport.run(data, table, clock);

        assertEquals(3, outcome.imported().size(), "the others are imported");
        assertEquals(1, outcome.leftBehind().size());
        assertTrue(outcome.leftBehind().get(0).startsWith("deferred/NH-20241030-RUSAK001.case: Case file " + broken
                + " is not a case written by release 0.1"), outcome.leftBehind().get(0));
        assertTrue(Files.exists(broken));
    }

    private String caseJson(String caseId) throws Exception {
        try (Connection connection = store.getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT case_json FROM PARKED_CASES WHERE case_id = ?")) {
            select.setString(1, caseId);
            try (ResultSet row = select.executeQuery()) {
                assertTrue(row.next());
                return row.getString(1);
            }
        }
    }

    private static List<String> files(Path dir) throws Exception {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).map(f -> dir.relativize(f).toString()).sorted().toList();
        }
    }

    static Path copyOfFixture(Path copy) throws Exception {
        Path data = copy.resolve("data");
        Path fixture = Path.of(ParkedCaseImportTest.class.getResource("/upgrade/release-0.1/data").toURI());
        try (Stream<Path> files = Files.walk(fixture)) {
            for (Path file : files.toList()) {
                Files.copy(file, data.resolve(fixture.relativize(file).toString()), StandardCopyOption.COPY_ATTRIBUTES);
            }
        }
        return data;
    }
}
