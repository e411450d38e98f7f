package netralitas.hub.mail;

import netralitas.hub.cases.ViolationCase;
import netralitas.hub.testing.HeadlessChromium;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import javax.imageio.ImageIO;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every kind of mail an office or Bawaslu receives, made from the embedded mode's sample reports by the real
 * {@link CaseEmailRenderer} with the shipped templates, legal bases and signature, then opened in headless Chromium
 * as a reader's mail client would show it: what it says (the legal basis, whom it addresses, whom it asks to report
 * to), that it fits a 700 px reading pane, and a screenshot that shows something. The screenshots (with each mail's
 * HTML and plain text) stay in target/mail-screenshots/; {@code -Dmail.screenshots.update=true} also writes them to docs/mail-screenshots/ (the
 * README shows them).
 */
class MailRenderingInChromiumTest {

    /** A mail client's reading pane: nothing may be wider. */
    static final int PANE_WIDTH = 700;
    /** Screenshots stop here: the top of a long mail says what it is about. */
    static final int MAX_SCREENSHOT_HEIGHT = 2600;
    static final Path OUT = Path.of("target", "mail-screenshots");
    static final Path DOCS = Path.of("docs", "mail-screenshots");
    static final LocalDate DIGEST_DATE = LocalDate.of(2024, 10, 15);
    static final long MAX_COMMITTED_BYTES = 200 * 1024;

    private static final String UU_ASN = "UU Nomor 20 Tahun 2023 tentang Aparatur Sipil Negara, Pasal 2 huruf f (asas netralitas)"
            + " dan Pasal 9 ayat (2)";
    private static final String SKB = "SKB 2022: Keputusan Bersama Menteri PANRB, Menteri Dalam Negeri, Kepala BKN, Ketua KASN,"
            + " dan Ketua Bawaslu";
    private static final String PP94_PROHIBITION = "PP Nomor 94 Tahun 2021 tentang Disiplin Pegawai Negeri Sipil, Pasal 5 huruf n";
    private static final String REPORT_TO_BKN = "kepada Bawaslu dan kepada Badan Kepegawaian Negara (BKN)";
    private static final String BKN_SUPERVISES = "BKN melaksanakan pengawasan netralitas Pegawai ASN sejak tugas Komisi Aparatur"
            + " Sipil Negara (KASN) dialihkan";
    private static final String SIGNED = "Hormat kami, Tim Penanganan Pelanggaran Netralitas, Bawaslu Republik Indonesia";

    /** One mail kind: what it must say and must not say, in the text a reader sees. */
    record Kind(String name, String subject, String text, String html, List<String> says, List<String> neverSays) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static HeadlessChromium chromium;

    @BeforeAll
    static void browser() throws IOException {
        Files.createDirectories(OUT);
        chromium = HeadlessChromium.requireOrSkip(Files.createDirectories(OUT.resolve("chromium")));
    }

