package netralitas.hub.report;

/**
 * Outcome of {@link ReportParser#parse}: a {@link Report}, or the Indonesian reason it was rejected.
 * Exactly one of the two is non-null.
 */
public record ParseResult(Report report, String reason) {

    public static ParseResult accepted(Report report) {
        return new ParseResult(report, null);
    }

    public static ParseResult rejected(String reason) {
        return new ParseResult(null, reason);
    }

    public boolean isAccepted() {
        return report != null;
    }
}
