package netralitas.hub.embedded;

import netralitas.hub.testing.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BknSimulatorFaultsTest {

    static final String NIP = BknSimulatorTest.NIP;

    private final MutableClock clock = new MutableClock(Instant.parse("2024-10-08T02:00:00.100Z"));
    private BknSimulator bkn;
    private SimulatorClient client;
    private String token;

    @BeforeEach
    void start() throws Exception {
        bkn = new BknSimulator(Map.of(NIP, BknSimulatorTest.record(NIP, "RUDI HARTONO"))).clock(clock).start();
        client = new SimulatorClient(bkn);
        token = client.token();
    }

    @AfterEach
    void stop() {
        bkn.close();
    }

    private int status() throws Exception {
        return client.data(NIP, token).statusCode();
    }

    private int tokenStatus() throws Exception {
        return client.requestToken(BknSimulator.DEFAULT_CONSUMER_KEY, BknSimulator.DEFAULT_CONSUMER_SECRET,
                "grant_type=client_credentials").statusCode();
    }

    @Test
    void failNextFailsExactlyThatManyCalls() throws Exception {
        bkn.failNext(2, 503);
        assertEquals(503, status());
        assertEquals(503, status());
        assertEquals(200, status());
        assertEquals(3, bkn.dataRequests());
    }

    @Test
    void failNextIsNotSpentOnUnauthorisedCalls() throws Exception {
        bkn.failNext(1, 500);
        assertEquals(401, client.data(NIP, null).statusCode());
        assertEquals(500, status());
        assertEquals(200, status());
    }

    @Test
    void tooManyRequestsNextSendsRetryAfter() throws Exception {
        bkn.tooManyRequestsNext(2, 7);

        HttpResponse<String> first = client.data(NIP, token);
        assertEquals(429, first.statusCode());
        assertEquals("7", first.headers().firstValue("Retry-After").orElse(null));
        assertEquals(429, status());
        assertEquals(200, status());
        assertEquals(2, bkn.tooManyRequestsSent());
    }

    @Test
    void queuedFailuresComeBeforeTooManyRequests() throws Exception {
        bkn.tooManyRequestsNext(1, 2);
        bkn.failNext(1, 502);
        assertEquals(502, status());
        assertEquals(429, status());
        assertEquals(200, status());
    }

    @Test
    void failureRatioIsRoughlyRespected() throws Exception {
        bkn.setFailureRatio(0.3, 503, 42L);
        int failures = 0;
        for (int i = 0; i < 1000; i++) {
            int status = status();
            assertTrue(status == 200 || status == 503, "unexpected status " + status);
            if (status == 503) {
                failures++;
            }
        }
        assertTrue(failures >= 240 && failures <= 360, "failures: " + failures);
        assertEquals(1000, bkn.dataRequestsFor(NIP));
    }

    @Test
    void sameSeedGivesTheSameSequence() throws Exception {
        bkn.setFailureRatio(0.5, 500, 7L);
        List<Integer> first = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            first.add(status());
        }
        bkn.setFailureRatio(0.5, 500, 7L);
        List<Integer> second = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            second.add(status());
        }
        assertEquals(first, second);
        assertTrue(first.contains(500) && first.contains(200));
    }

    @Test
    void ratioZeroTurnsFailuresOff() throws Exception {
        bkn.setFailureRatio(1.0, 500);
        assertEquals(500, status());
        bkn.setFailureRatio(0.0, 500);
        assertEquals(200, status());
    }

    @Test
    void latencyDelaysTheAnswer() throws Exception {
        bkn.setLatency(Duration.ofMillis(300));
        long started = System.nanoTime();
        assertEquals(200, status());
        long elapsedMillis = (System.nanoTime() - started) / 1_000_000;
        assertTrue(elapsedMillis >= 300, "answered after " + elapsedMillis + " ms");
    }

    @Test
    void rateLimitAnswers429BeyondTheLimitOfAnySlidingSecond() throws Exception {
        bkn.setRateLimitPerSecond(5);
        clock.advance(Duration.ofMillis(2_000));
        int ok = 0;
        int limited = 0;
        // Three at the end of a clock second, nine at the start of the next: a per-clock-second count would allow 3 + 5.
        for (int i = 0; i < 12; i++) {
            if (i == 3) {
                clock.advance(Duration.ofMillis(200));
            }
            HttpResponse<String> response = client.data(NIP, token);
            if (response.statusCode() == 200) {
                ok++;
            } else {
                assertEquals(429, response.statusCode());
                assertEquals("1", response.headers().firstValue("Retry-After").orElse(null));
                limited++;
            }
        }
        assertEquals(5, ok);
        assertEquals(7, limited);
        assertEquals(7, bkn.tooManyRequestsSent());
        assertEquals(12, bkn.worstSecond(), "refused requests arrived too");

        clock.advance(Duration.ofMillis(999));
        assertEquals(429, status(), "the nine of the last 999 ms are still in the window");
        clock.advance(Duration.ofMillis(1_000));
        assertEquals(200, status(), "a second after the last arrival the window is empty");

        bkn.setRateLimitPerSecond(0);
        for (int i = 0; i < 10; i++) {
            assertEquals(200, status());
        }
    }

    @Test
    void theTokenRequestCountsAgainstTheSameLimit() throws Exception {
        bkn.setRateLimitPerSecond(2);
        clock.advance(Duration.ofMillis(2_000));
        assertEquals(200, status());
        assertEquals(200, tokenStatus());
        assertEquals(429, tokenStatus());
        assertEquals(429, status());
        assertEquals(4, bkn.worstSecond());
        bkn.resetCounters();
        assertEquals(0, bkn.worstSecond());
    }

    @Test
    void downDropsConnectionsUntilBackUp() throws Exception {
        bkn.setDown(true);

        assertThrows(IOException.class, () -> client.data(NIP, token));
        assertThrows(IOException.class, () -> client.token());
        assertTrue(bkn.connectionsDroppedWhileDown() >= 2);
        assertEquals(0, bkn.dataRequests(), "an outage is not a received request");

        bkn.setDown(false);
        assertEquals(200, status());
    }

    @Test
    void clearFaultsSwitchesEverythingOff() throws Exception {
        bkn.failNext(3, 500);
        bkn.setFailureRatio(1.0, 503);
        bkn.setRateLimitPerSecond(1);
        bkn.setDown(true);

        bkn.clearFaults();

        assertEquals(200, status());
        assertEquals(200, status());
    }

    @Test
    void maxConcurrentCountsParallelInFlightRequests() throws Exception {
        bkn.setLatency(Duration.ofMillis(1500));
        List<CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            calls.add(client.http.sendAsync(client.dataRequest(NIP, token, null), HttpResponse.BodyHandlers.ofString()));
        }
        for (CompletableFuture<HttpResponse<String>> call : calls) {
            assertEquals(200, call.get().statusCode());
        }
        assertEquals(10, bkn.maxConcurrentDataRequests());
        assertEquals(0, bkn.inFlightDataRequests());
    }

    @Test
    void sequentialRequestsNeverOverlap() throws Exception {
        for (int i = 0; i < 5; i++) {
            assertEquals(200, status());
        }
        assertEquals(1, bkn.maxConcurrentDataRequests());
    }

    @Test
    void injectedFailuresNeedAnErrorStatus() {
        assertThrows(IllegalArgumentException.class, () -> bkn.failNext(1, 200));
        assertThrows(IllegalArgumentException.class, () -> bkn.setFailureRatio(0.5, 302));
        assertThrows(IllegalArgumentException.class, () -> bkn.setFailureRatio(1.5, 500));
    }
}