    static Stream<Kind> kinds() {
        CaseEmailRenderer renderer = new CaseEmailRenderer(Path.of("config/templates"),
                new DevSampleCases().categories().legalBases(), shippedSignature());
        DevSampleCases samples = new DevSampleCases();
        Map<Integer, ViolationCase> rows = samples.samples();
        // The sample's PPPK (row 9) reported for a banner (BERAT), and a PNS of Lebong at a campaign event (RINGAN).
        Map<Integer, ViolationCase> extra = samples.extra(
                "014/LP/PB/Kab/17.07/X/2024;2024-10-06;199107142022212005;Rina Marlina;PPPK Disdukcapil;Pemkab Lebong;;17.07;"
                        + "Kab. Lebong;BANNER;Terlapor memasang baliho pasangan calon bupati di pagar rumahnya yang berada di"
                        + " depan kantor Disdukcapil.;Kab. Lebong;https://bukti.example/lbg/014-baliho.jpg;Taufik Hidayatullah;"
                        + "0812-0000-0909",
                "015/LP/PB/Kab/17.07/X/2024;2024-10-07;198505172010012007;Dewi Kartika Sari;Staf Dinas Kesehatan;"
                        + "Pemkab Lebong;ASN;17.07;Kab. Lebong;CAMPAIGN_EVENT;Terlapor ikut dalam rombongan pengenalan"
                        + " pasangan calon bupati di pasar Muara Aman pada hari libur, tanpa atribut dan tanpa berorasi. Warga"
                        + " yang melihat merekam kegiatan itu, rekaman berdurasi sekitar tiga menit memperlihatkan terlapor"
                        + " berjalan di belakang pasangan calon dan menyalami pedagang.;Pasar Muara Aman, Kab. Lebong;"
                        + "https://bukti.example/lbg/015-rekaman-pasar-muara-aman-hari-minggu-pagi-video-lengkap.mp4;"
                        + "Lestari Handayani;0812-0000-0211");
        ViolationCase beratPns = rows.get(1);
        ViolationCase escalated = rows.get(7);
        ViolationCase central = rows.get(8);
        ViolationCase villageHead = rows.get(10);
        ViolationCase notFound = rows.get(11);
        ViolationCase triage = rows.get(13);
        ViolationCase pppk = extra.get(1);
        RenderedEmail digest = renderer.renderDigest(rows.get(9).getRegionResolution().region(),
                List.of(extra.get(2), rows.get(9)), DIGEST_DATE, MailFixtures.FOLLOW_UP, Map.of());
        return Stream.of(
                kind("berat-pns", renderer.renderCase(beratPns, MailPurpose.BKPSDM_ACTION, MailFixtures.FOLLOW_UP),
                        List.of("Yth. Bupati Kepahiang selaku Pejabat Pembina Kepegawaian Pemerintah Kabupaten Kepahiang"
                                        + " c.q. Kepala BKPSDM Kabupaten Kepahiang di tempat",
                                "Jenis terlapor: ASN — Pegawai Negeri Sipil (PNS)", UU_ASN, SKB, PP94_PROHIBITION,
                                "Pasal 8 ayat (4) (hukuman disiplin berat)",
                                "bila terbukti, menjatuhkan hukuman disiplin berat berdasarkan PP Nomor 94 Tahun 2021",
                                REPORT_TO_BKN + " melalui Kantor Regional VII BKN", BKN_SUPERVISES,
                                "salinan email ini juga disampaikan kepada Inspektorat daerah dan Kantor Regional BKN",
                                "Sumber laporan laporan tertulis yang dihimpun Bawaslu", SIGNED),
                        List.of("sanksi moral", "PP Nomor 42", "PP Nomor 49", "laporan-contoh.csv", "Teguh Santoso",
                                "tidak ada tautan")),
                kind("sedang-dinaikkan", renderer.renderCase(escalated, MailPurpose.BKPSDM_ACTION, MailFixtures.FOLLOW_UP),
                        List.of("Yth. Bupati Lebong", "c.q. Kepala BKPSDM Kabupaten Lebong", "SEDANG (dinaikkan dari RINGAN)",
                                "Jabatan senior", UU_ASN, SKB, "Pasal 8 ayat (3) (hukuman disiplin sedang)",
                                "bila terbukti, menjatuhkan hukuman disiplin sedang berdasarkan PP Nomor 94 Tahun 2021",
                                REPORT_TO_BKN, SIGNED),
                        // The RINGAN basis of the category must not survive the escalation.
                        List.of("sanksi moral", "PP Nomor 42", "Inspektorat daerah")),
                kind("pppk", renderer.renderCase(pppk, MailPurpose.BKPSDM_ACTION, MailFixtures.FOLLOW_UP),
                        List.of("Yth. Bupati Lebong", "Jenis terlapor: ASN — Pegawai Pemerintah dengan Perjanjian Kerja (PPPK)",
                                "NI PPPK 199107142022212005 199107142022212005", UU_ASN, SKB,
                                "PP Nomor 49 Tahun 2018 tentang Manajemen Pegawai Pemerintah dengan Perjanjian Kerja",
                                "bila terbukti, menjatuhkan hukuman disiplin berat berdasarkan ketentuan disiplin PPPK",
                                REPORT_TO_BKN, SIGNED),
                        List.of("PP Nomor 94", "PP 94", "Pegawai Negeri Sipil", "sanksi moral", "NIP ")),
                kind("rekap-ringan", digest,
                        List.of("Yth. Bupati Lebong selaku Pejabat Pembina Kepegawaian Pemerintah Kabupaten Lebong"
                                        + " c.q. Kepala BKPSDM Kabupaten Lebong",
                                "Dasar hukum bagi seluruh kasus di bawah: " + UU_ASN, "Jenis pegawai ASN — PNS",
                                "Jenis pegawai ASN — PPPK", "NI PPPK 199107142022212005",
                                "sanksi moral berdasarkan PP Nomor 42 Tahun 2004",
                                "sanksi moral atas pelanggaran kode etik dan kode perilaku Pegawai ASN sesuai SKB 2022",
                                "menyalami pedagang.",
                                "https://bukti.example/lbg/015-rekaman-pasar-muara-aman-hari-minggu-pagi-video-lengkap.mp4",
                                REPORT_TO_BKN, SIGNED),
                        List.of("PP Nomor 94", "hukuman disiplin", "Taufik Hidayatullah", "Lestari Handayani")),
                kind("kepala-desa", renderer.renderCase(villageHead, MailPurpose.VILLAGE_OFFICIAL, MailFixtures.FOLLOW_UP),
                        List.of("Yth. Ketua Bawaslu Kabupaten Bungo di tempat",
                                "laporan dugaan pelanggaran netralitas kepala desa dalam pemilihan kepala daerah",
                                "UU Nomor 6 Tahun 2014 tentang Desa, Pasal 29 huruf g dan huruf j",
                                "UU Nomor 10 Tahun 2016 tentang Pemilihan Gubernur, Bupati, dan Wali Kota, Pasal 70 ayat (1) huruf c",
                                "meneruskan rekomendasi kepada Bupati Bungo melalui Camat",
                                "sanksi administratif bagi kepala desa berdasarkan UU Nomor 6 Tahun 2014 tentang Desa Pasal 30",
                                SIGNED),
                        List.of("ASN", "BKN", "BKPSDM", "PP Nomor", "NIP", "SKB", "Kantor Regional", "Nanda Prameswari")),
                kind("instansi-pusat", renderer.renderCase(central, MailPurpose.CENTRAL_AGENCY, MailFixtures.FOLLOW_UP),
                        List.of("Yth. Pejabat Pembina Kepegawaian Kementerian Dalam Negeri c.q. Kepala Biro Kepegawaian/Sumber"
                                        + " Daya Manusia Kementerian Dalam Negeri melalui Tim Penanganan Netralitas ASN Instansi"
                                        + " Pusat, Bawaslu di tempat",
                                UU_ASN, SKB, PP94_PROHIBITION,
                                "bila terbukti, menjatuhkan hukuman disiplin berat berdasarkan PP Nomor 94 Tahun 2021",
                                REPORT_TO_BKN, BKN_SUPERVISES, SIGNED),
                        List.of("sanksi moral", "Oktaviani Putri", "BKPSDM Kabupaten")),
                kind("triase", renderer.renderCase(triage, MailPurpose.TRIAGE, MailFixtures.FOLLOW_UP),
                        List.of("Yth. Tim Triase Bawaslu di tempat",
                                "Jenis terlapor: ASN — PNS atau PPPK belum dapat dipastikan",
                                "Sumber laporan laporan tertulis yang dihimpun Bawaslu (berkas laporan-contoh.csv:14)",
                                "wilayah instansi terlapor belum dapat ditentukan", UU_ASN, SKB,
                                "IDENTITAS PELAPOR — RAHASIA, HANYA UNTUK BAWASLU", "Surya Darmawan", SIGNED),
                        List.of("sanksi moral")),
                kind("nip-tidak-ditemukan", renderer.renderCase(notFound, MailPurpose.BKPSDM_ACTION, MailFixtures.FOLLOW_UP),
                        List.of("Yth. Bupati Bungo", "c.q. Kepala BKPSDM Kabupaten Bungo",
                                "NIP tidak ditemukan di BKN — perlu verifikasi",
                                "Identitas terlapor belum terverifikasi di BKN", UU_ASN, PP94_PROHIBITION,
                                "hukuman disiplin berat", REPORT_TO_BKN, SIGNED),
                        List.of("sanksi moral", "Ferdi Gunawan")),
                kind("tidak-terkirim", renderer.renderBounceNotice(SelfCheckSamples.bounce(true),
                                SelfCheckSamples.bounceLocation(), SelfCheckSamples.FOLLOW_UP_NOW, SelfCheckSamples.ZONE),
                        List.of("Yth. Petugas triase Bawaslu", "bkpsdm@pemda.example",
                                "550 5.1.1 <bkpsdm@pemda.example>: Recipient address rejected: User unknown",
                                "config/regions.csv", "folder \"Processed\""),
                        List.of("Status: SELESAI")));
    }

