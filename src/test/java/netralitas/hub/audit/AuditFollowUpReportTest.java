package netralitas.hub.audit;

import netralitas.hub.progress.Progress;
import netralitas.hub.testing.HeadlessChromium;
import netralitas.hub.testing.MutableClock;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The HTML report's follow-up (SPEC §12): the per-region table of {@code audit followup}, the overdue cases, and each
 * case's follow-up timeline; and, in headless Chromium, that the new tables keep the page within a laptop's width.
 */
class AuditFollowUpReportTest {

    private static final Instant NOW = Instant.parse("2024-11-27T02:00:00Z");

    @TempDir
    Path dir;

    private Path report() throws Exception {
        MutableClock clock = MutableClock.jakarta("2024-10-01T02:00:00Z");
        MemoryChainHeads heads = new MemoryChainHeads();
        try (AuditTrail trail = heads.open(dir.resolve("audit"), clock)) {
            FollowUpTrailFixture.writeCases(trail, NOW);
        }
        clock.set(NOW);
        Path report = dir.resolve("laporan.html");
        new AuditHtmlReport(clock, Map.of("17.08", "Kabupaten Kepahiang")::get, heads.access())
                .write(dir.resolve("audit"), null, null, report, Progress.silent());
        return report;
    }

    @Test
    void theFollowUpTableTheOverdueCasesAndEachCasesFollowUpTimeline() throws Exception {
        Document doc = Jsoup.parse(report().toFile(), "UTF-8");

        Element kepahiang = doc.selectFirst("#tindak-lanjut table.follow-up tr[data-region=17.08]");
        assertEquals(List.of("17.08", "Kabupaten Kepahiang", "3", "2", "1", "1", "12", "1"), cells(kepahiang));
        assertEquals(List.of("—", "Tanpa wilayah (triase/pusat)", "1", "0", "0", "1", "3", "0"),
                cells(doc.selectFirst("#tindak-lanjut table.follow-up tr[data-region=TANPA_WILAYAH]")));
        assertTrue(kepahiang.selectFirst("td[data-col=overdue]").hasClass("warn"));
        assertTrue(kepahiang.selectFirst("td[data-col=bounced]").hasClass("warn"), "a case that never reached its office");
        assertEquals(List.of("NH-A", "NH-D"), doc.select("#tindak-lanjut table.overdue tbody tr").eachAttr("data-case"));
        assertEquals(List.of("NH-A", "17.08 Kabupaten Kepahiang", "SEDANG", "2024-11-15 09:00:00 WIB (UTC+07:00)", "12",
                "2", "ya", "ya"), cells(doc.selectFirst("#tindak-lanjut table.overdue tr[data-case=NH-A]")));

        Element caseA = doc.selectFirst("article[data-case=NH-A] ol.follow-up");
        assertEquals(List.of("FORWARDED", "BOUNCED", "FOLLOW_UP", "REMINDED", "BOUNCED", "REMINDED", "ESCALATED"),
                caseA.select("li").eachAttr("data-event"));
        assertTrue(caseA.selectFirst("li[data-event=BOUNCED]").text().contains("surat tidak terkirim kepada"
                + " bkpsdm@pemda.example"), caseA.text());
        assertTrue(caseA.selectFirst("li[data-event=FOLLOW_UP]").hasClass("spoofed"), "a reply from elsewhere stands out");
        assertTrue(caseA.selectFirst("li[data-event=REMINDED]").text().contains("pengingat ke-1 kepada bkpsdm@pemda.example"));
        Element caseB = doc.selectFirst("article[data-case=NH-B] ol.follow-up");
        assertEquals(List.of("FORWARDED", "FOLLOW_UP", "FOLLOW_UP", "FOLLOW_UP_CLOSED"), caseB.select("li").eachAttr("data-event"));
        assertTrue(caseB.text().contains("sanksi: Teguran tertulis"), caseB.text());
        assertEquals(null, doc.selectFirst("article[data-case=NH-E] ol.follow-up"), "delivered without a deadline");
    }

    @Test
    void theFollowUpTablesFitALaptopScreenInChromium() throws Exception {
        HeadlessChromium chromium = HeadlessChromium.requireOrSkip(Files.createDirectories(dir.resolve("chromium")));
        Path report = report();
        String measured = Files.readString(report, StandardCharsets.UTF_8).replace("</body>", "<script>\n"
                + "var out = document.createElement('pre'); out.id = 'hasil';\n"
                + "out.setAttribute('data-width', document.documentElement.scrollWidth);\n"
                + "out.setAttribute('data-table', document.querySelector('#tindak-lanjut table.follow-up').offsetWidth);\n"
                + "document.body.appendChild(out);\n</script>\n</body>");
        Path driven = dir.resolve("driven.html");
        Files.writeString(driven, measured, StandardCharsets.UTF_8);
        Element result = Jsoup.parse(chromium.dumpDom(driven, 1366, 900)).getElementById("hasil");
        int width = Integer.parseInt(result.attr("data-width"));
        assertTrue(width <= 1366, "page is " + width + " px wide at a 1366 px window");
        assertTrue(Integer.parseInt(result.attr("data-table")) > 300, "the follow-up table is shown");
    }

    private static List<String> cells(Element row) {
        return row.select("td").eachText();
    }
}
