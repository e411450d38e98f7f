package netralitas.hub.mail;

import netralitas.hub.bkn.Employee;
import netralitas.hub.cases.ViolationCase;
import netralitas.hub.classify.Category;
import netralitas.hub.classify.Classification;
import netralitas.hub.classify.Severity;
import netralitas.hub.followup.BouncedMail;
import netralitas.hub.followup.FollowUpCase;
import netralitas.hub.followup.FollowUpEntry;
import netralitas.hub.followup.FollowUpStatus;
import netralitas.hub.followup.ReturnedHubMail;
import netralitas.hub.inbox.AttachmentsLeftOut;
import netralitas.hub.inbox.EvidenceFile;
import netralitas.hub.inbox.FailedRecipient;
import netralitas.hub.region.Kanreg;
import netralitas.hub.region.Region;
import netralitas.hub.region.RegionResolution;
import netralitas.hub.region.RegionSource;
import netralitas.hub.region.RegionType;
import netralitas.hub.report.Report;
import netralitas.hub.report.ReportSource;
import netralitas.hub.report.SubjectType;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Invented cases for {@link CaseEmailRenderer#selfCheckProblems()}. FreeMarker only evaluates the branches it takes,
 * so the samples are chosen to walk every branch of the shipped templates: each purpose, each BKN status,
 * a region conflict, an escalation, a category under review, a central agency, a village official, an incident date
 * that is only the email's.
 */
final class SelfCheckSamples {

    static final LocalDate DATE = LocalDate.of(2024, 9, 14);
    /** The first case an invented related report is threaded to. */
    static final String RELATED_CASE_ID = "NH-CONTOH-0000";
    private static final AttachmentsLeftOut LEFT_OUT = new AttachmentsLeftOut(31, 4_200_000, List.of("foto-21.jpg", "foto-22.jpg"),
            20, 1, 10L * 1024 * 1024);

    record Sample(ViolationCase violationCase, MailPurpose purpose) {
    }

    private SelfCheckSamples() {
    }

    static Region region() {
        return new Region("17.08", "Kabupaten Contoh Jaya", RegionType.KABUPATEN, "17",
                "bkpsdm@contohjaya.example", "inspektorat@contohjaya.example", "bawaslu@contohjaya.example");
    }

    private static Region otherRegion() {
        return new Region("17.71", "Kota Contoh", RegionType.KOTA, "17",
                "bkpsdm@kotacontoh.example", "inspektorat@kotacontoh.example", "bawaslu@kotacontoh.example");
    }

    private static Kanreg kanreg() {
        return new Kanreg("VII", "Kantor Regional VII BKN", "Palembang", Set.of("17"), "kanreg7@bkn.example");
    }

    private static Category category(Severity severity, boolean review) {
        return new Category(review ? "OTHER" : "PARTISAN_ACTIVITY",
                review ? "Lainnya / perlu verifikasi" : "Kegiatan keberpihakan: pertemuan, ajakan, pemberian barang",
                severity, "SKB 2022 Lampiran II", List.of(), review, review ? null : "PP 94/2021 Pasal 5 huruf n");
    }

    private static Report report(String nip, SubjectType type, String description, String reporter) {
        return new Report(ReportSource.csv("contoh.csv", 2), "001/LP/PB/Kab/07.08/IX/2024", DATE.minusDays(3),
                nip, "Andi Contoh", "Kepala Bagian Umum", "Pemkab Contoh Jaya", type, "17.71", "Kota Contoh",
                "kegiatan keberpihakan", description, "Balai Desa Contoh",
                List.of("https://bukti.example/foto1.jpg", "javascript:alert(1)"),
                reporter, reporter == null ? null : "0800-0000-0000");
    }

    private static Employee employee() {
        return new Employee("198001012005011001", "ANDI CONTOHNAMA", "Drs.", "M.Si.", "PNS Daerah", "Aktif",
                "ID-INDUK", "Pemerintah Kab. Contoh Jaya", "ID-KERJA", "Pemerintah Kab. Contoh Jaya", "9999",
                "Pemerintah Kab. Contoh Jaya", "BAGIAN UMUM", "SEKRETARIAT DAERAH", "Kepala Bagian Umum",
                "Jabatan Struktural", "III.a", "IV/a", "CONTOH JAYA", "7", "KANTOR REGIONAL VII PALEMBANG");
    }

    private static Employee centralEmployee() {
        return new Employee("198502022010012002", "SITI CONTOH", "", "S.E.", "PNS Pusat", "Aktif",
                "ID-PUSAT", "Kementerian Contoh", "ID-PUSAT", "Kementerian Contoh", "",
                "Kantor Wilayah Kementerian Contoh", "SUBBAGIAN UMUM", "KANTOR WILAYAH", "Analis",
                "Jabatan Fungsional", "", "III/b", "CONTOH JAYA", "7", "KANTOR REGIONAL VII PALEMBANG");
    }

    static List<Sample> cases() {
        ViolationCase verified = new ViolationCase("NH-CONTOH-0001",
                report("198001012005011001", SubjectType.ASN, "Mengajak warga memilih bakal calon <b>X</b> & Y.", null));
        verified.verified(employee());
        verified.setRegionResolution(new RegionResolution(region(), RegionSource.BKN, otherRegion(), kanreg(),
                List.of("Wilayah pada laporan berbeda dengan instansi menurut BKN.")));
        verified.setClassification(new Classification(category(Severity.SEDANG, false), Severity.SEDANG,
                Severity.BERAT, List.of("Menggunakan mobil dinas.")));
        verified.attachEvidence(List.of(
                new EvidenceFile("foto <1>.jpg", "image/jpeg", 3, new byte[] {1, 2, 3}, false),
                new EvidenceFile("video.mp4", "video/mp4", 20L * 1024 * 1024, null, true)), LEFT_OUT);

        ViolationCase village = new ViolationCase("NH-CONTOH-0002",
                report(null, SubjectType.KEPALA_DESA, "Kepala desa membagikan sembako bergambar calon.", null));
        village.setRegionResolution(new RegionResolution(region(), RegionSource.REPORT_NAME, region(), kanreg(), List.of()));
        village.setClassification(new Classification(category(Severity.BERAT, false), Severity.BERAT, Severity.BERAT, List.of()));

        ViolationCase central = new ViolationCase("NH-CONTOH-0003",
                report("198502022010012002", SubjectType.ASN, "Membagikan unggahan akun pemenangan calon.", null));
        central.verified(centralEmployee());
        central.setRegionResolution(new RegionResolution(null, RegionSource.CENTRAL_AGENCY, null, kanreg(), List.of()));
        central.setClassification(new Classification(category(Severity.BERAT, false), Severity.BERAT, Severity.BERAT, List.of()));

        ViolationCase triage = new ViolationCase("NH-CONTOH-0004",
                report("199001012015031001", SubjectType.PPPK, "Uraian yang belum jelas.", "Pelapor Contoh"));
        triage.notFoundAtBkn();
        triage.setRegionResolution(new RegionResolution(null, RegionSource.NONE, null, null,
                List.of("Nama wilayah \"Contoh\" cocok dengan lebih dari satu wilayah.")));
        triage.setClassification(new Classification(category(Severity.SEDANG, true), Severity.SEDANG, Severity.SEDANG, List.of()));

        Report byEmail = new Report(ReportSource.email("<contoh-0005@mail.example>"), null, DATE, null,
                null, null, null, SubjectType.PERANGKAT_DESA, null, null, null, "Belum diklasifikasi.", null,
                List.of(), "Pelapor Contoh", null, true);
        ViolationCase unclassified = new ViolationCase("NH-CONTOH-0005", byEmail);

        return List.of(
                new Sample(verified, MailPurpose.BKPSDM_ACTION),
                new Sample(village, MailPurpose.VILLAGE_OFFICIAL),
                new Sample(central, MailPurpose.CENTRAL_AGENCY),
                new Sample(triage, MailPurpose.TRIAGE),
                new Sample(unclassified, MailPurpose.TRIAGE),
                new Sample(triage, MailPurpose.BKPSDM_ACTION),
                new Sample(unclassified, MailPurpose.BKPSDM_ACTION));
    }

    static List<ViolationCase> digestCases() {
        return cases().stream().map(Sample::violationCase).distinct().toList();
    }

    static List<Acknowledgement> acknowledgements() {
        String address = "laporan@bawaslu.example";
        return List.of(
                Acknowledgement.ofCase(Acknowledgement.Outcome.FORWARDED, "NH-CONTOH-0001", "Laporan ASN", DATE, null, null, address),
                Acknowledgement.ofCase(Acknowledgement.Outcome.FORWARDED, "NH-CONTOH-0001", "Laporan ASN", DATE, null, null, address)
                        .withAttachmentsLeftOut(LEFT_OUT.acknowledgementNote()),
                Acknowledgement.ofCase(Acknowledgement.Outcome.DIGEST, "NH-CONTOH-0002", null, DATE, null, null, null),
                Acknowledgement.ofCase(Acknowledgement.Outcome.CLOSED, "NH-CONTOH-0003", "Kampanye", DATE, "PASSIVE_ATTENDANCE",
                        "Hadir di kampanye secara pasif", address),
                Acknowledgement.ofCase(Acknowledgement.Outcome.CLOSED, "NH-CONTOH-0004", null, null, "LAINNYA", "Lainnya", null),
                Acknowledgement.ofCase(Acknowledgement.Outcome.REVIEW, "NH-CONTOH-0005", "Laporan", DATE, null, null, address),
                Acknowledgement.ofCase(Acknowledgement.Outcome.DUPLICATE, "NH-CONTOH-0006", "Laporan", DATE, null, null, address),
                Acknowledgement.notProcessed("NH-CONTOH-0007", null, null, "uraian kosong; tanpa NIP, nama_terlapor wajib diisi", null),
                Acknowledgement.csvBatch("Rekap", DATE, List.of(
                        new Acknowledgement.CsvFileOutcome(2, 7, null, List.of(
                                new Acknowledgement.RejectedLine(4, "NIP tidak valid: bulan pengangkatan 13 tidak ada"))),
                        new Acknowledgement.CsvFileOutcome(0, 0, "kolom uraian tidak ada", null)), address));
    }

    static AnchorMail anchor() {
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("RECEIVED", 12L);
        counts.put("DELIVERED", 9L);
        return new AnchorMail(DATE.atTime(23, 55).atOffset(ZoneOffset.ofHours(7)), 1234, "ab".repeat(32), true, counts);
    }

    /** A deadline fourteen days after {@link #DATE} in WIB, and the first case when {@code relatedCaseId} is given. */
    static FollowUpRequest followUp(String relatedCaseId) {
        return new FollowUpRequest(DATE.plusDays(14).atTime(10, 0).atZone(ZoneId.of("Asia/Jakarta")).toInstant(),
                ZoneId.of("Asia/Jakarta"), relatedCaseId);
    }

    /** When the samples' reminders and escalations are sent: past the deadline of {@link #followUpOf}. */
    static final Instant FOLLOW_UP_NOW = Instant.parse("2024-10-03T02:00:00Z");
    static final ZoneId ZONE = ZoneId.of("Asia/Jakarta");

    /** The follow-up of a sample case: forwarded on {@link #DATE}, due 14 days later, reminded once. */
    static FollowUpCase followUpOf(ViolationCase c) {
        Instant forwarded = Instant.parse("2024-09-14T02:00:00Z");
        return new FollowUpCase(c.getCaseId(), "<" + c.getCaseId() + "@hub.example>", "17.07", CaseFacts.severityCode(c),
                null, DATE, List.of("bkpsdm@pemda.example", "inspektorat@pemda.example"), forwarded,
                Instant.parse("2024-09-28T02:00:00Z"), FollowUpStatus.DITERIMA, forwarded.plusSeconds(86_400), 1,
                FOLLOW_UP_NOW, null, null, CaseSummaries.of(c, "laporan.csv:2"));
    }

    static List<FollowUpEntry> followUpHistory() {
        return List.of(
                new FollowUpEntry(Instant.parse("2024-09-14T02:00:00Z"), "FORWARDED", FollowUpStatus.TERKIRIM, null),
                new FollowUpEntry(Instant.parse("2024-09-15T02:00:00Z"), "FOLLOW_UP", FollowUpStatus.DITERIMA,
                        "Akan kami periksa <segera> & laporkan."),
                new FollowUpEntry(Instant.parse("2024-09-28T02:00:00Z"), "REMINDED", null, "pengingat ke-1"));
    }

    /**
     * A returned case mail with the server's reasons ({@code withReasons}), else a returned digest of two cases whose
     * bounce names no recipient.
     */
    static BouncedMail bounce(boolean withReasons) {
        List<Sample> samples = cases();
        FollowUpCase first = followUpOf(samples.get(0).violationCase());
        if (withReasons) {
            return new BouncedMail(List.of(first), first.messageId(), new ReturnedHubMail(ReturnedHubMail.Kind.CASE, 0),
                    List.of(new FailedRecipient("bkpsdm@pemda.example", "5.1.1",
                                    "550 5.1.1 <bkpsdm@pemda.example>: Recipient address rejected: User unknown"),
                            new FailedRecipient("inspektorat@pemda.example", null, null)));
        }
        return new BouncedMail(List.of(first, followUpOf(samples.get(1).violationCase())), "<digest-17.07@hub.example>",
                new ReturnedHubMail(ReturnedHubMail.Kind.DIGEST, 0), List.of());
    }

    static BounceLocation bounceLocation() {
        return new BounceLocation("kotak surat laporan (laporan@bawaslu.example)", "Processed",
                "MAILER-DAEMON@mx.pemda.example", "Undelivered Mail Returned to Sender");
    }
}
