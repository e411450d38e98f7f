package netralitas.hub.audit;

import netralitas.hub.app.AuditCommand;
import netralitas.hub.cli.HubCommandLine;
import netralitas.hub.state.PostgresServer;
import netralitas.hub.state.StateStore;
import netralitas.hub.testing.MutableClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.sql.DataSource;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code audit followup} (SPEC §12) from a written trail alone, on the file trail and on the store trail: per region
 * forwarded, answered, finished, overdue with days, bounced, then the overdue cases; text and CSV.
 */
class AuditFollowUpCommandTest {

    private static final Instant NOW = Instant.parse("2024-11-27T02:00:00Z");
    private static final String KEPAHIANG = "17.08";

    @TempDir
    Path dir;

    private final MutableClock clock = MutableClock.jakarta("2024-10-01T02:00:00Z");
    private final MemoryChainHeads heads = new MemoryChainHeads();

    @Test
    void perRegionCountsAndTheOverdueCasesAsText() {
        try (AuditTrail trail = heads.open(dir, clock)) {
            FollowUpTrailFixture.writeCases(trail, NOW);
        }
        clock.set(NOW);
        Output result = run("followup");

        assertEquals(0, result.exit(), result.err());
        List<String> lines = result.out().lines().toList();
        assertEquals("Follow-up per region (SPEC §12), from the audit trail, as of 2024-11-27 09:00 +07:00", lines.get(0));
        assertEquals(List.of("17.08", "3", "2", "1", "1", "12", "1", "Kabupaten", "Kepahiang"), words(lines.get(2)),
                "Kepahiang: A overdue (a spoofed reply is no answer) and bounced (twice, one case), B finished, C answered"
                        + " and not due yet");
        assertEquals(List.of("-", "1", "0", "0", "1", "3", "0", "(tanpa", "wilayah:", "triase/pusat)"), words(lines.get(3)));
        assertEquals(List.of("total", "4", "2", "1", "2", "12", "1"), words(lines.get(4)));
        assertEquals("Overdue cases: 2 (most overdue first)", lines.get(5));
        assertEquals(List.of("NH-A", "17.08", "SEDANG", "2024-11-15", "09:00", "+07:00", "12", "2", "yes", "yes"),
                words(lines.get(7)));
        assertEquals(List.of("NH-D", "-", "SEDANG", "2024-11-24", "09:00", "+07:00", "3", "0", "no", "no"), words(lines.get(8)));
        assertEquals(9, lines.size(), result.out());
    }

    @Test
    void csvHasTheRegionsThenTheOverdueCases() {
        try (AuditTrail trail = heads.open(dir, clock)) {
            FollowUpTrailFixture.writeCases(trail, NOW);
        }
        clock.set(NOW);
        Output result = run("followup", "--format", "csv");

        assertEquals(0, result.exit(), result.err());
        assertEquals("""
                region,forwarded,answered,finished,overdue,most_days_overdue,bounced\r
                17.08,3,2,1,1,12,1\r
                -,1,0,0,1,3,0\r
                \r
                case_id,region,severity,deadline,days_overdue,reminders,escalated,bounced\r
                NH-A,17.08,SEDANG,2024-11-15T09:00+07:00,12,2,true,true\r
                NH-D,-,SEDANG,2024-11-24T09:00+07:00,3,0,false,false\r
                """, result.out());
    }

    @Test
    void aTrailWithoutForwardedCasesSaysSo() {
        try (AuditTrail trail = heads.open(dir, clock)) {
            trail.append("NH-F", AuditEventType.CLOSED, "laporan.csv:7", "close", Map.of("region", "17.71"));
        }
        Output result = run("followup");
        assertEquals(0, result.exit(), result.err());
        assertTrue(result.out().contains("Overdue cases: 0"), result.out());
    }

    @Test
    void theStoreTrailOfPostgreSqlGivesTheSameTables() throws Exception {
        Instant now = Instant.now();
        try (StateStore store = StateStore.postgresql(PostgresServer.newDatabase(), PostgresServer.USER, null, 2)) {
            DataSource database = store.dataSource();
            try (AuditTrail trail = AuditTrail.inStore(database, store.location(), Clock.systemUTC(), MemoryChainHeads.KEY,
                    null, message -> { }, note -> { })) {
                FollowUpTrailFixture.writeCases(trail, now);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            PrintStream outStream = new PrintStream(out, true, StandardCharsets.UTF_8);
            PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8);
            TrailAccess access = new TrailAccess(MemoryChainHeads.KEY,
                    () -> HeadLookup.of(new ChainHeadTable(database, Clock.systemUTC())));
            AuditCommand audit = new AuditCommand(() -> new AuditCommand.TrailSource(
                    TrailLines.inStore(database, store.location(), null), code -> null, access, ReportTemplate.DEFAULT_DIR),
                    outStream, errStream);
            int exit = HubCommandLine.of(audit, outStream, errStream).execute("followup", "--format", "csv");

            assertEquals(0, exit, err.toString(StandardCharsets.UTF_8));
            List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
            assertEquals("17.08,3,2,1,1,12,1", lines.get(1));
            assertEquals("-,1,0,0,1,3,0", lines.get(2));
            assertTrue(lines.get(5).startsWith("NH-A,17.08,SEDANG,"), lines.get(5));
        }
    }

    private static List<String> words(String line) {
        return List.of(line.strip().split("\\s+"));
    }

    private record Output(int exit, String out, String err) {
    }

    private Output run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = new AuditCommand(clock, Duration.ofSeconds(2), code -> KEPAHIANG.equals(code) ? "Kabupaten Kepahiang"
                : null, heads.access()).run(List.of(args), dir, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Output(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
