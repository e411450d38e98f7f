package netralitas.hub.bench;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import static org.junit.jupiter.api.Assertions.assertEquals;

class AuditTallyTest {

    @TempDir
    Path dir;

    private void append(String file, String text) throws IOException {
        Files.writeString(dir.resolve(file), text, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    @Test
    void countsWholeLinesAndPicksUpTheRestLater() throws IOException {
        AuditTally tally = new AuditTally(dir);
        append("audit-2024-10-08.jsonl", "{\"caseId\":\"A\",\"event\":\"RECEIVED\",\"seq\":1}\n"
                + "{\"caseId\":\"A\",\"detail\":{\"event\":\"NOT_ME\"},\"event\":\"DELIVERED\",\"seq\":2}\n"
                + "{\"caseId\":\"B\",\"event\":\"REC");

        tally.update();
        assertEquals(1, tally.count("RECEIVED"));
        assertEquals(1, tally.count("DELIVERED"));
        assertEquals(0, tally.count("NOT_ME"), "a nested event field is not the line's event");

        append("audit-2024-10-08.jsonl", "EIVED\",\"seq\":3}\n");
        append("audit-2024-10-09.jsonl", "{\"event\":\"REJECTED\"}\n\n");
        tally.update();
        assertEquals(2, tally.count("RECEIVED"));
        assertEquals(1, tally.count("REJECTED"));
        assertEquals(0, tally.malformedLines());

        tally.update();
        assertEquals(2, tally.count("RECEIVED"), "nothing is counted twice");
    }

    @Test
    void otherFilesAndBrokenLinesAreNotEvents() throws IOException {
        append("notes.txt", "{\"event\":\"RECEIVED\"}\n");
        append("audit-2024-10-08.jsonl", "not json\n{\"event\":7}\n{\"event\":\"CLOSED\"}\n");
        AuditTally tally = new AuditTally(dir);
        tally.update();
        assertEquals(0, tally.count("RECEIVED"));
        assertEquals(1, tally.count("CLOSED"));
        assertEquals(2, tally.malformedLines());
    }

    @Test
    void aMissingDirectoryIsAnEmptyTrail() throws IOException {
        assertEquals(0, new AuditTally(dir.resolve("absent")).update().size());
    }
}
