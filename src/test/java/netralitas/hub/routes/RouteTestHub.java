package netralitas.hub.routes;

import netralitas.hub.audit.AuditEvent;
import netralitas.hub.audit.AuditLog;
import netralitas.hub.camel.HubConfiguration;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.main.MainConfigurationProperties;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The set-up of a fast route test (camel-test-main-junit5): camel-main as the hub runs it — this project's
 * config/application.properties, the beans of {@link HubConfiguration} as they are, and the route files the test names
 * from routes/ — in production mode with partners that are never contacted: no consumer route is loaded, and the
 * tests replace what would send. State and audit trail live in the test's own folder.
 * <p>
 * Use: {@code @CamelMainTest(propertyPlaceholderLocations = RouteTestHub.PROPERTIES, properties = RouteTestHub.NO_MANAGEMENT)}
 * on the class, and a {@code @Configure} method that calls {@link #applyTo}. A test's own hub settings go into the
 * annotation's {@code properties}: camel-main creates the {@code beans:} of the route files (the redelivery policies)
 * before any configuration class runs, so only those overrides reach every reader.
 */
final class RouteTestHub {

    /** The hub's own settings; the working directory of a Maven test run is the project. */
    static final String PROPERTIES = "file:config/application.properties";

    /**
     * Read by camel-main before any configuration class runs, so it must be an override of the annotation: no
     * management HTTP port (a hub or another test may hold it).
     */
    static final String NO_MANAGEMENT = "camel.management.enabled=false";

    /** The report mailbox (hub.imap.username): one of the hub's own addresses, never acknowledged. */
    static final String REPORT_MAILBOX = "laporan@bawaslu.example";

    private final Path work;
    private final List<String> routeFiles = new ArrayList<>();
    private final Map<String, String> settings = new LinkedHashMap<>();

    private RouteTestHub(Path work) {
        this.work = work;
        settings.put("hub.embedded", "false");
        // Plain-text partners on loopback and secrets given as properties: accepted, with a warning at start.
        settings.put("hub.security.allow-insecure", "true");
        settings.put("hub.data-dir", work.resolve("data").toString());
        settings.put("hub.csv.drop-dir", work.resolve("drop").toString());
        // Required outside embedded mode; nothing connects to them (no consumer is loaded, every send is replaced).
        settings.put("hub.imap.host", "127.0.0.1");
        settings.put("hub.imap.protocol", "imap");
        settings.put("hub.imap.username", REPORT_MAILBOX);
        settings.put("hub.imap.password", "not-used");
        settings.put("hub.smtp.host", "127.0.0.1");
        settings.put("hub.smtp.starttls", "false");
        settings.put("hub.bkn.base-url", "http://127.0.0.1:9/bkn");
        settings.put("hub.bkn.token-url", "http://127.0.0.1:9/token");
        settings.put("hub.bkn.consumer-key", "route-test");
        settings.put("hub.bkn.consumer-secret", "route-test");
        settings.put("hub.audit.reporter-secret", "route-test-reporter-key");
        settings.put("hub.audit.chain-key", "route-test-audit-chain-key-0123456789abcdef");
    }

    /** A hub whose state and audit trail are kept under {@code work}. */
    static RouteTestHub in(Path work) {
        return new RouteTestHub(work);
    }

    /** File names under routes/, loaded as they are. */
    RouteTestHub routes(String... files) {
        routeFiles.addAll(List.of(files));
        return this;
    }

    /** The hub settings this test hub overrides, for a test that runs HubConfiguration on a context of its own. */
    Map<String, String> settings() {
        return Map.copyOf(settings);
    }

    /** A route file of the test's own (an edited copy of one under routes/), loaded instead of routes/ of that name. */
    RouteTestHub route(Path file) {
        routeFiles.add(file.toAbsolutePath().toString());
        return this;
    }

    void applyTo(MainConfigurationProperties configuration) {
        // First: HubConfiguration reads the settings when it builds the beans.
        configuration.addConfiguration(new TestSettings(Map.copyOf(settings)));
        configuration.addConfiguration(new HubConfiguration());
        configuration.withRoutesIncludePattern(routeFiles.stream()
                .map(file -> Path.of(file).isAbsolute() ? "file:" + file : "file:routes/" + file)
                .collect(Collectors.joining(",")));
    }

    /** Every event of the audit trail so far. */
    List<AuditEvent> audit() throws IOException {
        try (Stream<AuditEvent> events = new AuditLog(work.resolve("data/audit")).events()) {
            return events.toList();
        }
    }

    /** The events recorded for one case id (or, with no case, for one source). */
    List<AuditEvent> auditOf(String caseIdOrSource) throws IOException {
        return audit().stream()
                .filter(e -> caseIdOrSource.equals(e.caseId()) || caseIdOrSource.equals(e.source()))
                .toList();
    }

    private record TestSettings(Map<String, String> settings) implements CamelConfiguration {
        @Override
        public void configure(CamelContext context) {
            settings.forEach(context.getPropertiesComponent()::addOverrideProperty);
        }
    }
}
