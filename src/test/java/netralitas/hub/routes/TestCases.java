package netralitas.hub.routes;

import netralitas.hub.bkn.Employee;
import netralitas.hub.cases.ViolationCase;
import netralitas.hub.classify.Category;
import netralitas.hub.classify.CategoryCatalogue;
import netralitas.hub.classify.Classification;
import netralitas.hub.classify.Severity;
import netralitas.hub.report.Report;
import netralitas.hub.report.ReportSource;
import netralitas.hub.report.SubjectType;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

/**
 * Cases as route {@code route} receives them — enriched (or not found at BKN) and classified — built from the domain
 * classes, with categories from this project's config/categories.yaml.
 */
final class TestCases {

    static final CategoryCatalogue CATEGORIES = CategoryCatalogue.load(Path.of("config/categories.yaml"));

    /** Kabupaten Bogor's instansi in config/siasn-instansi-daerah.csv. */
    static final String BOGOR_INSTANSI = "A5EB03E23C3FF6A0E040640A040252AD";

    private String caseId;
    private ReportSource source;
    private String nip = "198505172010012007";
    private SubjectType subjectType = SubjectType.ASN;
    private String regionCode;
    private String regionName;
    private Classification classification;
    private Employee employee;
    private boolean notFoundAtBkn;

    private TestCases() {
    }

    /** A report of one CSV row, about an ASN, classified SEDANG, with no region yet. */
    static TestCases csvRow(String caseId) {
        TestCases builder = new TestCases();
        builder.caseId = caseId;
        builder.source = ReportSource.csv("route-test.csv", 2);
        return builder.severity(Severity.SEDANG);
    }

    /** The same, emailed. */
    static TestCases emailed(String caseId) {
        TestCases builder = csvRow(caseId);
        builder.source = ReportSource.email("<" + caseId + "@pelapor.example>");
        return builder;
    }

    TestCases regionCode(String code) {
        this.regionCode = code;
        return this;
    }

    TestCases regionName(String name) {
        this.regionName = name;
        return this;
    }

    TestCases about(SubjectType type) {
        this.subjectType = type;
        return this;
    }

    /** Classified in the first category of the matrix with this severity, not escalated. */
    TestCases severity(Severity severity) {
        Category category = CATEGORIES.all().stream().filter(c -> c.severity() == severity && !c.needsReview())
                .findFirst().orElseThrow(() -> new AssertionError("no category of severity " + severity));
        return classified(category, severity);
    }

    /** Classified in this category at this (final) severity. */
    TestCases classified(Category category, Severity severity) {
        this.classification = new Classification(category, category.severity(), severity,
                severity == category.severity() ? List.of() : List.of("jabatan pimpinan"));
        return this;
    }

    /** BKN knows the NIP: the employee works for this instansi. */
    TestCases employedBy(String instansiKerjaId, String instansiKerjaNama) {
        this.employee = new Employee(nip, "DEWI KARTIKA SARI", null, null, "PNS", "Aktif", instansiKerjaId,
                instansiKerjaNama, instansiKerjaId, instansiKerjaNama, null, instansiKerjaNama, null, null, "Analis",
                null, null, "III/c", null, null, null);
        return this;
    }

    TestCases notFoundAtBkn() {
        this.notFoundAtBkn = true;
        return this;
    }

    ViolationCase build() {
        Report report = new Report(source, null, LocalDate.of(2024, 10, 20), nip, "Dewi Kartika Sari", "Analis", null,
                subjectType, regionCode, regionName, classification.category().code(),
                "Terlapor terlihat dalam kegiatan pasangan calon pada hari kerja.", null, List.of(), null, null);
        ViolationCase violationCase = new ViolationCase(caseId, report);
        if (employee != null) {
            violationCase.verified(employee);
        } else if (notFoundAtBkn) {
            violationCase.notFoundAtBkn();
        }
        violationCase.setClassification(classification);
        return violationCase;
    }
}
