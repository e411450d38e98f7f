package netralitas.hub.state;

import netralitas.hub.cases.CaseJson;
import netralitas.hub.cases.ViolationCase;
import netralitas.hub.followup.CaseSummary;
import netralitas.hub.followup.FollowUpCase;
import netralitas.hub.mail.CaseSummaries;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import javax.sql.DataSource;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Migrations V14 and V14_1 on a store of version 13 holding real follow-up rows, on H2 and PostgreSQL: each row keeps
 * the summary its mails need, read from its case JSON, and the case JSON with the reporter is gone.
 */
class FollowUpSummaryMigrationTest {

    private static final String UNREADABLE = "NH-20241012-ZZZZZZZZ";

    @ParameterizedTest
    @EnumSource(StateStore.Kind.class)
    void eachRowKeepsTheSummaryOfItsCaseAndTheCaseJsonIsDropped(StateStore.Kind kind, @TempDir Path dir)
            throws Exception {
        DataSource dataSource = FreshStores.unmigrated(kind, dir);
        Flyway.configure().configuration(StateSchema.configure(dataSource, kind).getConfiguration()).target("13")
                .load().migrate();
        String caseJson = fixture();
        ViolationCase forwarded = CaseJson.read(caseJson);
        insertV13Row(dataSource, forwarded.getCaseId(), "BERAT", LocalDate.of(2024, 10, 23), caseJson);
        insertV13Row(dataSource, UNREADABLE, "SEDANG", LocalDate.of(2024, 10, 12), "{\"format\":99}");

        StateSchema.migrate(dataSource, kind);

        CaseSummary summary = new FollowUpTable(dataSource).find(forwarded.getCaseId()).orElseThrow().summary();
        assertEquals(CaseSummaries.of(forwarded, "INBOX;uid=1;mid=6c3695189893fc2d"), summary,
                "as the hub opens it now, the trail's source from the case");
        String stored = storedSummary(dataSource, forwarded.getCaseId());
        assertEquals(summary.toJson(), stored);
        for (String identity : new String[]{"Wahyu", "wahyu", "pelapor.example"}) {
            assertFalse(stored.contains(identity), "no reporter in " + stored);
        }

        FollowUpCase unreadable = new FollowUpTable(dataSource).find(UNREADABLE).orElseThrow();
        assertEquals(UNREADABLE, unreadable.summary().caseId());
        assertEquals("[NETRALITAS ASN][SEDANG] " + UNREADABLE, unreadable.summary().subject());
        assertEquals("SEDANG", unreadable.summary().severity());
        assertEquals(LocalDate.of(2024, 10, 12), unreadable.summary().incidentDate());
        assertEquals("-", unreadable.summary().name());
        assertNull(unreadable.summary().to(), "its reminders go to the row's recipients");

        try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement()) {
            assertThrows(SQLException.class, () -> sql.executeQuery("SELECT case_json FROM FOLLOW_UP"), "dropped");
            SQLException noSummary = assertThrows(SQLException.class, () -> sql.executeUpdate("INSERT INTO FOLLOW_UP"
                    + " (case_id, message_id, severity, recipients, forwarded_at, due_at, status) VALUES ('x', '<x>',"
                    + " 'BERAT', '', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 'TERKIRIM')"));
            assertEquals("23502", noSummary.getSQLState(), "case_summary is NOT NULL");
        }
    }

    /** A row as release V13's hub wrote it, with the whole case. */
    private static void insertV13Row(DataSource dataSource, String caseId, String severity, LocalDate incident,
                                     String caseJson) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement("INSERT INTO FOLLOW_UP (case_id, message_id,"
                     + " region_code, severity, incident_date, recipients, forwarded_at, due_at, status, next_check_at,"
                     + " case_json) VALUES (?, ?, '17.08', ?, ?, 'bkpsdm@pemda.example', CURRENT_TIMESTAMP,"
                     + " CURRENT_TIMESTAMP, 'TERKIRIM', CURRENT_TIMESTAMP, ?)")) {
            insert.setString(1, caseId);
            insert.setString(2, "<" + caseId + "@hub.example>");
            insert.setString(3, severity);
            insert.setObject(4, incident);
            insert.setString(5, caseJson);
            insert.executeUpdate();
        }
    }

    private static String storedSummary(DataSource dataSource, String caseId) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "SELECT case_summary FROM FOLLOW_UP WHERE case_id = ?")) {
            select.setString(1, caseId);
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return row.getString(1);
            }
        }
    }

    private static String fixture() throws Exception {
        try (InputStream in = FollowUpSummaryMigrationTest.class.getResourceAsStream("/state/case-format-1.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
