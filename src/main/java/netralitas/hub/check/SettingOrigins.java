package netralitas.hub.check;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;

/**
 * Where a deployer wrote a setting, beyond its value: a secret belongs in the environment only (SPEC §9), because a
 * {@code -D} option is readable by every user of the machine ({@code ps}, {@code /proc/<pid>/cmdline}) and
 * config/application.properties is copied, versioned and backed up with the hub.
 *
 * @param commandLine    the JVM's system properties ({@code -D})
 * @param propertiesFile the values written in config/application.properties, whatever overrides them
 */
public record SettingOrigins(SettingSource commandLine, SettingSource propertiesFile) {

    /** This JVM's system properties and the hub home's config/application.properties. */
    public static SettingOrigins of(Path home) {
        Properties file = new Properties();
        Path path = home.resolve("config/application.properties");
        if (Files.isRegularFile(path)) {
            try (InputStream in = Files.newInputStream(path)) {
                file.load(in);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read " + path, e);
            }
        }
        return new SettingOrigins(key -> nonBlank(System.getProperty(key)), key -> nonBlank(file.getProperty(key)));
    }

    private static Optional<String> nonBlank(String value) {
        return Optional.ofNullable(value).map(String::strip).filter(v -> !v.isEmpty());
    }
}
