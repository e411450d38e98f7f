package netralitas.hub.mail;

import java.time.LocalDate;
import java.util.List;

/**
 * What the hub tells a reporter whose email arrived (issue: email ingest): that it arrived, under which case id, and —
 * when it could not be processed — why, so they can send it again. Never where the case went: the reporter is
 * protected, and the receiving office is not theirs to know.
 *
 * @param caseId    the id the reporter should quote (null for a CSV batch, whose rows each have their own)
 * @param subject   the reporter's own subject line, already sanitised (null when none)
 * @param reason    why the report could not be processed (NOT_PROCESSED only)
 * @param csvFiles  one line per attached CSV file (CSV_BATCH only)
 * @param attachmentsLeftOut what of the email's files was not taken (counts and sizes, no names), null when nothing
 */
public record Acknowledgement(Outcome outcome, String caseId, String subject, LocalDate sentDate, String reason,
                              List<CsvFileOutcome> csvFiles, String attachmentsLeftOut) {

    public enum Outcome { ACCEPTED, NOT_PROCESSED, CSV_BATCH }

    /**
     * @param error         why the file could not be read at all (null when it was read)
     * @param rejectsFile   path of its rejects file, attached to the acknowledgement (null when every row was accepted)
     */
    public record CsvFileOutcome(String fileName, long accepted, long rejected, String error, String rejectsFile) {
    }

    public Acknowledgement {
        csvFiles = csvFiles == null ? List.of() : List.copyOf(csvFiles);
    }

    /** Nothing of the email was left out. */
    public Acknowledgement(Outcome outcome, String caseId, String subject, LocalDate sentDate, String reason,
                           List<CsvFileOutcome> csvFiles) {
        this(outcome, caseId, subject, sentDate, reason, csvFiles, null);
    }

    public Acknowledgement withAttachmentsLeftOut(String note) {
        return new Acknowledgement(outcome, caseId, subject, sentDate, reason, csvFiles, note);
    }
}
