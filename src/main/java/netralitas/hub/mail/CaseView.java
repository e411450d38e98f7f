package netralitas.hub.mail;

import netralitas.hub.bkn.Employee;
import netralitas.hub.cases.ViolationCase;
import netralitas.hub.classify.Category;
import netralitas.hub.classify.Classification;
import netralitas.hub.classify.LegalBases;
import netralitas.hub.classify.LegalBasis;
import netralitas.hub.classify.LegalRegime;
import netralitas.hub.inbox.AttachmentsLeftOut;
import netralitas.hub.inbox.EvidenceFile;
import netralitas.hub.nip.NipValidator;
import netralitas.hub.region.Kanreg;
import netralitas.hub.region.Region;
import netralitas.hub.region.RegionLabel;
import netralitas.hub.region.RegionResolution;
import netralitas.hub.report.Report;
import netralitas.hub.report.SubjectType;
import netralitas.hub.text.ByteSizes;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The data model of the case templates: plain maps of strings, booleans and lists, so a template never
 * reaches into Java objects and a misspelt name fails the rendering instead of printing nothing.
 * Absent text is "-", never null. The keys are documented at the top of {@code case.txt.ftl}.
 *
 * <p>The reporter's name and contact are put into the model only for {@link MailPurpose#TRIAGE}: for any
 * other purpose the keys do not exist, so even an edited template cannot leak them — it fails instead.
 */
final class CaseView {

    static final String ABSENT = "-";

    private CaseView() {
    }

    static Map<String, Object> of(ViolationCase c, MailPurpose purpose, FollowUpRequest followUp, LegalBases legalBases,
                                  MailSignature signature) {
        Report r = c.getReport();
        RegionResolution resolution = c.getRegionResolution();
        LegalRegime regime = regime(c);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("purpose", purpose.name());
        m.put("caseId", text(c.getCaseId()));
        m.put("registerNumber", text(r.registerNumber()));
        m.put("incidentDate", r.incidentDate() == null ? ABSENT : IndonesianDates.format(r.incidentDate()));
        m.put("incidentDateIsMailDate", r.incidentDate() != null && r.incidentDateIsMailDate());
        m.put("channel", r.source() == null ? ABSENT : r.source().channel().name());
        m.put("source", source(r, purpose));
        m.put("subjectType", r.subjectType().name());
        m.put("regime", regime.name());
        m.put("asn", regime.isAsn());
        m.put("subjectTypeLabel", subjectTypeLabel(regime, regimeKnown(c)));
        m.put("nipLabel", nipLabel(regime));
        m.put("displayName", text(c.getDisplayName()));
        m.put("displayNip", CaseFacts.nip(c));
        m.put("reported", reported(r));
        m.put("bkn", bkn(c));
        m.put("mismatch", mismatch(c));
        putClassification(m, c);
        m.put("basis", basis(legalBases.forCase(regime, c.getClassification())));
        m.put("description", text(r.description()));
        m.put("place", text(r.place()));
        m.put("evidence", evidence(r.evidence()));
        m.put("attachments", attachments(c.getEvidenceFiles(), c.getEvidenceLeftOut()));
        m.put("attachmentsLeftOut", leftOut(c.getEvidenceLeftOut()));
        m.put("region", region(resolution == null ? null : resolution.region()));
        m.put("central", resolution != null && resolution.centralAgency());
        m.put("centralAgency", resolution != null && resolution.centralAgency() ? CaseFacts.centralAgencyName(c) : ABSENT);
        m.put("reportedRegion", region(resolution == null ? null : resolution.reportedRegion()));
        m.put("regionConflict", resolution != null && resolution.conflict());
        // A conflict has its own line among the mismatches; its note would say it a second time.
        m.put("regionNotes", resolution == null ? List.of() : resolution.notesBesideConflict());
        m.put("kanreg", kanreg(resolution == null ? null : resolution.kanreg(), c.getEmployee()));
        m.put("signature", signature(signature));
        m.put("followUp", followUp.model());
        m.put("reporterShown", purpose.showsReporter());
        if (purpose.showsReporter()) {
            m.put("reporter", Map.of("name", text(r.reporterName()), "contact", text(r.reporterContact())));
        }
        return m;
    }

