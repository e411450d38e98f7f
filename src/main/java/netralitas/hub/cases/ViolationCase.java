package netralitas.hub.cases;

import netralitas.hub.bkn.Employee;
import netralitas.hub.classify.Classification;
import netralitas.hub.region.RegionResolution;
import netralitas.hub.report.Report;

import java.io.Serializable;

/**
 * A report on its way through the hub: filled in step by step (enrich, resolve region, classify) and
 * carried as the exchange body from intake to delivery.
 */
public final class ViolationCase implements Serializable {

    private final String caseId;
    private final Report report;
    private BknStatus bknStatus = BknStatus.NO_NIP;
    private Employee employee;
    private RegionResolution regionResolution;
    private Classification classification;

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
