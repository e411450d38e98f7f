package netralitas.hub.report;

import java.io.Serializable;

/**
 * Where a report came from, precisely enough for an auditor to find it again:
 * a CSV file and its line, or an IMAP Message-ID.
 *
 * @param trailName for an email, what the audit trail records as its source: the mailbox folder, UID and keyed
 *                  pseudonym of the Message-ID, never the Message-ID itself (a mail client may build it from the
 *                  sender's name or number); null for a CSV row, and for a case parked by an earlier release
 */
public record ReportSource(Channel channel, String name, long line, String trailName) implements Serializable {

    public static ReportSource csv(String fileName, long line) {
        return new ReportSource(Channel.CSV, fileName, line, null);
    }

    public static ReportSource email(String messageId) {
        return email(messageId, null);
    }

    /** @param trailName the message's folder, UID and Message-ID pseudonym, for the audit trail */
    public static ReportSource email(String messageId, String trailName) {
        return new ReportSource(Channel.EMAIL, messageId, 0, trailName);
    }

    /** "laporan.csv:12" or the Message-ID. */
    public String reference() {
        return channel == Channel.CSV ? name + ":" + line : name;
    }

    /**
     * What the log names the report by: "laporan.csv:12", or for an email its trail name (folder, UID, Message-ID
     * pseudonym), never the Message-ID, which may be built from the sender's name or number (SPEC §8).
     */
    public String logName() {
        if (channel == Channel.CSV) {
            return reference();
        }
        return trailName != null ? trailName : "email";
    }

    @Override
    public String toString() {
        return reference();
    }
}
