package netralitas.hub.bench;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The cases of an audit trail that were not handled exactly once: never (every copy recorded DUPLICATE, say) or more
 * than once (forwarded twice). Only read when the totals disagree, because it keeps a counter per case.
 */
final class CaseOutcomes {

    /** Events that end a case other than as a duplicate. */
    static final Set<String> HANDLED = Set.of("DELIVERED", "DIGEST_QUEUED", "CLOSED", "DEAD_LETTERED");

    private static final JsonFactory JSON = new JsonFactory();

    private CaseOutcomes() {
    }

    /** Up to {@code limit} cases handled other than once, as "case id: handled n times, m DUPLICATE". */
    static List<String> notHandledOnce(Path auditDir, int limit) throws IOException {
        Map<String, int[]> byCase = new HashMap<>();
        List<Path> files;
        try (Stream<Path> entries = Files.list(auditDir)) {
            files = entries.filter(p -> p.getFileName().toString().matches("audit-\\d{4}-\\d{2}-\\d{2}\\.jsonl")).sorted().toList();
        }
        for (Path file : files) {
            try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                String line;
                while ((line = reader.readLine()) != null) {
                    String[] fields = caseAndEvent(line);
                    if (fields == null) {
                        continue;
                    }
                    int[] counts = byCase.computeIfAbsent(fields[0], k -> new int[2]);
                    if (HANDLED.contains(fields[1])) {
                        counts[0]++;
                    } else if ("DUPLICATE".equals(fields[1])) {
                        counts[1]++;
                    }
                }
            }
        }
        List<String> odd = new ArrayList<>();
        byCase.forEach((caseId, counts) -> {
            if (counts[0] != 1 && odd.size() < limit) {
                odd.add(caseId + ": handled " + counts[0] + " time(s), " + counts[1] + " DUPLICATE");
            }
        });
        return odd;
    }

    private static String[] caseAndEvent(String line) throws IOException {
        String caseId = null;
        String event = null;
        try (JsonParser parser = JSON.createParser(line)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                if (value == JsonToken.VALUE_STRING && "caseId".equals(field)) {
                    caseId = parser.getText();
                } else if (value == JsonToken.VALUE_STRING && "event".equals(field)) {
                    event = parser.getText();
                } else {
                    parser.skipChildren();
                }
            }
        } catch (JsonProcessingException e) {
            return null;
        }
        return caseId == null || event == null ? null : new String[] {caseId, event};
    }
}
