package netralitas.hub.app;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HubMainTest {

    @Test
    void aFolderWithoutTheHubsConfigurationIsNamedInOneLine(@TempDir Path elsewhere) throws Exception {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = HubMain.run(List.of("audit", "verify"), elsewhere, System.out, new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(2, exit);
        String message = err.toString(StandardCharsets.UTF_8);
        assertTrue(message.contains("no config/application.properties under " + elsewhere), message);
        assertTrue(message.contains("HUB_HOME"), message);
    }

    @Test
    void anUnknownCommandPrintsTheUsage() throws Exception {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = HubMain.run(List.of("frobnicate"), Path.of("").toAbsolutePath(), System.out,
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(2, exit);
        assertEquals("Unknown netralitas-hub command: frobnicate (try: netralitas-hub --help)" + System.lineSeparator(),
                err.toString(StandardCharsets.UTF_8));
    }
}
