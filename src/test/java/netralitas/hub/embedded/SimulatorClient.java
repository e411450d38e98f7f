package netralitas.hub.embedded;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/** The few HTTP calls the tests make against the simulator, done the way the hub must do them (SPEC §4.2). */
final class SimulatorClient {

    static final ObjectMapper JSON = new ObjectMapper();

    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final BknSimulator bkn;

    SimulatorClient(BknSimulator bkn) {
        this.bkn = bkn;
    }

    HttpResponse<String> requestToken(String key, String secret, String form) throws IOException, InterruptedException {
        String basic = Base64.getEncoder().encodeToString((key + ":" + secret).getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create(bkn.tokenUrl()))
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .timeout(Duration.ofSeconds(10))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    String token() throws IOException, InterruptedException {
        HttpResponse<String> response = requestToken(BknSimulator.DEFAULT_CONSUMER_KEY, BknSimulator.DEFAULT_CONSUMER_SECRET,
                "grant_type=client_credentials");
        if (response.statusCode() != 200) {
            throw new IllegalStateException("token request failed: " + response.statusCode() + " " + response.body());
        }
        return JSON.readTree(response.body()).get("access_token").asText();
    }

    HttpRequest dataRequest(String nip, String token, String sso) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(bkn.baseUrl() + "/pns/data-utama/" + nip))
                .header("Accept", "application/json")
                .timeout(Duration.ofSeconds(20))
                .GET();
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        if (sso != null) {
            builder.header("Auth", "bearer " + sso);
        }
        return builder.build();
    }

    HttpResponse<String> data(String nip, String token) throws IOException, InterruptedException {
        return data(nip, token, null);
    }

    HttpResponse<String> data(String nip, String token, String sso) throws IOException, InterruptedException {
        return http.send(dataRequest(nip, token, sso), HttpResponse.BodyHandlers.ofString());
    }

    static JsonNode json(HttpResponse<String> response) throws IOException {
        return JSON.readTree(response.body());
    }
}
