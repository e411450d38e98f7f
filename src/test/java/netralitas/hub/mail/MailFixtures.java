package netralitas.hub.mail;

import netralitas.hub.bkn.Employee;
import netralitas.hub.cases.ViolationCase;
import netralitas.hub.classify.Category;
import netralitas.hub.classify.CategoryCatalogue;
import netralitas.hub.classify.Classification;
import netralitas.hub.classify.LegalBases;
import netralitas.hub.classify.Severity;
import netralitas.hub.region.Kanreg;
import netralitas.hub.region.Region;
import netralitas.hub.region.RegionResolution;
import netralitas.hub.region.RegionSource;
import netralitas.hub.region.RegionType;
import netralitas.hub.report.Report;
import netralitas.hub.report.ReportSource;
import netralitas.hub.report.SubjectType;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/** Invented people, regions and cases for the mail tests. */
final class MailFixtures {

    static final String NIP = "198702142010011003";
    static final String REPORTER_NAME = "Sri Pelapor Rahasiawati";
    static final String REPORTER_CONTACT = "0812-9999-0001 / sri.pelapor@mail.example";
    static final LocalDate INCIDENT = LocalDate.of(2024, 9, 14);
    /** The deadline every test mail states: Senin, 30 September 2024 pukul 10.00 WIB. */
    static final FollowUpRequest FOLLOW_UP = new FollowUpRequest(Instant.parse("2024-09-30T03:00:00Z"),
            ZoneId.of("Asia/Jakarta"), null);

    static final MailSignature SIGNATURE = new MailSignature("Tim Penanganan Netralitas, Bawaslu Contoh",
            "Jl. Contoh No. 1, Jakarta 10110", "(021) 0000-0000", "netralitas@bawaslu.example");

    private MailFixtures() {
    }

    /** The shipped config/categories.yaml's legal bases: the mails cite what a deployer ships. */
    static LegalBases legalBases() {
        return CategoryCatalogue.load(Path.of("config/categories.yaml")).legalBases();
    }

    static CaseEmailRenderer renderer(Path templates) {
        return new CaseEmailRenderer(templates, legalBases(), SIGNATURE);
    }

    static Region kepahiang() {
        return new Region("17.08", "Kabupaten Kepahiang", RegionType.KABUPATEN, "17",
                "bkpsdm@kepahiang.example", "inspektorat@kepahiang.example", "bawaslu@kepahiang.example");
    }

    static Region kotaBengkulu() {
        return new Region("17.71", "Kota Bengkulu", RegionType.KOTA, "17",
                "bkpsdm@kotabengkulu.example", "inspektorat@kotabengkulu.example", "bawaslu@kotabengkulu.example");
    }

    static Region provinsiBengkulu() {
        return new Region("17", "Bengkulu", RegionType.PROVINSI, "17",
                "bkd@bengkulu.example", "inspektorat@bengkulu.example", "bawaslu@bengkulu.example");
    }

    static Kanreg kanreg7() {
        return new Kanreg("VII", "Kantor Regional VII BKN", "Palembang", Set.of("16", "17"), "kanreg7@bkn.example");
    }

    static Employee rudi() {
        return new Employee(NIP, "RUDI HARTONO", "", "S.Sos.",
                "PNS Daerah Kab./Kota yang bekerja pada Kab./Kota", "Aktif",
                "A5EB", "Pemerintah Kab. Kepahiang", "A5EB", "Pemerintah Kab. Kepahiang", "5807",
                "Pemerintah Kab. Kepahiang", "SUBBAGIAN UMUM DINAS PENDIDIKAN", "DINAS PENDIDIKAN",
                "Pengadministrasi Umum", "Jabatan Fungsional Umum", "", "III/c", "KEPAHIANG", "7",
                "KANTOR REGIONAL VII PALEMBANG");
    }

    static Employee centralEmployee() {
        return new Employee("198502022010012002", "SITI AMINAH", "Dr.", "M.Pd.", "PNS Pusat", "Aktif",
                "PUSAT1", "Kementerian Agama", "PUSAT1", "Kementerian Agama", "",
                "Kantor Kementerian Agama Kab. Kepahiang", "SEKSI PENDIDIKAN MADRASAH", "KANTOR KEMENAG",
                "Guru Ahli Muda", "Jabatan Fungsional", "", "III/d", "KEPAHIANG", "7",
                "KANTOR REGIONAL VII PALEMBANG");
    }

