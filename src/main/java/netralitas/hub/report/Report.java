package netralitas.hub.report;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;

/**
 * A validated report as it arrived, before any enrichment. Shared by the CSV and the email channel.
 * Optional text fields are null when absent; {@code nip} is the normalised 18 digits or null.
 * {@code reporterName}/{@code reporterContact} are PII (SPEC §9): they never leave the hub in a forwarded email.
 * {@code incidentDateIsMailDate}: the report gave no date, and {@code incidentDate} is the day its email was sent.
 */
public record Report(
        ReportSource source,
        String registerNumber,
        LocalDate incidentDate,
        String nip,
        String name,
        String position,
        String agency,
        SubjectType subjectType,
        String regionCode,
        String regionName,
        String categoryText,
        String description,
        String place,
        List<String> evidence,
        String reporterName,
        String reporterContact,
        boolean incidentDateIsMailDate) implements Serializable {

    public Report {
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
        subjectType = subjectType == null ? SubjectType.ASN : subjectType;
    }

    /** A report whose incident date, when it has one, is the one the report gives. */
    public Report(ReportSource source, String registerNumber, LocalDate incidentDate, String nip, String name,
                  String position, String agency, SubjectType subjectType, String regionCode, String regionName,
                  String categoryText, String description, String place, List<String> evidence, String reporterName,
                  String reporterContact) {
        this(source, registerNumber, incidentDate, nip, name, position, agency, subjectType, regionCode, regionName,
                categoryText, description, place, evidence, reporterName, reporterContact, false);
    }

    public boolean hasNip() {
        return nip != null;
    }
}
