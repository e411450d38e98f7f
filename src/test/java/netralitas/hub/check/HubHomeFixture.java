package netralitas.hub.check;

import netralitas.hub.testing.FolderCopy;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * A hub home in a temporary directory holding a copy of the project's config/ (tests run from the project root),
 * with the settings of its application.properties, which a test may override or remove one by one.
 */
final class HubHomeFixture {

    final Path home;
    final Path config;
    private final Map<String, String> settings = new HashMap<>();
    private final Map<String, String> commandLine = new HashMap<>();

    private HubHomeFixture(Path home) {
        this.home = home;
        this.config = home.resolve("config");
    }

    static HubHomeFixture copyOfProjectConfig(Path home) throws IOException {
        HubHomeFixture fixture = new HubHomeFixture(home);
        FolderCopy.copy(Path.of("config"), fixture.config);
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(fixture.config.resolve("application.properties"), StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        properties.stringPropertyNames().forEach(key -> fixture.settings.put(key, properties.getProperty(key)));
        return fixture;
    }

    /** What HubSettings::optional gives: the value trimmed, empty when blank or absent. */
    SettingSource settings() {
        return key -> Optional.ofNullable(settings.get(key)).map(String::trim).filter(v -> !v.isEmpty());
    }

    HubHomeFixture set(String key, String value) {
        settings.put(key, value);
        return this;
    }

    /** A setting given as -D: it overrides the others, as a system property does. */
    HubHomeFixture commandLine(String key, String value) {
        commandLine.put(key, value);
        return set(key, value);
    }

    /** The -D options of {@link #commandLine}, and the fixture's config/application.properties as it is on disk. */
    SettingOrigins origins() {
        SettingOrigins file = SettingOrigins.of(home);
        return new SettingOrigins(key -> Optional.ofNullable(commandLine.get(key)), file.propertiesFile());
    }

    HubHomeFixture remove(String key) {
        settings.remove(key);
        return this;
    }

    /** Every setting production mode needs, pointing at servers that need not exist (the configuration check contacts none). */
    HubHomeFixture production() {
        return set("hub.embedded", "false")
                .set("hub.smtp.host", "smtp.bawaslu.example")
                .set("hub.imap.host", "imap.bawaslu.example")
                .set("hub.imap.username", "laporan@bawaslu.example")
                .set("hub.imap.password", "imap-password-contoh")
                .set("hub.bkn.base-url", "https://api.bkn.example/apisiasn/1.0")
                .set("hub.bkn.token-url", "https://sso.bkn.example/oauth2/token")
                .set("hub.bkn.consumer-key", "kunci-konsumen-contoh")
                .set("hub.bkn.consumer-secret", "rahasia-konsumen-contoh")
                .set("hub.audit.reporter-secret", "kunci-pseudonim-pelapor-contoh")
                .set("hub.audit.chain-key", "kunci-rantai-audit-contoh-yang-panjang");
    }

    List<CheckProblem> check(boolean embedded) {
        return findings(embedded).problems();
    }

    ConfigurationCheck.Findings findings(boolean embedded) {
        return new ConfigurationCheck(home, settings(), origins(), embedded).findings();
    }

    /** Replaces the first occurrence of {@code from} in a config file, failing when it is absent (a stale fixture). */
    void edit(String file, String from, String to) throws IOException {
        Path path = config.resolve(file);
        String text = Files.readString(path, StandardCharsets.UTF_8);
        int at = text.indexOf(from);
        if (at < 0) {
            throw new IllegalStateException(file + " no longer contains " + from);
        }
        Files.writeString(path, text.substring(0, at) + to + text.substring(at + from.length()), StandardCharsets.UTF_8);
    }

    /** The 1-based line of the first line of a config file containing {@code text}. */
    long lineOf(String file, String text) throws IOException {
        List<String> lines = Files.readAllLines(config.resolve(file), StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(text)) {
                return i + 1;
            }
        }
        throw new IllegalStateException(file + " has no line containing " + text);
    }
}
