package netralitas.hub.testing;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Debian's {@code chromium} run headless on a local HTML file, as a reader's browser or mail client would show it:
 * a screenshot, or the DOM after the page's scripts ran. No network (the pages are self-contained), a throw-away
 * profile per run. Where Chromium is missing a test is skipped with the reason, except in CI (the {@code CI}
 * environment variable set), where a missing browser fails the test: .ci/run installs it.
 */
public final class HeadlessChromium {

    private static final List<String> CANDIDATES = List.of("/usr/bin/chromium", "/usr/bin/chromium-browser",
            "/usr/bin/google-chrome");
    private static final long TIMEOUT_SECONDS = 120;

    private final Path executable;
    private final Path work;

    private HeadlessChromium(Path executable, Path work) {
        this.executable = executable;
        this.work = work;
    }

    /**
     * The browser named by the {@code CHROMIUM} environment variable, else the first of the usual paths.
     *
     * @param work a folder for profiles and logs
     */
    public static HeadlessChromium requireOrSkip(Path work) {
        Optional<Path> found = Stream.concat(Optional.ofNullable(System.getenv("CHROMIUM")).stream(), CANDIDATES.stream())
                .map(Path::of).filter(Files::isExecutable).findFirst();
        if (found.isEmpty()) {
            String reason = "Chromium not found (" + String.join(", ", CANDIDATES) + ", or $CHROMIUM);"
                    + " install it with: apt-get install -y chromium";
            if (System.getenv("CI") != null) {
                Assertions.fail(reason + " — required in CI");
            }
            Assumptions.abort(reason + " — test skipped");
        }
        return new HeadlessChromium(found.get(), work);
    }

    /** A PNG of the page's first {@code height} pixels at a window {@code width} pixels wide. */
    public Path screenshot(Path html, Path png, int width, int height) throws IOException, InterruptedException {
        Files.deleteIfExists(png);
        run(List.of("--hide-scrollbars", "--window-size=" + width + "," + height,
                "--screenshot=" + png.toAbsolutePath(), html.toUri().toString()), "screenshot-" + png.getFileName());
        if (!Files.isRegularFile(png)) {
            Assertions.fail("Chromium wrote no screenshot " + png + "; its log is in " + work);
        }
        return png;
    }

    /** The page's DOM once its scripts ran, at a window {@code width} pixels wide. */
    public String dumpDom(Path html, int width, int height) throws IOException, InterruptedException {
        return run(List.of("--hide-scrollbars", "--window-size=" + width + "," + height, "--virtual-time-budget=5000",
                "--run-all-compositor-stages-before-draw", "--dump-dom", html.toUri().toString()),
                "dom-" + html.getFileName());
    }

    private String run(List<String> arguments, String name) throws IOException, InterruptedException {
        Path profile = Files.createDirectories(work.resolve("profile-" + name));
        Path out = work.resolve(name + ".out");
        Path log = work.resolve(name + ".log");
        List<String> command = new ArrayList<>(List.of(executable.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-dev-shm-usage", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--disable-extensions", "--user-data-dir=" + profile.toAbsolutePath()));
        command.addAll(arguments);
        Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(log.toFile()).start();
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            Assertions.fail("Chromium did not finish within " + TIMEOUT_SECONDS + " s: " + command + "; log " + log);
        }
        if (process.exitValue() != 0) {
            Assertions.fail("Chromium exited with " + process.exitValue() + ": " + command + "\n" + Files.readString(log));
        }
        return Files.readString(out, StandardCharsets.UTF_8);
    }
}
