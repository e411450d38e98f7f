package netralitas.hub.state;

import netralitas.hub.state.PendingAcknowledgementTable.PendingAcknowledgement;
import netralitas.hub.testing.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import javax.sql.DataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Acknowledgements waiting to be sent again, on H2 and on a real PostgreSQL server with the same SQL: kept whole, due
 * after a delay that doubles up to its maximum, claimed by exactly one node, taken over once a claim ran out, given up
 * once the time to give up has passed (SPEC §3.3).
 */
class PendingAcknowledgementTableTest {

    private static final Duration FIRST = Duration.ofMinutes(1);
    private static final Duration MAX = Duration.ofMinutes(10);
    private static final Duration GIVE_UP = Duration.ofHours(1);
    private static final Duration TAKEOVER = Duration.ofSeconds(60);
    private static final String ACK = "<ack.NH-20241021-ABCD2345@hub.bawaslu.example>";

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(Instant.parse("2024-10-21T02:00:00Z"));
    private StateStore store;

    @AfterEach
    void close() {
        if (store != null) {
            store.close();
        }
    }

    private DataSource open(StateStore.Kind kind) {
        store = FreshStores.open(kind, dir);
        return store.dataSource();
    }

    private PendingAcknowledgementTable table(DataSource dataSource, String node) {
        return new PendingAcknowledgementTable(dataSource, clock, new ClusterNode(node, TAKEOVER), FIRST, MAX,
                GIVE_UP);
    }

