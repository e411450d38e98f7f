package netralitas.hub.camel;

import netralitas.hub.bkn.BknAccessToken;
import netralitas.hub.bkn.BknLookup;
import netralitas.hub.bkn.BknRejectedException;
import netralitas.hub.bkn.BknResponseReader;
import netralitas.hub.bkn.BknUnavailableException;
import org.apache.camel.Exchange;
import org.apache.camel.Header;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * The Java half of the BKN routes ({@code routes/enrich.camel.yaml}): credentials, the cached access token, and the
 * reading of each answer. The HTTP calls themselves, the throttling and the retries are in the routes.
 */
public final class BknClient {

    private static final long RENEWAL_WAIT_SECONDS = 30;

    private final Semaphore renewal = new Semaphore(1);
    /** Whether this worker thread holds {@link #renewal}: a wait that timed out must not release another's hold. */
    private final ThreadLocal<Boolean> renewalHeld = ThreadLocal.withInitial(() -> false);
    private final BknAccessToken token;
    private final BknResponseReader reader;
    private final String basicAuthorization;
    private final String ssoToken;

    public BknClient(BknAccessToken token, BknResponseReader reader, String consumerKey, String consumerSecret, String ssoToken) {
        this.token = token;
        this.reader = reader;
        this.basicAuthorization = "Basic " + Base64.getEncoder()
                .encodeToString((consumerKey + ":" + consumerSecret).getBytes(StandardCharsets.UTF_8));
        this.ssoToken = ssoToken == null || ssoToken.isBlank() ? null : ssoToken.trim();
    }

    public boolean tokenUsable() {
        return token.isUsable();
    }

    /**
     * Waits until no other worker is renewing the token (it then usually finds the new one usable and fetches none).
     * Always paired with {@link #endRenewal()} in route {@code bkn-token}.
     */
    public void beginRenewal() throws InterruptedException, BknUnavailableException {
        if (!renewal.tryAcquire(RENEWAL_WAIT_SECONDS, TimeUnit.SECONDS)) {
            throw new BknUnavailableException("Another BKN token renewal has taken over " + RENEWAL_WAIT_SECONDS + " s", 0);
        }
        renewalHeld.set(true);
    }

    public void endRenewal() {
        if (renewalHeld.get()) {
            renewalHeld.set(false);
            renewal.release();
        }
    }

    public String basicAuthorization() {
        return basicAuthorization;
    }

    public String bearerAuthorization() {
        return "Bearer " + token.value();
    }

    public boolean hasSsoToken() {
        return ssoToken != null;
    }

    public String ssoAuthorization() {
        return "bearer " + ssoToken;
    }

    /** Fails the renewal unless the token endpoint answered 200: retried on 429 and 5xx, as a lookup is. */
    public void requireToken(@Header(Exchange.HTTP_RESPONSE_CODE) int status, @Header("Retry-After") String retryAfter)
            throws BknUnavailableException, BknRejectedException {
        reader.requireToken(status, retryAfter);
    }

    /** Keeps the token from the token endpoint's JSON answer. */
    public void storeToken(Map<String, Object> tokenResponse) {
        Object expiresIn = tokenResponse.get("expires_in");
        token.store((String) tokenResponse.get("access_token"),
                expiresIn == null ? 0 : Long.parseLong(expiresIn.toString()));
    }

    /**
     * Reads the data-utama answer on the exchange. A 401 drops the token and asks for a retry once (the retry fetches
     * a new token); a second 401 means the credentials are wrong, which no retry will fix.
     */
    public BknLookup read(Exchange exchange, String nip) throws BknUnavailableException, BknRejectedException {
        int status = exchange.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE, Integer.class);
        if (status == 401) {
            token.invalidate();
            if (exchange.getProperty(HubProperties.BKN_TOKEN_RENEWED, false, Boolean.class)) {
                throw new BknRejectedException("BKN rejected a freshly issued token (HTTP 401): check hub.bkn.consumer-key, "
                        + "hub.bkn.consumer-secret and hub.bkn.sso-token");
            }
            exchange.setProperty(HubProperties.BKN_TOKEN_RENEWED, true);
            throw new BknUnavailableException("BKN rejected the access token (HTTP 401); renewing it", 0);
        }
        return reader.read(nip, status, exchange.getMessage().getHeader("Retry-After", String.class),
                exchange.getMessage().getBody(String.class));
    }
}
