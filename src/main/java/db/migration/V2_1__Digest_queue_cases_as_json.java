package db.migration;

import netralitas.hub.cases.CaseJson;
import netralitas.hub.cases.LegacyCaseFile;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * The cases release 0.1 queued for a digest, carried over from its gzip'd Java serialization to JSON ({@link CaseJson}),
 * so that a digest queued before the upgrade goes out after it. A row that cannot be read is moved, as it was and with
 * the reason, to DIGEST_QUEUE_UNREADABLE and named in the log: one damaged row neither stops the hub nor is lost.
 */
public class V2_1__Digest_queue_cases_as_json extends BaseJavaMigration {

    private static final Logger LOG = LoggerFactory.getLogger(V2_1__Digest_queue_cases_as_json.class);
    private static final int MAX_REASON = 1000;

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        try (PreparedStatement select = connection.prepareStatement(
                     "SELECT case_id, payload FROM DIGEST_QUEUE WHERE case_json IS NULL ORDER BY case_id");
             PreparedStatement update = connection.prepareStatement(
                     "UPDATE DIGEST_QUEUE SET case_json = ? WHERE case_id = ?");
             PreparedStatement setAside = connection.prepareStatement("INSERT INTO DIGEST_QUEUE_UNREADABLE (case_id,"
                     + " region_code, queued_at, payload, reason) SELECT case_id, region_code, queued_at, payload, ?"
                     + " FROM DIGEST_QUEUE WHERE case_id = ?");
             PreparedStatement delete = connection.prepareStatement("DELETE FROM DIGEST_QUEUE WHERE case_id = ?");
             ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                String caseId = rows.getString(1);
                try {
                    update.setString(1, CaseJson.write(LegacyCaseFile.readDigestPayload(rows.getBytes(2), caseId)));
                    update.setString(2, caseId);
                    update.executeUpdate();
                } catch (IOException | RuntimeException e) {
                    String reason = e.getMessage() == null ? e.toString() : e.getMessage();
                    setAside.setString(1, reason.length() > MAX_REASON ? reason.substring(0, MAX_REASON) : reason);
                    setAside.setString(2, caseId);
                    setAside.executeUpdate();
                    delete.setString(1, caseId);
                    delete.executeUpdate();
                    LOG.warn("{}. The row is kept, not sent, in table DIGEST_QUEUE_UNREADABLE: its case is recorded as"
                            + " handled, so send it to its office by hand (its DIGEST_QUEUED event is in the audit"
                            + " trail)", reason);
                }
            }
        }
    }
}
