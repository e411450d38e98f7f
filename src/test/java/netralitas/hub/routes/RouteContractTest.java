package netralitas.hub.routes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import netralitas.hub.audit.AuditEventType;
import netralitas.hub.camel.HubConfiguration;
import netralitas.hub.camel.HubProperties;
import org.apache.camel.Exchange;
import org.apache.camel.component.mail.MailConstants;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The contract between routes/*.camel.yaml and the Java side, checked without running a route: every exchange property
 * a route names is declared in {@link HubProperties} (or is one of Camel's own: Exchange, MailConstants), every bean it refers to is bound by
 * {@link HubConfiguration} (or declared in a route file's {@code beans:}), every bean method it calls is a public method
 * of that bean's class, and every audit event it records is an {@link AuditEventType}. A rename on one side only fails
 * here, not at run time on the first case that takes that branch.
 */
class RouteContractTest {

    private static final Pattern PROPERTY_IN_EXPRESSION = Pattern.compile("\\$\\{exchangeProperty\\.([A-Za-z0-9_]+)");
    private static final Pattern BEAN_IN_SIMPLE = Pattern.compile("\\$\\{bean:([A-Za-z0-9_]+)(?:\\?method=|\\.)([A-Za-z0-9_]+)");
    private static final Pattern BEAN_IN_URI = Pattern.compile("#bean:([A-Za-z0-9_]+)");
    private static final Pattern QUOTED_EVENT = Pattern.compile("'([A-Z_]+)'");

    private static DefaultCamelContext context;
    private static final Map<String, Class<?>> beans = new HashMap<>();

    /** The beans as the hub binds them: HubConfiguration run against a context that is never started. */
    @BeforeAll
    static void bindTheHubsBeans(@TempDir Path work) throws Exception {
        context = new DefaultCamelContext();
        context.getPropertiesComponent().setLocation(RouteTestHub.PROPERTIES);
        RouteTestHub.in(work).settings().forEach(context.getPropertiesComponent()::addOverrideProperty);
        new HubConfiguration().configure(context);
        context.getRegistry().findByTypeWithName(Object.class)
                .forEach((name, bean) -> beans.put(name, bean.getClass()));
    }

    @AfterAll
    static void close() throws IOException {
        context.close();
    }

    @Test
    void everyRouteFileKeepsToTheJavaSide() throws IOException {
        List<Path> files;
        try (Stream<Path> listing = Files.list(Path.of("routes"))) {
            files = listing.filter(file -> file.getFileName().toString().endsWith(".camel.yaml")).sorted().toList();
        }
        assertFalse(files.isEmpty(), "no route files under routes/");
        Map<String, JsonNode> routes = new HashMap<>();
        for (Path file : files) {
            routes.put(file.getFileName().toString(), YAML.readTree(file.toFile()));
        }
        assertEquals("", String.join("\n", violations(routes)), "routes/ and the Java side disagree");
    }

    @Test
    void aPropertyRenamedInARouteFails() throws IOException {
        String deliver = Files.readString(Path.of("routes/deliver.camel.yaml"));
        assertTrue(deliver.contains("${exchangeProperty.hubPurpose}"), "the fixture expects deliver to log hubPurpose");
        String renamed = deliver.replace("${exchangeProperty.hubPurpose}", "${exchangeProperty.hubMailPurpose}");

        List<String> violations = violations(Map.of("deliver.camel.yaml", YAML.readTree(renamed)));

        assertEquals(List.of("deliver.camel.yaml: exchange property hubMailPurpose is not declared in HubProperties"),
                violations);
    }

