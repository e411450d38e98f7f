package netralitas.hub.dryrun;

import java.util.List;

/**
 * What the hub would do with one report: the decision of route {@code route} (IMMEDIATE, DIGEST, TRIAGE, CLOSED) or
 * what stopped it earlier (REJECTED, NOT_A_REPORT, QUARANTINE, DEFERRED), the recipients, the follow-up deadline the
 * case would get (SPEC §12) and why.
 * Empty strings, never null: every field is a table cell.
 */
public record DryRunRow(String caseId, String nip, String name, String severity, String region, String decision,
                        List<String> recipients, String deadline, String reason) {

    public DryRunRow {
        recipients = List.copyOf(recipients);
    }

    /** A report that never became a case (bad CSV row, unreadable message …), named by where it came from. */
    public static DryRunRow stopped(String source, String decision, String reason) {
        return new DryRunRow(source, "", "", "", "", decision, List.of(), "", reason);
    }
}
