package netralitas.hub.mail;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import netralitas.hub.text.HeaderValues;

/**
 * What the hub tells the sender of a report email (SPEC §3.3): that it arrived, under which case id, and what became of
 * it — forwarded, queued for the daily digest, closed as not a violation, handed to Bawaslu staff, a duplicate, or not
 * processable with the reasons and how to send it again. Never where the case went (the reporter is protected, and the
 * receiving office is not theirs to know), and never more of the sender's own text than a short subject: every text
 * component is bounded here, so an acknowledgement has the same size whatever the input.
 *
 * @param caseId        the id the reporter should quote (null for a CSV batch, whose rows each have their own)
 * @param subject       the sender's subject, one line of at most 80 characters (null when none)
 * @param reasons       why the report could not be processed, in the hub's own words (NOT_PROCESSED only)
 * @param categoryCode  the category a CLOSED case was classified as (null otherwise)
 * @param categoryLabel its label from the category catalogue
 * @param csvFiles      what became of each attached CSV file, in the order attached (CSV_BATCH only)
 * @param reportAddress where to send a report again (null when the hub does not know its public address)
 * @param attachmentsLeftOut what of the email's files was not taken (counts and sizes, no names), null when nothing
 */
public record Acknowledgement(Outcome outcome, String caseId, String subject, LocalDate sentDate, List<String> reasons,
                              String categoryCode, String categoryLabel, List<CsvFileOutcome> csvFiles,
                              String reportAddress, String attachmentsLeftOut) {

    /** Rows of one CSV file named with their reasons; the others are only counted. */
    public static final int MAX_ROWS_LISTED = 5;
    /** CSV files described one by one; more are only counted. */
    public static final int MAX_FILES_LISTED = 5;
    private static final int MAX_LABEL_CHARS = 200;

    public enum Outcome {
        /** Delivered now to the authority (route decision IMMEDIATE). */
        FORWARDED,
        /** Queued for the region's daily digest (RINGAN). */
        DIGEST,
        /** Not a violation (passive attendance): closed, not forwarded. */
        CLOSED,
        /** Handed to Bawaslu staff before anyone else sees it: triage, or parked for an operator. */
        REVIEW,
        /** The same report was received before. */
        DUPLICATE,
        /** Quarantined: the reasons and the lines to send it again. */
        NOT_PROCESSED,
        /** One or more CSV attachments, each processed as a file of rows. */
        CSV_BATCH
    }

    /**
     * @param error          why the file could not be read at all, in the hub's own words (null when it was read)
     * @param firstRejected  the rejected rows with the lowest line numbers, at most {@link #MAX_ROWS_LISTED}
     */
    public record CsvFileOutcome(long accepted, long rejected, String error, List<RejectedLine> firstRejected) {

        public CsvFileOutcome {
            error = AcknowledgementText.reason(error);
            firstRejected = firstRejected == null ? List.of() : firstRejected.stream()
                    .sorted(Comparator.comparingLong(RejectedLine::line)).limit(MAX_ROWS_LISTED).toList();
        }

        /** Rejected rows not named one by one. */
        public long rejectedNotListed() {
            return Math.max(0, rejected - firstRejected.size());
        }
    }

    /** A rejected CSV row: its line number and the hub's reason (without the row's cells). */
    public record RejectedLine(long line, String reason) {

        public RejectedLine {
            reason = AcknowledgementText.reason(reason);
        }
    }

    public Acknowledgement {
        subject = AcknowledgementText.subject(subject);
        reasons = reasons == null ? List.of()
                : reasons.stream().map(AcknowledgementText::reason).filter(r -> r != null)
                        .limit(AcknowledgementText.MAX_REASONS).toList();
        categoryLabel = categoryLabel == null ? null : HeaderValues.sanitize(categoryLabel, MAX_LABEL_CHARS);
        csvFiles = csvFiles == null ? List.of() : List.copyOf(csvFiles);
    }

    /** A report that became a case: forwarded, queued, closed, handed to staff, or a duplicate. */
    public static Acknowledgement ofCase(Outcome outcome, String caseId, String subject, LocalDate sentDate,
                                         String categoryCode, String categoryLabel, String reportAddress) {
        return new Acknowledgement(outcome, caseId, subject, sentDate, null, categoryCode, categoryLabel, null,
                reportAddress, null);
    }

    /** A quarantined message: {@code reason} as the hub recorded it; only its own words are kept. */
    public static Acknowledgement notProcessed(String caseId, String subject, LocalDate sentDate, String reason,
                                               String reportAddress) {
        return new Acknowledgement(Outcome.NOT_PROCESSED, caseId, subject, sentDate, AcknowledgementText.reasons(reason),
                null, null, null, reportAddress, null);
    }

    public static Acknowledgement csvBatch(String subject, LocalDate sentDate, List<CsvFileOutcome> files,
                                           String reportAddress) {
        return new Acknowledgement(Outcome.CSV_BATCH, null, subject, sentDate, null, null, null, files, reportAddress,
                null);
    }

    public Acknowledgement withAttachmentsLeftOut(String note) {
        return new Acknowledgement(outcome, caseId, subject, sentDate, reasons, categoryCode, categoryLabel, csvFiles,
                reportAddress, note);
    }
}