    private static Kind kind(String name, RenderedEmail mail, List<String> says, List<String> neverSays) {
        return new Kind(name, mail.subject(), mail.text(), mail.html(), says, neverSays);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void readsRightAndFitsTheReadingPane(Kind kind) throws Exception {
        Path html = OUT.resolve(kind.name() + ".html");
        Files.writeString(html, kind.html(), StandardCharsets.UTF_8);
        // The plain-text twin beside it, for a reader of the test's output.
        Files.writeString(OUT.resolve(kind.name() + ".txt"), kind.subject() + "\n\n" + kind.text(), StandardCharsets.UTF_8);
        Path measured = OUT.resolve(kind.name() + ".measured.html");
        Files.writeString(measured, kind.html().replace("</body>", MEASURE + "</body>"), StandardCharsets.UTF_8);

        Document dom = Jsoup.parse(chromium.dumpDom(measured, PANE_WIDTH, 900));
        String seen = dom.body().text();
        for (String phrase : kind.says()) {
            assertTrue(seen.contains(phrase), () -> kind + " should say [" + phrase + "]; it says:\n" + seen);
        }
        for (String phrase : kind.neverSays()) {
            assertFalse(seen.contains(phrase), () -> kind + " must not say [" + phrase + "]; it says:\n" + seen);
        }
        var root = dom.selectFirst("html");
        int scrollWidth = Integer.parseInt(root.attr("data-scroll-width"));
        assertTrue(scrollWidth <= PANE_WIDTH, () -> kind + " is " + scrollWidth + " px wide at a " + PANE_WIDTH
                + " px pane; the widest element ends at " + root.attr("data-widest-right") + " px: " + root.attr("data-widest"));

        int height = Math.min(Integer.parseInt(root.attr("data-scroll-height")), MAX_SCREENSHOT_HEIGHT);
        Path png = chromium.screenshot(html, OUT.resolve(kind.name() + ".png"), PANE_WIDTH, height);
        BufferedImage image = ImageIO.read(png.toFile());
        assertEquals(PANE_WIDTH, image.getWidth(), png.toString());
        double ink = inkShare(image);
        assertTrue(ink > 0.01, () -> png + " is blank: " + Math.round(ink * 1000) / 10.0 + " % of its pixels are not white");
        if (Boolean.getBoolean("mail.screenshots.update")) {
            Path committed = DOCS.resolve(kind.name() + ".png");
            Files.createDirectories(DOCS);
            ImageIO.write(withPalette(image), "png", committed.toFile());
            assertTrue(Files.size(committed) < MAX_COMMITTED_BYTES, () -> committed + " is too big for the repository");
        }
    }

    /** 256 colours are plenty for text on white, and keep a committed screenshot under 200 KB. */
    private static BufferedImage withPalette(BufferedImage image) {
        BufferedImage indexed = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_BYTE_INDEXED);
        Graphics2D g = indexed.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_DITHERING, RenderingHints.VALUE_DITHER_DISABLE);
        g.drawImage(image, 0, 0, null);
        g.dispose();
        return indexed;
    }

    @Test
    void theNotFoundSubjectDoesNotLookVerified() {
        Kind notFound = kinds().filter(k -> k.name().equals("nip-tidak-ditemukan")).findFirst().orElseThrow();
        assertTrue(notFound.subject().contains("(198811232014022003, NIP tidak terverifikasi)"), notFound.subject());
    }

    /** The share of pixels darker than near-white: text, rules, highlights. */
    private static double inkShare(BufferedImage image) {
        long ink = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y);
                int darkest = Math.min((rgb >> 16) & 0xff, Math.min((rgb >> 8) & 0xff, rgb & 0xff));
                if (darkest < 200) {
                    ink++;
                }
            }
        }
        return (double) ink / ((long) image.getWidth() * image.getHeight());
    }

    static MailSignature shippedSignature() {
        try {
            Properties p = new Properties();
            try (var reader = Files.newBufferedReader(Path.of("config/application.properties"), StandardCharsets.UTF_8)) {
                p.load(reader);
            }
            return new MailSignature(p.getProperty("hub.mail.signature.unit"), p.getProperty("hub.mail.signature.address"),
                    p.getProperty("hub.mail.signature.phone"), p.getProperty("hub.mail.signature.email"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Written into a copy of the mail only: records on the root element how wide and tall the page laid out, and which
     * element reaches furthest right, for the DOM dump to report.
     */
    private static final String MEASURE = """
            <script>
            (function () {
              var root = document.documentElement, right = 0, widest = '';
              document.querySelectorAll('body *').forEach(function (e) {
                var r = e.getBoundingClientRect().right;
                if (r > right) { right = r; widest = e.tagName + ': ' + (e.textContent || '').trim().slice(0, 80); }
              });
              root.setAttribute('data-scroll-width', root.scrollWidth);
              root.setAttribute('data-scroll-height', root.scrollHeight);
              root.setAttribute('data-widest-right', Math.ceil(right));
              root.setAttribute('data-widest', widest);
            })();
            </script>
            """;

}
