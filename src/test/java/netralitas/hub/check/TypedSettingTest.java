package netralitas.hub.check;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TypedSettingTest {

    @Test
    void everyTypedSettingIsDocumentedInTheShippedFile() throws IOException {
        Properties shipped = new Properties();
        try (Reader reader = Files.newBufferedReader(Path.of("config/application.properties"), StandardCharsets.UTF_8)) {
            shipped.load(reader);
        }
        Set<String> keys = new HashSet<>();
        for (TypedSetting typed : TypedSetting.ALL) {
            assertTrue(keys.add(typed.key()), "listed twice: " + typed.key());
            assertTrue(shipped.containsKey(typed.key()), typed.key() + " is not in config/application.properties");
            assertNull(typed.problemWith(shipped.getProperty(typed.key()).trim()), typed.key());
        }
    }

    @Test
    void wholeNumbersAndSwitches() {
        TypedSetting port = TypedSetting.ALL.stream().filter(t -> t.key().equals("hub.smtp.port")).findFirst().orElseThrow();
        assertNull(port.problemWith("587"));
        assertEquals("'0' is below the minimum of 1", port.problemWith("0"));
        assertEquals("'5 87' is not a whole number", port.problemWith("5 87"));
        assertEquals("'99999999999999999999' is not a whole number", port.problemWith("99999999999999999999"));
        TypedSetting flag = TypedSetting.ALL.stream().filter(t -> t.key().equals("hub.mail.acknowledge")).findFirst().orElseThrow();
        assertNull(flag.problemWith("TRUE"));
        assertEquals("'ya' is not true or false", flag.problemWith("ya"));
        assertEquals("'a\\u000ab' is not true or false", flag.problemWith("a\nb"));
    }

    @Test
    void scopesFollowTheMode() {
        assertEquals(List.of(true, false), List.of(TypedSetting.Scope.EMBEDDED_ONLY.applies(true),
                TypedSetting.Scope.EMBEDDED_ONLY.applies(false)));
        assertEquals(List.of(false, true), List.of(TypedSetting.Scope.OUTSIDE_EMBEDDED.applies(true),
                TypedSetting.Scope.OUTSIDE_EMBEDDED.applies(false)));
        assertTrue(TypedSetting.Scope.EVERY_MODE.applies(true) && TypedSetting.Scope.EVERY_MODE.applies(false));
    }
}
