package netralitas.hub.e2e;

import netralitas.hub.audit.AuditEvent;
import netralitas.hub.testing.FolderCopy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The hub counts a case's deadline on the deployer's config/holidays.csv (SPEC §12): with business days on (shipped),
 * the whole days of the deadline skip the dates it lists. Here every day of the next 60 is a holiday, so a deadline of
 * 14 business days ends after them (without the file, about 20 days from now).
 */
class HolidayDeadlineEndToEndTest {

    private static final int HOLIDAYS = 60;

    @Test
    void aCaseDeadlineSkipsTheHolidaysOfTheConfigFile(@TempDir Path work) throws Exception {
        Path home = FolderCopy.hubHome(work.resolve("home"));
        StringBuilder holidays = new StringBuilder("date,name,kind,source\n");
        LocalDate yesterday = LocalDate.now(ZoneOffset.UTC).minusDays(1);
        for (int day = 0; day <= HOLIDAYS + 1; day++) {
            holidays.append(yesterday.plusDays(day)).append(",Cuti bersama uji,cuti_bersama,uji\n");
        }
        Files.writeString(home.resolve("config/holidays.csv"), holidays, StandardCharsets.UTF_8);

        try (TestHub hub = new TestHub(work).home(home).start()) {
            hub.dropAndAwait("laporan.csv", SedangReports.csv(1));
            hub.awaitEvent("DELIVERED", 1);

            AuditEvent delivered = hub.audit().stream().filter(e -> "DELIVERED".equals(e.event().name()))
                    .findFirst().orElseThrow();
            Instant deadline = Instant.parse((String) delivered.detail().get("deadline"));
            assertTrue(deadline.isAfter(Instant.now().plus(Duration.ofDays(HOLIDAYS))),
                    "the deadline " + deadline + " counts no day of the " + HOLIDAYS + " holidays");
        }
    }
}
