package netralitas.hub.settings;

import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * Typed access to the hub's properties, resolved by Camel's properties component so that the same precedence holds
 * everywhere: -D system property, then environment variable ({@code hub.smtp.host} ← {@code HUB_SMTP_HOST}), then
 * config/application.properties. Relative paths are resolved against the hub home.
 */
public final class HubSettings {

    private final CamelContext context;
    private final Path home;

    public HubSettings(CamelContext context, Path home) {
        this.context = context;
        this.home = home;
    }

    /** For commands that read state without starting the hub (audit, replay …). */
    public static HubSettings load(Path home) {
        CamelContext context = new DefaultCamelContext();
        context.getPropertiesComponent().setLocation(propertiesLocation(home));
        return new HubSettings(context, home);
    }

    /** Where the settings file of a hub home is, as Camel's properties component names a location. */
    public static String propertiesLocation(Path home) {
        return "file:" + home.resolve("config/application.properties").toAbsolutePath();
    }

    /** The same rule as Camel's: {@code hub.smtp.host} ← {@code HUB_SMTP_HOST}. */
    public static String environmentName(String key) {
        return key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    public Optional<String> optional(String key) {
        return context.getPropertiesComponent().resolveProperty(key).map(String::trim).filter(v -> !v.isEmpty());
    }

    /** A setting the hub cannot run without; the message names the property and its environment variable. */
    public String required(String key) {
        return optional(key).orElseThrow(() -> new IllegalStateException(
                "Missing setting " + key + " (environment variable " + environmentName(key) + ")"));
    }

    // Typed settings have their default in config/application.properties only: one place to read and change it.

    public int integer(String key) {
        return parse(key, Integer::parseInt);
    }

    public long longValue(String key) {
        return parse(key, Long::parseLong);
    }

    public boolean bool(String key) {
        String value = required(key);
        if (!value.equalsIgnoreCase("true") && !value.equalsIgnoreCase("false")) {
            throw new IllegalStateException("Setting " + key + " must be true or false, not '" + value + "'");
        }
        return Boolean.parseBoolean(value);
    }

    public Path path(String key) {
        return home.resolve(required(key)).normalize();
    }

    private <T> T parse(String key, java.util.function.Function<String, T> parser) {
        String value = required(key);
        try {
            return parser.apply(value);
        } catch (NumberFormatException e) {
            throw new IllegalStateException("Setting " + key + " must be a whole number, not '" + value + "'");
        }
    }

    public Path configDir() {
        return path("hub.config-dir");
    }

    public Path dataDir() {
        return path("hub.data-dir");
    }

    public Path auditDir() {
        return dataDir().resolve("audit");
    }

    /**
     * This node's name in the shared state store (SPEC §11): hub.node-id, else the host name. Two nodes with one name
     * would take each other's claims for their own: on one machine, give each node its own.
     */
    public String nodeId() {
        return optional("hub.node-id").orElseGet(() -> {
            try {
                return InetAddress.getLocalHost().getHostName();
            } catch (UnknownHostException e) {
                throw new IllegalStateException("The host name cannot be read (" + e.getMessage() + "): set hub.node-id"
                        + " (environment variable " + environmentName("hub.node-id") + ")", e);
            }
        });
    }
}
