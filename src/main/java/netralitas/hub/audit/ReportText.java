package netralitas.hub.audit;

import java.text.NumberFormat;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/** How the audit report writes numbers, times, waits and event kinds for an Indonesian reader. */
final class ReportText {

    private static final Locale INDONESIAN = Locale.forLanguageTag("id-ID");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss");

    private static final Map<AuditEventType, String> EVENT_LABELS = new EnumMap<>(Map.ofEntries(
            Map.entry(AuditEventType.RECEIVED, "laporan diterima"),
            Map.entry(AuditEventType.REJECTED, "laporan ditolak"),
            Map.entry(AuditEventType.DUPLICATE, "laporan duplikat, tidak diteruskan lagi"),
            Map.entry(AuditEventType.ENRICHED, "data pegawai dari BKN"),
            Map.entry(AuditEventType.NOT_FOUND_AT_BKN, "NIP tidak ditemukan di BKN"),
            Map.entry(AuditEventType.ENRICH_DEFERRED, "ditunda: BKN tidak tersedia"),
            Map.entry(AuditEventType.CLASSIFIED, "diklasifikasikan"),
            Map.entry(AuditEventType.ROUTED, "tujuan ditetapkan"),
            Map.entry(AuditEventType.DELIVERED, "terkirim ke instansi"),
            Map.entry(AuditEventType.DIGEST_QUEUED, "masuk antrean digest harian"),
            Map.entry(AuditEventType.DIGEST_SENT, "terkirim dalam digest"),
            Map.entry(AuditEventType.CLOSED, "ditutup: bukan pelanggaran"),
            Map.entry(AuditEventType.DEAD_LETTERED, "diparkir (dead letter)"),
            Map.entry(AuditEventType.REPLAYED, "diproses ulang"),
            Map.entry(AuditEventType.DELIVERY_DEFERRED, "ditunda: server email gagal"),
            Map.entry(AuditEventType.ACKNOWLEDGED, "tanda terima ke pelapor"),
            Map.entry(AuditEventType.NOTE, "catatan sistem"),
            Map.entry(AuditEventType.ANCHOR_SENT, "kepala rantai dikirim ke kotak surat jangkar"),
            Map.entry(AuditEventType.FOLLOW_UP, "tanggapan instansi"),
            Map.entry(AuditEventType.REMINDED, "pengingat tindak lanjut dikirim"),
            Map.entry(AuditEventType.ESCALATED, "dieskalasi ke Bawaslu dan Kanreg BKN"),
            Map.entry(AuditEventType.FOLLOW_UP_CLOSED, "tindak lanjut selesai"),
            Map.entry(AuditEventType.LINKED, "terkait dengan kasus lain"),
            Map.entry(AuditEventType.BOUNCED, "surat tidak terkirim (dikembalikan server email)")));

    private ReportText() {
    }

    /** 1.234.567 */
    static String number(long value) {
        return NumberFormat.getIntegerInstance(INDONESIAN).format(value);
    }

    /** 2024-11-27 09:00:00 WIB; an offset without an Indonesian zone name is written as is (+05:30). */
    static String time(OffsetDateTime at) {
        return TIME.format(at) + " " + zone(at.getOffset());
    }

    private static String zone(ZoneOffset offset) {
        return switch (offset.getTotalSeconds()) {
            case 7 * 3600 -> "WIB";
            case 8 * 3600 -> "WITA";
            case 9 * 3600 -> "WIT";
            default -> offset.getId().equals("Z") ? "UTC" : offset.getId();
        };
    }

    /** "3 hari 4 jam", "2 jam 5 menit", "7 menit", "12 detik". */
    static String age(Duration duration) {
        long seconds = Math.max(0, duration.getSeconds());
        if (seconds >= 86_400) {
            return seconds / 86_400 + " hari " + seconds % 86_400 / 3_600 + " jam";
        }
        if (seconds >= 3_600) {
            return seconds / 3_600 + " jam " + seconds % 3_600 / 60 + " menit";
        }
        return seconds >= 60 ? seconds / 60 + " menit" : seconds + " detik";
    }

    /** What an event kind means, in a few Indonesian words. */
    static String eventLabel(AuditEventType type) {
        return EVENT_LABELS.get(type);
    }
}
