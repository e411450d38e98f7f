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
        m.put("reason", CaseView.text(ack.reason()));
        List<Map<String, Object>> files = new ArrayList<>();
        for (Acknowledgement.CsvFileOutcome file : ack.csvFiles()) {
            files.add(Map.of("fileName", CaseView.text(file.fileName()), "accepted", file.accepted(),
                    "rejected", file.rejected(), "error", CaseView.text(file.error()),
                    "rejectsAttached", file.rejectsFile() != null));
        }
        m.put("csvFiles", files);
        m.put("attachmentsLeftOut", CaseView.text(ack.attachmentsLeftOut()));
        return m;
    }
}
