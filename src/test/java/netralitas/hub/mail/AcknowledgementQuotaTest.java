package netralitas.hub.mail;

import netralitas.hub.state.MigratedH2;
import netralitas.hub.testing.MutableClock;
import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AcknowledgementQuotaTest {

    private static final UnaryOperator<String> KEY = address -> "k" + Integer.toHexString(address.hashCode());
    private static final String SENDER = "budi@pelapor.example";

    private final MutableClock clock = MutableClock.jakarta("2024-10-21T02:00:00Z");

    @Test
    void aSenderGetsTheCapPerDayAndTheCountSurvivesARestart(@TempDir Path dir) throws Exception {
        JdbcConnectionPool first = open(dir);
        AcknowledgementQuota quota = new AcknowledgementQuota(first, 10, clock, KEY);
        for (int i = 0; i < 6; i++) {
            assertTrue(quota.tryTake(SENDER), "acknowledgement " + (i + 1));
        }
        first.dispose();

        JdbcConnectionPool second = open(dir);
        AcknowledgementQuota afterRestart = new AcknowledgementQuota(second, 10, clock, KEY);
        for (int i = 6; i < 10; i++) {
            assertTrue(afterRestart.tryTake(SENDER), "acknowledgement " + (i + 1));
        }
        assertFalse(afterRestart.tryTake(SENDER), "the 11th of the day");
        assertFalse(afterRestart.tryTake(SENDER), "and the 12th");
        assertTrue(afterRestart.tryTake("siti@pelapor.example"), "another sender has their own count");
        assertEquals(List.of(KEY.apply(SENDER) + " 10", KEY.apply("siti@pelapor.example") + " 1"), rows(second));
        second.dispose();
    }

    @Test
    void aNewDayStartsAgainAndOldDaysAreDeleted(@TempDir Path dir) throws Exception {
        JdbcConnectionPool pool = open(dir);
        AcknowledgementQuota quota = new AcknowledgementQuota(pool, 2, clock, KEY);
        assertTrue(quota.tryTake(SENDER));
        assertTrue(quota.tryTake(SENDER));
        assertFalse(quota.tryTake(SENDER));
        // 2024-10-21 ends at 17:00 UTC in Jakarta.
        clock.advance(Duration.ofHours(15));
        assertTrue(quota.tryTake("siti@pelapor.example"));
        assertEquals(List.of(KEY.apply("siti@pelapor.example") + " 1"), rows(pool), "yesterday's rows are gone");
        assertTrue(quota.tryTake(SENDER));
        pool.dispose();
    }

    @Test
    void theTableHoldsTheKeyNeverTheAddress(@TempDir Path dir) throws Exception {
        JdbcConnectionPool pool = open(dir);
        new AcknowledgementQuota(pool, 1, clock, KEY).tryTake(SENDER);
        assertTrue(rows(pool).stream().noneMatch(row -> row.contains("@")), rows(pool).toString());
        pool.dispose();
    }

    @Test
    void aCapBelowOneIsRefused(@TempDir Path dir) throws Exception {
        JdbcConnectionPool pool = open(dir);
        assertThrows(IllegalArgumentException.class, () -> new AcknowledgementQuota(pool, 0, clock, KEY));
        pool.dispose();
    }

    private static JdbcConnectionPool open(Path dir) {
        return MigratedH2.inFile(dir.resolve("hub"));
    }

    private static List<String> rows(JdbcConnectionPool pool) throws Exception {
        List<String> rows = new ArrayList<>();
        try (Connection connection = pool.getConnection(); Statement sql = connection.createStatement();
             ResultSet result = sql.executeQuery("SELECT sender, acks FROM ACK_SENDER_DAY ORDER BY acks DESC")) {
            while (result.next()) {
                rows.add(result.getString(1) + " " + result.getInt(2));
            }
        }
        return rows;
    }
}
