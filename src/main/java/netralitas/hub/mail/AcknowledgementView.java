package netralitas.hub.mail;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The data model of acknowledgement.txt.ftl (documented at the top of that template). */
final class AcknowledgementView {

    private AcknowledgementView() {
    }

    static Map<String, Object> of(Acknowledgement ack) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("outcome", ack.outcome().name());
        m.put("caseId", CaseView.text(ack.caseId()));
        m.put("subject", CaseView.text(ack.subject()));
        m.put("sentDate", ack.sentDate() == null ? CaseView.ABSENT : IndonesianDates.format(ack.sentDate()));
        m.put("reasons", ack.reasons());
        m.put("categoryCode", CaseView.text(ack.categoryCode()));
        m.put("categoryLabel", CaseView.text(ack.categoryLabel()));
        m.put("reportAddress", CaseView.text(ack.reportAddress()));
        List<Map<String, Object>> files = new ArrayList<>();
        List<Acknowledgement.CsvFileOutcome> csvFiles = ack.csvFiles();
        for (int i = 0; i < Math.min(csvFiles.size(), Acknowledgement.MAX_FILES_LISTED); i++) {
            Acknowledgement.CsvFileOutcome file = csvFiles.get(i);
            List<Map<String, Object>> rows = new ArrayList<>();
            for (Acknowledgement.RejectedLine row : file.firstRejected()) {
                rows.add(Map.of("line", row.line(), "reason", CaseView.text(row.reason())));
            }
            files.add(Map.of("number", i + 1, "accepted", file.accepted(), "rejected", file.rejected(),
                    "error", CaseView.text(file.error()), "rows", rows, "moreRows", file.rejectedNotListed()));
        }
        m.put("csvFiles", files);
        m.put("moreFiles", Math.max(0, csvFiles.size() - Acknowledgement.MAX_FILES_LISTED));
        m.put("attachmentsLeftOut", CaseView.text(ack.attachmentsLeftOut()));
        return m;
    }
}
