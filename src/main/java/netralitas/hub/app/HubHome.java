package netralitas.hub.app;

import java.nio.file.Path;

/** The folder holding config/ and routes/: HUB_HOME when set, else the working directory (SPEC §2). */
public final class HubHome {

    private HubHome() {
    }

    public static Path fromEnvironment() {
        String home = System.getenv("HUB_HOME");
        return Path.of(home == null || home.isBlank() ? "." : home).toAbsolutePath().normalize();
    }
}
