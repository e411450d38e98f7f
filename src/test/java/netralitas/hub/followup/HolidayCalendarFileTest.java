package netralitas.hub.followup;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** config/holidays.csv (SPEC §12): the shipped file, and every kind of bad row named with its file, line and reason. */
class HolidayCalendarFileTest {

    private static final Path SHIPPED = Path.of("config", HolidayCalendarFile.FILE);
    private static final String HEADER = "# a comment\ndate,name,kind,source\n";

    @TempDir
    Path dir;

    @Test
    void theShippedFileHoldsEveryYearOfTheDecrees() {
        List<Holiday> holidays = HolidayCalendarFile.load(SHIPPED);
        Map<String, Long> perYearAndKind = holidays.stream().collect(Collectors.groupingBy(
                h -> h.date().getYear() + " " + h.kind(), Collectors.counting()));
        // SKB 855/2023 (+ the two voting days of Keppres 10/2024 and 33/2024), SKB 1017/2024 (+ 18 August, SKB
        // 933/2025), SKB 1497/2025.
        assertEquals(Map.of("2024 LIBUR_NASIONAL", 19L, "2024 CUTI_BERSAMA", 10L,
                "2025 LIBUR_NASIONAL", 17L, "2025 CUTI_BERSAMA", 11L,
                "2026 LIBUR_NASIONAL", 17L, "2026 CUTI_BERSAMA", 8L), perYearAndKind);
        assertTrue(HolidayCalendarFile.dates(holidays).containsAll(List.of(LocalDate.of(2024, 11, 27),
                LocalDate.of(2025, 8, 18), LocalDate.of(2026, 3, 20))));
        assertTrue(holidays.stream().allMatch(h -> h.source().startsWith("SKB ") || h.source().startsWith("Keppres ")));
    }

    @Test
    void everyBadRowIsNamedWithItsLineAndReason() throws IOException {
        Path file = write(HEADER
                + "2024-12-25,Hari Raya Natal,libur_nasional,SKB 855/2023\n"
                + "25-12-2024,Natal,libur_nasional,SKB 855/2023\n"
                + "2024-12-26,,cuti_bersama,SKB 855/2023\n"
                + "2024-12-27,Libur,libur_daerah,SKB 855/2023\n"
                + "2024-12-28,Libur,cuti_bersama,\n"
                + "\n"
                + "2024-12-25,Natal lagi,libur_nasional,SKB 855/2023\n"
                + "2024-12-30,\"Tanpa, kolom\",cuti_bersama\n"
                + "2024-12-31,\"Tahun baru, malam\",cuti_bersama,\"SKB 1, 2, 3\"\n");

        HolidayFileException e = assertThrows(HolidayFileException.class, () -> HolidayCalendarFile.load(file));

        assertEquals(List.of(
                file + ":4: '25-12-2024' is not a date (YYYY-MM-DD)",
                file + ":5: empty name",
                file + ":6: kind 'libur_daerah' is neither libur_nasional nor cuti_bersama",
                file + ":7: empty source (name the decree that set the date, e.g. SKB 1017/2024)",
                file + ":9: date 2024-12-25 is listed already on line 3",
                file + ":10: expected 4 columns (date,name,kind,source), found 3"),
                e.problems().stream().map(HolidayFileException.Problem::toString).toList());
    }

    @Test
    void quotedCellsAndUpperCaseKindsAreRead() throws IOException {
        List<Holiday> holidays = HolidayCalendarFile.load(write(HEADER
                + "2024-12-31,\"Tahun baru, malam\",CUTI_BERSAMA,\"SKB 1, 2, 3\"\n"));
        assertEquals(List.of(new Holiday(LocalDate.of(2024, 12, 31), "Tahun baru, malam", Holiday.Kind.CUTI_BERSAMA,
                "SKB 1, 2, 3")), holidays);
    }

    @Test
    void aWrongHeaderOrNoFileRefusesTheWholeFile() throws IOException {
        Path wrongHeader = write("tanggal,nama\n2024-12-25,Natal\n");
        HolidayFileException header = assertThrows(HolidayFileException.class, () -> HolidayCalendarFile.load(wrongHeader));
        assertEquals(List.of(wrongHeader + ":1: the header must be date,name,kind,source, not tanggal,nama"),
                header.problems().stream().map(HolidayFileException.Problem::toString).toList());

        Path missing = dir.resolve("tidak-ada.csv");
        HolidayFileException none = assertThrows(HolidayFileException.class, () -> HolidayCalendarFile.load(missing));
        assertEquals(missing + ": cannot read: no such file", none.problems().get(0).toString());

        Path empty = write("# only comments\n");
        assertEquals(empty + ": no header line date,name,kind,source",
                assertThrows(HolidayFileException.class, () -> HolidayCalendarFile.load(empty)).problems().get(0).toString());
    }

    private Path write(String content) throws IOException {
        Path file = Files.createTempFile(dir, "holidays", ".csv");
        Files.writeString(file, content);
        return file;
    }
}
