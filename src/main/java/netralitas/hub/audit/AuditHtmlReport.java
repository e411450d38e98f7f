package netralitas.hub.audit;

import netralitas.hub.classify.Severity;
import netralitas.hub.progress.Progress;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * {@code audit report}: one self-contained HTML file for an auditor (Indonesian, no script, nothing fetched from
 * anywhere) — whether the hash chain holds, cases per region with where they stand, the cases still waiting, the
 * rejected reports and a timeline per case. The trail is read once, verifying and counting in the same pass; only
 * the first cases' timelines are kept, so the tables are complete for any size of trail while the file stays one an
 * auditor can open.
 */
public final class AuditHtmlReport {

    /** Cases shown with a timeline; the rest are counted in the tables and a command away. */
    public static final int DEFAULT_TIMELINE_CASES = 2_000;
    private static final int TIMELINE_EVENTS_PER_CASE = 40;
    private static final int DEFAULT_LIST_ROWS = 1_000;
    private static final int MAX_VALUE_CHARS = 400;
    /** Columns of the region table: where finished cases ended, and where the others wait. */
    private static final CaseStatus[] DONE = {CaseStatus.DELIVERED, CaseStatus.DIGEST_SENT, CaseStatus.CLOSED};
    private static final CaseStatus[] WAITING =
            {CaseStatus.DIGEST_QUEUED, CaseStatus.DEFERRED, CaseStatus.DEAD_LETTERED, CaseStatus.IN_PROGRESS};

    /**
     * What was written.
     *
     * @param events events within the period read into the report
     * @param cases  distinct cases among them
     * @param verification the verification of the whole trail (not only the period): chain, state store's head
     */
    public record Result(Path file, long events, long cases, TrailVerification verification) {

        /** The chain of the files on their own. */
        public VerifyResult chain() {
            return verification.chain();
        }
    }

    private final Clock clock;
    private final Function<String, String> regionNames;
    private final TrailAccess access;
    private final int timelineCases;
    private final int listRows;

    /**
     * Without chain key or state store ({@link TrailAccess#NONE}): a keyed trail is then reported as not verified.
     *
     * @param regionNames the name of a region by Kemendagri code (null when unknown); the trail records codes only
     */
    public AuditHtmlReport(Clock clock, Function<String, String> regionNames) {
        this(clock, regionNames, TrailAccess.NONE);
    }

    /** @param access the chain key and the state store's head, to verify the trail fully */
    public AuditHtmlReport(Clock clock, Function<String, String> regionNames, TrailAccess access) {
        this(clock, regionNames, access, DEFAULT_TIMELINE_CASES, DEFAULT_LIST_ROWS);
    }

    AuditHtmlReport(Clock clock, Function<String, String> regionNames, int timelineCases, int listRows) {
        this(clock, regionNames, TrailAccess.NONE, timelineCases, listRows);
    }

