package netralitas.hub.camel;

import netralitas.hub.cases.ViolationCase;
import netralitas.hub.classify.Category;
import netralitas.hub.classify.CategoryCatalogue;
import netralitas.hub.classify.SeverityClassifier;
import netralitas.hub.report.Report;

/** Route {@code classify}: category from the report, then severity with escalation (SPEC §5). */
public final class CaseClassifier {

    private final CategoryCatalogue catalogue;
    private final SeverityClassifier classifier;

    public CaseClassifier(CategoryCatalogue catalogue, SeverityClassifier classifier) {
        this.catalogue = catalogue;
        this.classifier = classifier;
    }

    public ViolationCase classify(ViolationCase violationCase) {
        Report report = violationCase.getReport();
        Category category = catalogue.categorise(report.categoryText(), report.description());
        violationCase.setClassification(classifier.classify(category, violationCase.getEmployee(), report.position(),
                report.description()));
        return violationCase;
    }
}
