package netralitas.hub.report;

/** One data record of a CSV drop, after validation: either a report or a rejection. */
public sealed interface CsvRow permits AcceptedRow, RejectedRow {

    /** Physical line where the record starts (the header is line 1). */
    long line();
}
