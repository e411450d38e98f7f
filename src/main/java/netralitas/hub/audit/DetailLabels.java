package netralitas.hub.audit;

import java.util.Map;

/**
 * The audit events' detail keys and coded values in Indonesian, for the auditor's report: {@code regionSource: BKN}
 * reads "Sumber wilayah: data BKN", {@code decision: IMMEDIATE} "Keputusan: segera diteruskan". A key or value not
 * listed is shown as recorded.
 */
final class DetailLabels {

    private static final Map<String, String> KEYS = Map.ofEntries(
            Map.entry("alasan", "Alasan"),
            Map.entry("channel", "Saluran"),
            Map.entry("nip", "NIP"),
            Map.entry("reporter", "Pelapor (samaran)"),
            Map.entry("incidentDate", "Tanggal kejadian"),
            Map.entry("instansiKerjaId", "ID instansi kerja"),
            Map.entry("instansiKerjaNama", "Instansi kerja"),
            Map.entry("category", "Kategori"),
            Map.entry("baseSeverity", "Tingkat dasar"),
            Map.entry("severity", "Tingkat"),
            Map.entry("escalation", "Alasan eskalasi"),
            Map.entry("decision", "Keputusan"),
            Map.entry("region", "Wilayah"),
            Map.entry("regionSource", "Sumber wilayah"),
            Map.entry("to", "Kepada"),
            Map.entry("cc", "Tembusan"),
            Map.entry("notes", "Catatan"),
            Map.entry("messageId", "Message-ID"),
            Map.entry("parkedAs", "Disimpan sebagai"),
            Map.entry("heldUntil", "Ditahan sampai"),
            Map.entry("cases", "Jumlah kasus"),
            Map.entry("attachmentsLeftOut", "Lampiran tidak diteruskan"),
            Map.entry("evidence", "Bukti"),
            Map.entry("tandaTerima", "Tanda terima"),
            Map.entry("seq", "Nomor peristiwa"),
            Map.entry("hash", "Hash"),
            Map.entry("status", "Status tindak lanjut"),
            Map.entry("sanction", "Sanksi"),
            Map.entry("note", "Keterangan"),
            Map.entry("from", "Pengirim"),
            Map.entry("sender", "Pengirim (samaran)"),
            Map.entry("spoofed", "Pengirim bukan penerima kasus"),
            Map.entry("matchedBy", "Dikenali dari"),
            Map.entry("excerpt", "Kutipan balasan"),
            Map.entry("statusText", "Status yang ditulis"));

    private static final Map<String, String> SEVERITIES = Map.of(
            "BERAT", "berat", "SEDANG", "sedang", "RINGAN", "ringan", "BUKAN_PELANGGARAN", "bukan pelanggaran");

    private static final Map<String, Map<String, String>> VALUES = Map.of(
            "decision", Map.of(
                    "IMMEDIATE", "segera diteruskan",
                    "DIGEST", "masuk digest harian",
                    "CLOSED", "ditutup (bukan pelanggaran)",
                    "TRIAGE", "triase Bawaslu"),
            "regionSource", Map.of(
                    "BKN", "data BKN",
                    "REPORT_CODE", "kode wilayah dalam laporan",
                    "REPORT_NAME", "nama wilayah dalam laporan",
                    "CENTRAL_AGENCY", "instansi pusat (data BKN)",
                    "NONE", "tidak dapat ditentukan"),
            "channel", Map.of("CSV", "berkas CSV", "EMAIL", "email"),
            "severity", SEVERITIES,
            "baseSeverity", SEVERITIES,
            "status", Map.of("TERKIRIM", "terkirim, belum dijawab", "DITERIMA", "diterima", "DIPROSES", "diproses",
                    "SELESAI", "selesai", "TIDAK_TERBUKTI", "tidak terbukti"),
            "matchedBy", Map.of("IN_REPLY_TO", "balasan atas surel kasus (In-Reply-To)",
                    "REFERENCES", "utas surel kasus (References)", "SUBJECT", "nomor kasus di subjek"));

    private DetailLabels() {
    }

    /** The Indonesian label of a detail key, or the key itself. */
    static String key(String key) {
        return KEYS.getOrDefault(key, key);
    }

    /** The Indonesian reading of a coded value under {@code key}, or the value itself. */
    static String value(String key, String value) {
        Map<String, String> values = VALUES.get(key);
        return values == null ? value : values.getOrDefault(value, value);
    }
}
