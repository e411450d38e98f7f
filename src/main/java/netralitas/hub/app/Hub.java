package netralitas.hub.app;

import netralitas.hub.camel.HubConfiguration;
import netralitas.hub.dryrun.DryRunConfiguration;
import netralitas.hub.settings.HubSettings;
import org.apache.camel.CamelContext;
import org.apache.camel.main.Main;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * The running hub: a camel-main application whose routes come from {@code routes/*.camel.yaml} and whose settings come
 * from {@code config/application.properties}, both under the hub home.
 */
public final class Hub {

    static {
        // Angus Mail looks its stream provider up through ServiceLoader for every message it reads or writes
        // (~0.2 ms a lookup, several per mail); naming the provider makes the lookup a class load.
        System.getProperties().putIfAbsent("jakarta.mail.util.StreamProvider", "org.eclipse.angus.mail.util.MailStreamProvider");
    }

    /** The route files whose routes decide where a case goes: what a dry run runs (enrich only when it asks BKN). */
    private static final List<String> DECIDING_ROUTES = List.of("enrich.camel.yaml", "classify.camel.yaml", "route.camel.yaml");

    /** Settings naming a folder, relative to the hub home unless absolute. */
    private static final List<String> FOLDER_SETTINGS = List.of("hub.config-dir", "hub.data-dir", "hub.csv.drop-dir");

    private final Main main;

    private Hub(Main main) {
        this.main = main;
    }

    public static Hub create(Path home) {
        return create(home, Map.of());
    }

    /** {@code overrides} win over every other source of settings; tests use them to point the hub at their servers. */
    public static Hub create(Path home, Map<String, String> overrides) {
        Main main = new Main();
        main.configure().addConfiguration(HubConfiguration.class);
        main.setPropertyPlaceholderLocations(HubSettings.propertiesLocation(home));
        main.addOverrideProperty("hub.home", home.toString());
        // The routes use these folders as they are written; relative ones mean the hub home, not the working directory.
        HubSettings settings = HubSettings.load(home);
        for (String folder : FOLDER_SETTINGS) {
            main.addOverrideProperty(folder, settings.path(folder).toAbsolutePath().toString());
        }
        main.addOverrideProperty("camel.main.routes-include-pattern",
                "file:" + home.resolve("routes").toAbsolutePath() + "/*.camel.yaml");
        // Hot reload (hub.routes.reload) watches the same folder the routes were loaded from.
        main.addOverrideProperty("camel.main.routes-reload-directory", home.resolve("routes").toAbsolutePath().toString());
        overrides.forEach(main::addOverrideProperty);
        return new Hub(main);
    }

    /**
     * The hub's own routes enrich, classify and route, as they are in {@code routes/}, with the beans of
     * {@link DryRunConfiguration}: no consumer, no delivery, no state, no management port (a hub may be running).
     */
    static Main dryRun(Path home, boolean askBkn, Consumer<String> progressLog) {
        Main main = new Main();
        main.configure().addConfiguration(new DryRunConfiguration(askBkn, progressLog));
        main.setPropertyPlaceholderLocations(HubSettings.propertiesLocation(home));
        main.addOverrideProperty("hub.home", home.toString());
        Path routes = home.resolve("routes").toAbsolutePath();
        main.addOverrideProperty("camel.main.routes-include-pattern", DECIDING_ROUTES.stream()
                .filter(name -> askBkn || !name.startsWith("enrich"))
                .map(name -> "file:" + routes.resolve(name)).collect(Collectors.joining(",")));
        main.addOverrideProperty("camel.main.routes-reload-enabled", "false");
        main.addOverrideProperty("camel.management.enabled", "false");
        return main;
    }

    /** Runs until the JVM is asked to stop (Ctrl+C, SIGTERM). */
    public void run() throws Exception {
        main.run();
    }

    public void start() {
        main.start();
    }

    public void stop() {
        main.stop();
    }

    public CamelContext camelContext() {
        return main.getCamelContext();
    }
}