    /**
     * Where in Bawaslu's records the report is (a CSV file and line, a message in the mailbox), for Bawaslu's own
     * triage staff only. An office has the case id and the register number; a file name means nothing to it, and a
     * Message-ID is written by the reporter's mail client and can carry their host or address.
     */
    private static String source(Report r, MailPurpose purpose) {
        if (r.source() == null || !purpose.showsReporter()) {
            return ABSENT;
        }
        return text(r.source().reference());
    }

    /**
     * Which regulations govern the accused. The form of the number counts only when it is the reported one that
     * BKN did not contradict: BKN's record, when there is one, says PNS or PPPK itself.
     */
    static LegalRegime regime(ViolationCase c) {
        Employee e = c.getEmployee();
        String nip = e != null && CaseFacts.hasText(e.nipBaru()) ? e.nipBaru() : c.getReport().nip();
        return LegalRegime.of(c.getReport().subjectType(), NipValidator.kindOf(nip), e == null ? null : e.jenisPegawaiNama());
    }

    /**
     * Whether anything but the default said PNS or PPPK. A report's "ASN" without a number BKN knows leaves it open:
     * the mail then says so instead of calling a guess a PNS.
     */
    private static boolean regimeKnown(ViolationCase c) {
        Report r = c.getReport();
        return c.getEmployee() != null || NipValidator.kindOf(r.nip()) != null || r.subjectType() != SubjectType.ASN;
    }

    private static String subjectTypeLabel(LegalRegime regime, boolean known) {
        if (!known) {
            return "ASN — PNS atau PPPK belum dapat dipastikan (dasar hukum disebut untuk PNS)";
        }
        return switch (regime) {
            case PNS -> "ASN — Pegawai Negeri Sipil (PNS)";
            case PPPK -> "ASN — Pegawai Pemerintah dengan Perjanjian Kerja (PPPK)";
            case KEPALA_DESA -> "Kepala Desa";
            case PERANGKAT_DESA -> "Perangkat Desa";
        };
    }

    /** A PPPK's number is the Nomor Induk PPPK, not a NIP. */
    static String nipLabel(LegalRegime regime) {
        return regime == LegalRegime.PPPK ? "NI PPPK" : "NIP";
    }

    static Map<String, Object> basis(LegalBasis basis) {
        return Map.of("general", basis.general(), "specific", basis.specific(), "all", basis.all(),
                "sanction", basis.sanction() == null ? ABSENT : basis.sanction());
    }

    static Map<String, Object> signature(MailSignature s) {
        return Map.of("unit", text(s.unit()), "address", text(s.address()), "phone", text(s.phone()), "email", text(s.email()));
    }

    private static Map<String, Object> reported(Report r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", text(r.name()));
        m.put("nip", r.hasNip() ? r.nip() : CaseFacts.NO_NIP);
        m.put("position", text(r.position()));
        m.put("agency", text(r.agency()));
        m.put("regionName", text(r.regionName()));
        m.put("regionCode", text(r.regionCode()));
        return m;
    }

    private static Map<String, Object> bkn(ViolationCase c) {
        Employee e = c.getEmployee();
        boolean verified = e != null;
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("status", c.getBknStatus().name());
        m.put("verified", verified);
        m.put("name", verified ? text(e.fullName()) : ABSENT);
        m.put("nip", verified ? text(e.nipBaru()) : ABSENT);
        m.put("jabatan", verified ? text(e.jabatanNama()) : ABSENT);
        m.put("jenisJabatan", verified ? text(e.jenisJabatan()) : ABSENT);
        m.put("eselon", verified ? text(e.eselon()) : ABSENT);
        m.put("unor", verified ? text(e.unorNama()) : ABSENT);
        m.put("unorInduk", verified ? otherThan(e.unorIndukNama(), e.unorNama()) : ABSENT);
        m.put("satuanKerja", verified ? text(e.satuanKerjaKerjaNama()) : ABSENT);
        m.put("instansiKerja", verified ? text(e.instansiKerjaNama()) : ABSENT);
        m.put("instansiInduk", verified ? otherThan(e.instansiIndukNama(), e.instansiKerjaNama()) : ABSENT);
        m.put("kedudukan", verified ? text(e.kedudukanPnsNama()) : ABSENT);
        m.put("golongan", verified ? text(e.golRuangAkhir()) : ABSENT);
        m.put("jenisPegawai", verified ? text(e.jenisPegawaiNama()) : ABSENT);
        m.put("lokasiKerja", verified ? text(e.lokasiKerja()) : ABSENT);
        return m;
    }

