package netralitas.hub.mail;

import netralitas.hub.cases.ViolationCase;
import netralitas.hub.classify.Category;
import netralitas.hub.classify.Classification;
import netralitas.hub.classify.Severity;
import netralitas.hub.inbox.AttachmentsLeftOut;
import netralitas.hub.inbox.EvidenceFile;
import netralitas.hub.region.RegionResolution;
import netralitas.hub.region.RegionSource;
import netralitas.hub.report.Report;
import netralitas.hub.report.ReportSource;
import netralitas.hub.report.SubjectType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CaseEmailRendererTest {

    private static final Path TEMPLATES = Path.of("config/templates");
    private static final String NOT_FOUND = "NIP tidak ditemukan di BKN — perlu verifikasi";
    private static final String NO_NIP = "Laporan tidak mencantumkan NIP — identitas perlu diverifikasi";

    private final CaseEmailRenderer renderer = MailFixtures.renderer(TEMPLATES);

    @Test
    void shippedTemplatesPassSelfCheck() {
        assertEquals(List.of(), renderer.selfCheckProblems());
    }

    @Test
    void verifiedCaseShowsReportedAndBknFacts() {
        RenderedEmail mail = renderer.renderCase(MailFixtures.verifiedCase(), MailPurpose.BKPSDM_ACTION, MailFixtures.FOLLOW_UP);
        assertEquals(SubjectLine.forCase(MailFixtures.verifiedCase()), mail.subject());
        for (String body : List.of(mail.text(), mail.html())) {
            assertContains(body, "Yth. Bupati Kepahiang");
            assertContains(body, "selaku Pejabat Pembina Kepegawaian Pemerintah Kabupaten Kepahiang");
            assertContains(body, "c.q. Kepala BKPSDM Kabupaten Kepahiang");
            assertContains(body, "Dengan hormat,");
            assertContains(body, "NH-20240914-0001");
            assertContains(body, "012/Reg/LP/PB/Kab/07.08/IX/2024");
            assertContains(body, "14 September 2024");
            assertContains(body, "laporan tertulis yang dihimpun Bawaslu");
            assertFalse(body.contains("laporan-2024-09.csv"), "an office gets no file name");
            assertContains(body, "Rudi Hartono");
            assertContains(body, "RUDI HARTONO, S.Sos.");
            assertContains(body, "Pengadministrasi Umum");
            assertContains(body, "SUBBAGIAN UMUM DINAS PENDIDIKAN");
            assertContains(body, "Pemerintah Kab. Kepahiang");
            assertContains(body, "Aktif");
            assertContains(body, "III/c");
            assertContains(body, "Kegiatan keberpihakan");
            assertContains(body, "PP 94/2021 Pasal 5 huruf n");
            assertContains(body, "Mengajak warga memilih bakal calon nomor 2.");
            assertContains(body, "Desa Sukamaju");
            assertContains(body, "https://bukti.example/foto-1.jpg");
            assertContains(body, "Kabupaten Kepahiang");
            assertContains(body, "17.08");
            assertContains(body, "Kantor Regional VII BKN");
            assertContains(body, "PP Nomor 94 Tahun 2021");
            assertContains(body, "UU Nomor 20 Tahun 2023 tentang Aparatur Sipil Negara, Pasal 2 huruf f");
            assertContains(body, "SKB 2022");
            assertContains(body, "hukuman disiplin berat berdasarkan PP Nomor 94 Tahun 2021");
            assertFalse(body.contains("sanksi moral") || body.contains("PP Nomor 42 Tahun 2004"), "moral sanction only for RINGAN");
            assertContains(body, "kepada Bawaslu dan kepada Badan Kepegawaian Negara (BKN)");
            assertContains(body, "Identitas pelapor dirahasiakan");
            assertContains(body, "dikirim secara otomatis oleh Netralitas Hub");
            assertContains(body, MailFixtures.SIGNATURE.unit());
            assertContains(body, MailFixtures.SIGNATURE.phone());
            assertContains(body, MailFixtures.SIGNATURE.email());
            assertFalse(body.contains(NOT_FOUND) || body.contains(NO_NIP));
            assertFalse(body.contains("Perbedaan data") || body.contains("PERBEDAAN DATA"), "no mismatch expected");
        }
        assertContains(mail.html(), "<a href=\"https://bukti.example/foto-1.jpg\">");
        assertContains(mail.html(), "https://bukti.example/video?id=2&amp;t=3");
        assertContains(mail.text(), "https://bukti.example/video?id=2&t=3");
        assertContains(mail.text(), "Mengingat tingkat pelanggaran BERAT");
    }

    @Test
    void scriptAndAmpersandInReportAreEscapedInHtmlOnly() {
        ViolationCase c = MailFixtures.withDescription("<script>alert('x')</script> Tom & Jerry \"kutip\"");
        RenderedEmail mail = renderer.renderCase(c, MailPurpose.BKPSDM_ACTION, MailFixtures.FOLLOW_UP);
        assertFalse(mail.html().contains("<script>"), "raw script tag in HTML");
        assertContains(mail.html(), "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; Tom &amp; Jerry &quot;kutip&quot;");
        assertContains(mail.text(), "<script>alert('x')</script> Tom & Jerry \"kutip\"");
    }

    @Test
    void markupInNamesAndLinksIsEscapedAndScriptLinksAreNotClickable() {
        Report r = new Report(ReportSource.csv("x.csv", 3), null, MailFixtures.INCIDENT, null,
                "<b>Rudi</b> & Co", "<i>Staf</i>", "Dinas <u>X</u>", SubjectType.ASN, null, null, null, "uraian",
                "<img src=x onerror=alert(1)>",
                List.of("javascript:alert(document.cookie)", "https://ok.example/\"><script>"), null, null);
        ViolationCase c = new ViolationCase("NH-X-1", r);
        c.setRegionResolution(new RegionResolution(MailFixtures.kepahiang(), RegionSource.REPORT_CODE, null, null, List.of()));
        c.setClassification(MailFixtures.partisan());
        String html = renderer.renderCase(c, MailPurpose.BKPSDM_ACTION, MailFixtures.FOLLOW_UP).html();
        assertContains(html, "&lt;b&gt;Rudi&lt;/b&gt; &amp; Co");
        assertContains(html, "&lt;img src=x onerror=alert(1)&gt;");
        assertFalse(html.contains("<img") || html.contains("<b>Rudi") || html.contains("<script>"));
        assertFalse(html.contains("href=\"javascript:"), "javascript: link must not be clickable");
        assertContains(html, "<li>javascript:alert(document.cookie)</li>");
        assertContains(html, "href=\"https://ok.example/&quot;&gt;&lt;script&gt;\"");
    }

    @ParameterizedTest
    @EnumSource(value = MailPurpose.class, names = {"BKPSDM_ACTION", "VILLAGE_OFFICIAL", "CENTRAL_AGENCY"})
    void reporterIdentityNeverReachesAnOffice(MailPurpose purpose) {
        for (ViolationCase c : List.of(MailFixtures.verifiedCase(), MailFixtures.notFoundCase(),
                MailFixtures.noNipCase(), MailFixtures.centralCase())) {
            RenderedEmail mail = renderer.renderCase(c, purpose, MailFixtures.FOLLOW_UP);
            for (String part : List.of(mail.subject(), mail.text(), mail.html())) {
                assertFalse(part.contains("Pelapor Rahasiawati"), purpose + " leaks reporter name");
                assertFalse(part.contains("0812-9999-0001"), purpose + " leaks reporter phone");
                assertFalse(part.contains("sri.pelapor"), purpose + " leaks reporter address");
            }
            assertContains(mail.text(), "Identitas pelapor dirahasiakan");
            assertContains(mail.html(), "Identitas pelapor dirahasiakan");
        }
    }

    @Test
    void triageStaffSeeTheReporter() {
        RenderedEmail mail = renderer.renderCase(MailFixtures.notFoundCase(), MailPurpose.TRIAGE, MailFixtures.FOLLOW_UP);
        for (String body : List.of(mail.text(), mail.html())) {
            assertContains(body, "Yth. Tim Triase Bawaslu");
            assertContains(body, MailFixtures.REPORTER_NAME);
            assertContains(body, "0812-9999-0001");
            assertContains(body, "HANYA UNTUK BAWASLU");
            assertContains(body, "Identitas pelapor dirahasiakan");
        }
        assertContains(mail.text(), MailFixtures.REPORTER_CONTACT);
        assertFalse(mail.subject().contains("Rahasiawati"));
    }

    @Test
    void editedTemplateCannotLeakReporterOutsideTriage(@TempDir Path dir) throws IOException {
        copyTemplates(dir);
        Path text = dir.resolve(CaseEmailRenderer.CASE_TEXT);
        Files.writeString(text, Files.readString(text) + "\nPelapor: ${reporter.name}\n");
        CaseEmailRenderer edited = MailFixtures.renderer(dir);
        assertContains(edited.renderCase(MailFixtures.verifiedCase(), MailPurpose.TRIAGE, MailFixtures.FOLLOW_UP).text(),
                "Pelapor: " + MailFixtures.REPORTER_NAME);
        MailTemplateException e = assertThrows(MailTemplateException.class,
                () -> edited.renderCase(MailFixtures.verifiedCase(), MailPurpose.BKPSDM_ACTION, MailFixtures.FOLLOW_UP));
        assertEquals(CaseEmailRenderer.CASE_TEXT, e.getTemplateName());
        assertEquals(CaseEmailRenderer.CASE_TEXT, edited.selfCheckProblems().get(0).getTemplateName());
    }

    @Test
    void emailMessageIdIsShownOnlyToTriage() {
        Report r = new Report(ReportSource.email("<abc123@laptop-pelapor.example>"), null, MailFixtures.INCIDENT,
                null, "Budi", null, null, SubjectType.ASN, "17.08", null, null, "uraian", null, List.of(), null, null);
        ViolationCase c = new ViolationCase("NH-E-1", r);
        c.setRegionResolution(new RegionResolution(MailFixtures.kepahiang(), RegionSource.REPORT_CODE, null, null, List.of()));
        c.setClassification(MailFixtures.partisan());
        RenderedEmail office = renderer.renderCase(c, MailPurpose.BKPSDM_ACTION, MailFixtures.FOLLOW_UP);
        assertFalse(office.text().contains("laptop-pelapor") || office.html().contains("laptop-pelapor"));
        assertContains(office.text(), "email kepada Bawaslu");
        assertContains(renderer.renderCase(c, MailPurpose.TRIAGE, MailFixtures.FOLLOW_UP).text(), "<abc123@laptop-pelapor.example>");
    }

    @Test
    void notFoundAtBknIsFlagged() {
        RenderedEmail mail = renderer.renderCase(MailFixtures.notFoundCase(), MailPurpose.BKPSDM_ACTION, MailFixtures.FOLLOW_UP);
        assertContains(mail.text(), NOT_FOUND);
        assertContains(mail.html(), NOT_FOUND);
        assertContains(mail.text(), "199001012015031002");
        assertContains(mail.text(), "mohon verifikasi identitas terlapor");
        assertFalse(mail.text().contains(NO_NIP));
    }

    @Test
    void villageOfficialWithoutNipGoesToBawaslu() {
        RenderedEmail mail = renderer.renderCase(MailFixtures.noNipCase(), MailPurpose.VILLAGE_OFFICIAL, MailFixtures.FOLLOW_UP);
        for (String body : List.of(mail.text(), mail.html())) {
            assertContains(body, "Yth. Ketua Bawaslu Kabupaten Kepahiang");
            assertContains(body, "pelanggaran netralitas kepala desa");
            assertContains(body, "UU Nomor 6 Tahun 2014 tentang Desa, Pasal 29 huruf g dan huruf j");
            assertContains(body, "UU Nomor 10 Tahun 2016");
            assertContains(body, "Bupati Kepahiang melalui Camat");
            assertContains(body, "sanksi administratif bagi kepala desa");
            // Not an ASN: nothing of the ASN law, BKN or the PNS discipline.
            for (String asnWording : List.of("ASN", "BKN", "BKPSDM", "PP Nomor 94", "PP 94", "NIP", "SKB", "Kantor Regional")) {
                assertFalse(body.contains(asnWording), "village mail says " + asnWording + ":\n" + body);
            }
        }
    }

    @Test
    void centralAgencyIsAskedToForwardToItsPersonnelUnit() {
        RenderedEmail mail = renderer.renderCase(MailFixtures.centralCase(), MailPurpose.CENTRAL_AGENCY, MailFixtures.FOLLOW_UP);
        for (String body : List.of(mail.text(), mail.html())) {
            assertContains(body, "Instansi Pusat");
            assertContains(body, "pegawai instansi pusat (Kementerian Agama)");
            assertContains(body, "Dr. SITI AMINAH, M.Pd.");
        }
    }

    @Test
    void provinceIsAddressedToItsBkd() {
        ViolationCase c = MailFixtures.verifiedCase();
        c.setRegionResolution(new RegionResolution(MailFixtures.provinsiBengkulu(), RegionSource.BKN, null, null, List.of()));
        String text = renderer.renderCase(c, MailPurpose.BKPSDM_ACTION, MailFixtures.FOLLOW_UP).text();
        assertContains(text, "Yth. Gubernur Bengkulu\nselaku Pejabat Pembina Kepegawaian Pemerintah Provinsi Bengkulu\n"
                + "c.q. Kepala BKD Provinsi Bengkulu\ndi tempat");
        c.setRegionResolution(new RegionResolution(MailFixtures.kotaBengkulu(), RegionSource.BKN, null, null, List.of()));
        assertContains(renderer.renderCase(c, MailPurpose.BKPSDM_ACTION, MailFixtures.FOLLOW_UP).text(), "Yth. Wali Kota Bengkulu\n");
    }

    @Test
    void regionConflictAndItsNotesAreShown() {
        ViolationCase c = MailFixtures.verifiedCase();
        String note = "Laporan menyebut Kota Bengkulu, tetapi instansi kerja menurut BKN adalah Kabupaten Kepahiang.";
        c.setRegionResolution(new RegionResolution(MailFixtures.kepahiang(), RegionSource.BKN,
                MailFixtures.kotaBengkulu(), MailFixtures.kanreg7(), List.of(note)));
        RenderedEmail mail = renderer.renderCase(c, MailPurpose.BKPSDM_ACTION, MailFixtures.FOLLOW_UP);
        for (String body : List.of(mail.text(), mail.html())) {
            assertContains(body, "Wilayah pada laporan (Kota Bengkulu, kode 17.71) berbeda dengan wilayah");
            assertContains(body, "Penanganan mengikuti data BKN.");
            assertContains(body, note);
        }
    }

    @Test
    void aRegionConflictIsExplainedOnce() {
        ViolationCase c = MailFixtures.verifiedCase();
        // The note the resolver writes for a conflict (RegionNotes.conflict), beside another note.
        String conflictNote = "Laporan menyebut Kota Bengkulu, tetapi menurut data BKN pegawai ini bekerja pada Kabupaten"
                + " Kepahiang; kasus diteruskan ke Kabupaten Kepahiang.";
        String otherNote = "Kode wilayah 17.71 (Kota Bengkulu) tidak sesuai dengan nama wilayah 'Lebong'; yang dipakai kode wilayah.";
        c.setRegionResolution(new RegionResolution(MailFixtures.kepahiang(), RegionSource.BKN, MailFixtures.kotaBengkulu(),
                MailFixtures.kanreg7(), List.of(conflictNote, otherNote)));
        RenderedEmail mail = renderer.renderCase(c, MailPurpose.BKPSDM_ACTION, MailFixtures.FOLLOW_UP);
        for (String body : List.of(mail.text(), mail.html())) {
            assertContains(body, "Wilayah pada laporan (Kota Bengkulu, kode 17.71) berbeda dengan wilayah");
            assertFalse(body.contains("tetapi menurut data BKN pegawai ini bekerja pada"), "said twice:\n" + body);
        }
        assertContains(mail.text(), otherNote);
    }

    @Test
    void aUnitOrEmployerThatIsItsOwnParentIsPrintedOnce() {
        ViolationCase c = new ViolationCase("NH-U-1", MailFixtures.report(MailFixtures.NIP, "Rudi Hartono", SubjectType.ASN, "uraian"));
        var rudi = MailFixtures.rudi();
        c.verified(new netralitas.hub.bkn.Employee(rudi.nipBaru(), rudi.nama(), rudi.gelarDepan(), rudi.gelarBelakang(),
                rudi.jenisPegawaiNama(), rudi.kedudukanPnsNama(), rudi.instansiIndukId(), rudi.instansiIndukNama(),
                rudi.instansiKerjaId(), rudi.instansiKerjaNama(), rudi.instansiKerjaKodeCepat(), rudi.satuanKerjaKerjaNama(),
                "DINAS PEKERJAAN UMUM DAN PENATAAN RUANG", "DINAS PEKERJAAN UMUM DAN PENATAAN RUANG", "Kepala Dinas",
                rudi.jenisJabatan(), "II.b", rudi.golRuangAkhir(), rudi.lokasiKerja(), rudi.kanregId(), rudi.kanregNama()));
        c.setRegionResolution(new RegionResolution(MailFixtures.kepahiang(), RegionSource.BKN, null, null, List.of()));
        c.setClassification(MailFixtures.partisan());
        RenderedEmail mail = renderer.renderCase(c, MailPurpose.BKPSDM_ACTION, MailFixtures.FOLLOW_UP);
        for (String body : List.of(mail.text(), mail.html())) {
            assertEquals(1, count(body, "DINAS PEKERJAAN UMUM DAN PENATAAN RUANG"), body);
            assertEquals(1, count(body, "Pemerintah Kab. Kepahiang"), "employer = parent employer, said once:\n" + body);
        }
    }

    @Test
    void anIncidentDateThatIsOnlyTheEmailsIsCalledSo() {
        Report r = new Report(ReportSource.email("<x@pelapor.example>"), null, LocalDate.of(2024, 10, 21), null, "Budi", null,
                null, SubjectType.ASN, "17.08", null, null, "Kemarin sore dia mengumpulkan warga.", null, List.of(), null, null, true);
        ViolationCase c = new ViolationCase("NH-D-1", r);
        c.setRegionResolution(new RegionResolution(MailFixtures.kepahiang(), RegionSource.REPORT_CODE, null, null, List.of()));
        c.setClassification(MailFixtures.partisan());
        RenderedEmail mail = renderer.renderCase(c, MailPurpose.BKPSDM_ACTION, MailFixtures.FOLLOW_UP);
        assertContains(mail.text(), "Tanggal kejadian       : tidak disebut dalam laporan; tanggal email: 21 Oktober 2024");
        assertContains(mail.html(), "tidak disebut dalam laporan; tanggal email: 21 Oktober 2024");
        c.setClassification(MailFixtures.ringan());
        RenderedEmail digest = renderer.renderDigest(MailFixtures.kepahiang(), List.of(c), LocalDate.of(2024, 10, 22), MailFixtures.FOLLOW_UP, Map.of());
        assertContains(digest.text(), "tidak disebut dalam laporan; tanggal email: 21 Oktober 2024");
        assertContains(digest.html(), "tidak disebut dalam laporan; tanggal email: 21 Oktober 2024");
    }

    @Test
    void linksAndFilesAreOneEvidenceSectionWithoutAnEmptyLinkList() {
        ViolationCase c = MailFixtures.verifiedCase();
        Report r = c.getReport();
        ViolationCase filesOnly = new ViolationCase("NH-B-1", new Report(r.source(), r.registerNumber(), r.incidentDate(), r.nip(),
                r.name(), r.position(), r.agency(), r.subjectType(), r.regionCode(), r.regionName(), r.categoryText(),
                r.description(), r.place(), List.of(), null, null));
        filesOnly.verified(MailFixtures.rudi());
        filesOnly.setRegionResolution(c.getRegionResolution());
        filesOnly.setClassification(c.getClassification());
        filesOnly.attachEvidence(List.of(new EvidenceFile("foto-1.jpg", "image/jpeg", 3, new byte[] {1, 2, 3}, false)));
        RenderedEmail mail = renderer.renderCase(filesOnly, MailPurpose.BKPSDM_ACTION, MailFixtures.FOLLOW_UP);
        for (String body : List.of(mail.text(), mail.html())) {
            assertFalse(body.contains("tidak ada tautan") || body.contains("Tautan bukti") || body.contains("tidak menyertakan"), body);
            assertContains(body, "foto-1.jpg");
        }
        filesOnly.attachEvidence(List.of());
        assertContains(renderer.renderCase(filesOnly, MailPurpose.BKPSDM_ACTION, MailFixtures.FOLLOW_UP).text(),
                "Bukti: laporan tidak menyertakan tautan maupun berkas bukti.");
    }

    @Test
    void aPppkIsCalledPppkWithAnNiPppkAndDisciplinedUnderPp49() {
        ViolationCase c = new ViolationCase("NH-P-1", MailFixtures.report("199107142022212005", "Rina", SubjectType.ASN,
                "Memasang baliho bakal calon."));
        c.notFoundAtBkn();
        c.setRegionResolution(new RegionResolution(MailFixtures.kepahiang(), RegionSource.REPORT_CODE, null, null, List.of()));
        c.setClassification(MailFixtures.partisan());
        RenderedEmail mail = renderer.renderCase(c, MailPurpose.BKPSDM_ACTION, MailFixtures.FOLLOW_UP);
        for (String body : List.of(mail.text(), mail.html())) {
            assertContains(body, "ASN — Pegawai Pemerintah dengan Perjanjian Kerja (PPPK)");
            assertContains(body, "NI PPPK tidak ditemukan di BKN — perlu verifikasi");
            assertContains(body, "PP Nomor 49 Tahun 2018");
            assertFalse(body.contains("PP 94") || body.contains("PP Nomor 94"), "PP 94/2021 does not bind a PPPK");
        }
        assertContains(mail.text(), "  NI PPPK              : 199107142022212005");
    }

    @Test
    void nameAndAgencyMismatchesAreFlagged() {
        ViolationCase c = new ViolationCase("NH-M-1", new Report(ReportSource.csv("m.csv", 2), null,
                MailFixtures.INCIDENT, MailFixtures.NIP, "Rudi Hartanto", null, "Pemkab Lebong", SubjectType.ASN,
                null, null, null, "uraian", null, List.of(), null, null));
        c.verified(MailFixtures.rudi());
        c.setRegionResolution(new RegionResolution(MailFixtures.kepahiang(), RegionSource.BKN, null, null, List.of()));
        c.setClassification(MailFixtures.partisan());
        String text = renderer.renderCase(c, MailPurpose.BKPSDM_ACTION, MailFixtures.FOLLOW_UP).text();
        assertContains(text, "Nama pada laporan (Rudi Hartanto) berbeda dengan nama di BKN (RUDI HARTONO, S.Sos.)");
        assertContains(text, "Instansi pada laporan (Pemkab Lebong) berbeda dengan instansi kerja di BKN (Pemerintah Kab. Kepahiang)");
        assertFalse(text.contains("Wilayah pada laporan"));
    }

    @Test
    void escalationReasonsAreShown() {
        ViolationCase c = MailFixtures.verifiedCase();
        Category cat = MailFixtures.category("CAMPAIGN_EVENT", "Ikut kampanye/sosialisasi/pengenalan bakal calon",
                Severity.RINGAN, false);
        c.setClassification(new Classification(cat, Severity.RINGAN, Severity.SEDANG,
                List.of("Uraian menyebut penggunaan mobil dinas.", "Terlapor menjabat Camat.")));
        RenderedEmail mail = renderer.renderCase(c, MailPurpose.BKPSDM_ACTION, MailFixtures.FOLLOW_UP);
        assertTrue(mail.subject().startsWith("[NETRALITAS ASN][SEDANG] "), mail.subject());
        for (String body : List.of(mail.text(), mail.html())) {
            assertContains(body, "dinaikkan dari RINGAN");
            assertContains(body, "Uraian menyebut penggunaan mobil dinas.");
            assertContains(body, "Terlapor menjabat Camat.");
        }
        assertFalse(mail.text().contains("Mengingat tingkat pelanggaran BERAT"));
    }

    @Test
    void categoryUnderReviewSaysPerluDitinjau() {
        ViolationCase c = MailFixtures.notFoundCase();
        Category other = MailFixtures.category("OTHER", "Lainnya / perlu verifikasi", Severity.SEDANG, true);
        c.setClassification(new Classification(other, Severity.SEDANG, Severity.SEDANG, List.of()));
        RenderedEmail mail = renderer.renderCase(c, MailPurpose.TRIAGE, MailFixtures.FOLLOW_UP);
        assertContains(mail.text(), "Tingkat pelanggaran    : SEDANG — perlu ditinjau");
        assertContains(mail.html(), "perlu ditinjau");
        assertContains(mail.text(), "meninjau kategori pelanggaran");
    }

    @Test
    void unresolvedTriageCaseSaysRegionUnknown() {
        ViolationCase c = MailFixtures.notFoundCase();
        c.setRegionResolution(new RegionResolution(null, RegionSource.NONE, null, null,
                List.of("Nama wilayah \"Bengkulu\" cocok dengan lebih dari satu wilayah.")));
        RenderedEmail mail = renderer.renderCase(c, MailPurpose.TRIAGE, MailFixtures.FOLLOW_UP);
        assertTrue(mail.subject().endsWith("— wilayah belum diketahui"));
        assertContains(mail.text(), "wilayah instansi terlapor belum dapat ditentukan");
        assertContains(mail.text(), "Nama wilayah \"Bengkulu\" cocok dengan lebih dari satu wilayah.");
        assertContains(mail.html(), "Nama wilayah &quot;Bengkulu&quot; cocok");
    }

    @Test
    void digestStacksEachCaseWithItsWholeDescriptionLinksTypeAndBasis() {
        ViolationCase a = MailFixtures.verifiedCase();
        ViolationCase b = MailFixtures.notFoundCase();
        String longText = "Hadir & ikut <b>sosialisasi</b> bakal calon. " + "panjang ".repeat(40) + "akhir-uraian.";
        ViolationCase c = MailFixtures.withDescription(longText);
        ViolationCase pppk = new ViolationCase("NH-20240914-0006", MailFixtures.report("199107142022212005", "Rina PPPK",
                SubjectType.PPPK, "Ikut pengenalan bakal calon."));
        pppk.setRegionResolution(new RegionResolution(MailFixtures.kepahiang(), RegionSource.REPORT_CODE, MailFixtures.kepahiang(),
                MailFixtures.kanreg7(), List.of()));
        pppk.notFoundAtBkn();
        for (ViolationCase v : List.of(a, b, c, pppk)) {
            v.setClassification(MailFixtures.ringan());
        }
        RenderedEmail mail = renderer.renderDigest(MailFixtures.kepahiang(), List.of(a, b, c, pppk), LocalDate.of(2024, 9, 15), MailFixtures.FOLLOW_UP, Map.of());
        assertEquals("[NETRALITAS ASN][RINGAN] Rekap harian 15 September 2024 — Kabupaten Kepahiang — 4 kasus",
                mail.subject());
        String html = mail.html();
        assertFalse(html.contains("<thead>"), "no wide table: one box per case");
        assertEquals(4, count(html, "<div style=\"border:1px solid #ccc"));
        for (String body : List.of(mail.text(), html)) {
            assertContains(body, "Yth. Bupati Kepahiang");
            assertContains(body, "c.q. Kepala BKPSDM Kabupaten Kepahiang");
            assertContains(body, "15 September 2024");
            for (String id : List.of("NH-20240914-0001", "NH-20240914-0002", "NH-20240914-0005", "NH-20240914-0006")) {
                assertContains(body, id);
            }
            assertContains(body, "RUDI HARTONO, S.Sos.");
            assertContains(body, "Budi Santoso");
            assertContains(body, "199001012015031002");
            assertContains(body, "Pengadministrasi Umum");
            assertContains(body, "Ikut kampanye/sosialisasi/pengenalan bakal calon");
            assertContains(body, NOT_FOUND);
            assertContains(body, "NI PPPK tidak ditemukan di BKN — perlu verifikasi");
            assertContains(body, "ASN — PNS");
            assertContains(body, "ASN — PPPK");
            assertContains(body, "14 September 2024");
            assertContains(body, "https://bukti.example/foto-1.jpg");
            assertContains(body, "panjang ".repeat(40) + "akhir-uraian.");
            // Said once on top, not four times.
            assertEquals(1, count(body, "UU Nomor 20 Tahun 2023 tentang Aparatur Sipil Negara, Pasal 2 huruf f"));
            assertEquals(3, count(body, "sanksi moral berdasarkan PP Nomor 42 Tahun 2004"), "the PNS cases");
            assertEquals(1, count(body, "sanksi moral atas pelanggaran kode etik dan kode perilaku Pegawai ASN sesuai SKB 2022"),
                    "the PPPK case");
            assertContains(body, "kepada Bawaslu dan kepada Badan Kepegawaian Negara (BKN)");
            assertContains(body, "Identitas para pelapor dirahasiakan");
            assertContains(body, MailFixtures.SIGNATURE.unit());
            assertFalse(body.contains("Rahasiawati") || body.contains("0812-9999-0001"));
            assertFalse(body.contains("PP Nomor 94"), "a RINGAN digest asks for no disciplinary sanction");
        }
        assertContains(html, "Hadir &amp; ikut &lt;b&gt;sosialisasi&lt;/b&gt;");
        assertContains(html, "<a href=\"https://bukti.example/video?id=2&amp;t=3\">");
        assertContains(mail.text(), "Hadir & ikut <b>sosialisasi</b>");
        assertContains(mail.text(), "   NIP              : 199001012015031002");
        assertContains(mail.text(), "   NI PPPK          : 199107142022212005");
    }

    private static int count(String haystack, String needle) {
        int n = 0;
        for (int i = haystack.indexOf(needle); i >= 0; i = haystack.indexOf(needle, i + needle.length())) {
            n++;
        }
        return n;
    }

    @Test
    void unknownVariableMakesSelfCheckNameTheTemplate(@TempDir Path dir) throws IOException {
        copyTemplates(dir);
        Path html = dir.resolve(CaseEmailRenderer.CASE_HTML);
        Files.writeString(html, Files.readString(html).replace("<p>Dengan hormat,</p>", "<p>Dengan hormat, ${nomorSurat}</p>"));
        CaseEmailRenderer broken = MailFixtures.renderer(dir);
        MailTemplateException e = broken.selfCheckProblems().get(0);
        assertEquals(CaseEmailRenderer.CASE_HTML, e.getTemplateName());
        assertContains(e.getMessage(), "case.html.ftlh");
        assertContains(e.getMessage(), "nomorSurat");
    }

    @Test
    void unknownVariableMakesRenderFailWithoutQuotingData(@TempDir Path dir) throws IOException {
        copyTemplates(dir);
        Path text = dir.resolve(CaseEmailRenderer.DIGEST_TEXT);
        Files.writeString(text, Files.readString(text).replace("Tingkat          : ${c.severity}", "Tingkat          : ${c.sevrity}"));
        CaseEmailRenderer broken = MailFixtures.renderer(dir);
        MailTemplateException e = assertThrows(MailTemplateException.class,
                () -> broken.renderDigest(MailFixtures.kepahiang(), List.of(MailFixtures.verifiedCase()), LocalDate.of(2024, 9, 15), MailFixtures.FOLLOW_UP, Map.of()));
        assertEquals(CaseEmailRenderer.DIGEST_TEXT, e.getTemplateName());
        assertContains(e.getMessage(), "digest.txt.ftl");
        assertContains(e.getMessage(), "c.sevrity");
        assertFalse(e.getMessage().contains("RUDI"), e.getMessage());
        // Rendering the case emails still works: only the broken file fails.
        broken.renderCase(MailFixtures.verifiedCase(), MailPurpose.BKPSDM_ACTION, MailFixtures.FOLLOW_UP);
    }

    @Test
    void syntaxErrorAndMissingTemplateAreNamed(@TempDir Path dir) throws IOException {
        copyTemplates(dir);
        Files.writeString(dir.resolve(CaseEmailRenderer.DIGEST_HTML), "<#if count>unclosed");
        MailTemplateException syntax = MailFixtures.renderer(dir).selfCheckProblems().get(0);
        assertEquals(CaseEmailRenderer.DIGEST_HTML, syntax.getTemplateName());

        Files.delete(dir.resolve(CaseEmailRenderer.CASE_TEXT));
        MailTemplateException missing = MailFixtures.renderer(dir).selfCheckProblems().get(0);
        assertEquals(CaseEmailRenderer.CASE_TEXT, missing.getTemplateName());
        assertContains(missing.getMessage(), "case.txt.ftl");
    }

    @Test
    void selfCheckProblemsListsEachBrokenTemplateWithLineAndExpression(@TempDir Path dir) throws IOException {
        copyTemplates(dir);
        Files.copy(TEMPLATES.resolve(CaseEmailRenderer.ACKNOWLEDGEMENT_TEXT), dir.resolve(CaseEmailRenderer.ACKNOWLEDGEMENT_TEXT));
        Files.copy(TEMPLATES.resolve(CaseEmailRenderer.ANCHOR_TEXT), dir.resolve(CaseEmailRenderer.ANCHOR_TEXT));
        for (String followUp : List.of(CaseEmailRenderer.REMINDER_TEXT, CaseEmailRenderer.REMINDER_HTML,
                CaseEmailRenderer.ESCALATION_TEXT, CaseEmailRenderer.ESCALATION_HTML,
                CaseEmailRenderer.BOUNCE_NOTICE_TEXT, CaseEmailRenderer.BOUNCE_NOTICE_HTML)) {
            Files.copy(TEMPLATES.resolve(followUp), dir.resolve(followUp));
        }
        assertEquals(List.of(), MailFixtures.renderer(dir).selfCheckProblems());
        Path text = dir.resolve(CaseEmailRenderer.CASE_TEXT);
        Files.writeString(text, Files.readString(text) + "Nomor: ${reported.nomorSurat}\n");
        long line = Files.readAllLines(text).size();
        Files.writeString(dir.resolve(CaseEmailRenderer.DIGEST_HTML), "<p>\n<#if count>tidak ditutup");

        List<MailTemplateException> problems = MailFixtures.renderer(dir).selfCheckProblems();
        assertEquals(List.of(CaseEmailRenderer.CASE_TEXT, CaseEmailRenderer.DIGEST_HTML),
                problems.stream().map(MailTemplateException::getTemplateName).toList());
        MailTemplateException unknown = problems.get(0);
        assertEquals(line, unknown.line());
        assertEquals(10, unknown.column());
        assertEquals("reported.nomorSurat", unknown.expression());
        assertEquals("unknown or missing value 'reported.nomorSurat'", unknown.problem());
        MailTemplateException syntax = problems.get(1);
        assertEquals(2, syntax.line());
        assertTrue(syntax.problem().startsWith("syntax error: "), syntax.problem());
        assertEquals(1, syntax.problem().lines().count(), syntax.problem());
    }

    @Test
    void missingDirectoryIsRejectedAtConstruction(@TempDir Path dir) {
        assertThrows(IllegalArgumentException.class, () -> MailFixtures.renderer(dir.resolve("tidak-ada")));
    }

    @Test
    void eachAttachedFileIsListedWithItsExactSizeAndSha256() {
        ViolationCase c = MailFixtures.verifiedCase();
        c.attachEvidence(List.of(new EvidenceFile("foto-1.jpg", "image/jpeg", 3, new byte[] {1, 2, 3}, false),
                new EvidenceFile("video.mp4", "video/mp4", 20L * 1024 * 1024, null, true)));
        // sha256sum of the bytes 01 02 03
        String sha = "039058c6f2c0cb492c533b0a4d14ef77cc0f78abccced5287d84a1a2011cfb81";
        RenderedEmail mail = renderer.renderCase(c, MailPurpose.BKPSDM_ACTION, MailFixtures.FOLLOW_UP);
        assertContains(mail.text(), "  - foto-1.jpg (3 B) — terlampir pada email ini\n    ukuran 3 byte; SHA-256 " + sha + "\n");
        assertContains(mail.html(), "ukuran 3 byte; SHA-256 <code style=\"word-break:break-all\">" + sha + "</code>");
        for (String body : List.of(mail.text(), mail.html())) {
            assertContains(body, "dapat dicocokkan dengan angka di atas");
            assertContains(body, "video.mp4 (20,0 MB) — ");
        }
        c.attachEvidence(List.of(new EvidenceFile("video.mp4", "video/mp4", 20L * 1024 * 1024, null, true)));
        assertFalse(renderer.renderCase(c, MailPurpose.BKPSDM_ACTION, MailFixtures.FOLLOW_UP).text().contains("SHA-256"), "nothing attached, nothing to check");
    }

    @Test
    void attachmentsLeftOutAreCountedAndTheFirstShortNamesGiven() {
        ViolationCase c = MailFixtures.verifiedCase();
        c.attachEvidence(List.of(new EvidenceFile("foto-1.jpg", "image/jpeg", 3, new byte[] {1, 2, 3}, false)),
                new AttachmentsLeftOut(4_980, 1_494_000, List.of("foto-21.jpg", "foto-22.jpg"), 20, 0, 10L * 1024 * 1024));
        RenderedEmail mail = renderer.renderCase(c, MailPurpose.BKPSDM_ACTION, MailFixtures.FOLLOW_UP);
        assertContains(mail.text(), "  - 4.980 berkas lain (1,4 MB) TIDAK DITERUSKAN karena satu laporan hanya dapat membawa 20 lampiran:"
                + " foto-21.jpg, foto-22.jpg dan 4.978 lainnya; email asli disimpan Bawaslu");
        assertContains(mail.html(), "<li>4.980 berkas lain (1,4 MB) <strong>tidak diteruskan</strong> karena satu laporan hanya"
                + " dapat membawa 20 lampiran: foto-21.jpg, foto-22.jpg dan 4.978 lainnya;");
        assertFalse(renderer.renderCase(MailFixtures.verifiedCase(), MailPurpose.BKPSDM_ACTION, MailFixtures.FOLLOW_UP).text().contains("berkas lain"));
    }

    @Test
    void theAcknowledgementSaysWhatWasLeftOut() {
        Acknowledgement ack = Acknowledgement.ofCase(Acknowledgement.Outcome.FORWARDED, "NH-1", "Laporan",
                MailFixtures.INCIDENT, null, null, null);
        String note = new AttachmentsLeftOut(4_980, 1_494_000, List.of("foto-21.jpg"), 20, 1, 10L * 1024 * 1024)
                .acknowledgementNote();
        String text = renderer.renderAcknowledgement(ack.withAttachmentsLeftOut(note)).text();
        assertContains(text, "\nCatatan lampiran: 4.980 lampiran (1,4 MB) tidak diteruskan karena satu email hanya dapat membawa"
                + " 20 lampiran; 1 lampiran tidak diteruskan karena melebihi 10,0 MB per berkas. Berkas tersebut tetap"
                + " tersimpan bersama email Anda di Bawaslu.\n");
        assertFalse(text.contains("foto-21.jpg"));
        assertFalse(renderer.renderAcknowledgement(ack).text().contains("Catatan lampiran"));
    }

    private static void copyTemplates(Path dir) throws IOException {
        for (String name : List.of(CaseEmailRenderer.CASE_TEXT, CaseEmailRenderer.CASE_HTML,
                CaseEmailRenderer.DIGEST_TEXT, CaseEmailRenderer.DIGEST_HTML)) {
            Files.copy(TEMPLATES.resolve(name), dir.resolve(name));
        }
    }

    private static void assertContains(String haystack, String needle) {
        assertTrue(haystack.contains(needle), () -> "expected to find [" + needle + "] in:\n" + haystack);
    }
}
