package netralitas.hub.cases;

import java.io.IOException;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;

/**
 * Cases the hub could not finish (after its retries) are parked here, one file per case with the reason beside it, so
 * that nothing is lost and an operator can see and replay them. Written to a temporary name and moved into place, so a
 * crash never leaves half a case.
 */
public final class DeadLetterStore {

    private final Path dir;
    private final Clock clock;

    public DeadLetterStore(Path dir, Clock clock) throws IOException {
        this.dir = Files.createDirectories(dir);
        this.clock = clock;
    }

    /** Returns the file holding the parked case. */
    public synchronized Path park(ViolationCase violationCase, String reason) throws IOException {
        String name = violationCase.getCaseId();
        Path caseFile = dir.resolve(name + ".case");
        Path temp = dir.resolve(name + ".case.tmp");
        try (OutputStream out = Files.newOutputStream(temp); ObjectOutputStream objects = new ObjectOutputStream(out)) {
            objects.writeObject(violationCase);
        }
        Files.writeString(dir.resolve(name + ".reason.txt"),
                clock.instant() + " " + violationCase.getReport().source() + System.lineSeparator() + reason + System.lineSeparator(),
                StandardCharsets.UTF_8);
        return Files.move(temp, caseFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
