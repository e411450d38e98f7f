package netralitas.hub.app;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every command answers {@code --help} from any folder, with no hub configuration and without creating anything there;
 * a usage error is one line naming the problem and the command's {@code --help}, exit 2.
 */
class CommandLineHelpTest {

    @TempDir
    Path elsewhere;

    @ParameterizedTest
    @ValueSource(strings = {"", "run", "check", "route", "replay", "audit", "audit show", "audit verify", "audit export",
            "audit stats", "audit report", "audit pseudonym", "generate-completion"})
    void helpNeedsNoHubFolderAndTouchesNothing(String command) throws Exception {
        String[] words = command.isEmpty() ? new String[0] : command.split(" ");
        for (String help : new String[]{"--help", "-h"}) {
            CommandLine run = CommandLine.run(elsewhere, Stream.concat(Stream.of(words), Stream.of(help))
                    .toArray(String[]::new));
            assertEquals(0, run.exit(), run.err());
            assertTrue(run.out().startsWith("Usage: netralitas-hub" + (command.isEmpty() ? "" : " " + command)), run.out());
            assertEquals("", run.err());
        }
        try (Stream<Path> created = Files.list(elsewhere)) {
            assertEquals(0, created.count(), "--help created nothing in the folder it ran from");
        }
    }

    @Test
    void auditHelpStaysAnAliasOfAuditHelpOption() throws Exception {
        CommandLine run = CommandLine.run(elsewhere, "audit", "help");
        assertEquals(0, run.exit());
        assertTrue(run.out().contains("netralitas-hub audit report --out <file.html> [--from YYYY-MM-DD]"), run.out());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "replay --frob                 | Unknown replay option: --frob (try: netralitas-hub replay --help)",
            "audit export --to             | --to needs a value (try: netralitas-hub audit export --help)",
            "audit show                    | show needs <case id> (try: netralitas-hub audit show --help)",
            "route --offline x.csv         | route needs --dry-run (try: netralitas-hub route --help)",
            "replay                        | replay needs case ids or --all (try: netralitas-hub replay --help)",
            "audit export --from 27-11-2024 | Invalid value for option '--from': must be a date as YYYY-MM-DD, was 27-11-2024"})
    void aUsageErrorIsOneLineAndExitTwo(String command, String line) throws Exception {
        CommandLine run = CommandLine.run(elsewhere, command.split(" "));
        assertEquals(2, run.exit(), run.err());
        assertEquals(1, run.err().lines().count(), run.err());
        assertTrue(run.err().startsWith(line), run.err());
        assertEquals("", run.out());
        try (Stream<Path> created = Files.list(elsewhere)) {
            assertEquals(0, created.count(), "a usage error created nothing");
        }
    }

    @Test
    void theCompletionScriptNamesEveryCommand() throws Exception {
        CommandLine run = CommandLine.run(elsewhere, "generate-completion");
        assertEquals(0, run.exit(), run.err());
        for (String command : new String[]{"check", "route", "replay", "audit", "export", "--incident-from", "pseudonym"}) {
            assertTrue(run.out().contains(command), command);
        }
        assertTrue(run.out().contains("complete -F _complete_netralitas-hub"), run.out().lines().limit(5).toList()
                .toString());
    }
}
