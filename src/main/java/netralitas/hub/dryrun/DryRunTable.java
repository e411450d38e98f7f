package netralitas.hub.dryrun;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Prints the rows of a dry run as a text table, columns as wide as their widest cell, then one line counting the
 * decisions, so that an engineer can compare two runs before and after a routing change with {@code diff}.
 */
public final class DryRunTable {

    private static final List<String> HEADER =
            List.of("CASE ID", "NIP", "NAME", "SEVERITY", "REGION", "DECISION", "RECIPIENTS", "DEADLINE", "REASON");

    private final List<List<String>> rows = new ArrayList<>();
    private final Map<String, Integer> decisions = new TreeMap<>();

    public void add(DryRunRow row) {
        rows.add(List.of(row.caseId(), row.nip(), row.name(), row.severity(), row.region(), row.decision(),
                        String.join(", ", row.recipients()), row.deadline(), row.reason()).stream().map(DryRunTable::oneLine).toList());
        decisions.merge(row.decision(), 1, Integer::sum);
    }

    public int size() {
        return rows.size();
    }

    public void print(PrintStream out) {
        int[] widths = new int[HEADER.size()];
        widen(widths, HEADER);
        rows.forEach(row -> widen(widths, row));
        printRow(out, widths, HEADER);
        rows.forEach(row -> printRow(out, widths, row));
        StringBuilder summary = new StringBuilder().append(rows.size()).append(rows.size() == 1 ? " report" : " reports");
        decisions.forEach((decision, count) -> summary.append(", ").append(count).append(' ').append(decision));
        out.println(summary.append(". Dry run: nothing was sent or recorded."));
    }

    private static void widen(int[] widths, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            widths[i] = Math.max(widths[i], cells.get(i).length());
        }
    }

    private static void printRow(PrintStream out, int[] widths, List<String> cells) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            String cell = cells.get(i);
            line.append(cell);
            if (i < cells.size() - 1) {
                line.append(" ".repeat(widths[i] - cell.length() + 2));
            }
        }
        out.println(line.toString().stripTrailing());
    }

    // A reason or a name could hold a line break (a multi-line CSV cell): one report is one line.
    private static String oneLine(String cell) {
        return cell.replaceAll("\\s*[\\r\\n]+\\s*", " ");
    }
}
