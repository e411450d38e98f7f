package netralitas.hub.check;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/**
 * Asks the BKN token endpoint for a token as the hub does (SPEC §4.2: POST grant_type=client_credentials with HTTP
 * Basic consumer key and secret) and judges only the status: the token itself is dropped unread.
 */
final class BknTokenProbe {

    private final Duration timeout;

    BknTokenProbe(Duration timeout) {
        this.timeout = timeout;
    }

    /**
     * Why the endpoint is not usable, or null when it answered. Without credentials (they are reported missing
     * elsewhere) the request goes without them, and any answer below 500 shows the endpoint is there.
     */
    String problem(URI tokenUrl, String consumerKey, String consumerSecret) {
        boolean withCredentials = consumerKey != null && consumerSecret != null;
        HttpRequest.Builder request = HttpRequest.newBuilder(tokenUrl)
                .timeout(timeout)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"));
        if (withCredentials) {
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((consumerKey + ":" + consumerSecret).getBytes(StandardCharsets.UTF_8)));
        }
        HttpClient client = HttpClient.newBuilder()
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        int status;
        try {
            status = client.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (HttpConnectTimeoutException e) {
            return "no answer within " + ProbeMessages.shown(timeout) + " (connect timed out)";
        } catch (HttpTimeoutException e) {
            return "connected, but no answer within " + ProbeMessages.shown(timeout);
        } catch (IOException e) {
            return "no answer: " + ProbeMessages.detail(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "check interrupted before BKN answered";
        }
        if ((status == 401 || status == 403) && withCredentials) {
            return "BKN rejected the consumer key/secret (HTTP " + status + "): check hub.bkn.consumer-key and"
                    + " hub.bkn.consumer-secret";
        }
        if (status == 404 || status == 405) {
            return "answered HTTP " + status + ": no token endpoint at this URL";
        }
        if (status >= 500) {
            return "answered HTTP " + status + " (server error)";
        }
        return null;
    }
}
