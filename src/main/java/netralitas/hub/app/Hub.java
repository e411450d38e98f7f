package netralitas.hub.app;

import netralitas.hub.camel.HubConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.main.Main;

import java.nio.file.Path;
import java.util.Map;

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
        main.setPropertyPlaceholderLocations(propertiesLocation(home));
        main.addOverrideProperty("hub.home", home.toString());
        main.addOverrideProperty("camel.main.routes-include-pattern",
                "file:" + home.resolve("routes").toAbsolutePath() + "/*.camel.yaml");
        // Hot reload (hub.routes.reload) watches the same folder the routes were loaded from.
        main.addOverrideProperty("camel.main.routes-reload-directory", home.resolve("routes").toAbsolutePath().toString());
        overrides.forEach(main::addOverrideProperty);
        return new Hub(main);
    }

    static String propertiesLocation(Path home) {
        return "file:" + home.resolve("config/application.properties").toAbsolutePath();
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
