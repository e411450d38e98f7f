package netralitas.hub.report;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Which canonical report field each CSV column holds (null for columns the hub does not use). */
final class ColumnMap {

    private final String[] canonicalByIndex;

    private ColumnMap(String[] canonicalByIndex) {
        this.canonicalByIndex = canonicalByIndex;
    }

    static ColumnMap of(List<String> header) {
        String[] names = new String[header.size()];
        for (int i = 0; i < names.length; i++) {
            names[i] = ReportFields.canonical(header.get(i));
        }
        return new ColumnMap(names);
    }

    /** The canonical field of column {@code index}, or null when the hub does not use that column. */
    String canonicalAt(int index) {
        return index < canonicalByIndex.length ? canonicalByIndex[index] : null;
    }

    /** How many columns hold a report field. */
    int recognised() {
        int count = 0;
        for (String name : canonicalByIndex) {
            if (name != null) {
                count++;
            }
        }
        return count;
    }

    boolean has(String canonical) {
        for (String name : canonicalByIndex) {
            if (canonical.equals(name)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Canonical fields of one record. When two columns map to the same field ("nip" and "nip_terlapor"),
     * the first non-blank one wins.
     */
    Map<String, String> fields(List<String> values) {
        Map<String, String> fields = new HashMap<>();
        int n = Math.min(values.size(), canonicalByIndex.length);
        for (int i = 0; i < n; i++) {
            String name = canonicalByIndex[i];
            if (name == null) {
                continue;
            }
            String existing = fields.get(name);
            if (existing == null || existing.isBlank()) {
                fields.put(name, values.get(i));
            }
        }
        return fields;
    }
}
