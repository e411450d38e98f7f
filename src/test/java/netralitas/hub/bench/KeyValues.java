package netralitas.hub.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code key=value} files the load run's processes leave for each other and for the shell script: plain lines, no
 * escaping (unlike java.util.Properties, which writes {@code http\://}), written aside and moved so a reader never sees
 * half a file.
 */
final class KeyValues {

    private KeyValues() {
    }

    static void write(Path file, Map<String, ?> values) throws IOException {
        StringBuilder text = new StringBuilder();
        values.forEach((key, value) -> text.append(key).append('=').append(value).append('\n'));
        Path temp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(temp, text, StandardCharsets.UTF_8);
        Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    /** The file's values in file order; empty when it does not exist (a process that never got that far). */
    static Map<String, String> read(Path file) throws IOException {
        Map<String, String> values = new LinkedHashMap<>();
        if (!Files.exists(file)) {
            return values;
        }
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            int eq = line.indexOf('=');
            if (eq > 0 && !line.startsWith("#")) {
                values.put(line.substring(0, eq), line.substring(eq + 1));
            }
        }
        return values;
    }

    static long number(Map<String, String> values, String key) {
        String value = values.get(key);
        return value == null || value.isBlank() ? 0 : Long.parseLong(value.trim());
    }
}
