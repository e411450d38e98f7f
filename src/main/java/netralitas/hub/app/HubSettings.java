package netralitas.hub.app;

import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;

import java.nio.file.Path;
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
        context.getPropertiesComponent().setLocation(Hub.propertiesLocation(home));
        return new HubSettings(context, home);
    }

    public Optional<String> optional(String key) {
        return context.getPropertiesComponent().resolveProperty(key).map(String::trim).filter(v -> !v.isEmpty());
    }

    /** A setting the hub cannot run without; the message names the property and its environment variable. */
    public String required(String key) {
        return optional(key).orElseThrow(() -> new IllegalStateException(
                "Missing setting " + key + " (environment variable " + environmentName(key) + ")"));
    }

    public String string(String key, String fallback) {
        return optional(key).orElse(fallback);
    }

    public int integer(String key, int fallback) {
        return optional(key).map(Integer::parseInt).orElse(fallback);
    }

    public long longValue(String key, long fallback) {
        return optional(key).map(Long::parseLong).orElse(fallback);
    }

    public boolean bool(String key, boolean fallback) {
        return optional(key).map(Boolean::parseBoolean).orElse(fallback);
    }

    public Path path(String key, String fallback) {
        return home.resolve(string(key, fallback)).normalize();
    }

    public Path home() {
        return home;
    }

    public Path configDir() {
        return path("hub.config-dir", "config");
    }

    public Path dataDir() {
        return path("hub.data-dir", "data");
    }

    public Path auditDir() {
        return dataDir().resolve("audit");
    }

    static String environmentName(String key) {
        return key.toUpperCase(java.util.Locale.ROOT).replace('.', '_').replace('-', '_');
    }
}
