package netralitas.hub.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Copies folders of the project (config/, routes/) into a test's own hub home, where the test may change them. */
public final class FolderCopy {

    private FolderCopy() {
    }

    /** A hub home of the project's config/ and routes/ (tests run in the project folder); returns {@code home}. */
    public static Path hubHome(Path home) throws IOException {
        copy(Path.of("config"), home.resolve("config"));
        copy(Path.of("routes"), home.resolve("routes"));
        return home;
    }

    public static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                }
            }
        }
    }
}
