package netralitas.hub.report;

/**
 * A cell value quoted in a row's reason ("kode_wilayah 'xx' tidak dikenali"): one line and short, because reasons go
 * into the audit trail and the log, which must not grow with what a file holds (SPEC §9).
 */
final class QuotedCell {

    private static final int MAX_CHARS = 40;

    private QuotedCell() {
    }

    static String of(String value) {
        StringBuilder quoted = new StringBuilder(MAX_CHARS + 3).append('\'');
        int kept = 0;
        for (int i = 0; i < value.length() && kept < MAX_CHARS; i++, kept++) {
            char c = value.charAt(i);
            quoted.append(Character.isISOControl(c) || c == '\u2028' || c == '\u2029' ? ' ' : c);
        }
        if (kept < value.length()) {
            quoted.append('…');
        }
        return quoted.append('\'').toString();
    }
}
