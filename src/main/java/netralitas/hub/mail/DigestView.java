package netralitas.hub.mail;

import netralitas.hub.cases.ViolationCase;
import netralitas.hub.classify.LegalBases;
import netralitas.hub.classify.LegalBasis;
import netralitas.hub.classify.LegalRegime;
import netralitas.hub.region.Region;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The data model of the digest templates: the region, the date and one entry per case, built from the same facts as
 * the case email. Keys are documented at the top of {@code digest.txt.ftl}. No reporter data: a digest always goes to
 * a regional office.
 */
final class DigestView {

    private DigestView() {
    }

    static Map<String, Object> of(Region region, List<ViolationCase> cases, LocalDate date, FollowUpRequest followUp,
                                  Map<String, String> firstCases, LegalBases legalBases, MailSignature signature) {
        List<LegalBasis> bases = cases.stream()
                .map(c -> legalBases.forCase(CaseView.regime(c), c.getClassification())).toList();
        List<String> shared = shared(bases);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("date", IndonesianDates.format(date));
        m.put("region", CaseView.region(region));
        m.put("count", cases.size());
        m.put("sharedBasis", shared);
        List<Map<String, Object>> entries = new ArrayList<>();
        for (int i = 0; i < cases.size(); i++) {
            Map<String, Object> entry = entry(cases.get(i), bases.get(i), shared);
            entry.put("related", firstCases.getOrDefault(cases.get(i).getCaseId(), CaseView.ABSENT));
            entries.add(entry);
        }
        m.put("cases", entries);
        m.put("signature", CaseView.signature(signature));
        m.put("followUp", followUp.model());
        return m;
    }

    /** The regulations every case of the digest cites (for ASN: the ASN law and the joint decree), said once on top. */
    private static List<String> shared(List<LegalBasis> bases) {
        if (bases.isEmpty()) {
            return List.of();
        }
        List<String> first = bases.get(0).general();
        return bases.stream().allMatch(b -> b.general().equals(first)) ? first : List.of();
    }

    private static Map<String, Object> entry(ViolationCase c, LegalBasis basis, List<String> shared) {
        LegalRegime regime = CaseView.regime(c);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("caseId", CaseView.text(c.getCaseId()));
        m.put("incidentDate", c.getReport().incidentDate() == null ? CaseView.ABSENT
                : IndonesianDates.format(c.getReport().incidentDate()));
        m.put("incidentDateIsMailDate", c.getReport().incidentDate() != null && c.getReport().incidentDateIsMailDate());
        m.put("name", CaseView.text(c.getDisplayName()));
        m.put("nip", CaseFacts.nip(c));
        m.put("nipLabel", CaseView.nipLabel(regime));
        m.put("hasNip", !CaseFacts.NO_NIP.equals(CaseFacts.nip(c)));
        m.put("bknStatus", c.getBknStatus().name());
        m.put("asnType", regime.isAsn() ? regime.name() : CaseView.ABSENT);
        m.put("jabatan", CaseView.text(CaseFacts.position(c)));
        m.put("agency", CaseView.text(CaseFacts.agency(c)));
        m.put("category", c.getClassification() == null || c.getClassification().category() == null
                ? CaseView.ABSENT : CaseView.text(c.getClassification().category().label()));
        m.put("severity", CaseFacts.severityLabel(c));
        m.put("escalated", c.getClassification() != null && c.getClassification().escalated());
        m.put("description", CaseView.text(c.getReport().description()));
        m.put("place", CaseView.text(c.getReport().place()));
        m.put("evidence", CaseView.evidence(c.getReport().evidence()));
        m.put("attachments", CaseView.attachments(c.getEvidenceFiles(), c.getEvidenceLeftOut()));
        List<String> own = basis.all().stream().filter(citation -> !shared.contains(citation)).toList();
        m.put("basis", Map.of("own", own, "sanction", basis.sanction() == null ? CaseView.ABSENT : basis.sanction()));
        return m;
    }
}