    @Test
    void anUnknownAuditEventAndBeanMethodFail() throws IOException {
        String classify = Files.readString(Path.of("routes/classify.camel.yaml"))
                .replace("'CLASSIFIED'", "'CLASSIFIED_AS'").replace("method: classify", "method: classifyCase");

        List<String> violations = violations(Map.of("classify.camel.yaml", YAML.readTree(classify)));

        assertEquals(List.of(
                "classify.camel.yaml: audit event CLASSIFIED_AS is not an AuditEventType",
                "classify.camel.yaml: bean caseClassifier (CaseClassifier) has no public method classifyCase"), violations);
    }

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    /** Every disagreement, one line each, sorted: file, what, and the name the Java side lacks. */
    private static List<String> violations(Map<String, JsonNode> routeFiles) {
        Set<String> declaredProperties = stringConstants(HubProperties.class);
        Set<String> camelProperties = stringConstants(Exchange.class);
        camelProperties.addAll(stringConstants(MailConstants.class));
        Set<String> events = Arrays.stream(AuditEventType.values()).map(Enum::name).collect(Collectors.toSet());
        Map<String, Class<?>> known = new HashMap<>(beans);
        routeFiles.values().forEach(routes -> declaredBeans(routes, known));

        Set<String> violations = new TreeSet<>();
        routeFiles.forEach((file, routes) -> {
            Uses uses = new Uses();
            uses.collect(routes);
            uses.properties.stream()
                    .filter(name -> !declaredProperties.contains(name) && !camelProperties.contains(name))
                    .forEach(name -> violations.add(file + ": exchange property " + name + " is not declared in HubProperties"));
            uses.beanMethods.forEach(call -> {
                Class<?> type = known.get(call.bean);
                if (type == null) {
                    violations.add(file + ": bean " + call.bean + " is not bound by HubConfiguration");
                } else if (call.method != null && Arrays.stream(type.getMethods()).map(Method::getName)
                        .noneMatch(call.method::equals)) {
                    violations.add(file + ": bean " + call.bean + " (" + type.getSimpleName() + ") has no public method "
                            + call.method);
                }
            });
            uses.events.stream().filter(event -> !events.contains(event))
                    .forEach(event -> violations.add(file + ": audit event " + event + " is not an AuditEventType"));
        });
        return new ArrayList<>(violations);
    }

    private static Set<String> stringConstants(Class<?> type) {
        Set<String> values = new TreeSet<>();
        for (Field field : type.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
                try {
                    values.add((String) field.get(null));
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return values;
    }

    /** The {@code beans:} of a route file (the redelivery policies), by name and type. */
    private static void declaredBeans(JsonNode routes, Map<String, Class<?>> known) {
        for (JsonNode entry : routes) {
            for (JsonNode bean : entry.path("beans")) {
                try {
                    known.put(bean.path("name").asText(), Class.forName(bean.path("type").asText()));
                } catch (ClassNotFoundException e) {
                    throw new IllegalStateException("bean " + bean.path("name").asText() + ": no class " + e.getMessage());
                }
            }
        }
    }

    private record BeanCall(String bean, String method) {
    }

    /** What a route file names: exchange properties, beans (with a method when one is named) and audit events. */
    private static final class Uses {
        final Set<String> properties = new TreeSet<>();
        final List<BeanCall> beanMethods = new ArrayList<>();
        final Set<String> events = new TreeSet<>();

        void collect(JsonNode node) {
            if (node.isObject()) {
                JsonNode ref = node.get("ref");
                if (ref != null && ref.isTextual()) {
                    String method = node.path("method").isTextual() ? node.get("method").asText() : null;
                    beanMethods.add(new BeanCall(ref.asText(), method == null ? null : method.replaceFirst("\\(.*", "").trim()));
                    if ("audit".equals(ref.asText()) && method != null) {
                        Matcher event = QUOTED_EVENT.matcher(method);
                        while (event.find()) {
                            events.add(event.group(1));
                        }
                    }
                }
                node.fields().forEachRemaining(field -> {
                    String key = field.getKey();
                    JsonNode value = field.getValue();
                    if (key.equals("setProperty") && value.path("name").isTextual()) {
                        properties.add(value.get("name").asText());
                    } else if (key.equals("exchangeProperty") && value.isTextual()) {
                        properties.add(value.asText());
                    } else if (key.equals("exchangeProperty") && value.path("expression").isTextual()) {
                        properties.add(value.get("expression").asText());
                    } else if (key.endsWith("Ref") && value.isTextual()) {
                        beanMethods.add(new BeanCall(value.asText(), null));
                    } else if (key.equals("circuitBreaker") && value.isTextual()) {
                        beanMethods.add(new BeanCall(value.asText(), null));
                    }
                    collect(value);
                });
            } else if (node.isArray()) {
                node.forEach(this::collect);
            } else if (node.isTextual()) {
                String text = node.asText();
                Matcher property = PROPERTY_IN_EXPRESSION.matcher(text);
                while (property.find()) {
                    properties.add(property.group(1));
                }
                Matcher bean = BEAN_IN_SIMPLE.matcher(text);
                while (bean.find()) {
                    beanMethods.add(new BeanCall(bean.group(1), bean.group(2)));
                }
                Matcher uri = BEAN_IN_URI.matcher(text);
                while (uri.find()) {
                    beanMethods.add(new BeanCall(uri.group(1), null));
                }
            }
        }
    }
}
