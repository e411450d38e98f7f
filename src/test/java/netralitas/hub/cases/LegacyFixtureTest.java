package netralitas.hub.cases;

import netralitas.hub.classify.Severity;
import netralitas.hub.inbox.EvidenceFile;
import netralitas.hub.report.Channel;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

import static netralitas.hub.cases.CaseAssertions.assertSameCase;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The data/ that release 0.1 wrote (src/test/resources/upgrade/release-0.1, see its README.md): every case it parked or
 * queued is read with {@link LegacyCaseFile} and carried over to JSON unchanged, and the tables and files an upgrade
 * imports hold what the README says. Works on a copy: opening the H2 file changes it.
 */
class LegacyFixtureTest {

    private static final String DEAD_LETTER = "NH-20241024-XHRCGTPT";
    private static final String DEFERRED_BY_SMTP = "NH-20241021-5KD9ND3J";
    private static final String DEFERRED_BY_BKN = "NH-20241023-HQ2BD33R";
    private static final String QUEUED_VERIFIED = "NH-20241012-QRVVCJR3";
    private static final String QUEUED_WITHOUT_NIP = "NH-20241019-DENE9EWD";
    private static final String UNCERTAIN = "NH-20241016-2RXMFV7A";

    private static final String CASE_SUFFIX = ".case";

    private static Path data;
    private static Map<String, ViolationCase> parked;
    private static Map<String, ViolationCase> queued;

