package netralitas.hub.audit;

import netralitas.hub.progress.Progress;
import netralitas.hub.testing.HeadlessChromium;
import netralitas.hub.testing.MutableClock;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The auditor's report as a browser shows it: Debian's headless Chromium at a laptop's 1366 px. A small driver script,
 * added to a copy of the report, measures the page, types into the search box or picks a filter, and writes what
 * stayed visible into the DOM that Chromium dumps. Skipped where Chromium is missing, unless CI is set.
 */
class AuditReportInChromiumTest {

    private static final int LAPTOP = 1366;

    @TempDir
    Path dir;

    private final MutableClock clock = MutableClock.jakarta("2024-11-27T02:00:00Z");
    private int runs;

    private Document drive(String actions) throws IOException, InterruptedException {
        HeadlessChromium chromium = HeadlessChromium.requireOrSkip(Files.createDirectories(dir.resolve("chromium")));
        Path report = dir.resolve("report.html");
        if (!Files.exists(report)) {
            TrailAccess access = ReportFixture.write(dir.resolve("audit"), clock);
            new AuditHtmlReport(clock, ReportFixture.REGION_NAMES::get, access).write(dir.resolve("audit"), null, null,
                    report, Progress.silent());
        }
        String driver = "<script>\n"
                + "var widthBefore = document.documentElement.scrollWidth;\n"
                + "function type(id, value) { var el = document.getElementById(id); el.value = value;"
                + " el.dispatchEvent(new Event(el.tagName === 'SELECT' ? 'change' : 'input')); }\n"
                + actions + "\n"
                + "var out = document.createElement('pre'); out.id = 'hasil';\n"
                + "out.setAttribute('data-width-before', widthBefore);\n"
                + "out.setAttribute('data-width', document.documentElement.scrollWidth);\n"
                + "out.setAttribute('data-visible', Array.prototype.filter.call(document.querySelectorAll('article.case'),"
                + " function (a) { return a.offsetParent !== null; }).map(function (a) { return a.getAttribute('data-case'); }).join(' '));\n"
                + "out.setAttribute('data-waiting', Array.prototype.filter.call(document.querySelectorAll('#belum-selesai tbody tr'),"
                + " function (r) { return r.offsetParent !== null; }).map(function (r) { return r.getAttribute('data-case'); }).join(' '));\n"
                + "document.body.appendChild(out);\n</script>\n";
        String html = Files.readString(report, StandardCharsets.UTF_8).replace("</body>", driver + "</body>");
        Path driven = dir.resolve("driven-" + (++runs) + ".html");
        Files.writeString(driven, html, StandardCharsets.UTF_8);
        return Jsoup.parse(chromium.dumpDom(driven, LAPTOP, 900));
    }

    private static List<String> list(Document doc, String attribute) {
        String value = doc.getElementById("hasil").attr(attribute);
        return value.isBlank() ? List.of() : List.of(value.split(" "));
    }

    @Test
    void nothingIsWiderThanALaptopScreen() throws IOException, InterruptedException {
        Document doc = drive("");
        int width = Integer.parseInt(doc.getElementById("hasil").attr("data-width-before"));
        assertTrue(width > 1000 && width <= LAPTOP, "page is " + width + " px wide at a " + LAPTOP + " px window");
        assertEquals(ReportFixture.CASES, list(doc, "data-visible"), "without a filter every case shows");
        assertEquals("10 kasus ditampilkan di linimasa", doc.getElementById("jumlah-tampil").text());
    }

    @Test
    void typingInTheSearchBoxFiltersTheCasesAndTheWaitingList() throws IOException, InterruptedException {
        Document doc = drive("type('cari', 'cilegon');");
        assertEquals(List.of("NTR-2024-1103"), list(doc, "data-visible"));
        assertEquals(List.of(), list(doc, "data-waiting"), "Cilegon's digest went out");
        assertEquals("1 kasus ditampilkan di linimasa", doc.getElementById("jumlah-tampil").text());

        Document byId = drive("type('cari', 'NTR-2024-1110');");
        assertEquals(List.of("NTR-2024-1110"), list(byId, "data-visible"));
        assertEquals(List.of("NTR-2024-1110"), list(byId, "data-waiting"));
    }

    @Test
    void theRegionSeverityAndStatusFiltersCombine() throws IOException, InterruptedException {
        Document kepahiang = drive("type('saring-wilayah', '17.08');");
        assertEquals(List.of("NTR-2024-1101", "NTR-2024-1110"), list(kepahiang, "data-visible"));

        Document open = drive("type('saring-posisi', 'OPEN');");
        assertEquals(List.of("NTR-2024-1104", "NTR-2024-1107", "NTR-2024-1108", "NTR-2024-1110"),
                list(open, "data-visible"));
        assertEquals(list(open, "data-visible"), list(open, "data-waiting"));

        Document berat = drive("type('saring-tingkat', 'BERAT'); type('saring-posisi', 'DONE');");
        assertEquals(List.of("NTR-2024-1101", "NTR-2024-1105", "NTR-2024-1109"), list(berat, "data-visible"));
    }
}
