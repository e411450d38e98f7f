package netralitas.hub.report;

/**
 * CSV files the hub writes are opened in spreadsheets, and their cells come from outside (reports, file names).
 * OWASP's CSV-injection rule: a leading =, +, -, @, tab or CR makes a spreadsheet treat the cell as code, so such a
 * cell is prefixed with {@code '}.
 */
public final class SpreadsheetCells {

    private SpreadsheetCells() {
    }

    public static String safe(String cell) {
        if (cell == null || cell.isEmpty()) {
            return cell == null ? "" : cell;
        }
        char first = cell.charAt(0);
        if (first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r') {
            return "'" + cell;
        }
        return cell;
    }
}
