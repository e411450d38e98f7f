package netralitas.hub.audit;

import netralitas.hub.progress.Progress;
import netralitas.hub.testing.MutableClock;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Leaves the fixture's trail and its report in target/audit-report-sample/ for the documented browser check
 * (docs/audit-report-screenshot.sh --sample), which opens the report in headless Chromium.
 */
class AuditReportSampleTest {

    static final Path SAMPLE = Path.of("target", "audit-report-sample");

    @Test
    void writesTheSampleTrailAndReport() throws IOException {
        if (Files.exists(SAMPLE)) {
            try (Stream<Path> old = Files.walk(SAMPLE)) {
                for (Path path : old.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
        MutableClock clock = MutableClock.jakarta("2024-11-27T02:00:00Z");
        Path audit = SAMPLE.resolve("data/audit");
        TrailAccess access = ReportFixture.write(audit, clock);
        AuditHtmlReport.Result result = new AuditHtmlReport(clock, ReportFixture.REGION_NAMES::get, access)
                .write(audit, null, null, SAMPLE.resolve("report.html"), Progress.silent());

        assertEquals(10, result.cases());
        Document doc = Jsoup.parse(Files.readString(result.file(), StandardCharsets.UTF_8));
        assertEquals("UTUH", doc.selectFirst("#verifikasi .chain").attr("data-result"));
    }
}
