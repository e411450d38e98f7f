package netralitas.hub.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import netralitas.hub.cases.CaseJson;
import netralitas.hub.cases.ViolationCase;
import netralitas.hub.state.StateSchema;
import netralitas.hub.state.StateStore;
import netralitas.hub.testing.FolderCopy;
import org.h2.jdbcx.JdbcConnectionPool;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;

/**
 * What a case queued for the digest costs in the embedded H2 file (SPEC §11: at most 1 KB per case): the two RINGAN
 * cases of the release-0.1 fixture, queued {@code --cases} times under new ids into a fresh store opened with the hub's
 * H2 settings, committing every {@code --commit-every} cases; prints the payload size, the table's live bytes
 * ({@code DISK_SPACE_USED}) and the file's growth per case. {@code --payload}: {@code json} (this release),
 * {@code serialized} (release 0.1's gzip'd Java serialization), {@code codes} (JSON with category, regions and Kanreg cut
 * to their codes: what storing less would save). {@code --compress true}: H2's {@code COMPRESS=TRUE}. Run from the project:
 * <pre>
 * mvn -q -B test-compile dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/cp.txt
 * java -cp target/classes:target/test-classes:$(cat target/cp.txt) netralitas.hub.bench.DigestQueueFileCost \
 *     --payload json --cases 10000 --commit-every 1
 * </pre>
 */
public final class DigestQueueFileCost {

    /** EmbeddedStateFile's settings. */
    private static final String HUB_H2 = ";DB_CLOSE_ON_EXIT=FALSE;CACHE_SIZE=16384;WRITE_DELAY=0;RETENTION_TIME=0;MAX_COMPACT_TIME=0";

    private DigestQueueFileCost() {
    }

    public static void main(String[] argv) throws Exception {
        Args args = new Args(argv);
        String payload = args.string("payload", "json");
        int cases = (int) args.number("cases", 10_000);
        int commitEvery = (int) args.number("commit-every", 1);
        boolean compress = Boolean.parseBoolean(args.string("compress", "false"));
        String url = HUB_H2 + (compress ? ";COMPRESS=TRUE" : "");
        Path work = Files.createTempDirectory("digest-queue-cost");
        List<ViolationCase> samples = fixtureCases(work.resolve("fixture"));

        Path base = work.resolve("store/state/hub");
        JdbcConnectionPool pool = JdbcConnectionPool.create("jdbc:h2:file:" + base + url, "hub", "");
        StateSchema.migrate(pool, StateStore.Kind.EMBEDDED_H2);
        if (payload.equals("serialized")) {
            try (Connection connection = pool.getConnection(); Statement sql = connection.createStatement()) {
                sql.execute("DROP TABLE DIGEST_QUEUE");
                sql.execute("CREATE TABLE DIGEST_QUEUE (case_id VARCHAR(100) PRIMARY KEY, region_code VARCHAR(16) NOT NULL,"
                        + " queued_at TIMESTAMP WITH TIME ZONE DEFAULT CURRENT_TIMESTAMP, payload VARBINARY(1000000) NOT NULL)");
            }
        }
        pool.dispose();
        Path file = Path.of(base + ".mv.db");
        long before = Files.size(file);

        pool = JdbcConnectionPool.create("jdbc:h2:file:" + base + url, "hub", "");
        long payloadBytes = 0;
        long live;
        try (Connection connection = pool.getConnection(); PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO DIGEST_QUEUE (case_id, region_code, payload) VALUES (?, ?, ?)")) {
            connection.setAutoCommit(commitEvery == 1);
            for (int i = 0; i < cases; i++) {
                ViolationCase sample = samples.get(i % samples.size());
                String caseId = sample.getCaseId().substring(0, 12) + String.format("%08d", i);
                ViolationCase queued = CaseJson.read(CaseJson.write(sample).replace(sample.getCaseId(), caseId));
                insert.setString(1, caseId);
                insert.setString(2, queued.getRegionResolution().region().code());
                payloadBytes += bind(insert, payload, queued);
                insert.executeUpdate();
                if (commitEvery > 1 && (i + 1) % commitEvery == 0) {
                    connection.commit();
                }
            }
            if (commitEvery > 1) {
                connection.commit();
            }
            try (Statement sql = connection.createStatement();
                 ResultSet used = sql.executeQuery("CALL DISK_SPACE_USED('DIGEST_QUEUE')")) {
                used.next();
                live = used.getLong(1);
            }
        }
        pool.dispose();
        long after = Files.size(file);
        System.out.printf("payload=%s compress=%s commit-every=%d cases=%d: payload %d B/case, live %d B/case,"
                        + " file %d -> %d bytes = %d B/case%n", payload, compress, commitEvery, cases,
                payloadBytes / cases, live / cases, before, after, (after - before) / cases);
    }

    private static long bind(PreparedStatement insert, String payload, ViolationCase queued) throws SQLException, IOException {
        switch (payload) {
            case "serialized" -> {
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                try (ObjectOutputStream out = new ObjectOutputStream(new GZIPOutputStream(bytes))) {
                    out.writeObject(queued);
                }
                insert.setBytes(3, bytes.toByteArray());
                return bytes.size();
            }
            case "codes" -> {
                ObjectNode tree = (ObjectNode) new ObjectMapper().readTree(CaseJson.write(queued));
                ObjectNode region = (ObjectNode) tree.get("regionResolution");
                region.put("region", region.get("region").get("code").asText());
                region.put("reportedRegion", region.get("reportedRegion").get("code").asText());
                region.put("kanreg", region.get("kanreg").get("id").asText());
                ObjectNode classification = (ObjectNode) tree.get("classification");
                classification.put("category", classification.get("category").get("code").asText());
                insert.setString(3, tree.toString());
                return tree.toString().length();
            }
            default -> {
                String json = CaseJson.write(queued);
                insert.setString(3, json);
                return json.length();
            }
        }
    }

    /** The RINGAN cases release 0.1 queued, as this release reads them (through the V2 migrations). */
    private static List<ViolationCase> fixtureCases(Path data) throws Exception {
        FolderCopy.copy(Path.of(DigestQueueFileCost.class.getResource("/upgrade/release-0.1/data").toURI()), data);
        List<ViolationCase> cases = new ArrayList<>();
        try (StateStore store = StateStore.embedded(data, 2); Connection connection = store.dataSource().getConnection();
             Statement sql = connection.createStatement();
             ResultSet rows = sql.executeQuery("SELECT payload FROM DIGEST_QUEUE ORDER BY case_id")) {
            while (rows.next()) {
                cases.add(CaseJson.read(rows.getString(1)));
            }
        }
        return cases;
    }
}
