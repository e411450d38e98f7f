package netralitas.hub.cases;

import netralitas.hub.bkn.Employee;
import netralitas.hub.classify.Classification;
import netralitas.hub.inbox.AttachmentsLeftOut;
import netralitas.hub.inbox.EvidenceFile;
import netralitas.hub.region.RegionResolution;
import netralitas.hub.report.Report;

import java.io.Serializable;
import java.util.List;

/**
 * A report on its way through the hub: filled in step by step (enrich, resolve region, classify) and
 * carried as the exchange body from intake to delivery.
 */
public final class ViolationCase implements Serializable {

    /** The value the class had before it was fixed: cases parked or queued then still read back. */
    private static final long serialVersionUID = 8475746559065673204L;

    private final String caseId;
    private final Report report;
    private BknStatus bknStatus = BknStatus.NO_NIP;
    private Employee employee;
    private RegionResolution regionResolution;
    private Classification classification;
    private List<EvidenceFile> evidenceFiles = List.of();
    /** Null in a case stored before it existed. */
    private AttachmentsLeftOut evidenceLeftOut = AttachmentsLeftOut.NONE;
    /** Null until route {@code route} decided, and in a case parked before the decision was kept on the case. */
    private RoutingDecision routingDecision;

    public ViolationCase(String caseId, Report report) {
        this.caseId = caseId;
        this.report = report;
    }

    public String getCaseId() {
        return caseId;
    }

    public Report getReport() {
        return report;
    }

    public BknStatus getBknStatus() {
        return bknStatus;
    }

    public Employee getEmployee() {
        return employee;
    }

    public void verified(Employee employee) {
        this.employee = employee;
        this.bknStatus = BknStatus.VERIFIED;
    }

    public void notFoundAtBkn() {
        this.employee = null;
        this.bknStatus = BknStatus.NOT_FOUND;
    }

    public RoutingDecision getRoutingDecision() {
        return routingDecision;
    }

    public void setRoutingDecision(RoutingDecision routingDecision) {
        this.routingDecision = routingDecision;
    }

    public RegionResolution getRegionResolution() {
        return regionResolution;
    }

    public void setRegionResolution(RegionResolution regionResolution) {
        this.regionResolution = regionResolution;
    }

    public Classification getClassification() {
        return classification;
    }

    public void setClassification(Classification classification) {
        this.classification = classification;
    }

    /** Files attached to the report's email, forwarded with the case (empty for CSV reports). */
    public List<EvidenceFile> getEvidenceFiles() {
        return evidenceFiles;
    }

    public void attachEvidence(List<EvidenceFile> files) {
        attachEvidence(files, AttachmentsLeftOut.NONE);
    }

    /** The files that travel with the case, and what of the report's email did not (SPEC §9). */
    public void attachEvidence(List<EvidenceFile> files, AttachmentsLeftOut leftOut) {
        this.evidenceFiles = List.copyOf(files);
        this.evidenceLeftOut = leftOut;
    }

    /** Files of the report's email that are not forwarded with the case: never null. */
    public AttachmentsLeftOut getEvidenceLeftOut() {
        return evidenceLeftOut == null ? AttachmentsLeftOut.NONE : evidenceLeftOut;
    }

    /** The name to show: BKN's (with titles) when verified, else as reported. */
    public String getDisplayName() {
        if (employee != null) {
            return employee.fullName();
        }
        return report.name() != null ? report.name() : "(nama tidak disebutkan)";
    }

    @Override
    public String toString() {
        return caseId + " (" + report.source() + ")";
    }
}
