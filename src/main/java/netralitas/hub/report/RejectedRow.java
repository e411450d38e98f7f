package netralitas.hub.report;

import java.util.List;

/**
 * A CSV record that could not become a report, with its cells exactly as read (for the rejects file)
 * and the Indonesian reason.
 */
public record RejectedRow(long line, List<String> values, String reason) implements CsvRow {

    public RejectedRow {
        values = values == null ? List.of() : List.copyOf(values);
    }
}
