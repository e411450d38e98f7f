package netralitas.hub.e2e;

import netralitas.hub.audit.AuditEvent;
import netralitas.hub.state.ParkedCaseTable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The hub against a real HTTP BKN simulator that fails the way BKN does. */
class BknFaultsEndToEndTest {

    private static final String NIP = "197803122003121004";
    private static final String CSV = "nip_terlapor;tanggal_kejadian;jenis_pelanggaran;uraian\n"
            + NIP + ";2024-10-01;BANNER;Memasang baliho paslon di depan kantor\n";

    private TestHub hub;

    @BeforeEach
    void start(@TempDir Path work) throws Exception {
        hub = new TestHub(work).start();
    }

    @AfterEach
    void stop() {
        hub.close();
    }

    @Test
    void aServerErrorIsRetriedAndTheCaseDelivered() throws Exception {
        hub.bkn.failNext(1, 500);
        hub.dropAndAwait("laporan.csv", CSV);

        assertEquals(2, hub.bkn.dataRequestsFor(NIP), "one failed call, one retry");
        assertDeliveredOnceVerified();
    }

    /** SPEC §4.2: the token endpoint's 5xx and 429 are BKN being unavailable, retried like a lookup. */
    @Test
    void aTokenEndpointFailingForAMomentIsRetriedAndTheCaseDelivered() throws Exception {
        hub.bkn.failNextTokens(1, 503);
        hub.dropAndAwait("laporan.csv", CSV);

        assertEquals(2, hub.bkn.tokenRequests(), "one failed token request, one retry");
        assertDeliveredOnceVerified();
    }

    @Test
    void tooManyRequestsIsRetriedAfterRetryAfter() throws Exception {
        hub.bkn.tooManyRequestsNext(1, 1);
        long started = System.nanoTime();
        hub.dropAndAwait("laporan.csv", CSV);
        long waitedMillis = (System.nanoTime() - started) / 1_000_000;

        assertEquals(1, hub.bkn.tooManyRequestsSent());
        assertEquals(2, hub.bkn.dataRequestsFor(NIP));
        // The configured backoff is 50 ms: only BKN's Retry-After (1 s) explains a wait this long.
        assertTrue(waitedMillis >= 1000, "waited " + waitedMillis + " ms, less than Retry-After");
        assertDeliveredOnceVerified();
    }

    @Test
    void anExpiredTokenIsRenewedOnce() throws Exception {
        hub.dropAndAwait("eins.csv", CSV);
        int tokensBefore = hub.bkn.tokenRequests();
        hub.bkn.expireAllTokens();
        // Another NIP: the first one's record is cached and would need no call at all.
        hub.dropAndAwait("zwei.csv", CSV.replace(NIP, "198712052011011003"));

        assertEquals(tokensBefore + 1, hub.bkn.tokenRequests(), "a new token after the 401");
        assertEquals(2, hub.imap().messages("bkpsdm.kab-kepahiang@pemda.example").size());
    }

    @Test
    void workersStartingTogetherShareOneToken() throws Exception {
        hub.dropAndAwait("laporan.csv", "nip_terlapor;tanggal_kejadian;jenis_pelanggaran;uraian\n"
                + "197803122003121004;2024-10-01;BANNER;Baliho satu\n"
                + "198505172010012007;2024-10-01;BANNER;Baliho dua\n"
                + "199003222015031002;2024-10-01;BANNER;Baliho tiga\n"
                + "198208092006041003;2024-10-01;BANNER;Baliho empat\n"
                + "197406151998031005;2024-10-01;BANNER;Baliho lima\n"
                + "198712052011011003;2024-10-01;BANNER;Baliho enam\n");
        assertEquals(1, hub.bkn.tokenRequests());
        assertEquals(6, hub.audit().stream().filter(e -> "ENRICHED".equals(e.event().name())).count());
    }

    @Test
    void aNipNamedInManyReportsIsFetchedOnce() throws Exception {
        hub.dropAndAwait("laporan.csv", CSV
                + NIP + ";2024-10-02;BANNER;Memasang spanduk paslon di pasar\n"
                + NIP + ";2024-10-03;BANNER;Memasang stiker paslon di mobil\n");
        assertEquals(1, hub.bkn.dataRequestsFor(NIP));
        assertEquals(3, hub.imap().messages("bkpsdm.kab-kepahiang@pemda.example").size());
    }

    @Test
    void bknDownBeyondTheRetriesDefersTheCaseWhichIsDeliveredOnceWhenBknIsBack() throws Exception {
        hub.bkn.setDown(true);
        hub.dropAndAwait("laporan.csv", CSV);

        AuditEvent deferred = hub.audit().stream().filter(e -> "ENRICH_DEFERRED".equals(e.event().name())).findFirst()
                .orElseThrow();
        assertEquals("deferred " + deferred.caseId(), deferred.detail().get("parkedAs"));
        assertEquals(List.of(deferred.caseId()), hub.parkedCases().list(ParkedCaseTable.Kind.DEFERRED).stream()
                .map(ParkedCaseTable.ParkedCase::caseId).toList());
        assertTrue(hub.imap().messages("bkpsdm.kab-kepahiang@pemda.example").isEmpty());

        hub.bkn.setDown(false);
        hub.awaitEvent("DELIVERED", 1);
        assertEquals(1, hub.imap().messages("bkpsdm.kab-kepahiang@pemda.example").size());
        assertTrue(hub.audit().stream().noneMatch(e -> "DEAD_LETTERED".equals(e.event().name())));
        hub.awaitParked(ParkedCaseTable.Kind.DEFERRED, List.of());
    }

    private void assertDeliveredOnceVerified() throws Exception {
        assertEquals(1, hub.imap().messages("bkpsdm.kab-kepahiang@pemda.example").size());
        List<String> trail = hub.audit().stream().map(e -> e.event().name()).toList();
        assertEquals(List.of("RECEIVED", "ENRICHED", "CLASSIFIED", "ROUTED", "DELIVERED"), trail);
    }
}