    /** A head unit or employer that is the unit or employer itself is not worth a second line: "-" then. */
    private static String otherThan(String parent, String unit) {
        String p = text(parent);
        return p.equalsIgnoreCase(text(unit)) ? ABSENT : p;
    }

    private static Map<String, Object> mismatch(ViolationCase c) {
        Report r = c.getReport();
        boolean name = ReportedVsBkn.namesDiffer(r.name(), c.getEmployee());
        boolean agency = ReportedVsBkn.agenciesDiffer(r.agency(), c.getEmployee());
        boolean region = c.getRegionResolution() != null && c.getRegionResolution().conflict();
        return Map.of("name", name, "agency", agency, "region", region, "any", name || agency || region);
    }

    private static void putClassification(Map<String, Object> m, ViolationCase c) {
        Classification k = c.getClassification();
        Category cat = k == null ? null : k.category();
        m.put("classified", k != null);
        m.put("category", Map.of(
                "code", cat == null ? ABSENT : text(cat.code()),
                "label", cat == null ? ABSENT : text(cat.label()),
                "legalBasis", cat == null ? ABSENT : text(cat.legalBasis()),
                "needsReview", cat != null && cat.needsReview()));
        m.put("severity", CaseFacts.severityLabel(c));
        m.put("baseSeverity", k == null || k.baseSeverity() == null ? ABSENT : k.baseSeverity().name().replace('_', ' '));
        m.put("escalated", k != null && k.escalated());
        m.put("escalationReasons", k == null ? List.of() : List.copyOf(k.escalationReasons()));
    }

    static List<Map<String, Object>> attachments(List<EvidenceFile> files, AttachmentsLeftOut leftOut) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (EvidenceFile file : files) {
            out.add(Map.of("name", text(file.name()), "size", ByteSizes.format(file.size()), "bytes", ByteSizes.exact(file.size()),
                    "sha256", file.withheld() ? ABSENT : file.sha256(), "attached", !file.withheld(),
                    "withheldForMail", file.withheld() && !leftOut.withheldForItsSize(file)));
        }
        return out;
    }

    static Map<String, Object> leftOut(AttachmentsLeftOut leftOut) {
        return Map.of("any", leftOut.dropped() > 0, "count", leftOut.dropped(), "size", ByteSizes.format(leftOut.droppedBytes()),
                "names", leftOut.droppedNames(), "unnamed", leftOut.unnamed(), "max", leftOut.maxPerMessage(),
                "mailLimit", leftOut.maxMailBytes() == 0 ? ABSENT : ByteSizes.format(leftOut.maxMailBytes()));
    }

    /** Only http(s) links become clickable: a "javascript:" URL in a report must stay inert text. */
    static List<Map<String, Object>> evidence(List<String> links) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (String link : links) {
            if (!CaseFacts.hasText(link)) {
                continue;
            }
            String url = link.trim();
            String lower = url.toLowerCase(Locale.ROOT);
            boolean web = (lower.startsWith("https://") || lower.startsWith("http://")) && !url.matches(".*\\s.*");
            out.add(Map.of("url", url, "web", web));
        }
        return out;
    }

    static Map<String, Object> region(Region region) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("known", region != null);
        m.put("code", region == null ? ABSENT : text(region.code()));
        m.put("name", region == null ? ABSENT : text(region.name()));
        m.put("fullName", region == null ? ABSENT : RegionLabel.of(region));
        m.put("type", region == null || region.type() == null ? ABSENT : region.type().name());
        m.put("government", region == null ? ABSENT : "Pemerintah " + RegionLabel.of(region));
        m.put("head", region == null ? ABSENT : CaseFacts.regionalHead(region));
        m.put("personnelOffice", region == null ? "BKPSDM/BKD" : CaseFacts.personnelOffice(region));
        return m;
    }

    /** The Kanreg from the region directory, else the one BKN names in the employee record. */
    private static Map<String, Object> kanreg(Kanreg kanreg, Employee e) {
        if (kanreg != null) {
            return Map.of("known", true, "name", text(kanreg.name()), "city", text(kanreg.city()));
        }
        if (e != null && CaseFacts.hasText(e.kanregNama())) {
            return Map.of("known", true, "name", e.kanregNama().trim(), "city", ABSENT);
        }
        return Map.of("known", false, "name", ABSENT, "city", ABSENT);
    }

    static String text(String s) {
        return CaseFacts.hasText(s) ? s.strip() : ABSENT;
    }
}