    private static Map<String, String> headers(String messageId) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("From", "Netralitas Hub <hub@bawaslu.example>");
        headers.put("To", "pelapor@pelapor.example");
        headers.put("Subject", "Tanda terima laporan: Laporan ASN — Kab. Kepahiang");
        headers.put("Message-ID", messageId);
        headers.put("Auto-Submitted", "auto-replied");
        headers.put("X-Netralitas-Case-Id", "NH-20241021-ABCD2345");
        headers.put("In-Reply-To", "<laporan-1@pelapor.example>");
        headers.put("References", "<laporan-1@pelapor.example>");
        headers.put("contentType", "text/plain; charset=UTF-8");
        return headers;
    }

    private static Instant keep(PendingAcknowledgementTable table, String messageId, String text) throws Exception {
        return table.keep(messageId, "NH-20241021-ABCD2345", "mail:abc123", headers(messageId), text, "Pelapor Satu",
                "pelapor@pelapor.example", "server SMTP tidak dapat dihubungi (421, MessagingException)");
    }

    @ParameterizedTest
    @EnumSource(StateStore.Kind.class)
    void aKeptAcknowledgementComesBackWholeAfterTheFirstDelayToOneNodeAndGoesOnceSent(StateStore.Kind kind)
            throws Exception {
        DataSource dataSource = open(kind);
        PendingAcknowledgementTable nodeA = table(dataSource, "node-a");
        PendingAcknowledgementTable nodeB = table(dataSource, "node-b");
        String text = "Terima kasih. Laporan Anda kami terima dengan nomor NH-20241021-ABCD2345 — Bawaslu.\n";

        assertEquals(clock.instant().plus(FIRST), keep(nodeA, ACK, text));
        assertEquals(List.of(), nodeA.due(10), "not due before the first delay");
        assertNull(nodeA.claim(ACK), "not due");
        clock.advance(FIRST);
        assertEquals(List.of(ACK), nodeB.due(10));

        PendingAcknowledgement claimed = nodeB.claim(ACK);
        assertNotNull(claimed);
        assertNull(nodeA.claim(ACK), "held by node-b");
        assertEquals(List.of(), nodeA.due(10), "held rows are not due");
        assertEquals(headers(ACK), claimed.headers());
        assertEquals(List.copyOf(headers(ACK).keySet()), List.copyOf(claimed.headers().keySet()), "in order");
        assertEquals(text, claimed.text());
        assertEquals("NH-20241021-ABCD2345", claimed.caseId());
        assertEquals("mail:abc123", claimed.mailSource());
        assertEquals("Pelapor Satu", claimed.reporterName());
        assertEquals("pelapor@pelapor.example", claimed.reporterAddress());
        assertEquals(1, claimed.attempts());
        assertEquals(clock.instant().minus(FIRST), claimed.firstFailedAt());

        assertTrue(nodeB.remove(ACK));
        assertEquals(List.of(), nodeA.list());
        try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement();
             ResultSet rows = sql.executeQuery("SELECT COUNT(*) FROM PENDING_ACKNOWLEDGEMENTS")) {
            assertTrue(rows.next());
            assertEquals(0, rows.getInt(1), "the reporter's address is gone with the row");
        }
    }

    @ParameterizedTest
    @EnumSource(StateStore.Kind.class)
    void eachFailedTryDoublesTheWaitUpToItsMaximumAndTheLastComesAtTheTimeToGiveUp(StateStore.Kind kind)
            throws Exception {
        DataSource dataSource = open(kind);
        PendingAcknowledgementTable table = table(dataSource, "node-a");
        Instant first = clock.instant();
        Instant due = keep(table, ACK, "teks");
        List<Duration> waits = new ArrayList<>();
        while (due != null) {
            clock.set(due.minusMillis(1));
            assertEquals(List.of(), table.due(10), "not due a moment before " + due);
            clock.set(due);
            assertEquals(List.of(ACK), table.due(10));
            PendingAcknowledgement claimed = table.claim(ACK);
            assertNotNull(claimed, "claimed at " + due);
            Instant next = table.failedAgain(claimed, "421");
            if (next != null) {
                waits.add(Duration.between(due, next));
                assertEquals(claimed.attempts() + 1, table.list().get(0).attempts());
            }
            due = next;
        }
        assertEquals(List.of(Duration.ofMinutes(2), Duration.ofMinutes(4), Duration.ofMinutes(8), MAX, MAX, MAX, MAX,
                Duration.ofMinutes(5)), waits, "doubled from the first delay, then the maximum, then the deadline");
        assertEquals(first.plus(GIVE_UP), clock.instant(), "the last try at the time to give up, none after it");
        assertEquals(List.of(), table.list(), "given up: the row is gone");
    }

    @ParameterizedTest
    @EnumSource(StateStore.Kind.class)
    void theClaimOfANodeThatDiedRunsOutAndAnotherNodeSendsIt(StateStore.Kind kind) throws Exception {
        DataSource dataSource = open(kind);
        PendingAcknowledgementTable dying = table(dataSource, "node-a");
        PendingAcknowledgementTable survivor = table(dataSource, "node-b");
        keep(dying, ACK, "teks");
        clock.advance(FIRST);
        assertNotNull(dying.claim(ACK));

        clock.advance(TAKEOVER);
        assertNull(survivor.claim(ACK), "the claim runs until its end");
        clock.advance(Duration.ofMillis(1));
        assertNotNull(survivor.claim(ACK), "taken over");
        assertTrue(survivor.remove(ACK));
    }

    @ParameterizedTest
    @EnumSource(StateStore.Kind.class)
    void theSameReportReadAgainReplacesItsWaitingAcknowledgement(StateStore.Kind kind) throws Exception {
        DataSource dataSource = open(kind);
        PendingAcknowledgementTable table = table(dataSource, "node-a");
        keep(table, ACK, "diteruskan");
        keep(table, "<ack.other@hub.bawaslu.example>", "lain");
        clock.advance(Duration.ofSeconds(30));
        keep(table, ACK, "sudah pernah kami terima");

        List<PendingAcknowledgement> waiting = table.list();
        assertEquals(2, waiting.size(), waiting.toString());
        assertEquals(ACK, waiting.get(1).messageId(), "first failed later now");
        assertEquals("sudah pernah kami terima", waiting.get(1).text());
        assertEquals(1, waiting.get(1).attempts());
    }
}
