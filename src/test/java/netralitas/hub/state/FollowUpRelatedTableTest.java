package netralitas.hub.state;

import netralitas.hub.followup.CaseSummaryFixture;
import netralitas.hub.followup.FollowUpCase;
import netralitas.hub.followup.FollowUpStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** FollowUpTable.firstOpenAbout (SPEC §12, related reports) on the embedded H2 store and on PostgreSQL. */
class FollowUpRelatedTableTest {

    private static final String NIP = "nip:199001012015031001";
    private static final LocalDate OCTOBER_10 = LocalDate.of(2024, 10, 10);
    private static final Instant FORWARDED = Instant.parse("2024-10-14T02:00:00Z");

    @ParameterizedTest
    @EnumSource(StateStore.Kind.class)
    void theFirstOpenCaseAboutTheSamePersonWithinTheDaysIsFound(StateStore.Kind kind, @TempDir Path dir) throws Exception {
        try (StateStore store = FreshStores.open(kind, dir)) {
            FollowUpTable table = new FollowUpTable(store.dataSource());
            table.open(forwarded("NH-20241010-BBBBBBBB", NIP, OCTOBER_10, FORWARDED.plusSeconds(60)));
            table.open(forwarded("NH-20241009-AAAAAAAA", NIP, OCTOBER_10.minusDays(1), FORWARDED));
            table.open(forwarded("NH-20241010-CCCCCCCC", "nip:198001012005011001", OCTOBER_10, FORWARDED.minusSeconds(60)));

            assertEquals(Optional.of("NH-20241009-AAAAAAAA"), caseId(table.firstOpenAbout(NIP, OCTOBER_10, 3)),
                    "the one forwarded first, not another person's");
            assertEquals(Optional.of("NH-20241010-BBBBBBBB"), caseId(table.firstOpenAbout(NIP, OCTOBER_10.plusDays(3), 3)),
                    "9 October is 4 days before 13 October, 10 October within 3");
        }
    }

    @ParameterizedTest
    @EnumSource(StateStore.Kind.class)
    void incidentsFurtherApartClosedCasesAndMissingKeysAreNotRelated(StateStore.Kind kind, @TempDir Path dir)
            throws Exception {
        try (StateStore store = FreshStores.open(kind, dir)) {
            FollowUpTable table = new FollowUpTable(store.dataSource());
            table.open(forwarded("NH-20241010-AAAAAAAA", NIP, OCTOBER_10, FORWARDED));

            assertEquals(Optional.of("NH-20241010-AAAAAAAA"), caseId(table.firstOpenAbout(NIP, OCTOBER_10.minusDays(3), 3)));
            assertTrue(table.firstOpenAbout(NIP, OCTOBER_10.plusDays(4), 3).isEmpty(), "four days apart");
            assertTrue(table.firstOpenAbout(NIP, OCTOBER_10.plusDays(1), 0).isEmpty(), "related-days 0: the same day only");
            assertTrue(table.firstOpenAbout(null, OCTOBER_10, 3).isEmpty(), "no subject key");
            assertTrue(table.firstOpenAbout(NIP, null, 3).isEmpty(), "no incident date");

            // A final status closes the case: a new report about the person starts afresh.
            try (Connection connection = store.dataSource().getConnection();
                 PreparedStatement close = connection.prepareStatement(
                         "UPDATE FOLLOW_UP SET status = ?, closed_at = ?, next_check_at = NULL WHERE case_id = ?")) {
                close.setString(1, FollowUpStatus.SELESAI.name());
                close.setObject(2, FORWARDED.plusSeconds(86_400).atOffset(java.time.ZoneOffset.UTC));
                close.setString(3, "NH-20241010-AAAAAAAA");
                close.executeUpdate();
            }
            assertTrue(table.firstOpenAbout(NIP, OCTOBER_10, 3).isEmpty(), "closed");
        }
    }

    @Test
    void theLookupReadsTheRowsOfOnePersonNotEveryOpenCase() throws Exception {
        try (StateStore store = StateStore.postgresql(PostgresServer.newDatabase(), PostgresServer.USER, null, 2)) {
            FollowUpTable table = new FollowUpTable(store.dataSource());
            for (int i = 0; i < 2_000; i++) {
                table.open(forwarded(String.format("NH-20241010-%08d", i), String.format("nip:1990010120150310%02d", i % 100)
                        + i, OCTOBER_10, FORWARDED.plusSeconds(i)));
            }
            // The plan a prepared lookup keeps after its fifth run (generic), on the statistics of an empty table, as
            // in a hub's first hours: no ANALYZE since the rows came.
            String lookup = FollowUpTable.FIRST_OPEN_ABOUT;
            for (int n = 1; lookup.contains("?"); n++) {
                lookup = lookup.replaceFirst("\\?", "\\$" + n);
            }
            StringBuilder plan = new StringBuilder();
            try (Connection connection = store.dataSource().getConnection();
                 Statement sql = connection.createStatement()) {
                sql.execute("SET plan_cache_mode = force_generic_plan");
                sql.execute("PREPARE lookup AS " + lookup);
                try (ResultSet lines = sql.executeQuery("EXPLAIN (ANALYZE, BUFFERS) EXECUTE lookup('" + NIP + "',"
                        + " DATE '2024-10-07', DATE '2024-10-13')")) {
                    while (lines.next()) {
                        plan.append(lines.getString(1)).append('\n');
                    }
                }
            }
            assertFalse(plan.toString().contains("follow_up_open_due"), "every open case read:\n" + plan);
            assertTrue(plan.toString().contains("Index Scan using follow_up_subject"), "one person's rows:\n" + plan);
        }
    }

    private static Optional<String> caseId(Optional<FollowUpCase> found) {
        return found.map(FollowUpCase::caseId);
    }

    private static FollowUpCase forwarded(String caseId, String subjectKey, LocalDate incident, Instant at) {
        return FollowUpCase.forwarded(caseId, "<" + caseId + "@hub.example>", "17.07", "SEDANG", subjectKey, incident,
                List.of("bkpsdm.kab-lebong@pemda.example"), at, at.plusSeconds(14 * 86_400L),
                CaseSummaryFixture.of(caseId));
    }
}
