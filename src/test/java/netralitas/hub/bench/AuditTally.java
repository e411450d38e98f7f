package netralitas.hub.bench;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Counts the events of the hub's audit trail ({@code audit-YYYY-MM-DD.jsonl}, one JSON object per line, field
 * {@code event}) while the hub is still writing it: each call reads only what was appended since the last one, and only
 * whole lines, so a progress report every 30 s costs little even when the trail runs to gigabytes.
 */
final class AuditTally {

    private static final JsonFactory JSON = new JsonFactory();
    private static final int CHUNK = 4 << 20;

    private final Path auditDir;
    /** The PostgreSQL state store holding the trail (table AUDIT_EVENT), or null for the files. */
    private final String stateUrl;
    private final Map<Path, Long> consumed = new HashMap<>();
    private final Map<String, Long> counts = new TreeMap<>();
    private long malformedLines;
    private ByteBuffer buffer = ByteBuffer.allocate(CHUNK);

    AuditTally(Path auditDir) {
        this(auditDir, null);
    }

    /** The trail of {@code stateUrl} (PostgreSQL mode) when it is not blank, else the files of {@code auditDir}. */
    AuditTally(Path auditDir, String stateUrl) {
        this.auditDir = auditDir;
        this.stateUrl = stateUrl == null || stateUrl.isBlank() ? null : stateUrl;
    }

    /** Reads what was appended since the last call; returns the counts so far (event → lines). */
    Map<String, Long> update() throws IOException {
        if (stateUrl != null) {
            return countInStore();
        }
        for (Path file : files()) {
            long offset = consumed.getOrDefault(file, 0L);
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
                offset = readWholeLines(channel, offset);
            }
            consumed.put(file, offset);
        }
        return counts;
    }

    /** In the store the events are counted by an index-backed query, not by reading them. */
    private Map<String, Long> countInStore() throws IOException {
        try (Connection connection = DriverManager.getConnection(stateUrl, "postgres", null);
             Statement sql = connection.createStatement();
             ResultSet rows = sql.executeQuery("SELECT event_type, COUNT(*) FROM AUDIT_EVENT GROUP BY event_type")) {
            counts.clear();
            while (rows.next()) {
                counts.put(rows.getString(1), rows.getLong(2));
            }
            return counts;
        } catch (SQLException e) {
            throw new IOException("cannot count the events in " + stateUrl + ": " + e.getMessage(), e);
        }
    }

    /**
     * Up to {@code limit} cases the store's trail records as handled (one of {@code events}) more than once, as
     * "case id: handled n times"; PostgreSQL mode only (the files are read by {@link CaseOutcomes}).
     */
    List<String> casesHandledMoreThanOnce(Set<String> events, int limit) throws IOException {
        String in = String.join(", ", Collections.nCopies(events.size(), "?"));
        try (Connection connection = DriverManager.getConnection(stateUrl, "postgres", null);
             PreparedStatement sql = connection.prepareStatement("SELECT case_id, COUNT(*) FROM AUDIT_EVENT WHERE event_type IN ("
                     + in + ") GROUP BY case_id HAVING COUNT(*) > 1 ORDER BY case_id LIMIT ?")) {
            int i = 1;
            for (String event : events) {
                sql.setString(i++, event);
            }
            sql.setInt(i, limit);
            List<String> cases = new ArrayList<>();
            try (ResultSet rows = sql.executeQuery()) {
                while (rows.next()) {
                    cases.add(rows.getString(1) + ": handled " + rows.getLong(2) + " times");
                }
            }
            return cases;
        } catch (SQLException e) {
            throw new IOException("cannot read the cases handled more than once in " + stateUrl + ": " + e.getMessage(), e);
        }
    }

    long count(String event) {
        return counts.getOrDefault(event, 0L);
    }

    /** Lines that were not a JSON object with a string {@code event}: should stay 0. */
    long malformedLines() {
        return malformedLines;
    }

    private List<Path> files() throws IOException {
        if (!Files.isDirectory(auditDir)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(auditDir)) {
            return entries.filter(p -> p.getFileName().toString().matches("audit-\\d{4}-\\d{2}-\\d{2}\\.jsonl"))
                    .sorted().toList();
        }
    }

    private long readWholeLines(FileChannel channel, long offset) throws IOException {
        long size = channel.size();
        while (offset < size) {
            buffer.clear();
            int read = channel.read(buffer, offset);
            if (read <= 0) {
                break;
            }
            byte[] bytes = buffer.array();
            int end = read - 1;
            while (end >= 0 && bytes[end] != '\n') {
                end--;
            }
            if (end < 0) {
                if (read < buffer.capacity()) {
                    break; // a line still being written: next time
                }
                buffer = ByteBuffer.allocate(buffer.capacity() * 2); // a line longer than the buffer
                continue;
            }
            countLines(bytes, 0, end + 1);
            offset += end + 1;
        }
        return offset;
    }

    private void countLines(byte[] bytes, int from, int to) throws IOException {
        int start = from;
        for (int i = from; i < to; i++) {
            if (bytes[i] == '\n') {
                if (i > start) {
                    countLine(bytes, start, i - start);
                }
                start = i + 1;
            }
        }
    }

    private void countLine(byte[] bytes, int offset, int length) throws IOException {
        String event = null;
        try (JsonParser parser = JSON.createParser(bytes, offset, length)) {
            if (parser.nextToken() == JsonToken.START_OBJECT) {
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String field = parser.currentName();
                    JsonToken value = parser.nextToken();
                    if ("event".equals(field) && value == JsonToken.VALUE_STRING) {
                        event = parser.getText();
                        break;
                    }
                    parser.skipChildren();
                }
            }
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            event = null;
        }
        if (event == null) {
            malformedLines++;
        } else {
            counts.merge(event, 1L, Long::sum);
        }
    }
}
