package db.migration;

import netralitas.hub.cases.CaseJson;
import netralitas.hub.cases.ViolationCase;
import netralitas.hub.followup.CaseSummary;
import netralitas.hub.mail.CaseSummaries;
import netralitas.hub.report.Channel;
import netralitas.hub.report.ReportSource;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Fills FOLLOW_UP.case_summary (V14) from each row's case_json, then drops case_json: from now on a follow-up keeps
 * what its mails say about the case, not the case with its reporter (SPEC §9).
 *
 * <p>The audit trail's source of the case is kept as the hub would record it, except for an email parked by release
 * 0.1 and forwarded since (its source is a keyed pseudonym of the Message-ID, and the key is not known here): none.
 *
 * <p>A row whose case_json cannot be read keeps going, with a summary of what the row itself says: the case id and
 * its severity (the subject {@code [NETRALITAS ASN][BERAT] <id>}), its incident date, "-" for name, NIP, category and
 * place. Its reminders go to the row's recipients (all in To), its escalation to the region's Bawaslu and the province's
 * Kanreg, as for any case. The case is named in the log with the reason; its whole case is still in the audit trail's
 * events and in the case mail its office received.
 */
public class V14_1__Follow_up_case_summary extends BaseJavaMigration {

    private static final Logger LOG = LoggerFactory.getLogger(V14_1__Follow_up_case_summary.class);
    private static final int BATCH = 500;

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        try (PreparedStatement select = connection.prepareStatement("SELECT case_id, severity, incident_date, case_json"
                     + " FROM FOLLOW_UP WHERE case_summary IS NULL ORDER BY case_id");
             PreparedStatement update = connection.prepareStatement(
                     "UPDATE FOLLOW_UP SET case_summary = ? WHERE case_id = ?")) {
            // PostgreSQL streams the rows in a transaction only with a fetch size; else it holds every case in memory.
            select.setFetchSize(BATCH);
            int pending = 0;
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    String caseId = rows.getString(1);
                    update.setString(1, summary(caseId, rows.getString(2), rows.getDate(3), rows.getString(4)).toJson());
                    update.setString(2, caseId);
                    update.addBatch();
                    if (++pending == BATCH) {
                        update.executeBatch();
                        pending = 0;
                    }
                }
            }
            if (pending > 0) {
                update.executeBatch();
            }
        }
        try (Statement alter = connection.createStatement()) {
            alter.execute("ALTER TABLE FOLLOW_UP DROP COLUMN case_json");
            alter.execute("ALTER TABLE FOLLOW_UP ALTER COLUMN case_summary SET NOT NULL");
        }
    }

    static CaseSummary summary(String caseId, String severity, Date incidentDate, String caseJson) {
        try {
            ViolationCase violationCase = CaseJson.read(caseJson);
            return CaseSummaries.of(violationCase, trailSource(violationCase.getReport().source()));
        } catch (RuntimeException e) {
            LOG.warn("Follow-up of case {}: its case_json cannot be read ({}); it keeps a summary of what its FOLLOW_UP"
                    + " row says (id, severity, incident date), and its reminders and escalation name the case by its"
                    + " id only", caseId, e.getMessage());
            String severityLabel = severity.replace('_', ' ');
            return new CaseSummary(caseId, "[NETRALITAS ASN][" + severity + "] " + caseId, "-", "-", severityLabel,
                    "-", "-", incidentDate == null ? null : incidentDate.toLocalDate(), null, null, null, null, null);
        }
    }

    /** As {@code AuditRecorder} records it, when that needs no key. */
    private static String trailSource(ReportSource source) {
        if (source == null) {
            return null;
        }
        return source.channel() == Channel.CSV ? source.reference() : source.trailName();
    }
}
