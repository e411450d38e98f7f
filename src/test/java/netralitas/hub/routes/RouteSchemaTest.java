package netralitas.hub.routes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * Every route file validates against the YAML DSL schema that camel-yaml-dsl itself ships (the one Kaoto and the VS Code
 * Camel tooling check), so the routes stay editable in those tools and a typo in an EIP option fails here, not at start.
 */
class RouteSchemaTest {

    private static JsonSchema schema;

    @BeforeAll
    static void loadSchema() throws IOException {
        try (InputStream in = RouteSchemaTest.class.getResourceAsStream("/schema/camelYamlDsl.json")) {
            if (in == null) {
                throw new IllegalStateException("schema/camelYamlDsl.json is not on the test classpath (camel-yaml-dsl)");
            }
            schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4).getSchema(in);
        }
    }

    @TestFactory
    Stream<DynamicTest> everyRouteFileMatchesTheCamelYamlDslSchema() throws IOException {
        List<Path> files;
        try (Stream<Path> listing = Files.list(Path.of("routes"))) {
            files = listing.filter(file -> file.getFileName().toString().endsWith(".camel.yaml")).sorted().toList();
        }
        assertFalse(files.isEmpty(), "no route files under routes/");
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        return files.stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
            JsonNode routes = yaml.readTree(file.toFile());
            Set<ValidationMessage> errors = schema.validate(routes);
            assertEquals("", errors.stream().map(ValidationMessage::getMessage).sorted()
                    .collect(Collectors.joining("\n")), file + " does not match camelYamlDsl.json");
        }));
    }
}
