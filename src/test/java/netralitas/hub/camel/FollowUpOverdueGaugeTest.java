package netralitas.hub.camel;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import netralitas.hub.followup.CaseSummaryFixture;
import netralitas.hub.followup.FollowUpCase;
import netralitas.hub.state.FollowUpTable;
import netralitas.hub.state.MigratedH2;
import netralitas.hub.testing.MutableClock;
import org.apache.camel.impl.DefaultCamelContext;
import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** netralitas_followup_overdue{region}: open cases past their deadline per region, a region once seen kept at 0. */
class FollowUpOverdueGaugeTest {

    private static final Instant DUE = Instant.parse("2024-10-28T02:00:00Z");

    @Test
    void countsOverdueCasesPerRegionAndKeepsARegionAtZeroOnceItsCasesAreFinished() throws Exception {
        JdbcConnectionPool pool = MigratedH2.inMemory("overdue-gauge-" + System.nanoTime());
        try (DefaultCamelContext context = new DefaultCamelContext()) {
            SimpleMeterRegistry meters = new SimpleMeterRegistry();
            context.getRegistry().bind("meters", meters);
            FollowUpTable table = new FollowUpTable(pool);
            open(table, "NH-20241012-AAAAAAAA", "17.08", DUE);
            open(table, "NH-20241012-BBBBBBBB", "17.08", DUE.plusSeconds(3600));
            open(table, "NH-20241012-CCCCCCCC", null, DUE);
            MutableClock clock = new MutableClock(DUE.plusSeconds(60));
            FollowUpOverdueGauge gauge = new FollowUpOverdueGauge(table, clock);

            gauge.refresh(context);
            assertEquals(1.0, value(meters, "17.08"), "one of the two is past its deadline");
            assertEquals(1.0, value(meters, "-"), "a case without a region");

            try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement()) {
                statement.executeUpdate("UPDATE FOLLOW_UP SET closed_at = due_at, next_check_at = NULL, status = 'SELESAI'"
                        + " WHERE region_code IS NULL");
            }
            clock.set(DUE.plusSeconds(7200));
            gauge.refresh(context);
            assertEquals(2.0, value(meters, "17.08"));
            assertEquals(0.0, value(meters, "-"), "finished: 0, not gone");
        } finally {
            pool.dispose();
        }
    }

    private static double value(SimpleMeterRegistry meters, String region) {
        Gauge gauge = meters.find("netralitas.followup.overdue").tag("region", region).gauge();
        return gauge.value();
    }

    private static void open(FollowUpTable table, String caseId, String region, Instant due) throws Exception {
        table.open(FollowUpCase.forwarded(caseId, "<" + caseId + "@hub.example>", region, "SEDANG", null, null,
                List.of("bkpsdm@pemda.example"), due.minusSeconds(86_400), due, CaseSummaryFixture.of(caseId)));
    }
}