    @BeforeAll
    static void readEveryCase(@TempDir Path copy) throws IOException, URISyntaxException, SQLException {
        data = copy.resolve("data");
        Path fixture = Path.of(LegacyFixtureTest.class.getResource("/upgrade/release-0.1/data").toURI());
        try (Stream<Path> files = Files.walk(fixture)) {
            for (Path file : files.toList()) {
                Files.copy(file, data.resolve(fixture.relativize(file).toString()));
            }
        }
        parked = new TreeMap<>();
        try (Stream<Path> files = Files.walk(data)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(CASE_SUFFIX)).toList()) {
                ViolationCase read = LegacyCaseFile.readCaseFile(file);
                assertEquals(file.getFileName().toString(), read.getCaseId() + CASE_SUFFIX);
                parked.put(data.relativize(file).toString(), read);
            }
        }
        queued = new TreeMap<>();
        try (Connection db = state(); Statement sql = db.createStatement();
             ResultSet rows = sql.executeQuery("SELECT case_id, region_code, payload FROM DIGEST_QUEUE")) {
            while (rows.next()) {
                ViolationCase read = LegacyCaseFile.readDigestPayload(rows.getBytes(3), rows.getString(1));
                assertEquals(rows.getString(1), read.getCaseId());
                assertEquals(rows.getString(2), read.getRegionResolution().region().code());
                queued.put(read.getCaseId(), read);
            }
        }
    }

    @Test
    void theParkedAndQueuedCasesAreTheOnesTheReadmeNames() {
        assertEquals(Set.of("dead-letter/" + DEAD_LETTER + ".case", "deferred/" + DEFERRED_BY_SMTP + ".case",
                "deferred/" + DEFERRED_BY_BKN + ".case"), parked.keySet());
        assertEquals(Set.of(QUEUED_VERIFIED, QUEUED_WITHOUT_NIP), queued.keySet());
    }

    @Test
    void everyCaseComesThroughJsonUnchanged() {
        List<ViolationCase> all = new ArrayList<>(parked.values());
        all.addAll(queued.values());
        for (ViolationCase legacy : all) {
            assertSameCase(legacy, CaseJson.read(CaseJson.write(legacy)));
        }
    }

    @Test
    void theDeadLetterIsAnEmailedCaseWithItsEvidence() throws IOException {
        ViolationCase deadLetter = parked.get("dead-letter/" + DEAD_LETTER + ".case");
        assertEquals(Channel.EMAIL, deadLetter.getReport().source().channel());
        assertEquals("<lap-011-wahyu@pelapor.example>", deadLetter.getReport().source().name());
        assertTrue(deadLetter.getReport().source().trailName().startsWith("INBOX;uid=1;mid="));
        assertEquals(BknStatus.VERIFIED, deadLetter.getBknStatus());
        assertEquals("FAJAR NUGROHO", deadLetter.getEmployee().nama());
        assertEquals("17.08", deadLetter.getRegionResolution().region().code());
        assertEquals("BANNER", deadLetter.getClassification().category().code());
        assertEquals(new RoutingDecision("IMMEDIATE", "bkpsdm.kab-kepahiang@pemda.example",
                "inspektorat.kab-kepahiang@pemda.example,kanreg-vii.palembang@bkn.example", "BKPSDM_ACTION",
                RoutingDecision.Priority.HIGH), deadLetter.getRoutingDecision());

        List<EvidenceFile> files = deadLetter.getEvidenceFiles();
        assertEquals(List.of("foto spanduk.jpg", "video spanduk.mp4"), files.stream().map(EvidenceFile::name).toList());
        assertEquals(1800, files.get(0).content().length);
        assertEquals((byte) 0xFF, files.get(0).content()[0]);
        assertTrue(files.get(1).withheld());
        assertNull(files.get(1).content());
        assertEquals(9000, files.get(1).size());
        assertEquals(1, deadLetter.getEvidenceLeftOut().dropped());
        assertEquals(1, deadLetter.getEvidenceLeftOut().withheld());
        assertEquals(2, deadLetter.getEvidenceLeftOut().maxPerMessage());
        assertTrue(Files.readString(data.resolve("dead-letter/" + DEAD_LETTER + ".reason.txt"), StandardCharsets.UTF_8)
                .contains("550 5.1.1 <bkpsdm.kab-kepahiang@pemda.example>"));
    }

    @Test
    void theDeferredCasesAreOneRoutedAndOneNotYetEnriched() throws IOException {
        ViolationCase smtp = parked.get("deferred/" + DEFERRED_BY_SMTP + ".case");
        assertEquals("laporan-cilegon.csv:2", smtp.getReport().source().reference());
        assertEquals(BknStatus.VERIFIED, smtp.getBknStatus());
        assertEquals("36.72", smtp.getRegionResolution().region().code());
        assertEquals(Severity.BERAT, smtp.getClassification().severity());
        assertEquals("bkpsdm.kota-cilegon@pemda.example", smtp.getRoutingDecision().to());
        assertTrue(Files.readString(data.resolve("deferred/" + DEFERRED_BY_SMTP + ".reason.txt")).contains("451 4.3.0"));

        ViolationCase bkn = parked.get("deferred/" + DEFERRED_BY_BKN + ".case");
        assertEquals("laporan-bengkulu.csv:2", bkn.getReport().source().reference());
        assertEquals("197406151998031005", bkn.getReport().nip());
        assertEquals(BknStatus.NO_NIP, bkn.getBknStatus(), "deferred before BKN answered");
        assertNull(bkn.getEmployee());
        assertNull(bkn.getRegionResolution());
        assertNull(bkn.getClassification());
        assertNull(bkn.getRoutingDecision());
        assertTrue(bkn.getEvidenceFiles().isEmpty());
    }

    @Test
    void theDigestQueueHoldsTwoRinganCases() {
        ViolationCase verified = queued.get(QUEUED_VERIFIED);
        assertEquals(BknStatus.VERIFIED, verified.getBknStatus());
        assertEquals("RINA MARLINA", verified.getEmployee().nama());
        assertEquals(Severity.RINGAN, verified.getClassification().severity());
        assertEquals("DIGEST", verified.getRoutingDecision().decision());

        ViolationCase withoutNip = queued.get(QUEUED_WITHOUT_NIP);
        assertFalse(withoutNip.getReport().hasNip());
        assertEquals(BknStatus.NO_NIP, withoutNip.getBknStatus());
        assertEquals("17.71", withoutNip.getRegionResolution().region().code());
        assertEquals("bkpsdm.kota-bengkulu@pemda.example", withoutNip.getRoutingDecision().to());
    }

    @Test
    void theStateTablesHoldTheLedgerTheAcknowledgementAndTheChainHead() throws SQLException {
        try (Connection db = state(); Statement sql = db.createStatement()) {
            Set<String> ledger = new LinkedHashSet<>();
            try (ResultSet rows = sql.executeQuery("SELECT processorName, messageId, createdAt FROM CAMEL_MESSAGEPROCESSED"
                    + " ORDER BY messageId")) {
                while (rows.next()) {
                    assertEquals("cases", rows.getString(1));
                    assertNotNull(rows.getTimestamp(3));
                    ledger.add(rows.getString(2));
                }
            }
            assertEquals(Set.of("NH-20240930-ZTQZEP37", QUEUED_VERIFIED, QUEUED_WITHOUT_NIP, "NH-20241020-X39VXVSE",
                    "NH-20241025-Y71VNB70"), ledger);
            try (ResultSet rows = sql.executeQuery("SELECT COUNT(*), MAX(acks) FROM ACK_SENDER_DAY")) {
                rows.next();
                assertEquals(1, rows.getInt(1));
                assertEquals(1, rows.getInt(2));
            }
            try (ResultSet rows = sql.executeQuery("SELECT seq, hash FROM AUDIT_CHAIN_HEAD WHERE id = 1")) {
                assertTrue(rows.next());
                assertEquals(41, rows.getLong(1));
                assertEquals(64, rows.getString(2).length());
            }
        }
    }

    /** Release 0.1's log: an id when its mail went out, "-id" when the server refused it; handled ids are in the ledger. */
    @Test
    void oneDeliveryIsUncertain() throws IOException, SQLException {
        Map<String, Boolean> sent = new LinkedHashMap<>();
        for (String line : Files.readAllLines(data.resolve("state/deliveries-in-flight.log"), StandardCharsets.UTF_8)) {
            if (line.startsWith("-")) {
                sent.remove(line.substring(1));
            } else if (!line.isBlank()) {
                sent.put(line, true);
            }
        }
        try (Connection db = state(); Statement sql = db.createStatement();
             ResultSet rows = sql.executeQuery("SELECT messageId FROM CAMEL_MESSAGEPROCESSED")) {
            while (rows.next()) {
                sent.remove(rows.getString(1));
            }
        }
        assertEquals(List.of(UNCERTAIN), List.copyOf(sent.keySet()));
    }

    private static Connection state() throws SQLException {
        return DriverManager.getConnection("jdbc:h2:file:" + data.resolve("state/hub").toAbsolutePath(), "hub", "");
    }
}