    static Category category(String code, String label, Severity severity, boolean review) {
        return new Category(code, label, severity, "SKB 2022 Lampiran II", List.of(), review,
                "PP 94/2021 Pasal 5 huruf n");
    }

    static Classification partisan() {
        Category c = category("PARTISAN_ACTIVITY", "Kegiatan keberpihakan: pertemuan, ajakan, pemberian barang",
                Severity.BERAT, false);
        return new Classification(c, Severity.BERAT, Severity.BERAT, List.of());
    }

    static Classification ringan() {
        Category c = category("CAMPAIGN_EVENT", "Ikut kampanye/sosialisasi/pengenalan bakal calon", Severity.RINGAN, false);
        return new Classification(c, Severity.RINGAN, Severity.RINGAN, List.of());
    }

    static Report report(String nip, String name, SubjectType type, String description) {
        return new Report(ReportSource.csv("laporan-2024-09.csv", 12), "012/Reg/LP/PB/Kab/07.08/IX/2024",
                INCIDENT, nip, name, "Staf Dinas Pendidikan", "Dinas Pendidikan Kab. Kepahiang", type,
                "17.08", "Kab. Kepahiang", "kegiatan keberpihakan", description, "Desa Sukamaju",
                List.of("https://bukti.example/foto-1.jpg", "https://bukti.example/video?id=2&t=3"),
                REPORTER_NAME, REPORTER_CONTACT);
    }

    /** Verified at BKN, resolved to Kepahiang by BKN, classified BERAT. */
    static ViolationCase verifiedCase() {
        ViolationCase c = new ViolationCase("NH-20240914-0001",
                report(NIP, "Rudi Hartono", SubjectType.ASN, "Mengajak warga memilih bakal calon nomor 2."));
        c.verified(rudi());
        c.setRegionResolution(new RegionResolution(kepahiang(), RegionSource.BKN, kepahiang(), kanreg7(), List.of()));
        c.setClassification(partisan());
        return c;
    }

    /** NIP given, BKN does not know it, routed by the reported region. */
    static ViolationCase notFoundCase() {
        ViolationCase c = new ViolationCase("NH-20240914-0002",
                report("199001012015031002", "Budi Santoso", SubjectType.ASN, "Memasang baliho bakal calon."));
        c.notFoundAtBkn();
        c.setRegionResolution(new RegionResolution(kepahiang(), RegionSource.REPORT_CODE, kepahiang(), kanreg7(), List.of()));
        c.setClassification(partisan());
        return c;
    }

    /** No NIP at all, a village head, region from the report's name. */
    static ViolationCase noNipCase() {
        ViolationCase c = new ViolationCase("NH-20240914-0003",
                report(null, "Ahmad Kades", SubjectType.KEPALA_DESA, "Kepala desa membagikan sembako bergambar calon."));
        c.setRegionResolution(new RegionResolution(kepahiang(), RegionSource.REPORT_NAME, kepahiang(), kanreg7(), List.of()));
        c.setClassification(partisan());
        return c;
    }

    /** Employee of a central agency: no region, the agency's name stands in. */
    static ViolationCase centralCase() {
        ViolationCase c = new ViolationCase("NH-20240914-0004",
                report("198502022010012002", "Siti Aminah", SubjectType.ASN, "Membagikan unggahan akun pemenangan."));
        c.verified(centralEmployee());
        c.setRegionResolution(new RegionResolution(null, RegionSource.CENTRAL_AGENCY, kepahiang(), kanreg7(), List.of()));
        c.setClassification(partisan());
        return c;
    }

    static ViolationCase withDescription(String description) {
        ViolationCase c = new ViolationCase("NH-20240914-0005", report(NIP, "Rudi Hartono", SubjectType.ASN, description));
        c.verified(rudi());
        c.setRegionResolution(new RegionResolution(kepahiang(), RegionSource.BKN, kepahiang(), kanreg7(), List.of()));
        c.setClassification(partisan());
        return c;
    }
}
