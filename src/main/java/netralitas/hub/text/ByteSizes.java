package netralitas.hub.text;

import java.util.Locale;

/** File sizes as Indonesian readers write them: "850 B", "120 KB", "20,0 MB" (decimal comma, 1 KB = 1024 B). */
public final class ByteSizes {

    private static final Locale INDONESIAN = Locale.forLanguageTag("id-ID");

    private ByteSizes() {
    }

    public static String format(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        if (bytes < 1024 * 1024) {
            return Math.round(bytes / 1024.0) + " KB";
        }
        return String.format(INDONESIAN, "%.1f MB", bytes / (1024.0 * 1024.0));
    }

    /** The exact count, as a reader checks a received file against it: "1.234.567 byte". */
    public static String exact(long bytes) {
        return String.format(INDONESIAN, "%,d byte", bytes);
    }
}
