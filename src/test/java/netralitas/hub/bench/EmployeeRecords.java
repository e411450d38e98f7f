package netralitas.hub.bench;

import netralitas.hub.nip.NipValidator;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The BKN simulator's answer for any valid NIP during a load run: a plausible data-utama record whose employer is a real
 * row of {@code config/siasn-instansi-daerah.csv}, chosen from the NIP. Nothing is stored, so a million employees cost
 * no memory. Nobody in these records holds a senior post, so severity is never escalated and the category mix of the
 * generated CSV is the severity mix the hub sees.
 */
final class EmployeeRecords implements Function<String, Map<String, Object>> {

    private static final List<String> POSTS = List.of("Pengadministrasi Umum", "Guru Ahli Pertama", "Guru Ahli Muda",
            "Analis Kepegawaian Ahli Pertama", "Penyuluh Pertanian Terampil", "Perawat Terampil", "Pengelola Keuangan",
            "Bidan Ahli Pertama", "Penata Laksana Barang", "Pranata Komputer Ahli Pertama");
    private static final List<String> UNITS = List.of("DINAS PENDIDIKAN", "DINAS KESEHATAN", "DINAS PERTANIAN",
            "BADAN PENGELOLAAN KEUANGAN DAERAH", "DINAS PEKERJAAN UMUM", "DINAS SOSIAL", "DINAS PERHUBUNGAN");
    private static final List<String> TITLES = List.of("", "S.Pd.", "S.E.", "S.Kom.", "A.Md.", "S.Sos.", "S.Kep.", "S.P.");
    private static final List<String> GRADES = List.of("II/c", "II/d", "III/a", "III/b", "III/c", "III/d");

    private final Employers employers;
    private final NipValidator validator;
    private final long notFoundPerMillion;

    /** @param notFoundShare share of valid NIPs (picked from the NIP) answered "not found", 0..1 */
    EmployeeRecords(Employers employers, Clock clock, double notFoundShare) {
        if (notFoundShare < 0 || notFoundShare > 1) {
            throw new IllegalArgumentException("not-found share must be within 0..1");
        }
        this.employers = employers;
        this.validator = new NipValidator(clock);
        this.notFoundPerMillion = Math.round(notFoundShare * 1_000_000);
    }

    @Override
    public Map<String, Object> apply(String nip) {
        if (!validator.check(nip).valid() || Mix.pick(nip, 6, 1_000_000) < notFoundPerMillion) {
            return null;
        }
        Employers.Employer employer = employers.forNip(nip);
        boolean pppk = NipSequence.isPppk(nip);
        boolean province = "PROV".equals(employer.kind());
        String unit = UNITS.get(Mix.pick(nip, 7, UNITS.size()));
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("nipBaru", nip);
        record.put("nama", InventedNames.forNip(nip).toUpperCase(java.util.Locale.ROOT));
        record.put("gelarDepan", "");
        record.put("gelarBelakang", TITLES.get(Mix.pick(nip, 8, TITLES.size())));
        record.put("jenisPegawaiNama", pppk ? "PPPK" : province
                ? "PNS Daerah Provinsi yang bekerja pada Provinsi" : "PNS Daerah Kab./Kota yang bekerja pada Kab./Kota");
        record.put("kedudukanPnsNama", pppk ? "PPPK Aktif" : "Aktif");
        record.put("instansiIndukId", employer.instansiId());
        record.put("instansiIndukNama", employer.instansiName());
        record.put("instansiKerjaId", employer.instansiId());
        record.put("instansiKerjaNama", employer.instansiName());
        record.put("instansiKerjaKodeCepat", employer.kodeCepat());
        record.put("satuanKerjaKerjaNama", employer.instansiName());
        record.put("unorNama", "SUBBAGIAN UMUM " + unit);
        record.put("unorIndukNama", unit);
        record.put("jabatanNama", POSTS.get(Mix.pick(nip, 9, POSTS.size())));
        record.put("jenisJabatan", "Jabatan Fungsional");
        record.put("eselon", "");
        record.put("golRuangAkhir", pppk ? "IX" : GRADES.get(Mix.pick(nip, 10, GRADES.size())));
        record.put("lokasiKerja", employer.regionName().toUpperCase(java.util.Locale.ROOT));
        record.put("kanregId", employer.kanregNumber());
        record.put("kanregNama", employer.kanregName());
        // Fields the hub must drop at the door (SPEC §4.2): present so the load run exercises that too.
        record.put("nik", nip.substring(0, 6) + nip.substring(15) + "0000000");
        record.put("alamat", "Jl. Contoh No. " + (1 + Mix.pick(nip, 11, 200)));
        record.put("noHp", "0812" + nip.substring(10, 18));
        return record;
    }
}
