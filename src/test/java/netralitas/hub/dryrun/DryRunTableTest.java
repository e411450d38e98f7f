package netralitas.hub.dryrun;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class DryRunTableTest {

    @Test
    void columnsAreAsWideAsTheirWidestCellAndEachReportIsOneLine() {
        DryRunTable table = new DryRunTable();
        table.add(new DryRunRow("NH-1", "197803122003121004", "Arif", "BERAT", "17.08 Kabupaten Kepahiang", "IMMEDIATE",
                List.of("bkpsdm@pemda.example", "cc:inspektorat@pemda.example"), "2024-10-28 10:00 +07:00 (P14D hari kerja)",
                "Kampanye"));
        table.add(DryRunRow.stopped("laporan.csv:7", "REJECTED", "NIP tidak valid:\r\n  bulan 13"));

        assertEquals(List.of(
                "CASE ID        NIP                 NAME  SEVERITY  REGION                     DECISION   RECIPIENTS                                          DEADLINE                                   REASON",
                "NH-1           197803122003121004  Arif  BERAT     17.08 Kabupaten Kepahiang  IMMEDIATE  bkpsdm@pemda.example, cc:inspektorat@pemda.example  2024-10-28 10:00 +07:00 (P14D hari kerja)  Kampanye",
                "laporan.csv:7                                                                 REJECTED                                                                                                  NIP tidak valid: bulan 13",
                "2 reports, 1 IMMEDIATE, 1 REJECTED. Dry run: nothing was sent or recorded."), print(table));
    }

    @Test
    void anEmptyFileSaysSo() {
        assertEquals("0 reports. Dry run: nothing was sent or recorded.", print(new DryRunTable()).get(1));
    }

    private static List<String> print(DryRunTable table) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        table.print(new PrintStream(out, true, StandardCharsets.UTF_8));
        return out.toString(StandardCharsets.UTF_8).lines().toList();
    }
}
