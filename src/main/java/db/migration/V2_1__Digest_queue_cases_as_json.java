package db.migration;

import netralitas.hub.cases.CaseJson;
import netralitas.hub.cases.LegacyCaseFile;
import netralitas.hub.cases.ViolationCase;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * The cases release 0.1 queued for a digest, carried over from its gzip'd Java serialization to JSON ({@link CaseJson}),
 * so that a digest queued before the upgrade goes out after it. A row that cannot be read stops the upgrade with the row
 * named and the reason (its case is not dropped: the row stays as it was).
 */
public class V2_1__Digest_queue_cases_as_json extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws SQLException, IOException {
        Connection connection = context.getConnection();
        try (PreparedStatement select = connection.prepareStatement(
                     "SELECT case_id, payload FROM DIGEST_QUEUE WHERE case_json IS NULL ORDER BY case_id");
             PreparedStatement update = connection.prepareStatement(
                     "UPDATE DIGEST_QUEUE SET case_json = ? WHERE case_id = ?");
             ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                String caseId = rows.getString(1);
                ViolationCase queued = LegacyCaseFile.readDigestPayload(rows.getBytes(2), caseId);
                update.setString(1, CaseJson.write(queued));
                update.setString(2, caseId);
                update.executeUpdate();
            }
        }
    }
}
