package netralitas.hub.report;

/** A CSV record that became a {@link Report}. */
public record AcceptedRow(Report report, long line) implements CsvRow {
}
