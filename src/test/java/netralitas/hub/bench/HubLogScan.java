package netralitas.hub.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What in the hub's console log deserves a look after a load run: ERROR lines, WARN lines other than the expected
 * "Rejected ..." of bad rows, the exceptions of stack traces, OutOfMemoryError. Messages are grouped with their ids and
 * digits masked, so a thousand times the same fault shows as one message with its count.
 */
record HubLogScan(long lines, long errors, long warnings, long rejectedWarnings, long stackTraceLines, long outOfMemory,
                  Map<String, Long> errorMessages, Map<String, Long> warningMessages, Map<String, Long> exceptions) {

    private static final Pattern LEVEL = Pattern.compile("^\\S+\\s+(ERROR|WARN)\\s+(.*)$");
    /** The first line of a logged exception, within its event's line: {@code org.example.SomeException: message}. */
    private static final Pattern EXCEPTION = Pattern.compile("^(?:Caused by: )?[a-z][\\w.$]*\\.[A-Z]\\w*(?:Exception|Error)\\b.*");
    /** Camel exchange and message ids ({@code 39191A40A98A4E8-0000000000000324}), so their messages group. */
    private static final Pattern EXCHANGE_ID = Pattern.compile("\\b[0-9A-F]{12,}-[0-9A-F]{8,}\\b");
    private static final Pattern CASE_ID = Pattern.compile("NH-\\d{8}-[0-9A-Z]{8}");
    private static final int KEEP = 8;

    static HubLogScan read(Path log) throws IOException {
        long lines = 0;
        long errors = 0;
        long warnings = 0;
        long rejected = 0;
        long traces = 0;
        long oom = 0;
        Map<String, Long> errorMessages = new LinkedHashMap<>();
        Map<String, Long> warningMessages = new LinkedHashMap<>();
        Map<String, Long> exceptions = new LinkedHashMap<>();
        if (!Files.exists(log)) {
            return new HubLogScan(0, 0, 0, 0, 0, 0, Map.of(), Map.of(), Map.of());
        }
        try (BufferedReader reader = Files.newBufferedReader(log, StandardCharsets.UTF_8)) {
            String line;
            while ((line = reader.readLine()) != null) {
                lines++;
                if (line.contains("OutOfMemoryError")) {
                    oom++;
                }
                Matcher m = LEVEL.matcher(line);
                if (!m.find()) {
                    continue;
                }
                // The text layout writes an event's stack trace on its line, each line break as a literal \n.
                String[] parts = m.group(2).split(Pattern.quote("\\n"));
                for (int i = 1; i < parts.length; i++) {
                    if (parts[i].startsWith("\tat ") || parts[i].startsWith("\t... ")) {
                        traces++;
                    } else if (EXCEPTION.matcher(parts[i]).matches()) {
                        traces++;
                        group(exceptions, parts[i]);
                    }
                }
                String message = parts[0];
                if (m.group(1).equals("ERROR")) {
                    errors++;
                    group(errorMessages, message);
                } else if (message.contains("Rejected ")) {
                    rejected++;
                } else {
                    warnings++;
                    group(warningMessages, message);
                }
            }
        }
        return new HubLogScan(lines, errors, warnings, rejected, traces, oom, errorMessages, warningMessages, exceptions);
    }

    /** Counts the message under its shape (ids and digits masked); keeps the first few shapes only. */
    private static void group(Map<String, Long> messages, String message) {
        String shape = CASE_ID.matcher(EXCHANGE_ID.matcher(message).replaceAll("<id>")).replaceAll("<case>")
                .replaceAll("\\d+", "#");
        if (shape.length() > 220) {
            shape = shape.substring(0, 220) + "…";
        }
        if (messages.containsKey(shape) || messages.size() < KEEP) {
            messages.merge(shape, 1L, Long::sum);
        }
    }

    List<String> summaryLines() {
        List<String> out = new ArrayList<>();
        errorMessages.forEach((m, n) -> out.add(String.format("ERROR x%,d  %s", n, m)));
        warningMessages.forEach((m, n) -> out.add(String.format("WARN  x%,d  %s", n, m)));
        exceptions.forEach((m, n) -> out.add(String.format("EXCEPTION x%,d  %s", n, m)));
        return out;
    }
}
