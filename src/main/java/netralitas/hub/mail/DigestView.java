package netralitas.hub.mail;

import netralitas.hub.cases.ViolationCase;
import netralitas.hub.region.Region;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The data model of the digest templates: the region, the date and one short row per case, built from the
 * same facts as the case email. Keys are documented at the top of {@code digest.txt.ftl}. No reporter data:
 * a digest always goes to a regional office.
 */
final class DigestView {

    /** Long enough to recognise the incident in a table cell; the full text is in Bawaslu's register. */
    static final int SHORT_DESCRIPTION = 160;

    private DigestView() {
    }

    static Map<String, Object> of(Region region, List<ViolationCase> cases, LocalDate date) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("date", IndonesianDates.format(date));
        m.put("region", CaseView.region(region));
        m.put("count", cases.size());
        List<Map<String, Object>> rows = new ArrayList<>();
        for (ViolationCase c : cases) {
            rows.add(row(c));
        }
        m.put("cases", rows);
        return m;
    }

    private static Map<String, Object> row(ViolationCase c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("caseId", CaseView.text(c.getCaseId()));
        m.put("incidentDate", c.getReport().incidentDate() == null ? CaseView.ABSENT
                : IndonesianDates.format(c.getReport().incidentDate()));
        m.put("name", CaseView.text(c.getDisplayName()));
        m.put("nip", CaseFacts.nip(c));
        m.put("hasNip", !CaseFacts.NO_NIP.equals(CaseFacts.nip(c)));
        m.put("bknStatus", c.getBknStatus().name());
        m.put("jabatan", CaseView.text(CaseFacts.position(c)));
        m.put("agency", CaseView.text(CaseFacts.agency(c)));
        m.put("category", c.getClassification() == null || c.getClassification().category() == null
                ? CaseView.ABSENT : CaseView.text(c.getClassification().category().label()));
        m.put("severity", CaseFacts.severityLabel(c));
        m.put("escalated", c.getClassification() != null && c.getClassification().escalated());
        m.put("description", CaseView.text(HeaderValues.sanitize(c.getReport().description(), SHORT_DESCRIPTION)));
        m.put("evidenceCount", c.getReport().evidence().size());
        return m;
    }
}
