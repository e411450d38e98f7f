package netralitas.hub.report;

import java.io.Serializable;

/**
 * Where a report came from, precisely enough for an auditor to find it again:
 * a CSV file and its line, or an IMAP Message-ID.
 */
public record ReportSource(Channel channel, String name, long line) implements Serializable {

    public static ReportSource csv(String fileName, long line) {
        return new ReportSource(Channel.CSV, fileName, line);
    }

    public static ReportSource email(String messageId) {
        return new ReportSource(Channel.EMAIL, messageId, 0);
    }

    /** "laporan.csv:12" or the Message-ID. */
    public String reference() {
        return channel == Channel.CSV ? name + ":" + line : name;
    }

    @Override
    public String toString() {
        return reference();
    }
}
