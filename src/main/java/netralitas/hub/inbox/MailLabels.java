package netralitas.hub.inbox;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import netralitas.hub.report.ReportFields;

/**
 * The labels people write in a structured report email (SPEC §3.2): the CSV column names of {@link ReportFields}
 * plus the Indonesian labels a reporter types by hand ("Tanggal Kejadian", "Kabupaten/Kota", "Kronologi").
 */
final class MailLabels {

    private static final Pattern NON_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");
    private static final Map<String, String> ALIASES = new HashMap<>();

    static {
        alias(ReportFields.NOMOR_LAPORAN, "nomor laporan", "no laporan", "nomor register", "no register");
        alias(ReportFields.TANGGAL_KEJADIAN, "tanggal kejadian", "tanggal", "tgl kejadian", "tgl", "waktu kejadian");
        alias(ReportFields.NIP_TERLAPOR, "nip", "nip terlapor", "nip asn");
        alias(ReportFields.NAMA_TERLAPOR, "nama", "nama terlapor", "nama asn");
        alias(ReportFields.JABATAN_TERLAPOR, "jabatan", "jabatan terlapor");
        alias(ReportFields.INSTANSI_TERLAPOR, "instansi", "instansi terlapor", "unit kerja");
        alias(ReportFields.JENIS_TERLAPOR, "jenis terlapor", "status terlapor");
        alias(ReportFields.KODE_WILAYAH, "kode wilayah");
        alias(ReportFields.WILAYAH, "wilayah", "kabupaten kota", "kab kota", "kabupaten", "kota", "daerah");
        alias(ReportFields.JENIS_PELANGGARAN, "jenis pelanggaran", "pelanggaran", "dugaan pelanggaran",
                "kategori", "kategori pelanggaran");
        alias(ReportFields.URAIAN, "uraian", "uraian kejadian", "uraian singkat", "kronologi", "kronologis",
                "kronologi kejadian");
        alias(ReportFields.TEMPAT_KEJADIAN, "tempat kejadian", "tempat", "lokasi", "lokasi kejadian");
        alias(ReportFields.BUKTI, "bukti", "tautan bukti", "link bukti");
        alias(ReportFields.NAMA_PELAPOR, "nama pelapor", "pelapor");
        alias(ReportFields.KONTAK_PELAPOR, "kontak pelapor", "kontak", "email pelapor", "no hp pelapor",
                "telepon pelapor");
    }

    private MailLabels() {
    }

    private static void alias(String canonical, String... labels) {
        for (String label : labels) {
            ALIASES.put(label, canonical);
        }
    }

    /** The canonical field a label stands for, or null. "NIP Terlapor:", "nip_terlapor", "*Kabupaten/Kota*" all work. */
    static String canonical(String label) {
        if (label == null) {
            return null;
        }
        String fromCsvNames = ReportFields.canonical(label);
        if (fromCsvNames != null) {
            return fromCsvNames;
        }
        String key = NON_WORD.matcher(label.toLowerCase(Locale.ROOT)).replaceAll(" ").strip();
        return ALIASES.get(key);
    }
}
