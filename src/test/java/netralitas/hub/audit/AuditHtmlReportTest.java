package netralitas.hub.audit;

import netralitas.hub.progress.Progress;
import netralitas.hub.testing.MutableClock;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AuditHtmlReportTest {

    @TempDir
    Path dir;

    private final MutableClock clock = MutableClock.jakarta("2024-11-27T02:00:00Z");

    private Path audit() {
        return dir.resolve("audit");
    }

    private Document report(AuditHtmlReport report, LocalDate from, LocalDate to) throws IOException {
        Path file = dir.resolve("out/report.html");
        report.write(audit(), from, to, file, Progress.silent());
        return Jsoup.parse(Files.readString(file, StandardCharsets.UTF_8));
    }

    private Document fixtureReport() throws IOException {
        TrailAccess access = ReportFixture.write(audit(), clock);
        return report(new AuditHtmlReport(clock, ReportFixture.REGION_NAMES::get, access), null, null);
    }

    private static long count(Element row, String column) {
        Element cell = row.selectFirst("td[data-col=" + column + "]");
        assertNotNull(cell, column);
        return Long.parseLong(cell.text().replace(".", ""));
    }

    private static Element row(Document doc, String region) {
        Element row = doc.selectFirst("table.regions tr[data-region=" + region + "]");
        assertNotNull(row, "row for " + region);
        return row;
    }

    @Test
    void regionRowsCountCasesBySeverityAndWhereTheyStand() throws IOException {
        Document doc = fixtureReport();

        List<String> order = doc.select("table.regions tbody tr").eachAttr("data-region");
        assertEquals(List.of("15.08", "17.07", "17.08", "17.71", "36.72", "TRIASE", "PUSAT", "TANPA_WILAYAH"), order);

        Element kepahiang = row(doc, "\"17.08\"");
        assertEquals("Kabupaten Kepahiang", kepahiang.selectFirst("td.name").text());
        assertEquals(2, count(kepahiang, "cases"));
        assertEquals(1, count(kepahiang, "BERAT"));
        assertEquals(1, count(kepahiang, "SEDANG"));
        assertEquals(1, count(kepahiang, "DELIVERED"));
        assertEquals(1, count(kepahiang, "DEAD_LETTERED"));
        assertEquals(1, count(kepahiang, "not-finished"));
        assertEquals(1, count(kepahiang, "duplicates"), "the re-dropped NTR-2024-1101");
        assertEquals(0, count(kepahiang, "rejected"));

        Element bengkulu = row(doc, "\"17.71\"");
        assertEquals(2, count(bengkulu, "cases"));
        assertEquals(1, count(bengkulu, "CLOSED"));
        assertEquals(1, count(bengkulu, "BUKAN_PELANGGARAN"));
        assertEquals(0, count(bengkulu, "not-finished"));

        assertEquals(1, count(row(doc, "\"36.72\""), "DIGEST_SENT"));
        Element bungo = row(doc, "\"15.08\"");
        assertEquals(1, count(bungo, "DIGEST_QUEUED"));
        assertEquals(1, count(bungo, "RINGAN"));
        assertTrue(bungo.selectFirst("td[data-col=not-finished]").hasClass("warn"));

        assertEquals(1, count(row(doc, "TRIASE"), "TRIAGE"), "handed to Bawaslu staff: open, not delivered");
        assertEquals(1, count(row(doc, "TRIASE"), "not-finished"));
        assertEquals(1, count(row(doc, "PUSAT"), "BERAT"));
        Element none = row(doc, "TANPA_WILAYAH");
        assertEquals(1, count(none, "cases"));
        assertEquals(1, count(none, "DEFERRED"));
        assertEquals(1, count(none, "rejected"), "the rejected CSV row, which never became a case");

        Element total = doc.selectFirst("table.regions tfoot tr");
        assertEquals("Jumlah", total.selectFirst("th").text());
        // cases, 4 severities, 3 done, 1 ended, 5 open + their sum, duplicates, rejected
        assertEquals(List.of("10", "3", "3", "2", "1", "4", "1", "1", "0", "1", "1", "1", "1", "0", "4", "1", "1"),
                total.select("td").eachText());
        assertEquals("10", doc.getElementById("jumlah-kasus").text());
    }

    @Test
    void headerNamesTheTrailThePeriodAndTheGenerationTime() throws IOException {
        Document doc = fixtureReport();
        assertEquals("id", doc.selectFirst("html").attr("lang"));
        assertEquals("Laporan Audit Netralitas Hub", doc.title());
        assertEquals("Laporan Audit Netralitas Hub", doc.selectFirst("h1").text());
        String header = doc.selectFirst("header").text();
        assertTrue(header.contains("2024-11-27 09:00:00 WIB s.d. 2024-11-29 09:00:00 WIB"), header);
        assertTrue(header.contains("Dibuat 2024-11-29 16:00:00 WIB"), header);
        assertTrue(header.contains(audit().toAbsolutePath().toString()), header);
        assertTrue(header.contains("audit-2024-11-27.jsonl s.d. audit-2024-11-29.jsonl"), header);
        assertFalse(header.contains("Filter tanggal"), header);
        for (String heading : List.of("Verifikasi rantai hash", "Ringkasan per wilayah", "Linimasa per kasus")) {
            assertTrue(doc.select("h2").eachText().contains(heading), heading);
        }
    }

    @Test
    void anIntactChainIsShownAsUtuhWithTheEventsChecked() throws IOException {
        Document doc = fixtureReport();
        Element chain = doc.selectFirst("#verifikasi .chain");
        assertEquals("UTUH", chain.attr("data-result"));
        assertTrue(chain.hasClass("ok"));
        assertEquals("UTUH", chain.selectFirst(".verdict").text());
        assertEquals(doc.getElementById("jumlah-peristiwa").text(), chain.selectFirst(".checked").text());
    }

    @Test
    void anIntactKeyedChainShowsItsHeadHash() throws IOException {
        Document doc = fixtureReport();
        Element chain = doc.selectFirst("#verifikasi .chain");
        assertEquals("48", chain.selectFirst(".head-seq").text());
        assertTrue(chain.selectFirst(".head-hash").text().matches("[0-9a-f]{64}"), chain.text());
        assertTrue(chain.text().contains("cocok dengan kepala rantai"), chain.text());
    }

    @Test
    void aCutTailIsRusakEvenThoughEveryLineLeftIsIntact() throws IOException {
        TrailAccess access = ReportFixture.write(audit(), clock);
        Path day3 = audit().resolve("audit-2024-11-29.jsonl");
        List<String> lines = TrailFixture.lines(day3);
        TrailFixture.rewrite(day3, lines.subList(0, lines.size() - 1));

        Element chain = report(new AuditHtmlReport(clock, ReportFixture.REGION_NAMES::get, access), null, null)
                .selectFirst("#verifikasi .chain");
        assertEquals("RUSAK", chain.attr("data-result"));
        assertTrue(chain.text().contains("baris di ujung jejak telah dihapus"), chain.text());
        assertTrue(chain.selectFirst(".problem").text().contains("trail ends at seq 47 but the state store's head is"
                + " seq 48: line 48 was removed"), chain.text());
        assertFalse(chain.text().contains("UTUH"), chain.text());
    }

    @Test
    void aKeyedChainWhoseHeadWasNotComparedIsNotUtuh() throws IOException {
        ReportFixture.write(audit(), clock);
        TrailAccess noStore = new TrailAccess(MemoryChainHeads.KEY,
                () -> HeadLookup.unavailable("the state store is in use by the running hub"));
        Element chain = report(new AuditHtmlReport(clock, code -> null, noStore), null, null)
                .selectFirst("#verifikasi .chain");
        assertEquals("BELUM_TERVERIFIKASI", chain.attr("data-result"));
        assertTrue(chain.selectFirst(".problem").text().contains("in use by the running hub"), chain.text());
    }

    @Test
    void aKeyedChainWithoutTheKeyIsNotVerified() throws IOException {
        ReportFixture.write(audit(), clock);
        Element chain = report(new AuditHtmlReport(clock, code -> null), null, null).selectFirst("#verifikasi .chain");
        assertEquals("BELUM_TERVERIFIKASI", chain.attr("data-result"));
        assertTrue(chain.text().contains("HUB_AUDIT_CHAIN_KEY"), chain.text());
    }

    @Test
    void anUnkeyedTrailOfAnEarlierReleaseSaysSo() throws IOException {
        TrailFixture.write(audit(), clock, 5);
        Element chain = report(new AuditHtmlReport(clock, code -> null), null, null).selectFirst("#verifikasi .chain");
        assertEquals("TANPA_KUNCI", chain.attr("data-result"));
        assertEquals("TANPA KUNCI", chain.selectFirst(".verdict").text());
        assertTrue(chain.text().contains("membuktikan urutan baris, bukan keasliannya"), chain.text());
    }

    @Test
    void aTimelineListsTheCaseEventsInOrderAndHighlightsTheOutcome() throws IOException {
        Document doc = fixtureReport();
        assertEquals(ReportFixture.CASES, doc.select("article.case").eachAttr("data-case"));

        Element cilegon = doc.selectFirst("article.case[data-case=NTR-2024-1103]");
        assertEquals(List.of("RECEIVED", "CLASSIFIED", "ROUTED", "DIGEST_QUEUED", "DIGEST_SENT"),
                cilegon.select("table.timeline tbody tr").eachAttr("data-event"));
        assertEquals("DIGEST_SENT", cilegon.selectFirst("tr.outcome").attr("data-event"));
        assertEquals("Digest terkirim", cilegon.selectFirst("h3 .badge").text());
        assertTrue(cilegon.selectFirst("h3 .region").text().contains("36.72 Kota Cilegon"));
        List<Long> seqs = cilegon.select("td.seq").eachText().stream().map(Long::parseLong).toList();
        assertEquals(seqs.stream().sorted().toList(), seqs);

        // The re-dropped report does not hide that the case was delivered.
        Element first = doc.selectFirst("article.case[data-case=NTR-2024-1101]");
        assertEquals("DELIVERED", first.attr("data-status"));
        assertEquals("DELIVERED", first.selectFirst("tr.outcome").attr("data-event"));
        assertEquals("DUPLICATE", first.select("table.timeline tbody tr").last().attr("data-event"));
        assertTrue(first.selectFirst("tr[data-event=ROUTED] td.detail").text()
                .contains("Tembusan: inspektorat.kab-kepahiang@pemda.example,kanreg7@bkn.example"));
    }

    @Test
    void unfinishedCasesAreFlaggedWithHowLongTheyHaveWaited() throws IOException {
        Document doc = fixtureReport();
        Element deferred = doc.selectFirst("article.case[data-case=NTR-2024-1107]");
        assertTrue(deferred.hasClass("open"));
        assertEquals("Ditunda", deferred.selectFirst(".badge").text());
        // received 2024-11-27 09:20:30 WIB (the 31st event), report made 2024-11-29 16:00 WIB
        assertEquals("belum selesai · menunggu 2 hari 6 jam", deferred.selectFirst(".waiting-flag").text());
        assertNull(doc.selectFirst("article.case[data-case=NTR-2024-1102] .waiting-flag"));

        List<String> waiting = doc.select("#belum-selesai table.waiting tbody tr").eachAttr("data-case");
        assertEquals(List.of("NTR-2024-1104", "NTR-2024-1107", "NTR-2024-1108", "NTR-2024-1110"), waiting,
                "oldest first, the triaged case among them");
        Element link = doc.selectFirst("#belum-selesai tr[data-case=NTR-2024-1110] a");
        assertEquals(doc.selectFirst("article.case[data-case=NTR-2024-1110]").id(), link.attr("href").substring(1));
    }

    @Test
    void rejectedReportsAreListedWithTheirReason() throws IOException {
        Document doc = fixtureReport();
        Elements rows = doc.select("#ditolak table.rejections tbody tr");
        assertEquals(1, rows.size());
        assertTrue(rows.first().text().contains("laporan-bengkulu.csv:8"));
        assertTrue(rows.first().text().contains("NIP tidak valid: tanggal lahir 19801332 tidak ada"));
    }

    @Test
    void everythingFromTheTrailIsEscaped() throws IOException {
        String evilCase = "NTR-\"><img src=x onerror=alert(1)>";
        try (AuditTrail trail = AuditTrail.open(audit(), clock)) {
            trail.append("NTR-2024-0666", AuditEventType.RECEIVED, "<script>alert('source')</script>.csv:2", "intake",
                    Map.of("uraian", "<script>alert('x')</script>"));
            Map<String, Object> routed = new LinkedHashMap<>();
            routed.put("decision", "IMMEDIATE");
            routed.put("region", "<b>17.08</b>");
            routed.put("notes", List.of("</td></tr></table><h1>palsu</h1>"));
            trail.append("NTR-2024-0666", AuditEventType.ROUTED, "x.csv:2", "route", routed);
            trail.append(evilCase, AuditEventType.RECEIVED, "x.csv:3", "intake", Map.of());
            trail.append(null, AuditEventType.REJECTED, "x.csv:4", "reject-row", Map.of("alasan", "<i>&amp;</i>"));
        }
        Path file = dir.resolve("report.html");
        new AuditHtmlReport(clock, code -> "<u>" + code + "</u>").write(audit(), null, null, file, Progress.silent());
        String html = Files.readString(file, StandardCharsets.UTF_8);
        Document doc = Jsoup.parse(html);

        assertEquals(1, doc.select("script").size(), "the report's own script only, none from the trail");
        assertTrue(doc.selectFirst("script").data().contains("saring-wilayah"));
        assertFalse(doc.selectFirst("script").data().contains("alert"));
        assertTrue(doc.select("img, b, u, i").isEmpty(), doc.select("img, b, u, i").toString());
        assertEquals(1, doc.select("h1").size(), "a note cannot close the table and add a heading");
        assertTrue(doc.text().contains("uraian: <script>alert('x')</script>"), "shown as text, as written");
        assertTrue(doc.text().contains("<script>alert('source')</script>.csv:2"));
        assertTrue(doc.text().contains("<i>&amp;</i>"));
        assertEquals(evilCase, doc.select("article.case").get(1).attr("data-case"));
        assertEquals(evilCase, doc.select("article.case").get(1).selectFirst(".case-id").text());
        assertEquals("<b>17.08</b>", doc.selectFirst("table.regions tbody tr").attr("data-region"));
    }

    @Test
    void theFileIsSelfContained() throws IOException {
        fixtureReport();
        String html = Files.readString(dir.resolve("out/report.html"), StandardCharsets.UTF_8);
        Document doc = Jsoup.parse(html);
        assertTrue(html.startsWith("<!DOCTYPE html>"));
        assertEquals("utf-8", doc.selectFirst("meta[charset]").attr("charset"));
        assertTrue(doc.select("link, img, iframe, object, embed, [src]").isEmpty());
        assertEquals(1, doc.select("script").size(), "only the search and filters, inline");
        for (Element a : doc.select("a[href]")) {
            assertTrue(a.attr("href").startsWith("#"), a.toString());
        }
        assertFalse(html.contains("url("), "no fonts or images fetched from CSS");
        assertFalse(html.contains("@import"));
    }

    @Test
    void aTamperedLineShowsRusakWithFileLineAndProblem() throws IOException {
        TrailAccess access = ReportFixture.write(audit(), clock);
        Path day2 = audit().resolve("audit-2024-11-28.jsonl");
        List<String> lines = TrailFixture.lines(day2);
        String tampered = lines.get(1).replace("\"severity\":\"SEDANG\"", "\"severity\":\"RINGAN\"");
        assertFalse(tampered.equals(lines.get(1)));
        lines.set(1, tampered);
        TrailFixture.rewrite(day2, lines);

        Document doc = report(new AuditHtmlReport(clock, ReportFixture.REGION_NAMES::get, access), null, null);
        Element chain = doc.selectFirst("#verifikasi .chain");
        assertEquals("RUSAK", chain.attr("data-result"));
        assertTrue(chain.hasClass("broken"));
        assertEquals("RUSAK", chain.selectFirst(".verdict").text());
        assertEquals("audit-2024-11-28.jsonl", chain.selectFirst(".file").text());
        assertEquals("2", chain.selectFirst(".line").text());
        assertTrue(chain.selectFirst(".problem").text().contains("hash"), chain.text());
        // The rest of the trail is still shown, as unverified.
        assertEquals(ReportFixture.CASES.size(), doc.select("article.case").size());
    }

    @Test
    void theTimelineIsCappedWithANoteWhileTheTablesStayComplete() throws IOException {
        ReportFixture.write(audit(), clock);
        Document doc = report(new AuditHtmlReport(clock, ReportFixture.REGION_NAMES::get, 3, 2), null, null);
        assertEquals(ReportFixture.CASES.subList(0, 3), doc.select("article.case").eachAttr("data-case"));
        String note = doc.getElementById("batas-linimasa").text();
        assertTrue(note.contains("3 kasus pertama"), note);
        assertTrue(note.contains("7 kasus lain tidak ditampilkan"), note);
        assertTrue(note.contains("audit show <nomor kasus>") && note.contains("audit export"), note);
        assertEquals("10", doc.selectFirst("table.regions tfoot td").text());
        // The waiting list is capped too, and says so; a case without a timeline is not linked.
        assertEquals(2, doc.select("#belum-selesai table.waiting tbody tr").size());
        assertTrue(doc.selectFirst("#belum-selesai .cap-note").text().contains("2 kasus lain"));
        assertNull(doc.selectFirst("#belum-selesai tr[data-case=NTR-2024-1107] a"));
    }

    @Test
    void aLongCaseKeepsItsFirstEventsAndItsLatest() throws IOException {
        try (AuditTrail trail = AuditTrail.open(audit(), clock)) {
            trail.append("NTR-2024-0042", AuditEventType.RECEIVED, "a.csv:2", "intake", Map.of());
            for (int i = 0; i < 60; i++) {
                trail.append("NTR-2024-0042", AuditEventType.DELIVERY_DEFERRED, "a.csv:2", "deliver", Map.of("try", i));
            }
            trail.append("NTR-2024-0042", AuditEventType.DELIVERED, "a.csv:2", "deliver", Map.of());
        }
        Document doc = report(new AuditHtmlReport(clock, code -> null), null, null);
        Elements rows = doc.select("article.case table.timeline tbody tr");
        assertEquals(40 + 2, rows.size(), "40 first, a gap row, the latest");
        assertTrue(rows.get(40).hasClass("gap"));
        assertTrue(rows.get(40).text().contains("21 peristiwa lain"), rows.get(40).text());
        assertEquals("DELIVERED", rows.last().attr("data-event"));
        assertTrue(rows.last().hasClass("outcome"));
    }

    @Test
    void aDateRangeReportsOnlyItsEventsButVerifiesTheWholeTrail() throws IOException {
        TrailAccess access = ReportFixture.write(audit(), clock);
        Document doc = report(new AuditHtmlReport(clock, ReportFixture.REGION_NAMES::get, access),
                LocalDate.of(2024, 11, 29), LocalDate.of(2024, 11, 29));
        assertEquals("1", doc.getElementById("jumlah-peristiwa").text());
        assertTrue(doc.selectFirst("header").text().contains("Filter tanggal 2024-11-29 s.d. 2024-11-29"));
        assertEquals(List.of("NTR-2024-1103"), doc.select("article.case").eachAttr("data-case"));
        Element chain = doc.selectFirst("#verifikasi .chain");
        assertEquals("UTUH", chain.attr("data-result"));
        assertTrue(Long.parseLong(chain.selectFirst(".checked").text().replace(".", "")) > 40);
        assertTrue(chain.text().contains("seluruh jejak"));
    }

    @Test
    void anEmptyTrailGivesAReportThatSaysSo() throws IOException {
        TrailAccess started = new TrailAccess(MemoryChainHeads.KEY, () -> HeadLookup.found(ChainHead.EMPTY));
        Document doc = report(new AuditHtmlReport(clock, code -> null, started), null, null);
        assertEquals("UTUH", doc.selectFirst("#verifikasi .chain").attr("data-result"));
        assertEquals("0", doc.getElementById("jumlah-peristiwa").text());
        assertTrue(doc.selectFirst("#wilayah").text().contains("Tidak ada kasus"));
        assertTrue(doc.select("article.case").isEmpty());
    }

    @Test
    void aFailedWriteLeavesTheOldReportInPlace() throws IOException {
        ReportFixture.write(audit(), clock);
        Path file = dir.resolve("report.html");
        Files.writeString(file, "old");
        Files.createDirectory(dir.resolve("report.html.part")); // the writer cannot create its partial file
        assertThrowsIo(() -> new AuditHtmlReport(clock, code -> null)
                .write(audit(), null, null, file, Progress.silent()));
        assertEquals("old", Files.readString(file));
    }

    private interface IoAction {
        void run() throws IOException;
    }

    private static void assertThrowsIo(IoAction action) {
        try {
            action.run();
        } catch (IOException expected) {
            return;
        }
        throw new AssertionError("expected an IOException");
    }

    @Test
    void manyCasesStayWithinTheCapsAndAreAllCounted() throws IOException {
        try (AuditTrail trail = AuditTrail.open(audit(), clock)) {
            for (int i = 0; i < 3_000; i++) {
                String id = "NTR-2024-" + i;
                trail.append(id, AuditEventType.RECEIVED, "big.csv:" + i, "intake", Map.of());
                trail.append(id, AuditEventType.ROUTED, "big.csv:" + i, "route",
                        Map.of("decision", "IMMEDIATE", "region", i % 2 == 0 ? "17.08" : "17.71"));
                trail.append(id, AuditEventType.DELIVERED, "big.csv:" + i, "deliver", Map.of());
                clock.advance(Duration.ofSeconds(1));
            }
        }
        Document doc = report(new AuditHtmlReport(clock, code -> null), null, null);
        assertEquals(AuditHtmlReport.DEFAULT_TIMELINE_CASES, doc.select("article.case").size());
        assertEquals("3.000", doc.getElementById("jumlah-kasus").text());
        assertEquals(1_500, count(row(doc, "\"17.08\""), "DELIVERED"));
        assertEquals(1_500, count(row(doc, "\"17.71\""), "DELIVERED"));
        assertTrue(doc.getElementById("batas-linimasa").text().contains("1.000 kasus lain"));
    }
}
