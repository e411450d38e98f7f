package netralitas.hub.followup;

import netralitas.hub.report.Channel;

import java.time.LocalDate;

/** A case summary for tests that need a follow-up row but not its mails' texts. */
public final class CaseSummaryFixture {

    private CaseSummaryFixture() {
    }

    public static CaseSummary of(String caseId) {
        return new CaseSummary(caseId, "[NETRALITAS ASN][SEDANG] " + caseId + " — Arif Wicaksono (197803122003121004)"
                + " — Kabupaten Kepahiang", "Arif Wicaksono", "197803122003121004", "SEDANG", "Kampanye terselubung",
                "Kabupaten Kepahiang", LocalDate.of(2024, 10, 12), "bkpsdm@pemda.example", "inspektorat@pemda.example",
                "VII", Channel.CSV, "laporan.csv:2");
    }
}
