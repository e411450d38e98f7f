package netralitas.hub.state;

import netralitas.hub.followup.CaseSummaryFixture;
import netralitas.hub.followup.FollowUpCase;
import netralitas.hub.followup.FollowUpEntry;
import netralitas.hub.followup.FollowUpStatus;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Tables FOLLOW_UP and FOLLOW_UP_HISTORY on the embedded H2 store and on PostgreSQL (SPEC §12). */
class FollowUpTableTest {

    static final Instant FORWARDED = Instant.parse("2024-10-14T02:00:00Z");
    static final Instant DUE = Instant.parse("2024-10-28T02:00:00Z");

    @ParameterizedTest
    @EnumSource(StateStore.Kind.class)
    void aForwardedCaseIsOpenedOnceAndFoundByItsIdAndItsMessageId(StateStore.Kind kind, @TempDir Path dir)
            throws Exception {
        try (StateStore store = FreshStores.open(kind, dir)) {
            FollowUpTable table = new FollowUpTable(store.dataSource());
            FollowUpCase first = forwarded("NH-20241012-AAAAAAAA", "<digest-17.07-2024-10-14-0a1b2c@hub.example>");
            FollowUpCase second = forwarded("NH-20241012-BBBBBBBB", "<digest-17.07-2024-10-14-0a1b2c@hub.example>");

            assertTrue(table.open(first));
            assertTrue(table.open(second));
            assertFalse(table.open(first), "opened again: a re-sent digest");

            assertEquals(first, table.find(first.caseId()).orElseThrow(), "the row as it was written");
            assertTrue(table.find("NH-20241012-CCCCCCCC").isEmpty());
            assertEquals(List.of(first, second), table.byMessageId("<digest-17.07-2024-10-14-0a1b2c@hub.example>"));
            assertEquals(List.of(), table.byMessageId("<" + "x".repeat(2000) + "@pelapor.example>"),
                    "a reference longer than the column is no error: a mail client may send one");
            assertEquals(List.of(new FollowUpEntry(FORWARDED, "FORWARDED", FollowUpStatus.TERKIRIM, null)),
                    table.history(first.caseId()), "one FORWARDED, however often it was opened");
        }
    }

    @ParameterizedTest
    @EnumSource(StateStore.Kind.class)
    void historyIsKeptOldestFirstWithLongDetailsCut(StateStore.Kind kind, @TempDir Path dir) throws Exception {
        try (StateStore store = FreshStores.open(kind, dir)) {
            FollowUpTable table = new FollowUpTable(store.dataSource());
            FollowUpCase followUp = forwarded("NH-20241012-AAAAAAAA", "<NH-20241012-AAAAAAAA@hub.example>");
            table.open(followUp);
            FollowUpEntry reply = new FollowUpEntry(FORWARDED.plusSeconds(7200), "FOLLOW_UP", FollowUpStatus.SELESAI,
                    "x".repeat(5000));
            FollowUpEntry reminder = new FollowUpEntry(FORWARDED.plusSeconds(3600), "REMINDED", null, null);
            table.addHistory(followUp.caseId(), reply);
            table.addHistory(followUp.caseId(), reminder);

            List<FollowUpEntry> history = table.history(followUp.caseId());
            assertEquals(List.of("FORWARDED", "REMINDED", "FOLLOW_UP"), history.stream().map(FollowUpEntry::kind).toList());
            assertEquals(4000, history.get(2).detail().length());
            assertEquals(FollowUpStatus.SELESAI, history.get(2).status());
        }
    }

    @ParameterizedTest
    @EnumSource(StateStore.Kind.class)
    void theCaseSummaryIsOneLineOfJsonAndARowWhoseSummaryCannotBeReadIsNamed(StateStore.Kind kind, @TempDir Path dir)
            throws Exception {
        try (StateStore store = FreshStores.open(kind, dir)) {
            FollowUpTable table = new FollowUpTable(store.dataSource());
            FollowUpCase followUp = forwarded("NH-20241012-AAAAAAAA", "<NH-20241012-AAAAAAAA@hub.example>");
            table.open(followUp);
            try (Connection connection = store.dataSource().getConnection(); Statement sql = connection.createStatement()) {
                try (ResultSet row = sql.executeQuery("SELECT case_summary FROM FOLLOW_UP")) {
                    row.next();
                    assertEquals(followUp.summary().toJson(), row.getString(1));
                    assertTrue(row.getString(1).startsWith("{\"id\":\"NH-20241012-AAAAAAAA\",\"subject\":"),
                            row.getString(1));
                }
                sql.executeUpdate("UPDATE FOLLOW_UP SET case_summary = '{\"id\":' WHERE case_id = 'NH-20241012-AAAAAAAA'");
            }
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> table.find(followUp.caseId()));
            assertTrue(e.getMessage().contains("NH-20241012-AAAAAAAA") && e.getMessage().contains("case_summary"),
                    e.getMessage());
        }
    }

    /** Route deliver opens a case mail's row and records the case in one transaction: both, or neither. */
    @ParameterizedTest
    @EnumSource(StateStore.Kind.class)
    void aCaseMailsRowIsOpenedWithTheCasesRecordOrNotAtAll(StateStore.Kind kind, @TempDir Path dir) throws Exception {
        try (StateStore store = FreshStores.open(kind, dir);
             GroupCommit writer = new GroupCommit(store.dataSource(), 16, "w");
             CaseLedgerTable ledger = CaseLedgerTable.ofOneNode(store.dataSource(), writer, Clock.systemUTC(),
                     "node-a")) {
            FollowUpTable table = new FollowUpTable(store.dataSource());
            FollowUpCase followUp = forwarded("NH-20241012-AAAAAAAA", "<NH-20241012-AAAAAAAA@hub.example>");
            GroupCommit.Write opening = FollowUpTable.opening(followUp);

            GroupCommit.Write refusedAfterOpening = connection -> {
                opening.run(connection);
                throw new SQLException("the store refused the write (injected)");
            };
            SQLException refused = assertThrows(SQLException.class,
                    () -> ledger.record(followUp.caseId(), refusedAfterOpening));
            assertEquals("the store refused the write (injected)", refused.getMessage());
            assertTrue(table.find(followUp.caseId()).isEmpty(), "no row without the record");
            assertFalse(ledger.contains(followUp.caseId()), "no record without the row");

            ledger.record(followUp.caseId(), opening);
            ledger.record(followUp.caseId(), opening);
            assertTrue(ledger.contains(followUp.caseId()));
            assertEquals(followUp, table.find(followUp.caseId()).orElseThrow());
            assertEquals(List.of(new FollowUpEntry(FORWARDED, "FORWARDED", FollowUpStatus.TERKIRIM, null)),
                    table.history(followUp.caseId()), "recorded twice (a retried step): opened once");
        }
    }

    static FollowUpCase forwarded(String caseId, String messageId) {
        return FollowUpCase.forwarded(caseId, messageId, "17.07", "RINGAN", "nip:199001012015031001",
                LocalDate.of(2024, 10, 12), List.of("bkpsdm.kab-lebong@pemda.example", "kanreg-vii@bkn.example"),
                FORWARDED, DUE, CaseSummaryFixture.of(caseId));
    }
}
