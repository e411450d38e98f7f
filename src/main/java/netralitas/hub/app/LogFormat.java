package netralitas.hub.app;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Properties;
import java.util.function.UnaryOperator;

/**
 * Chooses the log output, {@code text} (shipped) or {@code json} (one JSON object per line, for log collectors), from
 * {@code hub.log.format}. Log4j reads its configuration when the first logger is created, long before Camel reads
 * properties, so this runs first in {@code main} and resolves the setting itself with the hub's precedence:
 * -D system property, then environment variable, then config/application.properties.
 */
public final class LogFormat {

    static final String KEY = "hub.log.format";
    static final String ENVIRONMENT_VARIABLE = "HUB_LOG_FORMAT";
    static final String LOG4J_CONFIGURATION_PROPERTY = "log4j2.configurationFile";
    /** On the classpath next to the default log4j2.xml; the prefix keeps a same-named file in the working folder out. */
    static final String JSON_CONFIGURATION = "classpath:log4j2-json.xml";

    private LogFormat() {
    }

    /** Points Log4j at the JSON configuration when the setting says json; call before anything logs. */
    public static void apply(Path home) {
        // An operator who names a Log4j configuration explicitly keeps it.
        if (System.getProperty(LOG4J_CONFIGURATION_PROPERTY) != null) {
            return;
        }
        if (resolve(home, System::getProperty, System::getenv).equals("json")) {
            System.setProperty(LOG4J_CONFIGURATION_PROPERTY, JSON_CONFIGURATION);
        }
    }

    /** {@code text} or {@code json}; an empty setting means text, anything else is refused with the key named. */
    static String resolve(Path home, UnaryOperator<String> systemProperties, UnaryOperator<String> environment) {
        String value = systemProperties.apply(KEY);
        if (value == null) {
            value = environment.apply(ENVIRONMENT_VARIABLE);
        }
        if (value == null) {
            value = fromPropertiesFile(home.resolve("config/application.properties"));
        }
        String format = value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
        if (format.isEmpty()) {
            return "text";
        }
        if (!format.equals("text") && !format.equals("json")) {
            throw new IllegalArgumentException("Setting " + KEY + " (environment variable " + ENVIRONMENT_VARIABLE
                    + ") must be text or json, not '" + value.trim() + "'");
        }
        return format;
    }

    private static String fromPropertiesFile(Path file) {
        // A missing file is reported by HubMain, with the hint where the hub looks: not this class's job.
        if (!Files.isRegularFile(file)) {
            return null;
        }
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(file); Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
        return properties.getProperty(KEY);
    }
}
