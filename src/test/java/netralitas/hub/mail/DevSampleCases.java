package netralitas.hub.mail;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import netralitas.hub.bkn.Employee;
import netralitas.hub.cases.ViolationCase;
import netralitas.hub.classify.CategoryCatalogue;
import netralitas.hub.classify.SeverityClassifier;
import netralitas.hub.nip.NipValidator;
import netralitas.hub.region.RegionDirectory;
import netralitas.hub.region.RegionResolver;
import netralitas.hub.report.AcceptedRow;
import netralitas.hub.report.CaseIds;
import netralitas.hub.report.CsvBounds;
import netralitas.hub.report.CsvReportReader;
import netralitas.hub.report.CsvRow;
import netralitas.hub.report.CsvRows;
import netralitas.hub.report.Report;
import netralitas.hub.report.ReportParser;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The embedded mode's sample reports (config/dev/samples/laporan-contoh.csv) taken through the hub's own domain
 * steps — CSV parsing, the BKN simulator's records, region resolution over config/regions.csv, classification with
 * config/categories.yaml — into the cases the pipeline would deliver, without Camel. Rows are numbered as in
 * config/dev/README.md (1 = the first data row). Extra rows, in the same format, make kinds the sample lacks.
 */
final class DevSampleCases {

    private static final Path CONFIG = Path.of("config");
    /** After every sample date: the parser refuses an incident in the future. */
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2024-12-01T00:00:00Z"), ZoneId.of("Asia/Jakarta"));

    private final Map<String, Employee> bkn;
    private final RegionResolver regions;
    private final CategoryCatalogue categories;
    private final SeverityClassifier classifier;
    private final CsvReportReader csv = new CsvReportReader(new ReportParser(CLOCK, new NipValidator(CLOCK)),
            new CsvBounds(20_000, 50_000));

    DevSampleCases() {
        try {
            bkn = new ObjectMapper().readValue(CONFIG.resolve("dev/bkn-records.json").toFile(),
                    new TypeReference<Map<String, Employee>>() { });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        regions = new RegionResolver(RegionDirectory.inConfig(CONFIG));
        categories = CategoryCatalogue.load(CONFIG.resolve("categories.yaml"));
        classifier = new SeverityClassifier(categories);
    }

    CategoryCatalogue categories() {
        return categories;
    }

    /** The sample file's rows, by number. */
    Map<Integer, ViolationCase> samples() {
        try {
            return cases(Files.readString(CONFIG.resolve("dev/samples/laporan-contoh.csv")), "laporan-contoh.csv");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Rows in the sample file's format, under its header line. */
    Map<Integer, ViolationCase> extra(String... rows) {
        try {
            String header = Files.readAllLines(CONFIG.resolve("dev/samples/laporan-contoh.csv")).get(0);
            return cases(header + "\n" + String.join("\n", rows) + "\n", "laporan-tambahan.csv");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Map<Integer, ViolationCase> cases(String content, String fileName) {
        Map<Integer, ViolationCase> cases = new LinkedHashMap<>();
        try (CsvRows rows = csv.open(new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8)), fileName)) {
            while (rows.hasNext()) {
                CsvRow row = rows.next();
                if (!(row instanceof AcceptedRow accepted)) {
                    throw new IllegalStateException(fileName + " line " + row.line() + " was rejected: " + row);
                }
                cases.put((int) row.line() - 1, deliverable(accepted.report()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return cases;
    }

    /** What enrich, classify and route make of a report. */
    private ViolationCase deliverable(Report report) {
        ViolationCase c = new ViolationCase(CaseIds.forReport(report), report);
        if (report.hasNip()) {
            Employee employee = bkn.get(report.nip());
            if (employee == null) {
                c.notFoundAtBkn();
            } else {
                c.verified(employee);
            }
        }
        c.setRegionResolution(regions.resolve(report, c.getEmployee()));
        c.setClassification(classifier.classify(categories.categorise(report.categoryText(), report.description()),
                c.getEmployee(), report.position(), report.description()));
        return c;
    }
}
