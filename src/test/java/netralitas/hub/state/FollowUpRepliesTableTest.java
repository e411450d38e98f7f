package netralitas.hub.state;

import netralitas.hub.followup.FollowUpCase;
import netralitas.hub.followup.FollowUpEntry;
import netralitas.hub.followup.FollowUpStatus;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import javax.sql.DataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link FollowUpTable#answered}: an office's reply recorded in the case's row and history, on H2 and PostgreSQL. */
class FollowUpRepliesTableTest {

    private static final String CASE = "NH-20241012-AAAAAAAA";
    private static final Instant FIRST_REPLY = FollowUpTableTest.FORWARDED.plusSeconds(86_400);
    private static final Instant SECOND_REPLY = FIRST_REPLY.plusSeconds(86_400);
    private static final Instant THIRD_REPLY = SECOND_REPLY.plusSeconds(86_400);

    @ParameterizedTest
    @EnumSource(StateStore.Kind.class)
    void aFirstReplySetsStatusAndAnsweredAtAndKeepsTheClock(StateStore.Kind kind, @TempDir Path dir) throws Exception {
        try (StateStore store = FreshStores.open(kind, dir)) {
            FollowUpTable table = opened(store);
            FollowUpTable.Answered answered = table.answered(CASE, FollowUpStatus.DIPROSES, FIRST_REPLY,
                    "Keterangan: diperiksa Inspektorat").orElseThrow();
            assertEquals(FollowUpStatus.TERKIRIM, answered.before().status());
            assertEquals(FollowUpStatus.DIPROSES, answered.status());
            assertFalse(answered.closed());

            FollowUpCase row = table.find(CASE).orElseThrow();
            assertEquals(FollowUpStatus.DIPROSES, row.status());
            assertEquals(FIRST_REPLY, row.answeredAt());
            assertEquals(FollowUpTableTest.DUE, row.nextCheckAt(), "a case in progress is still reminded at its deadline");
            assertNull(row.closedAt());
            assertEquals(new FollowUpEntry(FIRST_REPLY, "FOLLOW_UP", FollowUpStatus.DIPROSES,
                    "Keterangan: diperiksa Inspektorat"), table.history(CASE).get(1));
        }
    }

    @ParameterizedTest
    @EnumSource(StateStore.Kind.class)
    void aFinalStatusClosesTheCaseOnceAndNothingReopensIt(StateStore.Kind kind, @TempDir Path dir) throws Exception {
        try (StateStore store = FreshStores.open(kind, dir)) {
            FollowUpTable table = opened(store);
            table.answered(CASE, FollowUpStatus.DIPROSES, FIRST_REPLY, null);
            FollowUpTable.Answered closing = table.answered(CASE, FollowUpStatus.SELESAI, SECOND_REPLY, "Sanksi: teguran")
                    .orElseThrow();
            assertTrue(closing.closed());
            assertEquals(FollowUpStatus.SELESAI, closing.status());

            FollowUpTable.Answered later = table.answered(CASE, FollowUpStatus.DIPROSES, THIRD_REPLY, null).orElseThrow();
            assertFalse(later.closed(), "closed once");
            assertEquals(FollowUpStatus.SELESAI, later.status(), "a later reply never reopens a closed case");
            FollowUpTable.Answered corrected = table.answered(CASE, FollowUpStatus.TIDAK_TERBUKTI, THIRD_REPLY, null)
                    .orElseThrow();
            assertFalse(corrected.closed());
            assertEquals(FollowUpStatus.SELESAI, corrected.status(), "the status that closed it stays");

            FollowUpCase row = table.find(CASE).orElseThrow();
            assertEquals(FollowUpStatus.SELESAI, row.status());
            assertEquals(FIRST_REPLY, row.answeredAt(), "the first reply's arrival");
            assertEquals(SECOND_REPLY, row.closedAt());
            assertNull(row.nextCheckAt(), "the clock stopped");
            assertEquals(List.of("FORWARDED", "FOLLOW_UP", "FOLLOW_UP", "FOLLOW_UP_CLOSED", "FOLLOW_UP", "FOLLOW_UP"),
                    table.history(CASE).stream().map(FollowUpEntry::kind).toList());
            assertEquals(FollowUpStatus.SELESAI, table.history(CASE).get(3).status());
        }
    }

    @ParameterizedTest
    @EnumSource(StateStore.Kind.class)
    void aReplyWithoutStatusDoesNotTakeACaseInProgressBack(StateStore.Kind kind, @TempDir Path dir) throws Exception {
        try (StateStore store = FreshStores.open(kind, dir)) {
            FollowUpTable table = opened(store);
            table.answered(CASE, FollowUpStatus.DIPROSES, FIRST_REPLY, null);
            assertEquals(FollowUpStatus.DIPROSES,
                    table.answered(CASE, FollowUpStatus.DITERIMA, SECOND_REPLY, "Terima kasih").orElseThrow().status());
            assertEquals(FollowUpStatus.DIPROSES, table.find(CASE).orElseThrow().status());
            assertEquals(FollowUpStatus.DITERIMA, table.history(CASE).get(2).status(), "the history says what the reply said");
        }
    }

    @ParameterizedTest
    @EnumSource(StateStore.Kind.class)
    void aReplyAfterTheEscalationIsRecordedAndAFinalOneClosesTheCase(StateStore.Kind kind, @TempDir Path dir)
            throws Exception {
        try (StateStore store = FreshStores.open(kind, dir)) {
            FollowUpTable table = opened(store);
            escalate(store.dataSource(), FIRST_REPLY);
            assertEquals(FollowUpStatus.DIPROSES,
                    table.answered(CASE, FollowUpStatus.DIPROSES, SECOND_REPLY, null).orElseThrow().status());
            assertNull(table.find(CASE).orElseThrow().nextCheckAt(), "an escalated case is not reminded again");
            assertTrue(table.answered(CASE, FollowUpStatus.TIDAK_TERBUKTI, THIRD_REPLY, null).orElseThrow().closed());
            FollowUpCase row = table.find(CASE).orElseThrow();
            assertEquals(THIRD_REPLY, row.closedAt());
            assertEquals(FIRST_REPLY, row.escalatedAt());
        }
    }

    @ParameterizedTest
    @EnumSource(StateStore.Kind.class)
    void aCaseThatIsNotFollowedUpIsNotAnswered(StateStore.Kind kind, @TempDir Path dir) throws Exception {
        try (StateStore store = FreshStores.open(kind, dir)) {
            FollowUpTable table = opened(store);
            assertTrue(table.answered("NH-20241012-ZZZZZZZZ", FollowUpStatus.SELESAI, FIRST_REPLY, null).isEmpty());
            assertTrue(table.history("NH-20241012-ZZZZZZZZ").isEmpty());
        }
    }

    private static FollowUpTable opened(StateStore store) throws Exception {
        FollowUpTable table = new FollowUpTable(store.dataSource());
        table.open(FollowUpTableTest.forwarded(CASE, "<" + CASE + "@hub.example>"));
        return table;
    }

    /** What the escalation leaves in the row (another helper's part of SPEC §12): escalated, the clock stopped. */
    private static void escalate(DataSource database, Instant at) throws Exception {
        try (Connection connection = database.getConnection();
             PreparedStatement update = connection.prepareStatement(
                     "UPDATE FOLLOW_UP SET escalated_at = ?, next_check_at = NULL, reminders = 2 WHERE case_id = ?")) {
            update.setObject(1, at.atOffset(ZoneOffset.UTC));
            update.setString(2, CASE);
            update.executeUpdate();
        }
    }
}
