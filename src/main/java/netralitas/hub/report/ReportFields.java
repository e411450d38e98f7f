package netralitas.hub.report;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The canonical names of report fields (SPEC §3.1), shared by CSV headers and the "Label: value"
 * lines of structured emails. Both channels map whatever people wrote onto these names first,
 * so the rest of the hub only ever sees one spelling.
 */
public final class ReportFields {

    public static final String NOMOR_LAPORAN = "nomor_laporan";
    public static final String TANGGAL_KEJADIAN = "tanggal_kejadian";
    public static final String NIP_TERLAPOR = "nip_terlapor";
    public static final String NAMA_TERLAPOR = "nama_terlapor";
    public static final String JABATAN_TERLAPOR = "jabatan_terlapor";
    public static final String INSTANSI_TERLAPOR = "instansi_terlapor";
    public static final String JENIS_TERLAPOR = "jenis_terlapor";
    public static final String KODE_WILAYAH = "kode_wilayah";
    public static final String WILAYAH = "wilayah";
    public static final String JENIS_PELANGGARAN = "jenis_pelanggaran";
    public static final String URAIAN = "uraian";
    public static final String TEMPAT_KEJADIAN = "tempat_kejadian";
    public static final String BUKTI = "bukti";
    public static final String NAMA_PELAPOR = "nama_pelapor";
    public static final String KONTAK_PELAPOR = "kontak_pelapor";

    /**
     * The day a report's email was sent, set by the mail channel itself: the incident date when the report gives
     * none. Not a column or label anyone can write (it is not in {@link #ALL}), so the mail can say truthfully
     * that the date is the email's.
     */
    public static final String TANGGAL_EMAIL = "tanggal_email";

    public static final List<String> ALL = List.of(
            NOMOR_LAPORAN, TANGGAL_KEJADIAN, NIP_TERLAPOR, NAMA_TERLAPOR, JABATAN_TERLAPOR, INSTANSI_TERLAPOR,
            JENIS_TERLAPOR, KODE_WILAYAH, WILAYAH, JENIS_PELANGGARAN, URAIAN, TEMPAT_KEJADIAN, BUKTI,
            NAMA_PELAPOR, KONTAK_PELAPOR);

    /** Alias → canonical name, keys already in the {@link #key} form. */
    private static final Map<String, String> NAMES = new LinkedHashMap<>();

    static {
        for (String name : ALL) {
            NAMES.put(name, name);
        }
        NAMES.put("no_laporan", NOMOR_LAPORAN);
        NAMES.put("report_id", NOMOR_LAPORAN);
        NAMES.put("tanggal", TANGGAL_KEJADIAN);
        NAMES.put("incident_date", TANGGAL_KEJADIAN);
        NAMES.put("nip", NIP_TERLAPOR);
        NAMES.put("nama", NAMA_TERLAPOR);
        NAMES.put("jabatan", JABATAN_TERLAPOR);
        NAMES.put("instansi", INSTANSI_TERLAPOR);
    }

    /** Underscore, space and dash are one separator (SPEC §3.1): "Kode Wilayah" = "kode-wilayah". */
    private static final Pattern SEPARATORS = Pattern.compile("[\\s_\\-]+");

    private ReportFields() {
    }

    /**
     * Canonical field name for a CSV header or an email label, e.g. "NIP Terlapor" → nip_terlapor,
     * "Incident-Date" → tanggal_kejadian. A trailing colon (from "Label:") and a byte order mark are
     * ignored. Returns null when the name is not a report field.
     */
    public static String canonical(String headerOrLabel) {
        if (headerOrLabel == null) {
            return null;
        }
        return NAMES.get(key(headerOrLabel));
    }

    private static String key(String text) {
        String trimmed = text.replace("\uFEFF", "").strip();
        if (trimmed.endsWith(":")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1).strip();
        }
        String joined = SEPARATORS.matcher(trimmed.toLowerCase(Locale.ROOT)).replaceAll("_");
        // Leading/trailing separators ("_nip_") are noise, not part of the name.
        return joined.replaceAll("^_+|_+$", "");
    }
}
