package netralitas.hub.embedded;

import netralitas.hub.testing.MutableClock;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BknSimulatorTest {

    static final String NIP = "198702142010011003";
    static final String UNKNOWN_NIP = "198811232014022003";

    private final MutableClock clock = new MutableClock(Instant.parse("2024-10-08T02:00:00Z"));
    private BknSimulator bkn;
    private SimulatorClient client;

    static Map<String, Object> record(String nip, String nama) {
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("nipBaru", nip);
        record.put("nama", nama);
        record.put("instansiKerjaKodeCepat", "5807");
        record.put("nik", "1708011402870000");
        return record;
    }

    @BeforeEach
    void start() {
        bkn = new BknSimulator(Map.of(NIP, record(NIP, "RUDI HARTONO"))).clock(clock).start();
        client = new SimulatorClient(bkn);
    }

    @AfterEach
    void stop() {
        bkn.close();
    }

    @Test
    void urlsPointAtTheLoopbackPort() {
        assertTrue(bkn.port() > 0);
        assertEquals("http://127.0.0.1:" + bkn.port() + "/api", bkn.baseUrl());
        assertEquals("http://127.0.0.1:" + bkn.port() + "/oauth2/token", bkn.tokenUrl());
    }

    @Test
    void tokenIsIssuedForTheConfiguredClient() throws Exception {
        HttpResponse<String> response = client.requestToken(BknSimulator.DEFAULT_CONSUMER_KEY,
                BknSimulator.DEFAULT_CONSUMER_SECRET, "grant_type=client_credentials");

        assertEquals(200, response.statusCode());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        JsonNode body = SimulatorClient.json(response);
        assertFalse(body.get("access_token").asText().isBlank());
        assertEquals(3600, body.get("expires_in").asLong());
        assertEquals("Bearer", body.get("token_type").asText());
        assertEquals(1, bkn.tokenRequests());
    }

    @Test
    void eachTokenIsDifferent() throws Exception {
        assertNotEquals(client.token(), client.token());
        assertEquals(2, bkn.tokenRequests());
    }

    @Test
    void tokenLifetimeIsConfigurable() throws Exception {
        bkn.tokenLifetime(Duration.ofSeconds(120));
        JsonNode body = SimulatorClient.json(client.requestToken(BknSimulator.DEFAULT_CONSUMER_KEY,
                BknSimulator.DEFAULT_CONSUMER_SECRET, "grant_type=client_credentials"));
        assertEquals(120, body.get("expires_in").asLong());
    }

    @Test
    void wrongSecretIsRefused() throws Exception {
        HttpResponse<String> response = client.requestToken(BknSimulator.DEFAULT_CONSUMER_KEY, "wrong",
                "grant_type=client_credentials");
        assertEquals(401, response.statusCode());
        assertEquals("invalid_client", SimulatorClient.json(response).get("error").asText());
    }

    @Test
    void configuredCredentialsReplaceTheDefaults() throws Exception {
        bkn.credentials("hub-key", "hub-secret");
        assertEquals(401, client.requestToken(BknSimulator.DEFAULT_CONSUMER_KEY, BknSimulator.DEFAULT_CONSUMER_SECRET,
                "grant_type=client_credentials").statusCode());
        assertEquals(200, client.requestToken("hub-key", "hub-secret", "grant_type=client_credentials").statusCode());
    }

    @Test
    void missingBasicAuthIsRefused() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(bkn.tokenUrl()))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"))
                .build();
        assertEquals(401, client.http.send(request, HttpResponse.BodyHandlers.ofString()).statusCode());
    }

    @Test
    void wrongGrantTypeIsABadRequest() throws Exception {
        HttpResponse<String> response = client.requestToken(BknSimulator.DEFAULT_CONSUMER_KEY,
                BknSimulator.DEFAULT_CONSUMER_SECRET, "grant_type=password&username=x");
        assertEquals(400, response.statusCode());
        assertEquals("unsupported_grant_type", SimulatorClient.json(response).get("error").asText());
    }

    @Test
    void tokenEndpointOnlyAcceptsPost() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(bkn.tokenUrl())).GET().build();
        assertEquals(405, client.http.send(request, HttpResponse.BodyHandlers.ofString()).statusCode());
    }

    @Test
    void knownNipReturnsTheFullRecord() throws Exception {
        HttpResponse<String> response = client.data(NIP, client.token());

        assertEquals(200, response.statusCode());
        JsonNode body = SimulatorClient.json(response);
        assertEquals(1, body.get("code").asInt());
        assertEquals(NIP, body.get("data").get("nipBaru").asText());
        assertEquals("RUDI HARTONO", body.get("data").get("nama").asText());
        assertEquals("1708011402870000", body.get("data").get("nik").asText(), "extras are served as BKN sends them");
        assertEquals(1, bkn.dataRequests());
        assertEquals(1, bkn.dataRequestsFor(NIP));
    }

    @Test
    void unknownNipIs404WithMessage() throws Exception {
        HttpResponse<String> response = client.data(UNKNOWN_NIP, client.token());

        assertEquals(404, response.statusCode());
        JsonNode body = SimulatorClient.json(response);
        assertEquals(0, body.get("code").asInt());
        assertEquals("Data tidak ditemukan", body.get("message").asText());
        assertEquals(1, bkn.dataRequestsFor(UNKNOWN_NIP));
        assertEquals(0, bkn.dataRequestsFor(NIP));
    }

    @Test
    void unknownNipCanBeAnsweredAsEmptyOk() throws Exception {
        bkn.notFoundAsEmptyOk(true);
        HttpResponse<String> response = client.data(UNKNOWN_NIP, client.token());

        assertEquals(200, response.statusCode());
        JsonNode body = SimulatorClient.json(response);
        assertEquals(0, body.get("code").asInt());
        assertTrue(body.has("data"));
        assertTrue(body.get("data").isNull());
    }

    @Test
    void recordsCanBeAddedAndRemovedWhileRunning() throws Exception {
        String token = client.token();
        assertEquals(404, client.data(UNKNOWN_NIP, token).statusCode());

        bkn.putRecord(UNKNOWN_NIP, record(UNKNOWN_NIP, "ANDINI SAPUTRI"));
        assertEquals(200, client.data(UNKNOWN_NIP, token).statusCode());

        bkn.removeRecord(UNKNOWN_NIP);
        assertEquals(404, client.data(UNKNOWN_NIP, token).statusCode());
    }

    @Test
    void dataWithoutTokenIsUnauthorized() throws Exception {
        assertEquals(401, client.data(NIP, null).statusCode());
        assertEquals(1, bkn.unauthorizedSent());
        assertEquals(1, bkn.dataRequests(), "a refused call was still received");
    }

    @Test
    void dataWithUnknownTokenIsUnauthorized() throws Exception {
        assertEquals(401, client.data(NIP, "never-issued").statusCode());
    }

    @Test
    void tokenStopsWorkingWhenItExpires() throws Exception {
        bkn.tokenLifetime(Duration.ofSeconds(60));
        String token = client.token();
        clock.advance(Duration.ofSeconds(59));
        assertEquals(200, client.data(NIP, token).statusCode());

        clock.advance(Duration.ofSeconds(1));
        assertEquals(401, client.data(NIP, token).statusCode());
        assertEquals(200, client.data(NIP, client.token()).statusCode(), "a fresh token works again");
    }

    @Test
    void expireAllTokensInvalidatesIssuedTokens() throws Exception {
        String token = client.token();
        assertEquals(200, client.data(NIP, token).statusCode());

        bkn.expireAllTokens();

        assertEquals(401, client.data(NIP, token).statusCode());
    }

    @Test
    void ssoHeaderIsRequiredWhenConfigured() throws Exception {
        bkn.ssoToken("sso-123");
        String token = client.token();

        assertEquals(401, client.data(NIP, token).statusCode(), "missing Auth header");
        assertEquals(401, client.data(NIP, token, "other").statusCode(), "wrong SSO token");
        assertEquals(200, client.data(NIP, token, "sso-123").statusCode());
        assertEquals(2, bkn.unauthorizedSent());
    }

    @Test
    void ssoHeaderIsIgnoredWhenNotConfigured() throws Exception {
        assertEquals(200, client.data(NIP, client.token(), "anything").statusCode());
    }

    @Test
    void dataEndpointOnlyAcceptsGet() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(bkn.baseUrl() + "/pns/data-utama/" + NIP))
                .header("Authorization", "Bearer " + client.token())
                .POST(HttpRequest.BodyPublishers.noBody()).build();
        assertEquals(405, client.http.send(request, HttpResponse.BodyHandlers.ofString()).statusCode());
    }

    @Test
    void otherPathsAreNotFound() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + bkn.port() + "/api/pns/other/" + NIP))
                .GET().build();
        assertEquals(404, client.http.send(request, HttpResponse.BodyHandlers.ofString()).statusCode());
        assertEquals(0, bkn.dataRequests());
    }

    @Test
    void resetCountersStartsFromZero() throws Exception {
        client.data(NIP, client.token());
        bkn.resetCounters();
        assertEquals(0, bkn.dataRequests());
        assertEquals(0, bkn.dataRequestsFor(NIP));
        assertEquals(0, bkn.tokenRequests());
        assertEquals(0, bkn.maxConcurrentDataRequests());
    }

    @Test
    void configuredPortIsWhereItListens() throws Exception {
        int free;
        try (java.net.ServerSocket probe = new java.net.ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            free = probe.getLocalPort();
        }
        try (BknSimulator other = new BknSimulator().port(free).start()) {
            assertEquals(free, other.port());
            assertEquals("http://127.0.0.1:" + free + "/api", other.baseUrl());
        }
        assertThrows(IllegalArgumentException.class, () -> new BknSimulator().port(70000));
    }

    @Test
    void startingTwiceIsRefusedAndStopIsIdempotent() {
        assertThrows(IllegalStateException.class, bkn::start);
        bkn.stop();
        bkn.stop();
        assertThrows(IllegalStateException.class, bkn::port);
    }
}
