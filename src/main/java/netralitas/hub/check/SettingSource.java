package netralitas.hub.check;

import java.util.Optional;

/**
 * Where the checks read the hub's settings. The hub passes {@code HubSettings::optional} (system property, then
 * environment variable, then config/application.properties); tests pass a map, so the checks need no Camel.
 */
@FunctionalInterface
public interface SettingSource {

    /** The value of {@code key}, empty when it is not set or blank. */
    Optional<String> get(String key);
}
