package netralitas.hub.inbox;

import static netralitas.hub.inbox.MailCorpus.read;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import netralitas.hub.report.ParseResult;
import netralitas.hub.report.Report;
import netralitas.hub.report.ReportFields;
import netralitas.hub.report.ReportParser;
import netralitas.hub.report.ReportSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MailReportExtractorTest {

    private final MailReportExtractor extractor = MailCorpus.extractor();
    private final ReportParser parser = new ReportParser(MailCorpus.CLOCK);

    private Map<String, String> fields(String file) {
        InboundMail mail = read(file);
        assertEquals(MailKind.REPORT, mail.kind(), file);
        return extractor.fields(mail);
    }

    private ParseResult parse(String file) {
        InboundMail mail = read(file);
        return parser.parse(extractor.fields(mail), ReportSource.email(mail.sourceId()));
    }

    /** The README table: who, where, which category, and whether the row rules accept the report. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(nullValues = "-", value = {
            // file,                             nip,                 kode_wilayah, wilayah,              category (as extracted),                                  incident date, accepted
            "01-structured-plain.eml,            197803122003121004, -,            Kab. Kepahiang,       'Kegiatan keberpihakan: pertemuan, ajakan, pemberian barang', 2024-10-05, true",
            "02-structured-csv-names-qp.eml,     198505172010012007, 17.07,        -,                    SOCMED_ENGAGE,                                            2024-10-12, true",
            "03-freetext-whatsapp-forward.eml,   199003222015031002, 36.72,        -,                    PARTISAN_ACTIVITY,                                        2024-10-21, true",
            "04-html-only-base64.eml,            198208092006041003, -,            Kab. Bungo,           Memasang spanduk/baliho/alat peraga bakal calon,          2024-10-14, true",
            "05-alternative.eml,                 198911252014022001, -,            Kabupaten Kepahiang,  PHOTO_PARTISAN,                                           2024-10-19, true",
            "06-rfc2047-latin1.eml,              198712052011011003, -,            Kab. Kepahiang,       Ikut kampanye/sosialisasi/pengenalan bakal calon,         2024-10-20, true",
            "07-nested-attachments.eml,          197803122003121004, -,            Kab. Kepahiang,       ATTEND_ACTIVE,                                            2024-10-10, true",
            "08-forwarded-rfc822.eml,            198505172010012007, -,            Kab. Lebong,          SOCMED_CAMPAIGN,                                          2024-10-16, true",
            "09-forwarded-inline.eml,            199003222015031002, 36.72,        -,                    PHOTO_PARTISAN,                                           2024-10-22, true",
            "11-no-message-id.eml,               198712052011011003, -,            Kab. Kepahiang,       CAMPAIGN_EVENT,                                           2024-10-22, true",
            "14-large-attachment-template.eml,   197803122003121004, -,            Kab. Kepahiang,       PARTISAN_ACTIVITY,                                        2024-10-25, true",
            "16-header-injection-subject.eml,    198505172010012007, -,            Kab. Lebong,          SOCMED_CAMPAIGN,                                          2024-10-27, true",
            "17-header-injection-field.eml,      197803122003121004, -,            Kab. Kepahiang,       PARTISAN_ACTIVITY,                                        2024-10-28, true",
            "21-freetext-no-nip.eml,             -,                  17.07,        -,                    PARTISAN_ACTIVITY,                                        2024-10-24, false",
            "22-passive-attendance.eml,          198911252014022001, -,            Kab. Kepahiang,       PASSIVE_ATTENDANCE,                                       2024-10-26, true",
            "23-invalid-nip.eml,                 197803122003131004, -,            Kab. Kepahiang,       PARTISAN_ACTIVITY,                                        2024-10-27, false",
            "24-attachment-path-name.eml,        198208092006041003, -,            Kab. Bungo,           BANNER,                                                   2024-10-15, true",
            "25-windows-1252-html.eml,           198505172010012007, -,            Kab. Lebong,          Sosialisasi/kampanye bakal calon di media sosial,         2024-10-18, true",
    })
    void corpusReportsExtractAsTheReadmeSays(String file, String nip, String regionCode, String regionName, String category,
                                             LocalDate incidentDate, boolean accepted) {
        Map<String, String> fields = fields(file);
        assertEquals(nip, fields.get(ReportFields.NIP_TERLAPOR), file);
        assertEquals(regionCode, fields.get(ReportFields.KODE_WILAYAH), file);
        assertEquals(regionName, fields.get(ReportFields.WILAYAH), file);
        assertEquals(category, fields.get(ReportFields.JENIS_PELANGGARAN), file);
        assertNotNull(fields.get(ReportFields.URAIAN), file);
        assertTrue(fields.keySet().stream().allMatch(key -> ReportFields.ALL.contains(key) || key.equals(ReportFields.TANGGAL_EMAIL)),
                fields.keySet().toString());
        assertTrue(fields.values().stream().noneMatch(String::isBlank));

        ParseResult result = parse(file);
        assertEquals(accepted, result.isAccepted(), file + ": " + result.reason());
        if (accepted) {
            assertEquals(incidentDate, result.report().incidentDate(), file);
        }
    }

    @Test
    void multiLineUraianRunsToTheNextLabel() {
        Map<String, String> fields = fields("01-structured-plain.eml");
        assertEquals("Terlapor hadir dalam pertemuan warga di balai desa dan mengajak warga\n"
                + "memilih pasangan calon nomor urut 2 pada Pilkada 27 November 2024.\n"
                + "Terlapor juga membagikan sembako kepada warga yang hadir.", fields.get(ReportFields.URAIAN));
        assertEquals("001/LP/PB/Kab/07.08/X/2024", fields.get(ReportFields.NOMOR_LAPORAN));
        assertEquals("Kepala Bagian Perekonomian Setda", fields.get(ReportFields.JABATAN_TERLAPOR));
        assertEquals("Balai Desa Tebat Monok, Kec. Kepahiang", fields.get(ReportFields.TEMPAT_KEJADIAN));
        assertEquals("https://bukti.pelapor.example/foto/001.jpg", fields.get(ReportFields.BUKTI));
        assertEquals("Rahmat Hidayat", fields.get(ReportFields.NAMA_PELAPOR));
        assertEquals("rahmat.hidayat@pelapor.example", fields.get(ReportFields.KONTAK_PELAPOR));
    }

    @Test
    void acceptedStructuredReportCarriesEveryField() {
        ParseResult result = parse("01-structured-plain.eml");
        Report report = result.report();
        assertEquals("Arif Wicaksono", report.name());
        assertEquals("<lap-01-rahmat@pelapor.example>", report.source().reference());
        assertEquals(List.of("https://bukti.pelapor.example/foto/001.jpg"), report.evidence());
    }

    @Test
    void htmlLabelsAndSignOffAreHandled() {
        Map<String, String> fields = fields("04-html-only-base64.eml");
        assertEquals("Yudi Prasetyo", fields.get(ReportFields.NAMA_TERLAPOR));
        assertEquals("Terlapor memasang spanduk & baliho bergambar pasangan calon bupati di pagar kantor desa Sungai Arang.\n"
                + "Pemasangan dilakukan malam hari bersama tim pemenangan.", fields.get(ReportFields.URAIAN));
    }

    @Test
    void closingAndReporterNameStayOutOfTheDescription() {
        assertEquals("Terlapor ikut dalam acara kampanye calon bupati di Kaf\u00e9 S\u00fcmber Rejeki pada jam kerja\n"
                + "dan duduk di barisan depan bersama tim kampanye.", fields("06-rfc2047-latin1.eml").get(ReportFields.URAIAN));
        assertEquals("Terlapor menulis status \u201cPilih nomor 1, lanjutkan!\u201d di Facebook\n"
                + "dan membagikannya ke grup WhatsApp dinas.", fields("25-windows-1252-html.eml").get(ReportFields.URAIAN));
    }

    @Test
    void freeTextGivesNipRegionCategoryAndWholeTextAsDescription() {
        Map<String, String> fields = fields("03-freetext-whatsapp-forward.eml");
        assertNull(fields.get(ReportFields.NAMA_TERLAPOR));
        String uraian = fields.get(ReportFields.URAIAN);
        assertTrue(uraian.startsWith("Assalamualaikum Bawaslu"), uraian);
        assertTrue(uraian.contains("[21/10/24 09.15] Bu Ani: Iya, kemarin sore dia mengumpulkan warga"));
        assertFalse(uraian.contains("Dikirim dari Yahoo Mail"), "the client's sign-off is not part of the report");
    }

    @Test
    void forwardedRfc822ReportIsReadFromTheInnerMessage() {
        Map<String, String> fields = fields("08-forwarded-rfc822.eml");
        assertEquals("Dewi Kartika Sari", fields.get(ReportFields.NAMA_TERLAPOR));
        assertEquals("2024-10-16", fields.get(ReportFields.TANGGAL_KEJADIAN), "\"16 Oktober 2024\" rewritten for the row rules");
        assertTrue(fields.get(ReportFields.URAIAN).startsWith("Terlapor membagikan ulang video kampanye"));
        assertFalse(fields.containsValue("Warga Lebong <warga.lebong@pelapor.example>"), "Dari: line is no field");
        ParseResult result = parse("08-forwarded-rfc822.eml");
        assertEquals("<lap-08-koordinator@pelapor.example>", result.report().source().reference());
    }

    @Test
    void forwardedHeaderDateIsNotTheIncidentDate() {
        Map<String, String> fields = fields("09-forwarded-inline.eml");
        // "Tanggal: Sen, 21 Okt 2024 pukul 10.12" belongs to the forwarded header; the Date header (22 Oct) is used,
        // as the email's date.
        assertNull(fields.get(ReportFields.TANGGAL_KEJADIAN));
        assertEquals("2024-10-22", fields.get(ReportFields.TANGGAL_EMAIL));
        assertTrue(parse("09-forwarded-inline.eml").report().incidentDateIsMailDate());
        assertEquals("Muhammad Rizky Fadillah", fields.get(ReportFields.NAMA_TERLAPOR));
        assertEquals("Dinas Komunikasi dan Informatika Kota Cilegon", fields.get(ReportFields.INSTANSI_TERLAPOR));
        assertTrue(fields.values().stream().noneMatch(v -> v.contains("hendra.gunawan") || v.contains("rina.marpaung")));
    }

    @Test
    void injectedHeaderLinesInABodyNeverBecomeFields() {
        Map<String, String> fields = fields("17-header-injection-field.eml");
        assertEquals("Arif Wicaksono", fields.get(ReportFields.NAMA_TERLAPOR));
        assertTrue(fields.values().stream().noneMatch(v -> v.contains("penyusup") || v.contains("X-Priority")), fields.toString());
        assertTrue(fields.values().stream().noneMatch(v -> v.contains("\r")));
    }

    @Test
    void freeTextWithoutNameIsRejectedByTheRowRules() {
        Map<String, String> fields = fields("21-freetext-no-nip.eml");
        assertNull(fields.get(ReportFields.NIP_TERLAPOR));
        assertNull(fields.get(ReportFields.NAMA_TERLAPOR));
        assertTrue(fields.get(ReportFields.URAIAN).contains("kepala desa di kecamatan Lebong Utara"));
        assertFalse(fields.get(ReportFields.URAIAN).contains("Terima kasih"));
        assertEquals("tanpa NIP, nama_terlapor wajib diisi", parse("21-freetext-no-nip.eml").reason());
    }

    @Test
    void invalidNipIsPassedOnForTheParserToExplain() {
        assertEquals("NIP tidak valid: bulan pengangkatan 13 tidak ada", parse("23-invalid-nip.eml").reason());
    }

    @Test
    void messagesWithoutTextAreRejectedForMissingDescription() {
        for (String file : List.of("12-image-only.eml", "13-empty-body.eml")) {
            ParseResult result = parse(file);
            assertFalse(result.isAccepted(), file);
            assertTrue(result.reason().startsWith("uraian kosong"), result.reason());
        }
    }

    @Test
    void csvCoverNoteAloneIsNotAReport() {
        // The lead processes the attached CSV; the two-word body on its own cannot pass the row rules.
        assertFalse(parse("10-csv-attachment.eml").isAccepted());
    }

    /** RFC 3676 as Thunderbird (8bit, soft breaks at spaces) and iPhone Mail (quoted-printable, delsp=yes) write it. */
    @Test
    void formatFlowedValuesAreReadWhole() {
        String thunderbird = """
                From: Sari Handayani <sari.handayani@pelapor.example>
                Subject: Laporan ASN Kab. Lebong
                Date: Tue, 22 Oct 2024 09:30:00 +0700
                Message-ID: <lap-flowed-tb@pelapor.example>
                MIME-Version: 1.0
                Content-Type: text/plain; charset=UTF-8; format=flowed
                Content-Transfer-Encoding: 8bit

                NIP Terlapor: 198505172010012007
                Nama Terlapor: Dewi Kartika Sari
                Jabatan Terlapor: Kepala Seksi Pemberdayaan Masyarakat pada Bidang\s
                Pemberdayaan Masyarakat Desa, Dinas Pemberdayaan Masyarakat dan Desa
                Instansi Terlapor: Pemerintah Kabupaten Lebong, Provinsi Bengkulu\s
                (Sekretariat Daerah)
                Wilayah: Kab. Lebong
                Tanggal Kejadian: 2024-10-20
                Jenis Pelanggaran: ATTEND_ACTIVE
                Uraian: Terlapor memberikan sambutan pada deklarasi pasangan calon\s
                bupati di Tubei dan mengajak warga memilih paslon nomor 2 di depan\s
                sekitar seratus warga.
                Bukti: https://bukti.pelapor.example/galeri/2024/10/deklarasi-tubei.jpg

                --\s
                Sari Handayani
                """;
        String iPhone = """
                From: Sari Handayani <sari.handayani@pelapor.example>
                Subject: Laporan ASN Kab. Lebong
                Date: Tue, 22 Oct 2024 09:30:00 +0700
                Message-ID: <lap-flowed-iphone@pelapor.example>
                MIME-Version: 1.0
                Content-Type: text/plain; charset=utf-8; format=flowed; delsp=yes
                Content-Transfer-Encoding: quoted-printable

                NIP Terlapor: 198505172010012007
                Nama Terlapor: Dewi Kartika Sari
                Jabatan Terlapor: Kepala Seksi Pemberdayaan Masyarakat pada Bidang =20
                Pemberdayaan Masyarakat Desa, Dinas Pemberdayaan Masyarakat dan Desa
                Instansi Terlapor: Pemerintah Kabupaten Lebong, Provinsi Bengkulu =20
                (Sekretariat Daerah)
                Wilayah: Kab. Lebong
                Tanggal Kejadian: 2024-10-20
                Jenis Pelanggaran: ATTEND_ACTIVE
                Uraian: Terlapor memberikan sambutan pada deklarasi pasangan calon =20
                bupati di Tubei dan mengajak warga memilih paslon nomor 2 di depan =20
                sekitar seratus warga.
                Bukti: https://bukti.pelapor.example/galeri/2024/10/deklarasi-=20
                tubei.jpg

                Dikirim dari iPhone saya
                """;
        for (String raw : List.of(thunderbird, iPhone)) {
            InboundMail mail = MailCorpus.reader().read(raw.getBytes(StandardCharsets.UTF_8));
            Map<String, String> fields = extractor.fields(mail);
            assertEquals("Kepala Seksi Pemberdayaan Masyarakat pada Bidang Pemberdayaan Masyarakat Desa, "
                    + "Dinas Pemberdayaan Masyarakat dan Desa", fields.get(ReportFields.JABATAN_TERLAPOR), mail.sourceId());
            assertEquals("Pemerintah Kabupaten Lebong, Provinsi Bengkulu (Sekretariat Daerah)",
                    fields.get(ReportFields.INSTANSI_TERLAPOR), mail.sourceId());
            assertEquals("Terlapor memberikan sambutan pada deklarasi pasangan calon bupati di Tubei dan mengajak warga "
                    + "memilih paslon nomor 2 di depan sekitar seratus warga.", fields.get(ReportFields.URAIAN), mail.sourceId());
            ParseResult result = parser.parse(fields, ReportSource.email(mail.sourceId()));
            assertTrue(result.isAccepted(), mail.sourceId() + ": " + result.reason());
            assertEquals(List.of("https://bukti.pelapor.example/galeri/2024/10/deklarasi-tubei.jpg"), result.report().evidence());
        }
        // Without format=flowed a line break is a line break: the same lines keep the value to its first line.
        InboundMail fixed = MailCorpus.reader().read(thunderbird.replace("; format=flowed", "").getBytes(StandardCharsets.UTF_8));
        assertEquals("Kepala Seksi Pemberdayaan Masyarakat pada Bidang",
                extractor.fields(fixed).get(ReportFields.JABATAN_TERLAPOR));
    }

    /** Webmail and newsletter tools fill the plain alternative with a placeholder; the report is in the HTML. */
    @Test
    void aPlaceholderPlainAlternativeGivesWayToTheHtmlThatHoldsTheReport() {
        String raw = """
                From: <rina.puspita@pelapor.example>
                Subject: Laporan ASN
                Date: Mon, 04 Nov 2024 08:15:00 +0700
                Message-ID: <lap-placeholder@pelapor.example>
                MIME-Version: 1.0
                Content-Type: multipart/alternative; boundary="alt"

                --alt
                Content-Type: text/plain; charset=UTF-8

                Email ini berformat HTML. Silakan buka dengan aplikasi yang mendukung HTML.

                --alt
                Content-Type: text/html; charset=UTF-8

                <html><body><p>NIP Terlapor: 198911252014022001<br>Nama Terlapor: Maya Anggraini<br>
                Wilayah: Kab. Kepahiang<br>Tanggal Kejadian: 2024-11-01<br>Jenis Pelanggaran: ATTEND_ACTIVE<br>
                Uraian: Terlapor berorasi di panggung kampanye paslon nomor urut 3 di lapangan Desa Tebat Monok.</p>
                </body></html>
                --alt--
                """;
        InboundMail mail = MailCorpus.reader().read(raw.getBytes(StandardCharsets.UTF_8));
        assertFalse(mail.text().contains("berformat HTML"), mail.text());
        Map<String, String> fields = extractor.fields(mail);
        assertEquals("198911252014022001", fields.get(ReportFields.NIP_TERLAPOR));
        assertEquals("Maya Anggraini", fields.get(ReportFields.NAMA_TERLAPOR));
        ParseResult result = parser.parse(fields, ReportSource.email(mail.sourceId()));
        assertTrue(result.isAccepted(), result.reason());

        // An HTML twin with no report either does not replace what the sender typed.
        InboundMail neither = MailCorpus.reader().read(raw.replaceAll("(?s)<p>.*</p>", "<p>Salam kenal</p>")
                .getBytes(StandardCharsets.UTF_8));
        assertEquals("Email ini berformat HTML. Silakan buka dengan aplikasi yang mendukung HTML.", neither.text());
    }

    /** A cover note with the report in laporan.txt, and Exchange's whole body moved into ATT00001.txt. */
    @Test
    void aReportInAnAttachedTextFileIsReadWhenTheBodyHoldsNone() {
        String report = """
                NIP Terlapor: 197803122003121004
                Nama Terlapor: Hendra Saputra
                Wilayah: Kab. Kepahiang
                Tanggal Kejadian: 2024-11-02
                Jenis Pelanggaran: CAMPAIGN_EVENT
                Uraian: Terlapor ikut berkampanye di Pasar Kepahiang memakai seragam dinas.
                """;
        String coverNote = """
                From: Yusuf Ramadhan <yusuf.ramadhan@pelapor.example>
                Subject: Laporan (lihat lampiran)
                Date: Mon, 04 Nov 2024 10:00:00 +0700
                Message-ID: <lap-txt-attachment@pelapor.example>
                MIME-Version: 1.0
                Content-Type: multipart/mixed; boundary="mix"

                --mix
                Content-Type: text/plain; charset=UTF-8

                Dengan hormat, laporan saya terlampir.

                Salam,
                Yusuf

                --mix
                Content-Type: text/plain; charset=UTF-8; name="laporan.txt"
                Content-Disposition: attachment; filename="laporan.txt"
                Content-Transfer-Encoding: base64

                %s
                --mix--
                """.formatted(Base64.getMimeEncoder().encodeToString(
                        ("\uFEFF" + report).getBytes(StandardCharsets.UTF_8)));
        String exchange = """
                From: <yusuf.ramadhan@pelapor.example>
                Subject: Laporan ASN
                Date: Mon, 04 Nov 2024 10:00:00 +0700
                Message-ID: <lap-att00001@pelapor.example>
                MIME-Version: 1.0
                Content-Type: multipart/mixed; boundary="mix"

                --mix
                Content-Type: text/plain; charset=UTF-8; name="ATT00001.txt"
                Content-Disposition: attachment; filename="ATT00001.txt"

                %s--mix--
                """.formatted(report);
        for (String raw : List.of(coverNote, exchange)) {
            InboundMail mail = MailCorpus.reader().read(raw.getBytes(StandardCharsets.UTF_8));
            assertTrue(mail.text().startsWith("NIP Terlapor:"), "no cover note, no byte order mark: " + mail.text());
            Map<String, String> fields = extractor.fields(mail);
            assertEquals("197803122003121004", fields.get(ReportFields.NIP_TERLAPOR), mail.sourceId());
            assertEquals("Terlapor ikut berkampanye di Pasar Kepahiang memakai seragam dinas.",
                    fields.get(ReportFields.URAIAN), mail.sourceId());
            ParseResult result = parser.parse(fields, ReportSource.email(mail.sourceId()));
            assertTrue(result.isAccepted(), mail.sourceId() + ": " + result.reason());
            assertEquals(1, mail.attachments().size(), "the file still travels as evidence");
        }

        // A body that holds a report is the report; the attached file is only evidence.
        InboundMail bodyReport = MailCorpus.reader().read(coverNote
                .replace("Dengan hormat, laporan saya terlampir.", "NIP Terlapor: 198505172010012007")
                .getBytes(StandardCharsets.UTF_8));
        assertEquals("198505172010012007", extractor.fields(bodyReport).get(ReportFields.NIP_TERLAPOR));
    }

    private static InboundMail mail(String subject, String text, LocalDate sent) {
        return new InboundMail("<t@pelapor.example>", "<t@pelapor.example>", sent, "pelapor@pelapor.example", "Pelapor Uji",
                subject, MailKind.REPORT, null, null, text, List.of(), List.of(), List.of());
    }

    @Test
    void labelsAreCaseInsensitiveAndMayBeDecorated() {
        Map<String, String> fields = extractor.fields(mail("Laporan", """
                - **nip terlapor:** 198208092006041003
                • NAMA: *Yudi Prasetyo*
                > Kabupaten/Kota: Kab. Bungo
                Kronologi:
                Terlapor memasang baliho.
                Lalu berfoto di depannya.
                """, LocalDate.of(2024, 10, 20)));
        assertEquals("198208092006041003", fields.get(ReportFields.NIP_TERLAPOR));
        assertEquals("Yudi Prasetyo", fields.get(ReportFields.NAMA_TERLAPOR));
        assertEquals("Kab. Bungo", fields.get(ReportFields.WILAYAH));
        assertEquals("Terlapor memasang baliho.\nLalu berfoto di depannya.", fields.get(ReportFields.URAIAN));
        assertNull(fields.get(ReportFields.TANGGAL_KEJADIAN), "the text gives no date");
        assertEquals("2024-10-20", fields.get(ReportFields.TANGGAL_EMAIL));
    }

    @Test
    void aNumberedFormIsReadByItsLabels() {
        Map<String, String> fields = extractor.fields(mail("Laporan ASN", """
                1. NIP Terlapor: 196910201995031002
                2. Nama Terlapor: Syahrial Efendi
                (3) Wilayah: Kab. Lebong
                4) Tanggal Kejadian: 2024-11-03
                5. Uraian: Terlapor hadir di kampanye terbuka
                mengenakan seragam dinas.
                """, null));
        assertEquals("196910201995031002", fields.get(ReportFields.NIP_TERLAPOR));
        assertEquals("Syahrial Efendi", fields.get(ReportFields.NAMA_TERLAPOR));
        assertEquals("Kab. Lebong", fields.get(ReportFields.WILAYAH));
        assertEquals("2024-11-03", fields.get(ReportFields.TANGGAL_KEJADIAN));
        assertEquals("Terlapor hadir di kampanye terbuka\nmengenakan seragam dinas.", fields.get(ReportFields.URAIAN));
    }

    @Test
    void firstOccurrenceOfALabelWins() {
        Map<String, String> fields = extractor.fields(mail("x", """
                Nama Terlapor: Budi
                Uraian: Budi mengajak warga memilih.
                Nama Terlapor: Bukan Budi
                """, null));
        assertEquals("Budi", fields.get(ReportFields.NAMA_TERLAPOR));
        assertEquals("Budi mengajak warga memilih.", fields.get(ReportFields.URAIAN));
    }

    @Test
    void labelWithValueOnTheNextLine() {
        Map<String, String> fields = extractor.fields(mail("x", "Nama Terlapor:\nBudi Santoso\nUraian: isi", null));
        assertEquals("Budi Santoso", fields.get(ReportFields.NAMA_TERLAPOR));
    }

    @Test
    void evidenceLinksMayFollowOnTheirOwnLines() {
        Map<String, String> fields = extractor.fields(mail("x", """
                Bukti:
                - https://bukti.pelapor.example/1.jpg
                - https://bukti.pelapor.example/2.jpg
                Uraian: isi
                """, null));
        assertEquals("https://bukti.pelapor.example/1.jpg https://bukti.pelapor.example/2.jpg", fields.get(ReportFields.BUKTI));
    }

    @Test
    void freeTextPrefersAValidNipButPassesAnInvalidOneOn() {
        Map<String, String> both = extractor.fields(mail("x",
                "NIP 197803122003131004 salah ketik, yang benar 19780312 200312 1 004.", null));
        assertEquals("197803122003121004", both.get(ReportFields.NIP_TERLAPOR));
        Map<String, String> invalidOnly = extractor.fields(mail("x", "NIP 197803122003131004 ikut kampanye.", null));
        assertEquals("197803122003131004", invalidOnly.get(ReportFields.NIP_TERLAPOR));
    }

    @Test
    void regionComesFromSubjectOrTextAndPrefersAKabupatenOverItsProvince() {
        Map<String, String> fromSubject = extractor.fields(mail("ASN Kota Cilegon kampanye", "isi", null));
        assertEquals("36.72", fromSubject.get(ReportFields.KODE_WILAYAH));
        Map<String, String> provinceFirst = extractor.fields(mail("x", "Di Provinsi Bengkulu, tepatnya Kab. Kepahiang.", null));
        assertEquals("17.08", provinceFirst.get(ReportFields.KODE_WILAYAH));
    }

    @Test
    void dateInTheTextIsUsedWhenPlausible() {
        LocalDate sent = LocalDate.of(2024, 10, 25);
        assertEquals("2024-10-18", extractor.fields(mail("x", "Pada 18 Oktober 2024 terlapor hadir.", sent))
                .get(ReportFields.TANGGAL_KEJADIAN));
        // After the mail was sent, or years before it: not the incident. The parser falls back on the email's date,
        // which the mail to the office then calls the email's date.
        Map<String, String> noPlausibleDate = extractor.fields(mail("x", "Sampai 01/11/2024. SK tanggal 2019-03-01.", sent));
        assertNull(noPlausibleDate.get(ReportFields.TANGGAL_KEJADIAN));
        assertEquals("2024-10-25", noPlausibleDate.get(ReportFields.TANGGAL_EMAIL));
        Map<String, String> yesterday = extractor.fields(mail("x", "Kemarin sore dia mengumpulkan warga di pos ronda.", sent));
        assertNull(yesterday.get(ReportFields.TANGGAL_KEJADIAN), "\"kemarin sore\" is no date");
        assertEquals("2024-10-25", yesterday.get(ReportFields.TANGGAL_EMAIL));
        assertEquals("2024-10-25", extractor.fields(mail("x", "Pada 18 Oktober 2024 terlapor hadir.", sent))
                .get(ReportFields.TANGGAL_EMAIL), "the email's date is always passed on");
        assertNull(extractor.fields(mail("x", "Tanpa tanggal.", null)).get(ReportFields.TANGGAL_KEJADIAN));
        assertNull(extractor.fields(mail("x", "Tanpa tanggal.", null)).get(ReportFields.TANGGAL_EMAIL));
    }

    @Test
    void labelledIndonesianDateIsRewrittenButGarbageIsPassedOn() {
        assertEquals("2024-10-07", extractor.fields(mail("x", "Tanggal Kejadian: Senin, 7 Okt. 2024", null))
                .get(ReportFields.TANGGAL_KEJADIAN));
        assertEquals("kemarin sore", extractor.fields(mail("x", "Tanggal Kejadian: kemarin sore", null))
                .get(ReportFields.TANGGAL_KEJADIAN));
    }

    @Test
    void signatureIsIgnoredUntilAForwardedBlock() {
        Map<String, String> fields = extractor.fields(mail("x", """
                Mohon diteruskan.
                --
                Nama: Staf Sekretariat
                Kontak: 0812-0000-2222

                -----Original Message-----
                From: Warga <warga@pelapor.example>
                Sent: Monday, October 21, 2024 10:00 AM
                To: staf@pelapor.example
                Subject: Laporan

                Nama Terlapor: Dewi Kartika Sari
                Uraian: Mengajak memilih calon.
                """, null));
        assertEquals("Dewi Kartika Sari", fields.get(ReportFields.NAMA_TERLAPOR));
        assertEquals("pelapor@pelapor.example", fields.get(ReportFields.KONTAK_PELAPOR), "the signature's Kontak: is no field");
        assertEquals("Mengajak memilih calon.", fields.get(ReportFields.URAIAN));
    }

    @Test
    void descriptionWithoutLabelLeavesLabelLinesAndForwardHeadersOut() {
        Map<String, String> fields = extractor.fields(mail("x", """
                Kontak Pelapor: 0812-0000-3333
                ---------- Forwarded message ---------
                From: A <a@pelapor.example>
                Date: Mon, 21 Oct 2024 at 10:20

                Camat ikut berkampanye di lapangan.
                """, null));
        assertEquals("Camat ikut berkampanye di lapangan.", fields.get(ReportFields.URAIAN));
        assertEquals("0812-0000-3333", fields.get(ReportFields.KONTAK_PELAPOR));
    }

    /** SPEC §3.3: a quarantined message is answered only when it looks like a report at all. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Laporan       | Nama Terlapor: Budi                                          | true",
            "Laporan       | ada ASN 19800101 200501 1 001 di sana                        | true",
            "Laporan       | kejadian di Kabupaten Kepahiang kemarin                      | true",
            "Laporan       | pegawai itu memasang spanduk calon di kantor                 | true",
            "Kab. Lebong   | (tanpa isi)                                                  | true",
            "Laporan       | (tanpa isi)                                                  | false",
            "Weekly digest | Selamat! Anda mendapat hadiah. Klik https://evil.example       | false",
            "Re: rapat     | Date: Mon, 21 Oct 2024 From: a@b.example Subject: rapat      | false"})
    void looksLikeAReportWhenItHasALabelANipARegionOrACategoryKeyword(String subject, String text, boolean expected) {
        assertEquals(expected, extractor.looksLikeAReport(mail(subject, text.equals("(tanpa isi)") ? "" : text,
                LocalDate.of(2024, 10, 21))));
    }

    @Test
    void theQuarantinedSamplesThatLookLikeReportsAreTheOnesWithSomethingOfAReport() {
        assertTrue(extractor.looksLikeAReport(read("21-freetext-no-nip.eml")));
        assertTrue(extractor.looksLikeAReport(read("23-invalid-nip.eml")));
        assertFalse(extractor.looksLikeAReport(read("12-image-only.eml")));
        assertFalse(extractor.looksLikeAReport(read("13-empty-body.eml")));
    }
}
