package netralitas.hub.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.Layout;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.ConfigurationSource;
import org.apache.logging.log4j.core.config.xml.XmlConfiguration;
import org.apache.logging.log4j.core.impl.Log4jLogEvent;
import org.apache.logging.log4j.message.SimpleMessage;
import org.apache.logging.log4j.util.SortedArrayStringMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.UnaryOperator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LogFormatTest {

    private static final UnaryOperator<String> NOTHING = key -> null;

    @TempDir
    Path home;

    private void configFileSays(String line) throws IOException {
        Files.createDirectories(home.resolve("config"));
        Files.writeString(home.resolve("config/application.properties"), "camel.main.name = hub\n" + line + "\n");
    }

    private static UnaryOperator<String> only(String key, String value) {
        return Map.of(key, value)::get;
    }

    @Test
    void textWhenNothingSaysOtherwise() throws IOException {
        assertEquals("text", LogFormat.resolve(home, NOTHING, NOTHING));
        configFileSays("hub.log.format =");
        assertEquals("text", LogFormat.resolve(home, NOTHING, NOTHING));
    }

    @Test
    void theConfigFileIsRead() throws IOException {
        configFileSays("hub.log.format = json");
        assertEquals("json", LogFormat.resolve(home, NOTHING, NOTHING));
    }

    @Test
    void theEnvironmentVariableOverridesTheFile() throws IOException {
        configFileSays("hub.log.format = text");
        assertEquals("json", LogFormat.resolve(home, NOTHING, only("HUB_LOG_FORMAT", "json")));
    }

    @Test
    void theSystemPropertyOverridesTheEnvironment() throws IOException {
        configFileSays("hub.log.format = json");
        assertEquals("text", LogFormat.resolve(home, only("hub.log.format", "text"), only("HUB_LOG_FORMAT", "json")));
    }

    @Test
    void caseAndSpacesDoNotMatter() {
        assertEquals("json", LogFormat.resolve(home, NOTHING, only("HUB_LOG_FORMAT", " JSON ")));
    }

    @Test
    void anUnknownFormatIsRefusedNamingTheSetting() throws IOException {
        configFileSays("hub.log.format = xml");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LogFormat.resolve(home, NOTHING, NOTHING));
        assertTrue(e.getMessage().contains("hub.log.format"), e.getMessage());
        assertTrue(e.getMessage().contains("HUB_LOG_FORMAT"), e.getMessage());
        assertTrue(e.getMessage().contains("'xml'"), e.getMessage());
    }

    @Test
    void theShippedConfigurationSaysText() {
        assertEquals("text", LogFormat.resolve(Path.of("").toAbsolutePath(), NOTHING, NOTHING));
    }

    @Test
    void theTextConfigurationWritesOneLinePerEventWhateverTheMessageOrExceptionHolds() throws Exception {
        LoggerContext context = new LoggerContext("log-format-text-test");
        try {
            ConfigurationSource source = ConfigurationSource.fromResource("log4j2.xml", getClass().getClassLoader());
            Configuration configuration = new XmlConfiguration(context, source);
            context.start(configuration);
            Layout<?> layout = configuration.getAppender("console").getLayout();
            String forged = "laporan.csv\r\n12:00:00.000 INFO  [CsvIntake       ] laporan.csv: 0 rows rejected";
            LogEvent plain = Log4jLogEvent.newBuilder().setLoggerName("netralitas.hub.Test").setLevel(Level.INFO)
                    .setTimeMillis(1_700_000_000_123L).setMessage(new SimpleMessage("Reading " + forged)).build();
            LogEvent failed = Log4jLogEvent.newBuilder().setLoggerName("netralitas.hub.Test").setLevel(Level.WARN)
                    .setTimeMillis(1_700_000_000_123L).setMessage(new SimpleMessage("Rejected"))
                    .setThrown(new IllegalStateException("Subjek: halo\nBcc: x@luar.example")).build();

            String line = new String(layout.toByteArray(plain), StandardCharsets.UTF_8);
            assertTrue(line.endsWith(" Reading laporan.csv\\r\\n12:00:00.000 INFO  [CsvIntake       ] laporan.csv:"
                    + " 0 rows rejected" + System.lineSeparator()), line);
            assertEquals(1, line.lines().count(), line);
            assertFalse(line.contains("\r"), line);

            String withTrace = new String(layout.toByteArray(failed), StandardCharsets.UTF_8);
            assertEquals(1, withTrace.lines().count(), "the stack trace is on the event's line: " + withTrace);
            assertFalse(withTrace.contains("\r"), withTrace);
            assertTrue(withTrace.contains(" Rejected\\njava.lang.IllegalStateException: Subjek: halo\\nBcc: x@luar.example\\n\tat "
                    + LogFormatTest.class.getName()), withTrace);
        } finally {
            context.stop();
        }
    }

    @Test
    void theJsonConfigurationWritesOneJsonObjectPerEvent() throws Exception {
        LoggerContext context = new LoggerContext("log-format-test");
        try {
            String resource = LogFormat.JSON_CONFIGURATION.substring("classpath:".length());
            ConfigurationSource source = ConfigurationSource.fromResource(resource, getClass().getClassLoader());
            Configuration configuration = new XmlConfiguration(context, source);
            context.start(configuration);
            Layout<?> layout = configuration.getAppender("console").getLayout();

            SortedArrayStringMap mdc = new SortedArrayStringMap();
            mdc.putValue("camel.exchangeId", "EX-1");
            LogEvent event = Log4jLogEvent.newBuilder()
                    .setLoggerName("netralitas.hub.Test")
                    .setLevel(Level.WARN)
                    .setThreadName("worker-1")
                    .setTimeMillis(1_700_000_000_123L)
                    .setMessage(new SimpleMessage("two\r\nlines \"quoted\""))
                    .setContextData(mdc)
                    .setThrown(new IllegalStateException("boom"))
                    .build();
            String line = new String(layout.toByteArray(event), StandardCharsets.UTF_8);

            assertTrue(line.endsWith("\n"), line);
            assertFalse(line.strip().contains("\n") || line.contains("\r"), "one line per event: " + line);
            JsonNode json = new ObjectMapper().readTree(line);
            assertEquals("2023-11-14T22:13:20.123Z", json.get("@timestamp").asText());
            assertEquals("WARN", json.get("log.level").asText());
            assertEquals("netralitas.hub.Test", json.get("log.logger").asText());
            assertEquals("worker-1", json.get("process.thread.name").asText());
            assertEquals("two\r\nlines \"quoted\"", json.get("message").asText());
            assertEquals("EX-1", json.get("camel.exchangeId").asText());
            assertEquals("java.lang.IllegalStateException", json.get("error.type").asText());
            assertEquals("boom", json.get("error.message").asText());
            assertTrue(json.get("error.stack_trace").asText().contains("LogFormatTest"));
            assertEquals("netralitas-hub", json.get("service.name").asText());
        } finally {
            context.stop();
        }
    }
}
