package netralitas.hub.report;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ReportSourceTest {

    @Test
    void theLogNamesAnEmailByItsTrailNameNeverItsMessageId() {
        assertEquals("INBOX;uid=7;mid=3f9a1c2b4d5e6f70",
                ReportSource.email("<budi.0812345678@pelapor.example>", "INBOX;uid=7;mid=3f9a1c2b4d5e6f70").logName());
        assertEquals("email", ReportSource.email("<budi.0812345678@pelapor.example>").logName());
        assertEquals("laporan.csv:12", ReportSource.csv("laporan.csv", 12).logName());
    }
}