    AuditHtmlReport(Clock clock, Function<String, String> regionNames, TrailAccess access, int timelineCases,
                    int listRows) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.regionNames = regionNames == null ? code -> null : regionNames;
        this.access = Objects.requireNonNull(access, "access");
        this.timelineCases = timelineCases;
        this.listRows = listRows;
    }

    /**
     * Reads the trail in {@code auditDir} and writes the report to {@code outFile} (replacing it only once complete).
     * A broken chain is not an error here: the report shows where it broke, and {@link Result#chain()} says so.
     *
     * @param from inclusive local date of the events to report; null for no lower bound
     * @param to   inclusive; null for no upper bound
     */
    public Result write(Path auditDir, LocalDate from, LocalDate to, Path outFile, Progress progress)
            throws IOException {
        TrailFacts facts = new TrailFacts(from, to, timelineCases, TIMELINE_EVENTS_PER_CASE, listRows);
        HeadLookup lookup = access.head().get();
        long headSeq = lookup.kind() == HeadLookup.Kind.FOUND ? lookup.head().seq() : -1;
        AuditVerifier.Scan scan = new AuditVerifier(access.key())
                .scan(auditDir, new AuditVerifier.Watch(headSeq, null), facts::add, progress);
        TrailVerification verification = AuditVerifier.verification(scan, lookup, null);
        progress.finish();
        Path absolute = outFile.toAbsolutePath();
        if (absolute.getParent() != null) {
            Files.createDirectories(absolute.getParent());
        }
        Path partial = absolute.resolveSibling(absolute.getFileName() + ".part");
        try {
            try (Writer out = Files.newBufferedWriter(partial, StandardCharsets.UTF_8)) {
                render(auditDir, facts, scan, verification, out);
            }
            try {
                Files.move(partial, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(partial, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException | RuntimeException e) {
            if (Files.isRegularFile(partial)) {
                Files.deleteIfExists(partial);
            }
            throw e;
        }
        return new Result(absolute, facts.events(), facts.tally().cases(), verification);
    }

    void render(Path auditDir, TrailFacts facts, AuditVerifier.Scan scan, TrailVerification verification, Writer out)
            throws IOException {
        OffsetDateTime now = OffsetDateTime.now(clock);
        out.write("<!DOCTYPE html>\n<html lang=\"id\">\n<head>\n<meta charset=\"utf-8\">\n"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                + "<title>Laporan Audit Netralitas Hub</title>\n<style>\n" + STYLE + "</style>\n</head>\n<body>\n");
        header(auditDir, facts, now, out);
        out.write("<nav><a href=\"#verifikasi\">Verifikasi rantai hash</a> · <a href=\"#wilayah\">Ringkasan per wilayah</a>"
                + " · <a href=\"#peristiwa\">Peristiwa per jenis</a> · <a href=\"#belum-selesai\">Kasus belum selesai</a>"
                + " · <a href=\"#ditolak\">Laporan ditolak</a> · <a href=\"#linimasa\">Linimasa per kasus</a></nav>\n");
        Map<String, Integer> anchors = anchors(facts.timelines().timelines());
        chain(facts, scan, verification, out);
        regions(facts.tally(), out);
        events(facts, out);
        waiting(facts.tally(), anchors, now, out);
        rejections(facts, anchors, out);
        timelines(facts, anchors, now, out);
        out.write("<footer>Dibuat oleh Netralitas Hub (<code>audit report</code>). Identitas pelapor di jejak audit sudah"
                + " disamarkan (hash berkunci); laporan ini tidak menambah data pribadi apa pun.</footer>\n");
        out.write("</body>\n</html>\n");
    }

    private void header(Path auditDir, TrailFacts facts, OffsetDateTime now, Writer out) throws IOException {
        List<Path> files = AuditFiles.list(auditDir);
        out.write("<header>\n<h1>Laporan Audit Netralitas Hub</h1>\n<dl class=\"meta\">\n");
        item(out, "Dibuat", ReportText.time(now));
        item(out, "Folder jejak", "<code>" + Html.escape(auditDir.toAbsolutePath().toString()) + "</code>");
        item(out, "Berkas jejak", files.isEmpty() ? "tidak ada"
                : ReportText.number(files.size()) + " (<code>" + Html.escape(files.get(0).getFileName().toString())
                + "</code>" + (files.size() > 1 ? " s.d. <code>"
                + Html.escape(files.get(files.size() - 1).getFileName().toString()) + "</code>" : "") + ")");
        if (facts.from() != null || facts.to() != null) {
            item(out, "Filter tanggal", (facts.from() == null ? "awal jejak" : facts.from().toString()) + " s.d. "
                    + (facts.to() == null ? "akhir jejak" : facts.to().toString()) + " (inklusif)");
        }
        item(out, "Jumlah peristiwa", "<span id=\"jumlah-peristiwa\">" + ReportText.number(facts.events()) + "</span>");
        item(out, "Jumlah kasus", "<span id=\"jumlah-kasus\">" + ReportText.number(facts.tally().cases()) + "</span>");
        item(out, "Periode", facts.first() == null ? "tidak ada peristiwa"
                : ReportText.time(facts.first()) + " s.d. " + ReportText.time(facts.last()));
        out.write("</dl>\n</header>\n");
    }

    private static void item(Writer out, String term, String html) throws IOException {
        out.write("<div><dt>" + term + "</dt><dd>" + html + "</dd></div>\n");
    }

    private static void chain(TrailFacts facts, AuditVerifier.Scan scan, TrailVerification verification, Writer out)
            throws IOException {
        VerifyResult result = scan.result();
        out.write("<section id=\"verifikasi\">\n<h2>Verifikasi rantai hash</h2>\n");
        if (result.keyMissing()) {
            out.write("<div class=\"chain incomplete\" data-result=\"BELUM_TERVERIFIKASI\"><p class=\"verdict\">BELUM"
                    + " TERVERIFIKASI</p>\n<p>Jejak ini berkunci (HMAC-SHA256) mulai berkas <code class=\"file\">"
                    + Html.escape(result.file().getFileName().toString()) + "</code>, baris <strong class=\"line\">"
                    + result.lineNumber() + "</strong>, tetapi kunci rantai tidak diberikan. Jalankan ulang dengan"
                    + " <code>HUB_AUDIT_CHAIN_KEY</code> berisi kunci rantai hub.</p>\n<p>"
                    + ReportText.number(result.eventsChecked()) + " peristiwa sebelum baris itu utuh.</p>\n");
        } else if (!result.ok()) {
            String file = result.file() == null ? "?" : result.file().getFileName().toString();
            out.write("<div class=\"chain broken\" data-result=\"RUSAK\"><p class=\"verdict\">RUSAK</p>\n"
                    + "<p>Rantai hash rusak di berkas <code class=\"file\">" + Html.escape(file) + "</code>, baris <strong"
                    + " class=\"line\">" + result.lineNumber() + "</strong>.</p>\n"
                    + "<p>Masalah: <code class=\"problem\">" + Html.escape(result.problem()) + "</code></p>\n"
                    + "<p>" + ReportText.number(result.eventsChecked()) + " peristiwa sebelum baris itu utuh. Mulai baris"
                    + " itu isi jejak tidak dapat dipercaya: " + ReportText.number(scan.unverifiedEvents())
                    + " peristiwa sesudahnya tetap dihitung di laporan ini tanpa verifikasi"
                    + (scan.unreadableLines() > 0 ? ", " + ReportText.number(scan.unreadableLines())
                    + " baris yang tidak terbaca dilewati" : "") + ". Periksa dengan <code>audit verify</code> dan"
                    + " bandingkan dengan salinan cadangan jejak.</p>\n"
                    + "<p class=\"path\">" + Html.escape(result.file() == null ? "" : result.file().toString()) + "</p>\n");
        } else {
            String checked = "<strong class=\"checked\">" + ReportText.number(result.eventsChecked())
                    + "</strong> peristiwa diperiksa, dari yang pertama sampai yang terakhir";
            HeadCheck head = verification.head();
            switch (verification.verdict()) {
                case INTACT -> out.write("<div class=\"chain ok\" data-result=\"UTUH\"><p class=\"verdict\">UTUH</p>\n"
                        + "<p>Rantai hash berkunci utuh: " + checked + ". Tidak ada baris yang diubah, dihapus,"
                        + " disisipkan, ditukar urutannya atau dihitung ulang tanpa kunci, dan akhir jejak cocok dengan"
                        + " kepala rantai yang dicatat di basis data status" + headSentence(head) + ".</p>\n");
                case UNKEYED -> out.write("<div class=\"chain unkeyed\" data-result=\"TANPA_KUNCI\"><p class=\"verdict\">"
                        + "TANPA KUNCI</p>\n<p>Rantai hash utuh (" + checked + "), tetapi jejak ini ditulis tanpa kunci"
                        + " (SHA-256 biasa, oleh rilis sebelum rantai berkunci): rantai ini membuktikan urutan baris,"
                        + " bukan keasliannya. Siapa pun yang dapat menulis berkas jejak dapat menghitung ulang hashnya.</p>\n");
                case BROKEN -> out.write("<div class=\"chain broken\" data-result=\"RUSAK\"><p class=\"verdict\">RUSAK"
                        + "</p>\n<p>Setiap baris berkas jejak utuh (" + checked + "), tetapi akhir jejak tidak cocok"
                        + " dengan kepala rantai yang dicatat di basis data status: " + headProblem(head) + ".</p>\n"
                        + "<p>Masalah: <code class=\"problem\">" + Html.escape(head.message()) + "</code></p>\n");
                case INCOMPLETE -> out.write("<div class=\"chain incomplete\" data-result=\"BELUM_TERVERIFIKASI\">"
                        + "<p class=\"verdict\">BELUM TERVERIFIKASI</p>\n<p>Setiap baris berkas jejak utuh (" + checked
                        + "), tetapi akhir jejak belum dibandingkan dengan kepala rantai di basis data status, sehingga"
                        + " baris yang dipotong dari ujung jejak tidak akan terlihat.</p>\n<p>Sebab: <code class=\"problem\">"
                        + Html.escape(head.message()) + "</code></p>\n");
            }
            out.write("<p>Kepala rantai: peristiwa <strong class=\"head-seq\">" + result.eventsChecked() + "</strong>,"
                    + " hash <code class=\"head-hash\">" + result.lastHash() + "</code>. Bandingkan dengan hash di"
                    + " surel jangkar harian (<code>audit verify --anchor &lt;hash&gt;</code>).</p>\n");
            if (result.keyedFrom() > 1) {
                out.write("<p class=\"note\">Peristiwa 1–" + (result.keyedFrom() - 1) + " ditulis tanpa kunci oleh rilis"
                        + " sebelumnya; peristiwa berkunci sesudahnya mengikat isinya.</p>\n");
            }
        }
        if (facts.from() != null || facts.to() != null) {
            out.write("<p class=\"note\">Verifikasi mencakup seluruh jejak, bukan hanya periode yang dipilih.</p>\n");
        }
        out.write("</div>\n</section>\n");
    }

    private static String headSentence(HeadCheck head) {
        if (head.outcome() == HeadCheck.Outcome.BEHIND) {
            return " (kepala tercatat di peristiwa " + head.stored().seq() + "; peristiwa sesudahnya ditulis sebelum hub"
                    + " berhenti mendadak dan bersambung dengannya)";
        }
        return "";
    }

    private static String headProblem(HeadCheck head) {
        return switch (head.outcome()) {
            case CUT -> "baris di ujung jejak telah dihapus";
            case REWRITTEN -> "jejak telah ditulis ulang";
            case TOO_FAR_AHEAD -> "basis data status lebih tua daripada jejak";
            case MISSING -> "kepala rantai tidak ada di basis data status";
            default -> "tidak cocok";
        };
    }

    private void regions(CaseTally tally, Writer out) throws IOException {
        List<CaseTally.RegionRow> rows = tally.rows();
        out.write("<section id=\"wilayah\">\n<h2>Ringkasan per wilayah</h2>\n");
        if (rows.isEmpty()) {
            out.write("<p class=\"empty\">Tidak ada kasus dalam periode ini.</p>\n</section>\n");
            return;
        }
        out.write("<table class=\"regions\">\n<thead>\n<tr><th rowspan=\"2\">Kode</th><th rowspan=\"2\">Wilayah</th>"
                + "<th rowspan=\"2\">Kasus</th><th colspan=\"4\">Tingkat pelanggaran</th><th colspan=\"3\">Selesai</th>"
                + "<th colspan=\"5\">Belum selesai</th><th colspan=\"2\">Laporan</th></tr>\n<tr>");
        for (Severity severity : Severity.values()) {
            out.write("<th>" + severityLabel(severity) + "</th>");
        }
        for (CaseStatus status : DONE) {
            out.write("<th>" + status.label() + "</th>");
        }
        for (CaseStatus status : WAITING) {
            out.write("<th>" + status.label() + "</th>");
        }
        out.write("<th>Jumlah</th><th>Duplikat</th><th>Ditolak</th></tr>\n</thead>\n<tbody>\n");
        // cases, severities, finished, waiting, not finished, duplicates, rejected
        long[] total = new long[4 + Severity.values().length + DONE.length + WAITING.length];
        for (CaseTally.RegionRow row : rows) {
            String key = row.code() != null ? row.code() : switch (row.index()) {
                case CaseTally.TRIAGE -> "TRIASE";
                case CaseTally.CENTRAL -> "PUSAT";
                default -> "TANPA_WILAYAH";
            };
            String name = row.code() != null ? regionNames.apply(row.code()) : specialRegion(row.index());
            out.write("<tr data-region=\"" + Html.escape(key) + "\"" + (row.code() == null ? " class=\"special\"" : "")
                    + "><td class=\"code\">" + (row.code() == null ? "—" : Html.escape(row.code())) + "</td><td class=\"name\">"
                    + (name == null ? "<span class=\"unknown\">(nama tidak tersedia)</span>" : Html.escape(name)) + "</td>");
            int column = 0;
            total[column++] += cell(out, "cases", row.cases(), false);
            for (Severity severity : Severity.values()) {
                total[column++] += cell(out, severity.name(), row.severity(severity), false);
            }
            for (CaseStatus status : DONE) {
                total[column++] += cell(out, status.name(), row.status(status), false);
            }
            for (CaseStatus status : WAITING) {
                total[column++] += cell(out, status.name(), row.status(status), true);
            }
            total[column++] += cell(out, "not-finished", row.notFinished(), true);
            total[column++] += cell(out, "duplicates", row.duplicates(), false);
            total[column] += cell(out, "rejected", row.rejected(), false);
            out.write("</tr>\n");
        }
        out.write("</tbody>\n<tfoot>\n<tr data-region=\"JUMLAH\"><th colspan=\"2\">Jumlah</th>");
        for (long value : total) {
            out.write("<td>" + ReportText.number(value) + "</td>");
        }
        out.write("</tr>\n</tfoot>\n</table>\n<p class=\"legend\">Wilayah: yang dicatat saat kasus dirutekan (ROUTED);"
                + " <em>Triase Bawaslu</em>: wilayah tidak dapat ditentukan; <em>Instansi pusat</em>: pegawai instansi"
                + " pusat; <em>Tanpa wilayah</em>: kasus yang belum dirutekan atau ditutup tanpa wilayah, dan laporan"
                + " yang ditolak. Kasus: nomor kasus yang berbeda."
                + " Tingkat: hasil klasifikasi terakhir. Selesai dan belum selesai: posisi kasus menurut peristiwa"
                + " terakhirnya. Duplikat: laporan ulang untuk kasus yang sudah ditangani (tidak diteruskan lagi)."
                + " Ditolak: laporan yang ditolak, termasuk baris CSV dan email yang tidak pernah menjadi kasus.</p>\n"
                + "</section>\n");
    }

    private static long cell(Writer out, String column, long value, boolean warnWhenPositive) throws IOException {
        String css = value == 0 ? "zero" : warnWhenPositive ? "warn" : null;
        out.write("<td data-col=\"" + column + "\"" + (css == null ? "" : " class=\"" + css + "\"") + ">"
                + ReportText.number(value) + "</td>");
        return value;
    }

    private static String specialRegion(int index) {
        return switch (index) {
            case CaseTally.TRIAGE -> "Triase Bawaslu";
            case CaseTally.CENTRAL -> "Instansi pusat";
            default -> "Tanpa wilayah";
        };
    }

    private static String severityLabel(Severity severity) {
        return severity == Severity.BUKAN_PELANGGARAN ? "Bukan pelanggaran" : severity.name();
    }

    private static void events(TrailFacts facts, Writer out) throws IOException {
        out.write("<section id=\"peristiwa\">\n<h2>Peristiwa per jenis</h2>\n<table class=\"events-by-kind\">\n"
                + "<thead><tr><th>Peristiwa</th><th>Arti</th><th>Jumlah</th></tr></thead>\n<tbody>\n");
        for (Map.Entry<AuditEventType, Long> entry : facts.byEvent().entrySet()) {
            out.write("<tr data-event=\"" + entry.getKey().name() + "\"><td><code>" + entry.getKey().name()
                    + "</code></td><td>" + ReportText.eventLabel(entry.getKey()) + "</td><td>"
                    + ReportText.number(entry.getValue()) + "</td></tr>\n");
        }
        out.write("</tbody>\n</table>\n</section>\n");
    }

    private void waiting(CaseTally tally, Map<String, Integer> anchors, OffsetDateTime now, Writer out)
            throws IOException {
        List<CaseTally.Open> open = tally.notFinished();
        out.write("<section id=\"belum-selesai\">\n<h2>Kasus belum selesai</h2>\n");
        if (open.isEmpty()) {
            out.write("<p class=\"empty\">Semua kasus sudah selesai (terkirim, terkirim dalam digest, ditutup, ditolak"
                    + " atau duplikat).</p>\n</section>\n");
            return;
        }
        out.write("<p>" + ReportText.number(open.size()) + " kasus masih menunggu, yang paling lama lebih dulu.</p>\n"
                + "<table class=\"waiting\">\n<thead><tr><th>Kasus</th><th>Wilayah</th><th>Sejak</th><th>Menunggu</th>"
                + "<th>Langkah terakhir</th><th>Posisi</th></tr></thead>\n<tbody>\n");
        for (CaseTally.Open o : open.subList(0, Math.min(listRows, open.size()))) {
            CaseStatus status = tally.statusOf(o.caseId());
            out.write("<tr data-case=\"" + Html.escape(o.caseId()) + "\"><td>" + caseLink(o.caseId(), anchors)
                    + "</td><td>" + regionText(tally, tally.regionOf(o.caseId())) + "</td><td>" + ReportText.time(o.since())
                    + "</td><td class=\"age\">" + ReportText.age(Duration.between(o.since(), now)) + "</td><td><code>"
                    + o.last().name() + "</code> " + ReportText.time(o.lastAt()) + "</td><td><span class=\"badge "
                    + status.name() + "\">" + status.label() + "</span></td></tr>\n");
        }
        out.write("</tbody>\n</table>\n");
        if (open.size() > listRows) {
            out.write("<p class=\"cap-note\">" + ReportText.number(open.size() - listRows) + " kasus lain yang belum selesai"
                    + " tidak dicantumkan; <code>audit stats</code> mencantumkan semuanya.</p>\n");
        }
        out.write("</section>\n");
    }

    private void rejections(TrailFacts facts, Map<String, Integer> anchors, Writer out) throws IOException {
        out.write("<section id=\"ditolak\">\n<h2>Laporan ditolak</h2>\n");
        if (facts.rejectionsTotal() == 0) {
            out.write("<p class=\"empty\">Tidak ada laporan yang ditolak.</p>\n</section>\n");
            return;
        }
        out.write("<table class=\"rejections\">\n<thead><tr><th>Waktu</th><th>Kasus</th><th>Sumber</th><th>Alasan</th>"
                + "</tr></thead>\n<tbody>\n");
        for (TrailFacts.Rejection rejection : facts.rejections()) {
            Object reason = rejection.detail().get("alasan");
            out.write("<tr><td>" + ReportText.time(rejection.at()) + "</td><td>"
                    + (rejection.caseId() == null ? "—" : caseLink(rejection.caseId(), anchors)) + "</td><td><code>"
                    + Html.escape(shorten(rejection.source())) + "</code></td><td>"
                    + (reason != null ? Html.escape(shorten(reason.toString())) : detail(rejection.detail()))
                    + "</td></tr>\n");
        }
        out.write("</tbody>\n</table>\n");
        if (facts.rejectionsTotal() > facts.rejections().size()) {
            out.write("<p class=\"cap-note\">" + ReportText.number(facts.rejectionsTotal() - facts.rejections().size())
                    + " penolakan lain tidak dicantumkan; semuanya ada di <code>audit export</code>"
                    + " (peristiwa REJECTED).</p>\n");
        }
        out.write("</section>\n");
    }

    private void timelines(TrailFacts facts, Map<String, Integer> anchors, OffsetDateTime now, Writer out)
            throws IOException {
        CaseTally tally = facts.tally();
        CaseTimelines timelines = facts.timelines();
        out.write("<section id=\"linimasa\">\n<h2>Linimasa per kasus</h2>\n");
        long left = tally.cases() - timelines.size();
        if (left > 0) {
            out.write("<p class=\"cap-note\" id=\"batas-linimasa\">Linimasa dibatasi pada " + ReportText.number(timelines.size())
                    + " kasus pertama; <strong>" + ReportText.number(left) + " kasus lain tidak ditampilkan</strong> di sini (tabel di"
                    + " atas tetap menghitung semuanya). Lihat satu kasus dengan <code>audit show &lt;nomor kasus&gt;</code>"
                    + " atau semua peristiwa dengan <code>audit export</code>.</p>\n");
        }
        if (timelines.size() == 0) {
            out.write("<p class=\"empty\">Tidak ada kasus dalam periode ini.</p>\n");
        }
        for (CaseTimelines.Timeline timeline : timelines.timelines()) {
            timeline(timeline, tally, anchors.get(timeline.caseId()), now, out);
        }
        out.write("</section>\n");
    }

    private void timeline(CaseTimelines.Timeline timeline, CaseTally tally, int anchor, OffsetDateTime now, Writer out)
            throws IOException {
        String caseId = timeline.caseId();
        CaseStatus status = tally.statusOf(caseId);
        Severity severity = tally.severityOf(caseId);
        CaseTally.Open open = tally.open(caseId);
        out.write("<article class=\"case " + (status.finished() ? "done" : "open") + "\" id=\"kasus-" + anchor
                + "\" data-case=\"" + Html.escape(caseId) + "\" data-status=\"" + status.name() + "\">\n<h3><span"
                + " class=\"case-id\">" + Html.escape(caseId) + "</span> <span class=\"badge " + status.name() + "\">"
                + status.label() + "</span>");
        if (severity != null) {
            out.write(" <span class=\"severity " + severity.name() + "\">" + severityLabel(severity) + "</span>");
        }
        out.write(" <span class=\"region\">" + regionText(tally, tally.regionOf(caseId)) + "</span>");
        if (open != null) {
            out.write(" <span class=\"waiting-flag\">belum selesai · menunggu "
                    + ReportText.age(Duration.between(open.since(), now)) + "</span>");
        }
        out.write("</h3>\n<table class=\"timeline\">\n<thead><tr><th>Waktu</th><th>#</th><th>Peristiwa</th><th>Rute</th>"
                + "<th>Sumber</th><th>Rincian</th></tr></thead>\n<tbody>\n");
        List<CaseTimelines.Entry> entries = new ArrayList<>(timeline.entries());
        if (timeline.tail() != null) {
            entries.add(timeline.tail());
        }
        int outcome = outcomeIndex(entries);
        for (int i = 0; i < entries.size(); i++) {
            if (timeline.tail() != null && i == entries.size() - 1) {
                out.write("<tr class=\"gap\"><td colspan=\"6\">… " + ReportText.number(timeline.omittedEvents())
                        + " peristiwa lain tidak ditampilkan (<code>audit show " + Html.escape(caseId) + "</code>)</td></tr>\n");
            }
            CaseTimelines.Entry e = entries.get(i);
            out.write("<tr data-event=\"" + e.event().name() + "\"" + (i == outcome ? " class=\"outcome\"" : "") + "><td class=\"time\">"
                    + ReportText.time(e.at()) + "</td><td class=\"seq\">" + e.seq() + "</td><td><code>" + e.event().name()
                    + "</code><br><span class=\"label\">" + ReportText.eventLabel(e.event()) + "</span></td><td>"
                    + Html.escape(e.route() == null ? "—" : e.route()) + "</td><td class=\"source\">"
                    + Html.escape(e.source() == null ? "—" : shorten(e.source())) + "</td><td class=\"detail\">"
                    + detail(e.detail()) + "</td></tr>\n");
        }
        out.write("</tbody>\n</table>\n</article>\n");
    }

    /** The event that decided where the case stands: the last one that changed its status. */
    private static int outcomeIndex(List<CaseTimelines.Entry> entries) {
        CaseStatus status = null;
        int index = -1;
        for (int i = 0; i < entries.size(); i++) {
            CaseStatus next = CaseStatus.after(status, entries.get(i).event());
            if (next != null) {
                status = next;
                index = i;
            }
        }
        return index;
    }

    private String regionText(CaseTally tally, int region) {
        String code = tally.regionCode(region);
        if (code == null) {
            return Html.escape(specialRegion(region));
        }
        String name = regionNames.apply(code);
        return Html.escape(code) + (name == null ? "" : " " + Html.escape(name));
    }

    private static String caseLink(String caseId, Map<String, Integer> anchors) {
        Integer anchor = anchors.get(caseId);
        return anchor == null ? Html.escape(caseId)
                : "<a href=\"#kasus-" + anchor + "\">" + Html.escape(caseId) + "</a>";
    }

    /** Anchors are numbers, not case ids: an id from a report is no safe fragment. */
    private static Map<String, Integer> anchors(Collection<CaseTimelines.Timeline> timelines) {
        Map<String, Integer> anchors = new HashMap<>();
        int n = 1;
        for (CaseTimelines.Timeline timeline : timelines) {
            anchors.put(timeline.caseId(), n++);
        }
        return anchors;
    }

    /** The detail as "key value" pairs; empty values left out. */
    private static String detail(Map<String, Object> detail) {
        StringBuilder html = new StringBuilder();
        for (Map.Entry<String, Object> entry : detail.entrySet()) {
            String value = value(entry.getValue());
            if (value == null || value.isEmpty()) {
                continue;
            }
            html.append("<span class=\"kv\"><span class=\"k\">").append(Html.escape(entry.getKey()))
                    .append(":</span> ").append(Html.escape(shorten(value))).append("</span> ");
        }
        return html.toString().strip();
    }

    private static String value(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof List<?> list) {
            List<String> parts = new ArrayList<>();
            for (Object item : list) {
                String part = value(item);
                if (part != null && !part.isEmpty()) {
                    parts.add(part);
                }
            }
            return String.join("; ", parts);
        }
        if (value instanceof Map<?, ?>) {
            return AuditTrail.canonicalJson(value);
        }
        return value.toString();
    }

    private static String shorten(String text) {
        if (text == null) {
            return "";
        }
        return text.length() <= MAX_VALUE_CHARS ? text : text.substring(0, MAX_VALUE_CHARS) + "…";
    }

    private static final String STYLE = """
            :root { --ok: #1b7f3b; --bad: #b3261e; --warn: #9a5b00; --line: #d6dbe1; --muted: #5f6b76; }
            * { box-sizing: border-box; }
            body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "DejaVu Sans", sans-serif;
                   margin: 0 auto; padding: 24px 32px; max-width: 1400px; color: #1d2329; font-size: 14px; line-height: 1.45; }
            h1 { font-size: 26px; margin: 0 0 12px; }
            h2 { font-size: 19px; margin: 32px 0 10px; padding-bottom: 4px; border-bottom: 2px solid var(--line); }
            h3 { font-size: 15px; margin: 0 0 6px; display: flex; flex-wrap: wrap; gap: 8px; align-items: center; }
            code { font-family: ui-monospace, "DejaVu Sans Mono", Menlo, Consolas, monospace; font-size: 12.5px; }
            header { border-bottom: 4px solid #243b55; padding-bottom: 12px; }
            dl.meta { display: grid; grid-template-columns: repeat(auto-fill, minmax(300px, 1fr)); gap: 4px 24px; margin: 0; }
            dl.meta div { display: flex; gap: 8px; } dl.meta dt { color: var(--muted); min-width: 120px; } dl.meta dd { margin: 0; }
            nav { margin: 12px 0; font-size: 13px; } nav a { color: #24527a; }
            .chain { border-radius: 8px; padding: 12px 18px; border: 2px solid; }
            .chain p { margin: 4px 0; }
            .chain .verdict { font-size: 30px; font-weight: 800; letter-spacing: 2px; margin: 0; }
            .chain.ok { background: #e8f5ec; border-color: var(--ok); } .chain.ok .verdict { color: var(--ok); }
            .chain.broken { background: #fdecea; border-color: var(--bad); } .chain.broken .verdict { color: var(--bad); }
            .chain.unkeyed, .chain.incomplete { background: #fff8e1; border-color: #b26a00; }
            .chain.unkeyed .verdict, .chain.incomplete .verdict { color: #b26a00; }
            .chain .path, .note, .legend, .label { color: var(--muted); font-size: 12px; }
            table { border-collapse: collapse; width: 100%; font-size: 13px; }
            th, td { border: 1px solid var(--line); padding: 4px 7px; text-align: left; vertical-align: top; }
            thead th { background: #eef1f5; font-weight: 600; }
            table.regions td[data-col], table.regions tfoot td, table.events-by-kind td:last-child { text-align: right;
                   font-variant-numeric: tabular-nums; }
            table.regions th { text-align: center; }
            table.regions { font-size: 12.5px; }
            table.regions th, table.regions td { padding: 4px 5px; }
            table.regions td.name { white-space: nowrap; }
            table.regions tr.special td { background: #f7f8fa; } table.regions tr.special td.name { font-style: italic; }
            tfoot th, tfoot td { background: #eef1f5; font-weight: 700; }
            td.zero { color: #a7b0b8; } td.warn { color: var(--warn); font-weight: 700; background: #fff6e5; }
            .unknown { color: var(--muted); }
            .badge { display: inline-block; padding: 1px 8px; border-radius: 10px; font-size: 12px; font-weight: 600;
                     background: #e6e9ed; color: #333; }
            .badge.DELIVERED, .badge.DIGEST_SENT { background: #d7f0de; color: var(--ok); }
            .badge.CLOSED, .badge.DUPLICATE { background: #e3e8ef; color: #3b4754; }
            .badge.REJECTED, .badge.DEAD_LETTERED { background: #fbdcd8; color: var(--bad); }
            .badge.DEFERRED, .badge.DIGEST_QUEUED, .badge.IN_PROGRESS { background: #ffeccc; color: var(--warn); }
            .severity { font-size: 12px; font-weight: 700; padding: 1px 6px; border: 1px solid; border-radius: 4px; }
            .severity.BERAT { color: var(--bad); } .severity.SEDANG { color: var(--warn); }
            .severity.RINGAN { color: #24527a; } .severity.BUKAN_PELANGGARAN { color: var(--muted); }
            .region { color: var(--muted); font-weight: 400; }
            .waiting-flag { color: var(--warn); font-weight: 700; font-size: 13px; }
            article.case { margin: 14px 0; padding: 10px 12px; border: 1px solid var(--line); border-left: 5px solid var(--ok);
                           border-radius: 6px; break-inside: avoid; }
            article.case.open { border-left-color: var(--warn); }
            table.timeline td.seq { color: var(--muted); text-align: right; }
            table.timeline { table-layout: fixed; }
            table.timeline th:nth-child(1) { width: 195px; } table.timeline th:nth-child(2) { width: 44px; }
            table.timeline th:nth-child(3) { width: 175px; } table.timeline th:nth-child(4) { width: 95px; }
            table.timeline th:nth-child(5) { width: 190px; }
            table.timeline td.time { white-space: nowrap; }
            table.timeline td.source, table.timeline td.detail { overflow-wrap: anywhere; }
            table.timeline tr.outcome td { background: #e8f5ec; font-weight: 600; }
            article.case.open table.timeline tr.outcome td { background: #fff6e5; }
            tr.gap td { color: var(--muted); font-style: italic; text-align: center; }
            .kv { display: inline-block; margin-right: 10px; } .kv .k { color: var(--muted); font-size: 12px; }
            .cap-note { background: #fff6e5; border: 1px solid #f0c36d; padding: 8px 12px; border-radius: 6px; }
            .empty { color: var(--muted); font-style: italic; }
            footer { margin-top: 40px; color: var(--muted); font-size: 12px; border-top: 1px solid var(--line); padding-top: 8px; }
            @media print { nav { display: none; } body { padding: 0; } }
            """;
}
